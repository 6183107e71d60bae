package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.EvaluationSystem;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestFiles;

/**
 * A unit's clerk on a phone (390 × 844): signs in and lands on the to-do list with the unit's
 * checklist, uploads three photos at once and reads each one's result (what was recognised from the
 * file name and the photo's EXIF time) and corrects one in place, finds on the unit's checklist
 * that a photo is still missing because one photo's name made it a briefing, corrects that photo's
 * category on its document page — whose fields the preview no longer covers — and sees the
 * checklist change.
 */
class PhoneUploadBrowserTest extends BrowserTests {
  static final String ADMIN_PASSWORD = ServiceTest.ADMIN_PASSWORD;

  private static final String UNIT = "qhx-jtj";
  private static final String UNIT_NAME = "青禾县交通运输局";
  private static final String CLERK = "李娜";
  private static final String CLERK_PASSWORD = "li-na-password-1";
  private static final String PHOTO_MISSING = "2025年缺少活动照片";

  @Autowired FolderImporter importer;
  @Autowired AccountService accounts;
  @Autowired CompletenessService completeness;

  @Override
  Dimension window() {
    return new Dimension(390, 844);
  }

  @Override
  boolean phone() {
    return true;
  }

  @BeforeEach
  void unitAndClerk() throws Exception {
    if (accounts.find(CLERK).isEmpty()) {
      loadUnits(
          importer,
          """
          code,name,type,parent
          qhx,青禾县文明办,创建办,
          %s,%s,文明单位,qhx
          """
              .formatted(UNIT, UNIT_NAME));
      accounts.create("test", CLERK, "李娜", Role.CLERK, UNIT, CLERK_PASSWORD);
    }
  }

