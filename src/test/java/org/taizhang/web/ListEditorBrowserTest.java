package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
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
    loadUnits(
        importer,
        """
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
    String text =
        "2025年第"
            + quarter
            + "季度创建工作会议记录\n时间：2025年"
            + (quarter * 3 - 1)
            + "月10日\n地点：三楼会议室\n主持人：周立新\n"
            + "参会人员：全体班子成员\n记录人：刘思远\n议题：部署创建工作\n";
    ingest.ingest(
        new IngestRequest(
            unit, "meeting", null, null, 2025, unit + "-会议记录-" + quarter + ".txt", "test"),
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
    clickAndWait(
        browser.findElement(
            By.cssSelector("tr.system-row[data-file='" + LIST + "'] a.edit-system")));
    WebElement min = minimum();
    assertThat(min.getAttribute("value")).isEqualTo("1");
    assertThat(
            new Select(rule().findElement(By.cssSelector(".rule-category")))
                .getFirstSelectedOption()
                .getText())
        .as("categories by their Chinese names")
        .isEqualTo("会议记录");

    // 2. raise the minimum and preview: both bureaus' verdicts change, nothing is saved yet
    min.clear();
    min.sendKeys("2");
    browser.findElement(By.id("preview-button")).click();
    List<WebElement> rows =
        wait.until(
            ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#preview-changes tr.preview-row"), 0));
    assertThat(rows).extracting(r -> r.getAttribute("data-unit")).contains("edu", "wjj");
    WebElement edu2025 =
        browser.findElement(
            By.cssSelector("#preview-changes tr.preview-row[data-unit='edu'][data-year='2025']"));
    assertThat(edu2025.getText()).contains("青禾县教育局", MEETINGS, "A（达标）→ D");
    assertThat(browser.findElement(By.id("preview-summary")).getText()).contains("个的结果会改变");
    screenshot(SCREENSHOTS.resolve("list-editor-preview.png"));
    assertThat(completeness.unit("edu", 2025).orElseThrow().score())
        .as("a preview saves nothing")
        .isEqualTo(Double.parseDouble(scoreBefore));

    // 3. save: in force at once, the dashboard changes without a restart
    browser.findElement(By.id("save-note")).sendKeys("每季度会议记录至少两份");
    browser.findElement(By.id("save-button")).click();
    WebElement saved =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-success")));
    assertThat(saved.getText()).contains("已保存为第 2 版", "最少份数 1 → 2");
    assertThat(cell("edu").getAttribute("data-status")).isNotEqualTo("MET");
    assertThat(cell("edu").getText()).isEqualTo("D");
    String scoreRaised = score("edu");
    assertThat(scoreRaised).isNotEqualTo(scoreBefore);

    // 4. a bad edit is refused with its place; the running list keeps working
    open("/admin/lists/edit?file=" + URLEncoder.encode(LIST, StandardCharsets.UTF_8));
    WebElement bad = minimum();
    bad.clear();
    bad.sendKeys("0");
    browser.findElement(By.id("save-button")).click();
    WebElement error =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor-error")));
    assertThat(error.getText()).isEqualTo("指标 " + MEETINGS + " 的材料要求第1条：最少份数 应在 1 到 1000 之间，实际为 0");
    assertThat(rule().getAttribute("class")).contains("has-error");
    assertThat(
            browser
                .findElement(
                    By.cssSelector(".ind-node[data-code='" + MEETINGS + "'] .inline-error"))
                .getText())
        .as("the problem is also shown where it is")
        .isEqualTo(error.getText());
    screenshot(SCREENSHOTS.resolve("list-editor-refused.png"));

    // an indicator left without a name is named itself, by its code, and marked; without a code
    // too, by its place
    open("/admin/lists/edit?file=" + URLEncoder.encode(LIST, StandardCharsets.UTF_8));
    empty(meetingNode().findElement(By.cssSelector(".ind-name-input")));
    browser.findElement(By.id("save-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("editor-error"), "指标 " + MEETINGS + "：请填写指标名称"));
    assertThat(browser.findElements(By.cssSelector(".ind-node.has-error")))
        .singleElement()
        .satisfies(n -> assertThat(n.getAttribute("data-code")).isEqualTo(MEETINGS));
    empty(meetingNode().findElement(By.cssSelector(".ind-code-input")));
    browser.findElement(By.id("save-button")).click();
    wait.until(ExpectedConditions.textToBe(By.id("editor-error"), "指标 Ⅰ-3 下第 1 项：请填写指标编号和指标名称"));
    WebElement marked = browser.findElement(By.cssSelector(".ind-node.has-error"));
    assertThat(browser.findElements(By.cssSelector(".ind-node.has-error")))
        .as("the item, not its parent")
        .hasSize(1);
    assertThat(marked.getAttribute("data-code")).isEmpty();
    assertThat(marked.findElement(By.cssSelector(".inline-error")).getText())
        .isEqualTo("指标 Ⅰ-3 下第 1 项：请填写指标编号和指标名称");
    assertThat(cell("edu").getText()).as("the saved list still judges").isEqualTo("D");
    assertThat(score("edu")).isEqualTo(scoreRaised);

    // 5. roll back to the first version from the history: preview, confirm, verdicts restored
    open("/admin/lists/history?file=" + URLEncoder.encode(LIST, StandardCharsets.UTF_8));
    assertThat(browser.findElements(By.cssSelector("#versions tr.version-row"))).hasSize(2);
    clickAndWait(
        browser.findElement(
            By.cssSelector("#versions tr.version-row[data-version='1'] a.preview-rollback")));
    assertThat(browser.findElement(By.id("preview-changes")).getText()).contains("青禾县教育局");
    clickAndWait(browser.findElement(By.id("rollback-confirm")));
    assertThat(browser.findElement(By.id("flash")).getText()).contains("已回滚到第 1 版", "第 3 版");
    assertThat(
            browser
                .findElement(By.cssSelector("#versions tr.version-row[data-version='3']"))
                .getText())
        .contains("回滚");
    assertThat(cell("edu").getAttribute("data-status")).isEqualTo("MET");
    assertThat(score("edu")).isEqualTo(scoreBefore);
  }

  /**
   * The configuration pages at a phone's width: nothing wider than the screen but the tables, which
   * scroll by themselves.
   */
  @Test
  void theConfigurationPagesFitAPhone() throws Exception {
    signIn("admin", ADMIN_PASSWORD);
    browser.manage().window().setSize(new Dimension(390, 844));
    for (String page :
        List.of(
            "/admin/lists",
            "/admin/lists/edit?file=" + URLEncoder.encode(LIST, StandardCharsets.UTF_8),
            "/admin/categories",
            "/admin/units?edit=edu")) {
      open(page);
      Number overflow =
          (Number)
              browser.executeScript(
                  "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(overflow.intValue()).as(page).isLessThanOrEqualTo(1);
    }
    open("/admin/lists/edit?file=" + URLEncoder.encode(LIST, StandardCharsets.UTF_8));
    assertThat(minimum().isDisplayed()).isTrue();
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", minimum());
    screenshot(SCREENSHOTS.resolve("list-editor-phone.png"));
    browser.manage().window().setSize(window());
    open("/admin/units?edit=edu");
    screenshot(SCREENSHOTS.resolve("admin-units.png"));
    open("/admin/categories");
    screenshot(SCREENSHOTS.resolve("admin-categories.png"));
  }

  /**
   * The header: one row on a 1366 px laptop; on a phone one short row with the links folded behind
   * 菜单, so that a page starts near the top; and the upload hint does not leave a character alone.
   */
  @Test
  void theHeaderFitsALaptopInOneRowAndLeavesAPhonesScreenToThePage() throws Exception {
    browser.manage().window().setSize(new Dimension(1366, 900));
    signIn("admin", ADMIN_PASSWORD);
    open("/admin/lists");
    Map<String, Number> laptop = header();
    assertThat(laptop.get("logoutTop").doubleValue())
        .as("退出 beside the links, not on a second row")
        .isLessThan(laptop.get("navBottom").doubleValue());
    assertThat(laptop.get("header").doubleValue()).isLessThanOrEqualTo(70);
    screenshot(SCREENSHOTS.resolve("header-1366.png"));

    // a phone: a headless window is never narrower than 500 px, so a browser that sees a phone's
    // screen
    browser.quit();
    browser = Chromium.start(freshDirectory("chromium-phone-"), 390, 844, true);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    signIn("admin", ADMIN_PASSWORD);
    open("/admin/lists");
    Map<String, Number> phone = header();
    assertThat(phone.get("width").intValue()).isEqualTo(390);
    assertThat(phone.get("contentTop").doubleValue())
        .as("the page's heading starts near the top")
        .isLessThanOrEqualTo(160);
    assertThat(browser.findElement(By.id("nav")).isDisplayed())
        .as("the links are folded")
        .isFalse();
    assertThat(browser.findElement(By.id("logout")).isDisplayed()).as("退出 is at hand").isTrue();
    screenshot(SCREENSHOTS.resolve("header-phone.png"));
    WebElement menu = browser.findElement(By.id("nav-toggle"));
    menu.click();
    assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(browser.findElement(By.id("nav-config")).isDisplayed()).isTrue();
    screenshot(SCREENSHOTS.resolve("header-phone-menu.png"));
    clickAndWait(browser.findElement(By.cssSelector("#nav a[href='/upload']")));
    // every line of the drop zone's hint holds more than a character or two
    Object lines =
        browser.executeScript(
            """
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('.dropzone-hint'));
        return Array.from(range.getClientRects()).map(r => Math.round(r.width));""");
    assertThat((List<?>) lines)
        .isNotEmpty()
        .allSatisfy(w -> assertThat(((Number) w).intValue()).isGreaterThan(40));
    screenshot(SCREENSHOTS.resolve("upload-phone.png"));
  }

  /** Where the header's parts are, in CSS pixels. */
  @SuppressWarnings("unchecked")
  private Map<String, Number> header() {
    return (Map<String, Number>)
        browser.executeScript(
            """
        const box = s => document.querySelector(s).getBoundingClientRect();
        return {header: box('.site-header').height, navBottom: box('#nav a').bottom, logoutTop: box('#logout').top,
          contentTop: box('main h1').top, width: window.innerWidth};""");
  }

  /** Empties a field by typing, as a person does, so that the editor hears it. */
  private static void empty(WebElement field) {
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
  }

  private WebElement meetingNode() {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".ind-node[data-code='" + MEETINGS + "']")));
  }

  private WebElement rule() {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".ind-node[data-code='" + MEETINGS + "'] tr.rule-row[data-rule='1']")));
  }

  private WebElement minimum() {
    return rule().findElement(By.cssSelector(".rule-min"));
  }

  private WebElement cell(String unit) {
    open("/completeness?year=2025");
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("a.cell[data-unit='" + unit + "'][data-indicator='" + MEETINGS + "']")));
  }

  private String score(String unit) {
    open("/completeness?year=2025");
    String text =
        browser
            .findElement(By.cssSelector("tr.matrix-row[data-unit='" + unit + "'] .score"))
            .getText();
    return text.substring(0, text.indexOf('/')).strip();
  }
}
