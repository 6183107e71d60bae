package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;

/**
 * An administrator changes an evaluation system in the browser: raises the minimum of meeting
 * records per quarter, sees in the preview which units' verdicts change, saves, and finds the
 * dashboard changed without a restart; a bad edit is refused with its place and the running list
 * keeps working; a rollback brings the verdicts back. 教育局 has a meeting record in each quarter of
 * 2025, 卫健局 in the first two only.
 */
@TestPropertySource(properties = "taizhang.admin.password=" + ListEditorBrowserTest.ADMIN_PASSWORD)
class ListEditorBrowserTest extends BrowserTests {
  static final String ADMIN_PASSWORD = "list-editor-admin-pw";
  private static final String LIST = "文明单位.yaml";
  private static final String MEETINGS = "Ⅰ-3-1";

  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired CompletenessService completeness;

  @BeforeEach
  void twoBureaus() throws Exception {
    loadUnits(importer, """
        code,name,type,parent
        county,青禾县文明办,创建办,
        edu,青禾县教育局,文明单位,county
        wjj,青禾县卫生健康局,文明单位,county
        """);
    // the same records again are recognised as duplicates and not stored twice
    for (int q = 1; q <= 4; q++) {
      meeting("edu", q);
      if (q <= 2) {
        meeting("wjj", q);
      }
    }
  }

