package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;

/**
 * A reviewer opens a document from a search in a real headless Chromium, by the hit's own link
 * (which carries the query): every occurrence of the query is marked in the text (台帐 and 臺賬 for 台账
 * too), the sticky bar says 第 n / N 处, and 下一处 / 上一处 step through the marks, wrapping around at
 * either end. The page also lists the document's near copy from another unit under 相似材料.
 */
@TestPropertySource(properties = "taizhang.admin.password=preview-browser-admin-pw")
class PreviewBrowserTest extends BrowserTests {
  private static final String REVIEWER = "county-reviewer";
  private static final String PASSWORD = "preview-browser-pw-1";
  private static final String QUERY = "台账";
  private static final String TITLE = "星河社区2025年度文明创建工作总结";

  @Autowired FolderImporter importer;

  @Autowired IngestService ingest;

  @Autowired AccountService accounts;

  @Override
  Dimension window() {
    return new Dimension(1280, 900);
  }

  @Test
  void openADocumentFromASearchAndStepThroughItsHits() throws Exception {
    Map<String, Document> docs = seed();
    Document summary = docs.get("summary");
    signIn(REVIEWER, PASSWORD);

    // 1. Search, then open the document from its hit.
    browser.get(url("/?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8)));
    // The hit's link carries the query, so the document opens with its hits marked; a link without
    // it is no hit here.
    String link =
        "/documents/" + summary.id() + "?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8);
    WebElement hit =
        browser.findElements(By.cssSelector("#results .hit a.hit-title")).stream()
            .filter(a -> a.getAttribute("href").endsWith(link))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no hit links to " + link + " on " + browser.getCurrentUrl()));
    // The export of the same search is offered beside the result count.
    assertThat(browser.findElement(By.id("export")).getAttribute("href"))
        .endsWith("/search.xlsx?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
    clickAndWait(hit);
    assertThat(browser.getCurrentUrl()).endsWith(link);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hit-nav")));
    assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo(TITLE);

    // 2. Every occurrence is marked, in any spelling, numbered in order.
    List<WebElement> marks = browser.findElements(By.cssSelector("#text mark.hit"));
    assertThat(marks)
        .extracting(WebElement::getText)
        .containsExactly("台账", "台帐", "臺賬", "台账", "台账", "台帐");
    for (int i = 0; i < marks.size(); i++) {
      assertThat(marks.get(i).getAttribute("id")).isEqualTo("hit-" + (i + 1));
    }
    int total = marks.size();
    assertThat(browser.findElement(By.id("hit-summary")).getText()).contains("共 " + total + " 处");
    // The script has taken over: the position, the first hit current, the plain number links
    // hidden.
    assertThat(position()).isEqualTo("第 1 / " + total + " 处");
    assertThat(marks.get(0).getAttribute("class")).contains("current");
    assertThat(browser.findElement(By.id("hit-anchors")).isDisplayed()).isFalse();
    assertThat(visibleInText(marks.get(0))).as("the text box shows the first hit").isTrue();

    // 3. 下一处 steps forward and brings the hit into view; the address follows.
    WebElement next = browser.findElement(By.id("hit-next"));
    WebElement prev = browser.findElement(By.id("hit-prev"));
    next.click();
    assertThat(position()).isEqualTo("第 2 / " + total + " 处");
    assertThat(marks.get(1).getAttribute("class")).contains("current");
    assertThat(marks.get(0).getAttribute("class")).doesNotContain("current");
    assertThat(browser.getCurrentUrl()).endsWith("#hit-2");
    assertThat(inViewport(marks.get(1))).isTrue();
    next.click();
    next.click();
    assertThat(position()).isEqualTo("第 4 / " + total + " 处");
    assertThat(inViewport(marks.get(3))).isTrue();
    assertThat(visibleInText(marks.get(3))).isTrue();
    // The bar stays in sight while stepping: above the text box, or stuck to the top of the window.
    assertThat(inViewport(browser.findElement(By.id("hit-nav")))).isTrue();
    screenshot(SCREENSHOTS.resolve("preview.png"));

    // 4. 上一处 steps back, and both wrap around at the ends.
    prev.click();
    assertThat(position()).isEqualTo("第 3 / " + total + " 处");
    next.click();
    next.click();
    next.click();
    assertThat(position()).isEqualTo("第 " + total + " / " + total + " 处");
    next.click();
    assertThat(position()).isEqualTo("第 1 / " + total + " 处");
    prev.click();
    assertThat(position()).isEqualTo("第 " + total + " / " + total + " 处");
    assertThat(inViewport(marks.get(total - 1))).isTrue();

    // 5. A plain link to a hit (跳到第 1 处) moves the position too.
    browser.findElement(By.id("first-hit")).click();
    wait.until(d -> position().equals("第 1 / " + total + " 处"));

    // 6. The near copy from another unit is listed under 相似材料.
    WebElement similar = browser.findElement(By.cssSelector("#similar-list li.similar"));
    assertThat(similar.getAttribute("data-id")).isEqualTo(Long.toString(docs.get("copy").id()));
    assertThat(similar.getAttribute("class")).contains("near-copy");
    assertThat(similar.getText()).contains("东城区税务局", "高度雷同");

    // 7. Without a query the page is as before: no marks, no bar.
    browser.get(url("/documents/" + summary.id()));
    assertThat(browser.findElements(By.cssSelector("#text mark"))).isEmpty();
    assertThat(browser.findElements(By.id("hit-nav"))).isEmpty();
  }

  private String position() {
    return browser.findElement(By.id("hit-position")).getText();
  }

  private boolean inViewport(WebElement e) {
    return (Boolean)
        browser.executeScript(
            "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
            e);
  }

  private boolean visibleInText(WebElement e) {
    return (Boolean)
        browser.executeScript(
            "var r = arguments[0].getBoundingClientRect(), t = document.getElementById('text').getBoundingClientRect();"
                + " return r.top >= t.top && r.bottom <= t.bottom;",
            e);
  }

  /**
   * A reviewer, two units, a long summary with the query in three spellings, and a near copy of it
   * in another unit.
   */
  private Map<String, Document> seed() throws Exception {
    loadUnits(
        importer,
        """
        code,name,type,parent
        xinghe-city,星河市文明办,创建办,
        xinghe-community,星河社区,文明社区,xinghe-city
        dongcheng-tax,东城区税务局,文明单位,xinghe-city
        """);
    if (accounts.find(REVIEWER).isEmpty()) {
      accounts.create("test", REVIEWER, "测评员陈静", Role.REVIEWER, null, PASSWORD);
    }
    StringBuilder text = new StringBuilder("星河社区2025年度文明创建工作总结\n一、基本情况\n本年度社区建立健全创建台账，做到一事一档。\n");
    for (int i = 1; i <= 18; i++) {
      text.append("（")
          .append(i)
          .append("）社区围绕文明社区创建目标，组织志愿服务队开展第")
          .append(i)
          .append("次入户走访，收集居民意见建议并逐条办理，群众满意度稳步提高。\n");
      if (i == 6) {
        text.append("二、台帐管理\n各网格按月报送活动记录，统一归档。\n");
      }
      if (i == 12) {
        text.append("三、居民代表意见（原文照录）：「臺賬清楚，做事有據。」\n");
      }
    }
    text.append("四、存在问题\n部分台账归档不及时，个别台账缺少照片。\n五、明年打算\n继续规范台帐管理。\n");
    Document summary = seed("xinghe-community", TITLE, text.toString());
    Document copy =
        seed("dongcheng-tax", "东城区税务局2025年度文明创建工作总结", text.toString().replace("星河社区", "东城区税务局"));
    return Map.of("summary", summary, "copy", copy);
  }

  private Document seed(String unit, String title, String text) throws Exception {
    Document d =
        ingest
            .ingest(
                new IngestRequest(
                    unit, null, LocalDate.of(2025, 12, 20), title, null, title + ".txt", "测试数据"),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
            .document();
    ingest.awaitSearchable(); // as an upload's answer does
    return d;
  }
}
