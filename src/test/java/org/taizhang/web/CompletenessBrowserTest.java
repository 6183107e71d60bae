package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.EvaluationSystem;
import org.taizhang.review.RecycleBin;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.support.ServiceTest;

/**
 * The completeness dashboard in a real headless Chromium, on the sample county: the administrator
 * finds 县卫健局's meeting-record cell short of its third quarter (the sample's deliberate gap),
 * follows it to the unit's checklist and reads the missing item; the unit's clerk uploads the
 * missing record through the upload form; back on the dashboard the cell has turned 达标.
 */
@SampleArchiveTest
class CompletenessBrowserTest extends BrowserTests {
  static final String ADMIN_PASSWORD = ServiceTest.ADMIN_PASSWORD;

  private static final String UNIT = "qhx-wjj";
  private static final String UNIT_NAME = "青禾县卫生健康局";
  private static final String CLERK = "wjj-clerk";
  private static final String CLERK_NAME = "卫健局填报员孙丽";
  private static final String CLERK_PASSWORD = "wjj-clerk-pw-1";
  private static final String MISSING = "2025年第三季度缺少会议记录";
  private static final String TITLE = "2025年第三季度创建工作会议记录";
  private static final String MEETING =
      """
      2025年第三季度创建工作会议记录
      时间：2025年8月15日
      地点：县卫生健康局三楼会议室
      主持人：局长 周建华
      参会人员：局领导班子成员、各股室负责人共18人
      缺席人员：无
      记录人：办公室 孙丽
      议题：研究部署第三季度文明单位创建工作，推进志愿服务常态化
      发言：周建华传达县创建办督查通报精神，要求各股室对照测评体系补齐台账短板。
      决议：一、九月底前完成志愿服务活动记录整理；二、创建办每月检查台账一次。
      """;

  @Autowired SampleArchive sample;

  @Autowired RecycleBin recycleBin;

  @Autowired AccountService accounts;

  @Autowired CompletenessService completeness;

  @Override
  Dimension window() {
    return new Dimension(1400, 1000);
  }

  /** The record the clerk hands in. */
  private Long handedIn;

  @BeforeEach
  void sampleArchiveAndClerk() {
    sample.imported();
    if (accounts.find(CLERK).isEmpty()) {
      accounts.create("test", CLERK, CLERK_NAME, Role.CLERK, UNIT, CLERK_PASSWORD);
    }
  }

  /**
   * The record goes to the recycle bin again: the sample's deliberate gap is back for the tests
   * after this one.
   */
  @AfterEach
  void takeTheRecordBack() {
    if (handedIn != null) {
      recycleBin.delete(Caller.system("test"), handedIn);
    }
  }

