package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.ingest.RejectedException;

/**
 * The pages in a real headless Chromium, signed in through the login form: upload a file through
 * the form, find it with the search box, narrow the result with a facet; an administrator creates
 * an account whose owner then manages their password and API tokens. Runs against its own data
 * directory, never ./data.
 */
// A configured first administrator, so no random password is generated and printed.
@TestPropertySource(properties = "taizhang.admin.password=browser-test-admin-pw")
class BrowserTest extends BrowserTests {
  private static final Path SCREENSHOT = SCREENSHOTS.resolve("search.png");

  private static final String UNIT = "xinghe-community";

  /** An administrator sees every unit, so the search counts below are the whole archive's. */
  private static final String ADMIN = "county-admin";

  private static final String ADMIN_NAME = "县创建办张华";
  private static final String PASSWORD = "browser-test-pw-1";
  private static final String WORD = "垃圾分类";
  private static final String FILE_TITLE = "星河社区垃圾分类志愿服务活动记录";
  private static final String FILE_TEXT =
      """
      星河社区垃圾分类志愿服务活动记录
      时间：2025年4月20日
      地点：星河社区文化广场
      主持人：社区党委书记 王建国
      参加人员：社区党员志愿者32人、居民代表15人
      内容：围绕文明社区创建工作，志愿者分组进入各小区开展垃圾分类宣传和入户指导，发放宣传册500份，设立“绿色积分”兑换点。
      效果：居民垃圾分类知晓率明显提高，厨余垃圾分出量较上月增加。
      记录人：李明
      """;

  @Autowired FolderImporter importer;

  @Autowired IngestService ingest;

  @Autowired AccountService accounts;