  private void meeting(String unit, int quarter) throws Exception {
    String text = "2025年第" + quarter + "季度创建工作会议记录\n时间：2025年" + (quarter * 3 - 1) + "月10日\n地点：三楼会议室\n主持人：周立新\n"
        + "参会人员：全体班子成员\n记录人：刘思远\n议题：部署创建工作\n";
    ingest.ingest(new IngestRequest(unit, "meeting", null, null, 2025, unit + "-会议记录-" + quarter + ".txt", "test"),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anAdministratorRaisesAMinimumPreviewsSavesIsRefusedABadEditAndRollsBack() throws Exception {
    signIn("admin", ADMIN_PASSWORD);
    assertThat(cell("edu").getAttribute("data-status")).isEqualTo("MET");
    String scoreBefore = score("edu");

    // 1. to the editor, from the navigation
    clickAndWait(browser.findElement(By.id("nav-config")));
    assertThat(browser.getTitle()).contains("测评体系");
    clickAndWait(browser.findElement(By.cssSelector("tr.system-row[data-file='" + LIST + "'] a.edit-system")));
    WebElement min = minimum();
    assertThat(min.getAttribute("value")).isEqualTo("1");
    assertThat(new org.openqa.selenium.support.ui.Select(rule().findElement(By.cssSelector(".rule-category")))
        .getFirstSelectedOption().getText()).as("categories by their Chinese names").isEqualTo("会议记录");

    // 2. raise the minimum and preview: both bureaus' verdicts change, nothing is saved yet
    min.clear();
    min.sendKeys("2");
    browser.findElement(By.id("preview-button")).click();
    List<WebElement> rows = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#preview-changes tr.preview-row"), 0));
    assertThat(rows).extracting(r -> r.getAttribute("data-unit")).contains("edu", "wjj");
    WebElement edu2025 = browser.findElement(By.cssSelector("#preview-changes tr.preview-row[data-unit='edu'][data-year='2025']"));
    assertThat(edu2025.getText()).contains("青禾县教育局", MEETINGS, "A（达标）→ D");
    assertThat(browser.findElement(By.id("preview-summary")).getText()).contains("个的结果会改变");
    screenshot(SCREENSHOTS.resolve("list-editor-preview.png"));
    assertThat(completeness.unit("edu", 2025).orElseThrow().score()).as("a preview saves nothing").isEqualTo(Double.parseDouble(scoreBefore));

    // 3. save: in force at once, the dashboard changes without a restart
    browser.findElement(By.id("save-note")).sendKeys("每季度会议记录至少两份");
    browser.findElement(By.id("save-button")).click();
    WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-success")));
    assertThat(saved.getText()).contains("已保存为第 2 版", "最少份数 1 → 2");
    assertThat(cell("edu").getAttribute("data-status")).isNotEqualTo("MET");
    assertThat(cell("edu").getText()).isEqualTo("D");
    String scoreRaised = score("edu");
    assertThat(scoreRaised).isNotEqualTo(scoreBefore);

    // 4. a bad edit is refused with its place; the running list keeps working
    open("/admin/lists/edit?file=" + java.net.URLEncoder.encode(LIST, StandardCharsets.UTF_8));
    WebElement bad = minimum();
    bad.clear();
    bad.sendKeys("0");
    browser.findElement(By.id("save-button")).click();
    WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-error")));
    assertThat(error.getText()).isEqualTo("指标 " + MEETINGS + " 的材料要求第1条：最少份数（min） 应在 1 到 1000 之间，实际为 0");
    assertThat(rule().getAttribute("class")).contains("has-error");
    assertThat(browser.findElement(By.cssSelector(".ind-node[data-code='" + MEETINGS + "'] .inline-error")).getText())
        .as("the problem is also shown where it is").isEqualTo(error.getText());
    screenshot(SCREENSHOTS.resolve("list-editor-refused.png"));
    assertThat(cell("edu").getText()).as("the saved list still judges").isEqualTo("D");
    assertThat(score("edu")).isEqualTo(scoreRaised);

    // 5. roll back to the first version from the history: preview, confirm, verdicts restored
    open("/admin/lists/history?file=" + java.net.URLEncoder.encode(LIST, StandardCharsets.UTF_8));
    assertThat(browser.findElements(By.cssSelector("#versions tr.version-row"))).hasSize(2);
    clickAndWait(browser.findElement(By.cssSelector("#versions tr.version-row[data-version='1'] a.preview-rollback")));
    assertThat(browser.findElement(By.id("preview-changes")).getText()).contains("青禾县教育局");
    clickAndWait(browser.findElement(By.id("rollback-confirm")));
    assertThat(browser.findElement(By.id("flash")).getText()).contains("已回滚到第 1 版", "第 3 版");
    assertThat(browser.findElement(By.cssSelector("#versions tr.version-row[data-version='3']")).getText()).contains("回滚");
    assertThat(cell("edu").getAttribute("data-status")).isEqualTo("MET");
    assertThat(score("edu")).isEqualTo(scoreBefore);
  }

  /** The configuration pages at a phone's width: nothing wider than the screen but the tables, which scroll by themselves. */
  @Test
  void theConfigurationPagesFitAPhone() throws Exception {
    signIn("admin", ADMIN_PASSWORD);
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String page : List.of("/admin/lists", "/admin/lists/edit?file=" + java.net.URLEncoder.encode(LIST, StandardCharsets.UTF_8),
        "/admin/categories", "/admin/units?edit=edu")) {
      open(page);
      Number overflow = (Number) browser.executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow.intValue()).as(page).isLessThanOrEqualTo(1);
    }
    open("/admin/lists/edit?file=" + java.net.URLEncoder.encode(LIST, StandardCharsets.UTF_8));
    assertThat(minimum().isDisplayed()).isTrue();
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", minimum());
    screenshot(SCREENSHOTS.resolve("list-editor-phone.png"));
    browser.manage().window().setSize(window());
    open("/admin/units?edit=edu");
    screenshot(SCREENSHOTS.resolve("admin-units.png"));
    open("/admin/categories");
    screenshot(SCREENSHOTS.resolve("admin-categories.png"));
  }

  private WebElement rule() {
    return wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".ind-node[data-code='" + MEETINGS + "'] tr.rule-row[data-rule='1']")));
  }

  private WebElement minimum() {
    return rule().findElement(By.cssSelector(".rule-min"));
  }

  private WebElement cell(String unit) {
    open("/completeness?year=2025");
    return wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("a.cell[data-unit='" + unit + "'][data-indicator='" + MEETINGS + "']")));
  }

  private String score(String unit) {
    open("/completeness?year=2025");
    String text = browser.findElement(By.cssSelector("tr.matrix-row[data-unit='" + unit + "'] .score")).getText();
    return text.substring(0, text.indexOf('/')).strip();
  }
}