  @Test
  void aClerkUploadsThreePhotosCorrectsOneAndTheChecklistFollows() throws Exception {
    String photoIndicator = indicatorAsking("photo");

    // 1. Signing in lands the clerk on the to-do list, with the unit's checklist at hand.
    signIn(CLERK, CLERK_PASSWORD);
    assertThat(browser.getCurrentUrl()).endsWith("/todo");
    assertThat(browser.findElement(By.id("clerk-home")).getText()).contains(UNIT_NAME, "查看本单位台账清单");
    List<String> firstMissing =
        browser.findElements(By.cssSelector("#clerk-missing-items li")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(firstMissing)
        .as("what is missing, not only how much")
        .isNotEmpty()
        .anySatisfy(t -> assertThat(t).contains("缺少"));
    assertThat(viewportWidth()).isEqualTo(390);

    // 2. Three photos at once: the unit is the clerk's own and fixed, the year left to recognition.
    open("/upload");
    assertThat(browser.findElement(By.id("fixed-unit")).getText()).isEqualTo(UNIT_NAME);
    assertThat(browser.findElements(By.cssSelector("select#unit"))).isEmpty();
    assertThat(new Select(browser.findElement(By.id("year"))).getFirstSelectedOption().getText())
        .isEqualTo("自动识别");
    Path meeting = photo("2025年第三季度创建工作会议记录.jpg", TestFiles.jpeg(11, null));
    Path lecture = photo("道德讲堂宣讲简报.jpg", TestFiles.jpeg(12, LocalDateTime.of(2025, 5, 10, 9, 30)));
    Path signIn =
        photo("2025年第二季度会议签到表.jpg", TestFiles.jpeg(13, LocalDateTime.of(2025, 6, 20, 15, 0)));
    browser.findElement(By.id("file")).sendKeys(meeting + "\n" + lecture + "\n" + signIn);
    browser.findElement(By.id("upload-submit")).click();
    wait.until(
        d ->
            d.findElements(By.cssSelector("#upload-results li.upload-item[data-state=accepted]"))
                    .size()
                == 3);
    assertThat(browser.findElement(By.id("upload-summary")).getText())
        .contains("共 3 个文件", "已上传 3 个");

    Map<String, String> first = result("2025年第三季度创建工作会议记录.jpg");
    assertThat(first)
        .containsEntry("category", "会议记录")
        .containsEntry("date", "未识别")
        .containsEntry("period", "2025年第三季度")
        .containsEntry("year", "2025");
    Map<String, String> second = result("道德讲堂宣讲简报.jpg");
    assertThat(second)
        .containsEntry("category", "工作简报")
        .containsEntry("date", "2025-05-10")
        .containsEntry("period", "—")
        .containsEntry("year", "2025");
    Map<String, String> third = result("2025年第二季度会议签到表.jpg");
    assertThat(third)
        .containsEntry("category", "签到表")
        .containsEntry("date", "2025-06-20")
        .containsEntry("period", "2025年第二季度")
        .containsEntry("year", "2025");
    // A result is corrected in place: the sign-in sheet's date, through the API with the page's
    // session.
    WebElement sheet =
        browser.findElement(
            By.cssSelector("#upload-results li.upload-item[data-name='2025年第二季度会议签到表.jpg']"));
    sheet.findElement(By.cssSelector(".upload-correct summary")).click();
    WebElement date = sheet.findElement(By.cssSelector("input[name=date]"));
    date.clear();
    date.sendKeys("2025年6月21日");
    sheet.findElement(By.cssSelector(".upload-correct button[type=submit]")).click();
    wait.until(
        d -> "已更正".equals(sheet.findElement(By.cssSelector(".upload-correct .message")).getText()));
    assertThat(sheet.findElement(By.cssSelector(".inferred-date")).getText())
        .isEqualTo("2025-06-21");

    String lectureDocument =
        browser
            .findElement(
                By.cssSelector(
                    "#upload-results li.upload-item[data-name='道德讲堂宣讲简报.jpg'] a.upload-link"))
            .getAttribute("href");
    scrollTo(browser.findElement(By.id("upload-results-section")));
    viewportScreenshot("phone-upload-results.png");

    // 3. The checklist still lacks a photo: the lecture photo's name made it a briefing.
    open("/units/" + UNIT + "/completeness?year=2025");
    assertThat(missingOf(photoIndicator)).contains(PHOTO_MISSING);

    // 4. On its document page the clerk reads every field beside the preview and corrects the
    // category.
    browser.get(lectureDocument);
    assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo("道德讲堂宣讲简报");
    assertFieldsNotCovered();
    scrollTo(browser.findElement(By.id("metadata")));
    viewportScreenshot("phone-document.png");
    browser.findElement(By.cssSelector("#describe summary")).click();
    new Select(browser.findElement(By.id("describe-category"))).selectByVisibleText("活动照片");
    scrollTo(browser.findElement(By.id("describe-submit")));
    viewportScreenshot("phone-document-correct.png");
    clickAndWait(browser.findElement(By.id("describe-submit")));
    assertThat(browser.findElement(By.id("flash")).getText()).contains("已更正著录", "活动照片");
    assertThat(browser.findElement(By.id("meta-category")).getText()).isEqualTo("活动照片");

    // 5. The checklist has followed at once: the photo is no longer missing.
    open("/units/" + UNIT + "/completeness?year=2025");
    assertThat(missingOf(photoIndicator)).doesNotContain(PHOTO_MISSING);
    WebElement article = browser.findElement(By.id("ind-" + photoIndicator));
    assertThat(article.findElement(By.cssSelector(".evidence")).getText()).contains("道德讲堂宣讲简报");
    scrollTo(article);
    viewportScreenshot("phone-checklist-after.png");
  }

  private Path photo(String name, byte[] jpeg) throws Exception {
    Path p = uploads.resolve(name);
    Files.write(p, jpeg);
    return p.toAbsolutePath();
  }

  /** One upload result as shown: what was recognised, by field. */
  private Map<String, String> result(String fileName) {
    WebElement item =
        browser.findElement(
            By.cssSelector("#upload-results li.upload-item[data-name='" + fileName + "']"));
    assertThat(item.findElement(By.cssSelector(".upload-status")).getText()).isEqualTo("已上传，等待审核");
    assertThat(item.findElement(By.cssSelector("a.upload-link")).getAttribute("href"))
        .endsWith("/documents/" + item.getAttribute("data-document-id"));
    return Map.of(
        "category", item.findElement(By.cssSelector(".inferred-category")).getText(),
        "date", item.findElement(By.cssSelector(".inferred-date")).getText(),
        "period", item.findElement(By.cssSelector(".inferred-period")).getText(),
        "year", item.findElement(By.cssSelector(".inferred-year")).getText());
  }

  private List<String> missingOf(String indicator) {
    return browser
        .findElement(By.id("ind-" + indicator))
        .findElements(By.cssSelector("li.missing-item .missing-text"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  /** 单位, 类别, 文档日期 and 年度 are inside the viewport's width and nothing is drawn over them. */
  private void assertFieldsNotCovered() {
    for (String id : List.of("meta-category", "meta-date", "meta-year")) {
      WebElement cell = browser.findElement(By.id(id));
      scrollTo(cell);
      Object covered =
          browser.executeScript(
              """
          const cell = arguments[0];
          const r = cell.getBoundingClientRect();
          if (r.left < 0 || r.right > window.innerWidth) { return 'outside the viewport: ' + r.left + '..' + r.right; }
          const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return cell.contains(top) ? null : 'covered by ' + top.tagName + '.' + top.className;
          """,
              cell);
      assertThat(covered).as(id).isNull();
    }
  }

  private int viewportWidth() {
    return ((Number) browser.executeScript("return window.innerWidth")).intValue();
  }

  private void scrollTo(WebElement e) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'start'})", e);
  }

  private void viewportScreenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }

  /** The indicator of the 文明单位 system that asks for evidence of the category. */
  private String indicatorAsking(String category) {
    EvaluationSystem system =
        completeness.systems().stream()
            .filter(s -> s.covers("文明单位", 2025))
            .findFirst()
            .orElseThrow();
    return system.leaves().stream()
        .map(EvaluationSystem.Leaf::indicator)
        .filter(i -> i.evidence().stream().anyMatch(r -> r.category().equals(category)))
        .map(EvaluationSystem.Indicator::code)
        .findFirst()
        .orElseThrow();
  }
}
