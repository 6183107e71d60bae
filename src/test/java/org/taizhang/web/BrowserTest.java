package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.ingest.RejectedException;

/**
 * The pages in a real headless Chromium: upload a file through the form, find it with the search
 * box, narrow the result with a facet. Runs against its own data directory, never ./data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Selenium warns that it has no DevTools bindings for this Chromium; the test uses plain WebDriver only.
    "logging.level.org.openqa.selenium.devtools=ERROR",
    "logging.level.org.openqa.selenium.chromium=ERROR"})
class BrowserTest {
  /** Under target/ so that {@code mvn clean} removes what the runs leave behind. */
  private static final Path WORK = Path.of("target", "browser-test");
  private static final Path DATA_DIR = freshDirectory("data-");
  private static final Path SCREENSHOT = Path.of("target", "screenshots", "search.png");

  private static final String UNIT = "xinghe-community";
  private static final String WORD = "垃圾分类";
  private static final String FILE_TITLE = "星河社区垃圾分类志愿服务活动记录";
  private static final String FILE_TEXT = """
      星河社区垃圾分类志愿服务活动记录
      时间：2025年4月20日
      地点：星河社区文化广场
      主持人：社区党委书记 王建国
      参加人员：社区党员志愿者32人、居民代表15人
      内容：围绕文明社区创建工作，志愿者分组进入各小区开展垃圾分类宣传和入户指导，发放宣传册500份，设立“绿色积分”兑换点。
      效果：居民垃圾分类知晓率明显提高，厨余垃圾分出量较上月增加。
      记录人：李明
      """;

  @LocalServerPort
  int port;

  @Autowired
  FolderImporter importer;

  @Autowired
  IngestService ingest;

  private ChromeDriver browser;
  private WebDriverWait wait;
  private Path profile;
  private Path uploads;

  @DynamicPropertySource
  static void isolatedDataDirectory(DynamicPropertyRegistry registry) {
    registry.add("taizhang.data-dir", DATA_DIR::toString);
    registry.add("taizhang.sample.import-on-first-start", () -> "false");
  }

  @BeforeAll
  static void requireChromium() {
    Chromium.assumeInstalled();
  }

  @BeforeEach
  void startBrowser() {
    profile = freshDirectory("chromium-profile-");
    browser = Chromium.start(profile, 1280, 1000);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    deleteRecursively(profile);
    deleteRecursively(uploads);
  }

  @Test
  void uploadThenSearchThenNarrowByFacet() throws Exception {
    seedArchive();

    // 1. Upload through the form; the title comes from the (Chinese) file name.
    uploads = freshDirectory("upload-");
    Path upload = uploads.resolve(FILE_TITLE + ".txt");
    Files.writeString(upload, FILE_TEXT, StandardCharsets.UTF_8);
    browser.get(url("/upload"));
    assertChinesePage("上传材料");
    WebElement form = browser.findElement(By.id("upload-form"));
    new Select(form.findElement(By.id("unit"))).selectByValue(UNIT);
    assertThat(new Select(form.findElement(By.id("category"))).getFirstSelectedOption().getText()).isEqualTo("自动识别");
    form.findElement(By.id("file")).sendKeys(upload.toAbsolutePath().toString());
    form.findElement(By.id("upload-submit")).click();

    wait.until(ExpectedConditions.urlMatches("/documents/\\d+$"));
    Matcher m = Pattern.compile("/documents/(\\d+)$").matcher(browser.getCurrentUrl());
    assertThat(m.find()).isTrue();
    long id = Long.parseLong(m.group(1));
    assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo(FILE_TITLE);
    assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("上传成功");
    assertThat(browser.findElement(By.id("metadata")).getText()).contains("星河社区", "活动记录", "2025-04-20", "网页上传");
    assertThat(browser.findElement(By.id("download")).getAttribute("href")).endsWith("/api/documents/" + id + "/file");
    assertThat(browser.findElement(By.id("text")).getText()).contains("绿色积分");

    // 2. Search from the home page.
    browser.get(url("/"));
    assertChinesePage("检索");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys(WORD);
    submitAndWait(browser.findElement(By.cssSelector("#search-form button[type=submit]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
    assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(WORD);
    assertThat(browser.getCurrentUrl()).as("unused filters are left out of the address").doesNotContain("unit=");
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("共 5 条结果");
    WebElement hit = hitFor(id);
    assertThat(hit.findElement(By.cssSelector(".hit-title")).getText()).isEqualTo(FILE_TITLE);
    List<String> marked = hit.findElements(By.cssSelector(".snippet mark")).stream().map(WebElement::getText).toList();
    assertThat(marked).contains(WORD);
    screenshot(SCREENSHOT);

    // 3. Narrow to one year through the facet: the document stays, the others from 2024 go.
    WebElement year = browser.findElement(By.cssSelector(".facet a[data-facet='year'][data-value='2025']"));
    assertThat(year.getText()).contains("2025").contains("3");
    submitAndWait(year);
    wait.until(ExpectedConditions.urlContains("year=2025"));
    assertThat(browser.getCurrentUrl()).contains("q=" + java.net.URLEncoder.encode(WORD, StandardCharsets.UTF_8));
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("共 3 条结果");
    hitFor(id);
    WebElement chip = browser.findElement(By.cssSelector("#active-filters .active-filter[data-facet='year']"));
    assertThat(chip.getAttribute("data-value")).isEqualTo("2025");
    assertThat(chip.getText()).contains("年度：2025");
    assertThat(browser.findElement(By.cssSelector(".facet a[data-facet='year'][data-value='2025']")).getAttribute("class"))
        .contains("active");
    assertThat(new Select(browser.findElement(By.id("filter-year"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("2025");

    // 4. Lifting the filter brings the other years back.
    submitAndWait(chip.findElement(By.cssSelector("a.remove")));
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("共 5 条结果");
    assertThat(browser.findElements(By.cssSelector("#active-filters"))).isEmpty();

    // 5. Choosing a filter in the form applies it at once (no button press needed).
    WebElement html = browser.findElement(By.tagName("html"));
    new Select(browser.findElement(By.id("filter-category"))).selectByValue("activity");
    wait.until(ExpectedConditions.stalenessOf(html));
    wait.until(ExpectedConditions.urlContains("category=activity"));
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("共 1 条结果");
    hitFor(id);
    assertThat(browser.findElement(By.cssSelector("#active-filters .active-filter[data-facet='category']")).getText())
        .contains("类别：活动记录");

    // 6. The unit's archive lists the upload under its year and category.
    browser.get(url("/units/" + UNIT));
    assertChinesePage("单位档案");
    WebElement activity = browser.findElement(By.cssSelector("#year-2025 .category[data-category='activity']"));
    assertThat(activity.findElement(By.linkText(FILE_TITLE)).getAttribute("href")).endsWith("/documents/" + id);
  }

  /** Clicks and waits for the next page to replace this one, so nothing is read from the old page. */
  private void submitAndWait(WebElement clickable) {
    WebElement page = browser.findElement(By.tagName("html"));
    clickable.click();
    wait.until(ExpectedConditions.stalenessOf(page));
    wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
  }

  private WebElement hitFor(long id) {
    String href = "/documents/" + id;
    return browser.findElements(By.cssSelector("#results .hit")).stream()
        .filter(h -> h.findElement(By.cssSelector("a.hit-title")).getAttribute("href").endsWith(href))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no hit links to " + href + " on " + browser.getCurrentUrl()));
  }

  private void assertChinesePage(String activeNav) {
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(browser.getTitle()).contains("台账");
    WebElement nav = browser.findElement(By.id("nav"));
    assertThat(nav.getText()).contains("检索", "单位档案", "上传材料");
    assertThat(nav.findElement(By.cssSelector("a.active")).getText()).isEqualTo(activeNav);
  }

  private void screenshot(Path target) throws IOException {
    Files.createDirectories(target.getParent());
    Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * A small unit tree and four documents in other units and years that also mention the word, so
   * the search has facets worth clicking (and the screenshot shows a real result list).
   */
  private void seedArchive() throws IOException, RejectedException {
    Path dir = freshDirectory("units-");
    Files.writeString(dir.resolve("units.csv"), """
        code,name,type,parent
        xinghe-city,星河市文明办,创建办,
        dongcheng,东城区文明办,创建办,xinghe-city
        xinghe-community,星河社区,文明社区,dongcheng
        dongcheng-tax,东城区税务局,文明单位,dongcheng
        shiyan-school,东城区实验小学,文明校园,dongcheng
        """, StandardCharsets.UTF_8);
    assertThat(importer.loadUnits(dir)).isEqualTo(5);
    deleteRecursively(dir);
    seed("dongcheng-tax", "2025年度文明单位创建工作计划", LocalDate.of(2025, 2, 10),
        "东城区税务局2025年度文明单位创建工作计划\n一、工作目标：巩固文明单位创建成果。\n二、主要任务：开展志愿服务、垃圾分类进机关、诚信纳税宣传等活动。");
    seed(UNIT, "2025年第一季度文明创建工作会议记录", LocalDate.of(2025, 3, 12),
        "会议记录\n时间：2025年3月12日\n地点：社区会议室\n主持人：王建国\n记录人：李明\n议题：部署2025年文明社区创建工作。\n决议：成立垃圾分类督导队，每月开展一次志愿服务活动。");
    seed(UNIT, "2024年第四季度工作简报", LocalDate.of(2024, 11, 5),
        "工作简报\n本季度社区共开展志愿服务活动9次，垃圾分类入户宣传覆盖1200户。");
    seed("shiyan-school", "2024年文明校园创建年终总结", LocalDate.of(2024, 12, 20),
        "年终总结\n本年度学校深入开展文明校园创建，组织垃圾分类进校园活动12次，评选“文明班级”8个。");
  }

  private void seed(String unit, String title, LocalDate date, String text) throws RejectedException {
    ingest.ingest(new IngestRequest(unit, null, date, title, null, title + ".txt", "测试数据"),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true);
  }

  private static Path freshDirectory(String prefix) {
    try {
      Files.createDirectories(WORK);
      return Files.createTempDirectory(WORK.toAbsolutePath(), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Leftovers under target/ are harmless; the next mvn clean removes them.
    }
  }
}