  @Test
  void uploadThenSearchThenNarrowByFacet() throws Exception {
    seedArchive();
    signIn(ADMIN, PASSWORD);

    // 1. Upload through the form; the title comes from the (Chinese) file name.
    Path upload = uploadFile(FILE_TITLE + ".txt", FILE_TEXT);
    browser.get(url("/upload"));
    assertChinesePage("上传材料");
    WebElement form = browser.findElement(By.id("upload-form"));
    new Select(form.findElement(By.id("unit"))).selectByValue(UNIT);
    assertThat(new Select(form.findElement(By.id("category"))).getFirstSelectedOption().getText())
        .isEqualTo("自动识别");
    form.findElement(By.id("file")).sendKeys(upload.toAbsolutePath().toString());
    form.findElement(By.id("upload-submit")).click();
    long id = openUploaded(upload.getFileName().toString());
    assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo(FILE_TITLE);
    assertThat(browser.findElement(By.id("metadata")).getText())
        .contains("星河社区", "活动记录", "2025-04-20", ADMIN_NAME);
    assertThat(browser.findElement(By.id("review-status")).getText()).contains("已提交");
    assertThat(browser.findElement(By.id("download")).getAttribute("href"))
        .endsWith("/api/documents/" + id + "/file");
    assertThat(browser.findElement(By.id("text")).getText()).contains("绿色积分");

    // 2. Search from the home page.
    browser.get(url("/"));
    assertChinesePage("检索");
    WebElement q = browser.findElement(By.id("q"));
    q.sendKeys(WORD);
    clickAndWait(browser.findElement(By.cssSelector("#search-form button[type=submit]")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results .hit")));
    assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo(WORD);
    assertThat(browser.getCurrentUrl())
        .as("unused filters are left out of the address")
        .doesNotContain("unit=");
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("共 5 条结果");
    WebElement hit = hitFor(id);
    assertThat(hit.findElement(By.cssSelector(".hit-title")).getText()).isEqualTo(FILE_TITLE);
    List<String> marked =
        hit.findElements(By.cssSelector(".snippet mark")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(marked).contains(WORD);
    screenshot(SCREENSHOT);

    // 3. Narrow to one year through the facet: the document stays, the others from 2024 go.
    WebElement year =
        browser.findElement(By.cssSelector(".facet a[data-facet='year'][data-value='2025']"));
    assertThat(year.getText()).contains("2025").contains("3");
    clickAndWait(year);
    wait.until(ExpectedConditions.urlContains("year=2025"));
    assertThat(browser.getCurrentUrl())
        .contains("q=" + URLEncoder.encode(WORD, StandardCharsets.UTF_8));
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("共 3 条结果");
    hitFor(id);
    WebElement chip =
        browser.findElement(By.cssSelector("#active-filters .active-filter[data-facet='year']"));
    assertThat(chip.getAttribute("data-value")).isEqualTo("2025");
    assertThat(chip.getText()).contains("年度：2025");
    assertThat(
            browser
                .findElement(By.cssSelector(".facet a[data-facet='year'][data-value='2025']"))
                .getAttribute("class"))
        .contains("active");
    assertThat(
            new Select(browser.findElement(By.id("filter-year")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo("2025");

    // 4. Lifting the filter brings the other years back.
    clickAndWait(chip.findElement(By.cssSelector("a.remove")));
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("共 5 条结果");
    assertThat(browser.findElements(By.cssSelector("#active-filters"))).isEmpty();

    // 5. Choosing a filter in the form applies it at once (no button press needed).
    WebElement html = browser.findElement(By.tagName("html"));
    new Select(browser.findElement(By.id("filter-category"))).selectByValue("activity");
    Chromium.awaitNextPage(browser, html);
    wait.until(ExpectedConditions.urlContains("category=activity"));
    assertThat(browser.findElement(By.id("total")).getText()).isEqualTo("共 1 条结果");
    WebElement narrowed = hitFor(id);
    assertThat(
            browser
                .findElement(
                    By.cssSelector("#active-filters .active-filter[data-facet='category']"))
                .getText())
        .contains("类别：活动记录");

    // The hit opens its document with the searched word marked wherever the text has it.
    clickAndWait(narrowed.findElement(By.cssSelector("a.hit-title")));
    assertThat(browser.getCurrentUrl())
        .endsWith("/documents/" + id + "?q=" + URLEncoder.encode(WORD, StandardCharsets.UTF_8));
    assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo(FILE_TITLE);
    List<WebElement> marks = browser.findElements(By.cssSelector("#text mark.hit"));
    assertThat(marks)
        .extracting(WebElement::getText)
        .hasSize(FILE_TEXT.split(WORD, -1).length - 1)
        .containsOnly(WORD);
    assertThat(marks.get(0).getAttribute("id")).isEqualTo("hit-1");
    assertThat(browser.findElement(By.id("hit-summary")).getText())
        .contains("共 " + marks.size() + " 处");
    assertThat(browser.findElement(By.id("hit-position")).getText())
        .isEqualTo("第 1 / " + marks.size() + " 处");

    // 6. The unit's archive lists the upload under its year and category.
    browser.get(url("/units/" + UNIT));
    assertChinesePage("单位档案");
    WebElement activity =
        browser.findElement(By.cssSelector("#year-2025 .category[data-category='activity']"));
    assertThat(activity.findElement(By.linkText(FILE_TITLE)).getAttribute("href"))
        .endsWith("/documents/" + id);
  }

  @Test
  void administratorCreatesAccountWhoseOwnerManagesPasswordAndTokens() throws Exception {
    seedArchive();
    String office = "dongcheng-office";
    String first = "first-password-1";
    String reset = "reset-password-22";
    String own = "own-password-333";

    // 1. The administrator creates a district office account for 东城区文明办.
    signIn(ADMIN, PASSWORD);
    browser.get(url("/admin/users"));
    assertChinesePage("用户管理");
    fillCreateForm(office, "东城区创建办赵强", "DISTRICT", "dongcheng", first);
    assertThat(flash()).contains("已创建用户 " + office);
    WebElement row = userRow(office);
    assertThat(row.getText()).contains("东城区创建办赵强", "下级创建办", "东城区文明办", "启用");
    screenshot(SCREENSHOT.resolveSibling("users.png"));

    // The same name again is refused with the service's message, and the form keeps what was typed.
    fillCreateForm(office, "重复", "CLERK", UNIT, first);
    assertThat(flash()).contains("用户名已存在");
    assertThat(browser.findElement(By.id("flash")).getAttribute("class")).contains("error");
    assertThat(browser.findElement(By.id("new-username")).getAttribute("value")).isEqualTo(office);

    // 2. Edit the name; set a new password.
    clickAndWait(userRow(office).findElement(By.cssSelector("a.edit-link")));
    WebElement name = browser.findElement(By.id("edit-display-name"));
    name.clear();
    name.sendKeys("赵强");
    clickAndWait(browser.findElement(By.id("edit-submit")));
    assertThat(flash()).contains("已保存用户 " + office);
    assertThat(userRow(office).getText()).contains("赵强").doesNotContain("东城区创建办赵强");
    clickAndWait(userRow(office).findElement(By.cssSelector("a.edit-link")));
    browser.findElement(By.id("reset-password")).sendKeys(reset);
    clickAndWait(browser.findElement(By.id("reset-submit")));
    assertThat(flash()).contains("已为 " + office + " 设置新密码");
    Chromium.signOut(browser, wait);

    // 3. The owner signs in with it: a district office neither uploads nor manages users.
    signIn(office, reset);
    WebElement nav = browser.findElement(By.id("nav"));
    assertThat(nav.getText())
        .contains("检索", "单位档案", "待办")
        .doesNotContain("上传材料", "回收站", "用户管理", "审计日志");
    assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo("赵强");
    clickAndWait(browser.findElement(By.id("current-user")));
    assertThat(browser.getCurrentUrl()).endsWith("/account");
    assertThat(browser.findElement(By.id("account-role")).getText()).isEqualTo("下级创建办");
    assertThat(browser.findElement(By.id("account-unit")).getText()).isEqualTo("东城区文明办");

    // 4. Changing the password needs the current one and the same new one twice.
    changePassword("not-my-password", own, own);
    assertThat(flash()).isEqualTo("当前密码不正确");
    changePassword(reset, own, own + "x");
    assertThat(flash()).isEqualTo("两次输入的新密码不一致");
    changePassword(reset, own, own);
    assertThat(flash()).contains("密码已修改");

    // 5. A token is shown once, works for the API, and stops working when revoked.
    assertThat(browser.findElements(By.id("no-tokens"))).hasSize(1);
    browser.findElement(By.id("token-label")).sendKeys("备份脚本");
    clickAndWait(browser.findElement(By.id("token-submit")));
    String token = browser.findElement(By.id("new-token")).getText();
    assertThat(token).startsWith("tz_");
    WebElement tokenRow = browser.findElement(By.cssSelector("#tokens tr.token"));
    assertThat(tokenRow.getText()).contains("备份脚本", "从未使用");
    assertThat(apiStatus(token)).isEqualTo(200);
    screenshot(SCREENSHOT.resolveSibling("account.png"));
    browser.navigate().refresh();
    assertThat(browser.findElements(By.id("new-token")))
        .as("the token is shown only once")
        .isEmpty();
    assertThat(browser.findElement(By.cssSelector("#tokens tr.token")).getText())
        .doesNotContain("从未使用");
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(By.cssSelector("#tokens tr.token .revoke-form button")).click();
    Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
    assertThat(confirm.getText()).contains("备份脚本");
    confirm.accept();
    Chromium.awaitNextPage(browser, page);
    assertThat(flash()).contains("令牌已吊销");
    assertThat(browser.findElements(By.cssSelector("#tokens tr.token"))).isEmpty();
    assertThat(apiStatus(token)).isEqualTo(401);
    Chromium.signOut(browser, wait);

    // 6. The new password is the one that works now.
    signIn(office, own);
  }

  private void fillCreateForm(
      String username, String displayName, String role, String unit, String password) {
    WebElement u = browser.findElement(By.id("new-username"));
    u.clear();
    u.sendKeys(username);
    WebElement n = browser.findElement(By.id("new-display-name"));
    n.clear();
    n.sendKeys(displayName);
    new Select(browser.findElement(By.id("new-role"))).selectByValue(role);
    new Select(browser.findElement(By.id("new-unit"))).selectByValue(unit);
    browser.findElement(By.id("new-password")).sendKeys(password);
    clickAndWait(browser.findElement(By.id("create-submit")));
  }

  private void changePassword(String current, String password, String confirm) {
    browser.findElement(By.id("current")).sendKeys(current);
    browser.findElement(By.id("new-password")).sendKeys(password);
    browser.findElement(By.id("confirm")).sendKeys(confirm);
    clickAndWait(browser.findElement(By.id("password-submit")));
  }

  private WebElement userRow(String username) {
    return browser.findElement(
        By.cssSelector("#users tr.user-row[data-username='" + username + "']"));
  }

  private String flash() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash"))).getText();
  }

  private int apiStatus(String token) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url("/api/units")))
            .header("Authorization", "Bearer " + token)
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * The hit of the document; its link carries the query (…/documents/5?q=垃圾分类), so the document
   * opens with its hits marked.
   */
  private WebElement hitFor(long id) {
    String href = "/documents/" + id + "?q=" + URLEncoder.encode(WORD, StandardCharsets.UTF_8);
    return browser.findElements(By.cssSelector("#results .hit")).stream()
        .filter(
            h -> h.findElement(By.cssSelector("a.hit-title")).getAttribute("href").endsWith(href))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no hit links to " + href + " on " + browser.getCurrentUrl()));
  }

  private void assertChinesePage(String activeNav) {
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
    assertThat(browser.getTitle()).contains("台账");
    WebElement nav = browser.findElement(By.id("nav"));
    assertThat(nav.getText()).contains("检索", "单位档案", "待办", "上传材料", "回收站", "用户管理", "审计日志");
    assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo(ADMIN_NAME);
    assertThat(nav.findElement(By.cssSelector("a.active")).getText()).isEqualTo(activeNav);
  }

  /**
   * A small unit tree and four documents in other units and years that also mention the word, so
   * the search has facets worth clicking (and the screenshot shows a real result list).
   */
  private void seedArchive() throws IOException, RejectedException {
    assertThat(
            loadUnits(
                importer,
                """
        code,name,type,parent
        xinghe-city,星河市文明办,创建办,
        dongcheng,东城区文明办,创建办,xinghe-city
        xinghe-community,星河社区,文明社区,dongcheng
        dongcheng-tax,东城区税务局,文明单位,dongcheng
        shiyan-school,东城区实验小学,文明校园,dongcheng
        """))
        .isEqualTo(5);
    if (accounts.find(ADMIN).isEmpty()) {
      accounts.create("test", ADMIN, ADMIN_NAME, Role.ADMIN, null, PASSWORD);
    }
    seed(
        "dongcheng-tax",
        "2025年度文明单位创建工作计划",
        LocalDate.of(2025, 2, 10),
        "东城区税务局2025年度文明单位创建工作计划\n一、工作目标：巩固文明单位创建成果。\n二、主要任务：开展志愿服务、垃圾分类进机关、诚信纳税宣传等活动。");
    seed(
        UNIT,
        "2025年第一季度文明创建工作会议记录",
        LocalDate.of(2025, 3, 12),
        "会议记录\n时间：2025年3月12日\n地点：社区会议室\n主持人：王建国\n记录人：李明\n议题：部署2025年文明社区创建工作。\n决议：成立垃圾分类督导队，每月开展一次志愿服务活动。");
    seed(
        UNIT,
        "2024年第四季度工作简报",
        LocalDate.of(2024, 11, 5),
        "工作简报\n本季度社区共开展志愿服务活动9次，垃圾分类入户宣传覆盖1200户。");
    seed(
        "shiyan-school",
        "2024年文明校园创建年终总结",
        LocalDate.of(2024, 12, 20),
        "年终总结\n本年度学校深入开展文明校园创建，组织垃圾分类进校园活动12次，评选“文明班级”8个。");
  }

  private void seed(String unit, String title, LocalDate date, String text)
      throws RejectedException {
    ingest.ingest(
        new IngestRequest(unit, null, date, title, null, title + ".txt", "测试数据"),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    ingest.awaitSearchable(); // as an upload's answer does
  }
}