  @Test
  void missingMeetingRecordFoundOnTheDashboardThenHandedInTurnsTheCellGreen() throws Exception {
    String indicator = meetingIndicator();

    // 1. The administrator finds the unit's meeting-record cell short of evidence.
    signIn("admin", ADMIN_PASSWORD);
    assertThat(browser.findElement(By.id("nav")).getText()).contains("完整性");
    open("/completeness?year=2025");
    assertThat(browser.getTitle()).contains("台账完整性");
    WebElement cell = cell(indicator);
    assertThat(cell.getAttribute("data-status")).isIn("MISSING", "PARTIAL");
    assertThat(cell.getAttribute("class"))
        .contains("cell", "status-" + cell.getAttribute("data-status"));
    assertThat(backgroundOf(cell))
        .as("a red or amber cell")
        .isIn("rgb(244, 169, 162)", "rgb(255, 217, 122)");
    WebElement row = browser.findElement(By.cssSelector("tr.matrix-row[data-unit='" + UNIT + "']"));
    assertThat(row.findElement(By.cssSelector(".unit-link")).getText()).isEqualTo(UNIT_NAME);
    assertThat(row.findElement(By.cssSelector(".rank")).getText()).matches("\\d+/\\d+");
    // The column header names the indicator in its tooltip.
    WebElement header =
        browser.findElement(By.cssSelector("th.ind-col[data-indicator='" + indicator + "']"));
    assertThat(header.getAttribute("title")).contains("会议");
    // ECharts drew both charts (SVG renderer) from the data attribute: the script ran under the
    // CSP.
    wait.until(
        d ->
            d.findElements(By.cssSelector("#chart-types svg")).size() == 1
                && d.findElements(By.cssSelector("#chart-months svg")).size() == 1);
    assertThat(browser.findElement(By.id("chart-types")).getText()).contains("达标率");
    fullPageScreenshot("completeness-dashboard.png");

    // 2. The cell leads to the unit's checklist at the indicator, which names the missing item.
    clickAndWait(cell);
    String address = URLDecoder.decode(browser.getCurrentUrl(), StandardCharsets.UTF_8);
    assertThat(address)
        .contains("/units/" + UNIT + "/completeness", "year=2025")
        .endsWith("#ind-" + indicator);
    WebElement article = browser.findElement(By.id("ind-" + indicator));
    List<String> missing =
        article.findElements(By.cssSelector("li.missing-item .missing-text")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(missing).contains(MISSING);
    assertThat(article.findElement(By.cssSelector("li.missing-item")).getAttribute("data-key"))
        .endsWith("2025-Q3");
    assertThat(browser.findElement(By.id("unit-name")).getText()).isEqualTo(UNIT_NAME);
    assertThat(browser.findElement(By.id("due-box")).getText()).contains(MISSING);
    fullPageScreenshot("unit-completeness.png");
    Chromium.signOut(browser, wait);

    // 3. The unit's clerk is taken to its own checklist and hands the record in.
    signIn(CLERK, CLERK_PASSWORD);
    assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo(CLERK_NAME);
    clickAndWait(browser.findElement(By.id("nav-completeness")));
    assertThat(browser.getCurrentUrl()).contains("/units/" + UNIT + "/completeness");
    // the checklist opens on the current year; the gap is in the sample's 2025
    open("/units/" + UNIT + "/completeness?year=2025");
    assertThat(browser.findElement(By.id("ind-" + indicator)).getText()).contains(MISSING);
    clickAndWait(browser.findElement(By.id("upload-more")));
    assertThat(browser.getCurrentUrl()).contains("/upload?unit=" + UNIT);
    assertThat(browser.findElement(By.id("unit")).getAttribute("value")).isEqualTo(UNIT);
    new Select(browser.findElement(By.id("category"))).selectByVisibleText("会议记录");
    browser.findElement(By.id("file")).sendKeys(uploadFile(TITLE + ".txt", MEETING).toString());
    browser.findElement(By.id("upload-submit")).click();
    handedIn = openUploaded(TITLE + ".txt");
    assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo(TITLE);
    assertThat(browser.findElement(By.id("metadata")).getText()).contains("会议记录", "2025-08-15");
    Chromium.signOut(browser, wait);

    // 4. Back on the dashboard the cell is green.
    signIn("admin", ADMIN_PASSWORD);
    open("/completeness?year=2025");
    WebElement after = cell(indicator);
    assertThat(after.getAttribute("data-status")).isEqualTo("MET");
    assertThat(after.getAttribute("class")).contains("status-MET");
    assertThat(after.getText()).isEqualTo("A");
    assertThat(backgroundOf(after)).isEqualTo("rgb(183, 225, 193)");
    fullPageScreenshot("completeness-dashboard-after.png");
    clickAndWait(after);
    WebElement done = browser.findElement(By.id("ind-" + indicator));
    assertThat(done.getAttribute("data-status")).isEqualTo("MET");
    assertThat(done.findElements(By.cssSelector("li.missing-item"))).isEmpty();
    assertThat(done.findElement(By.cssSelector(".evidence")).getText()).contains(TITLE);
  }

  /**
   * The 文明单位 system's indicator that asks for meeting records each quarter (Ⅰ-3-1 in the sample's
   * configuration).
   */
  private String meetingIndicator() {
    EvaluationSystem system =
        completeness.systems().stream()
            .filter(s -> s.covers("文明单位", 2025))
            .findFirst()
            .orElseThrow();
    return system.leaves().stream()
        .map(EvaluationSystem.Leaf::indicator)
        .filter(i -> i.evidence().stream().anyMatch(r -> r.category().equals("meeting")))
        .map(EvaluationSystem.Indicator::code)
        .findFirst()
        .orElseThrow();
  }

  private WebElement cell(String indicator) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(
                "a.cell[data-unit='" + UNIT + "'][data-indicator='" + indicator + "']")));
  }

  private String backgroundOf(WebElement e) {
    return e.getCssValue("background-color").replace("rgba", "rgb").replaceAll(", 1\\)$", ")");
  }
}
