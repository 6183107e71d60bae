package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.archive.Review;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;

/**
 * The review workflow as its people see it, in a real headless Chromium: a unit's clerk uploads, a
 * reviewer returns the document with a reason and a deadline, the clerk finds it in the to-do list
 * and resubmits a new version, the reviewer accepts it, and the administrator finds every step in
 * the audit log. A second test covers the overdue mark and the recycle bin. Each person signs in
 * through the login form and out with the 退出 button.
 */
@TestPropertySource(properties = "taizhang.admin.password=review-flow-admin-pw")
class ReviewFlowBrowserTest extends BrowserTests {
  private static final String UNIT = "qinghe-community";
  private static final String UNIT_NAME = "青禾社区";
  private static final String PASSWORD = "review-flow-pw-1";
  private static final String CLERK = "qinghe-clerk";
  private static final String CLERK_NAME = "社区填报员刘芳";
  private static final String REVIEWER = "county-reviewer";
  private static final String REVIEWER_NAME = "测评员陈静";
  private static final String ADMIN = "county-admin";
  private static final String ADMIN_NAME = "县创建办张华";

  private static final String TITLE = "青禾社区2025年道德讲堂活动记录";
  private static final String REASON = "缺少活动照片和签到表，请补充后重新提交";

  @Autowired FolderImporter importer;

  @Autowired IngestService ingest;

  @Autowired AccountService accounts;

  @Autowired DocumentRepository documents;

  @Autowired AuditLog audit;

  @BeforeEach
  void setUp() throws IOException {
    seedUnitsAndAccounts();
  }

  @Test
  void returnedThenResubmittedThenAccepted() throws Exception {
    LocalDate deadline = LocalDate.now().plusDays(7);

    // 1. The clerk uploads a file for the unit.
    signInAs(CLERK, CLERK_NAME);
    assertThat(navText()).contains("上传材料", "回收站").doesNotContain("用户管理", "审计日志");
    open("/upload");
    assertThat(browser.findElement(By.id("unit")).getAttribute("value"))
        .as("a clerk's own unit, fixed")
        .isEqualTo(UNIT);
    Path original =
        uploadFile(
            TITLE + ".txt",
            """
        青禾社区道德讲堂活动记录
        时间：2025年5月8日
        地点：青禾社区新时代文明实践站
        内容：邀请身边好人讲述孝老爱亲故事，居民60余人参加。
        """);
    browser.findElement(By.id("file")).sendKeys(original.toString());
    browser.findElement(By.id("upload-submit")).click();
    long first = openUploaded(original.getFileName().toString());
    assertThat(browser.findElement(By.id("doc-title")).getText()).isEqualTo(TITLE);
    assertThat(status()).contains("已提交");
    assertThat(browser.findElements(By.id("accept-form"))).as("a clerk does not review").isEmpty();
    assertThat(browser.findElements(By.id("delete-form")))
        .as("a clerk may delete its unit's material")
        .hasSize(1);
    assertThat(browser.findElements(By.id("resubmit"))).isEmpty();
    Chromium.signOut(browser, wait);

    // 2. The reviewer finds it waiting and returns it with a reason and a deadline.
    signInAs(REVIEWER, REVIEWER_NAME);
    assertThat(navText()).doesNotContain("上传材料", "回收站", "用户管理");
    open("/todo");
    WebElement waiting = todoItem("awaiting", first);
    assertThat(waiting.getText()).contains(TITLE, UNIT_NAME);
    clickAndWait(waiting.findElement(By.cssSelector("a.todo-title")));
    assertThat(browser.getCurrentUrl()).endsWith("/documents/" + first);
    assertThat(browser.findElements(By.id("delete-form"))).as("a reviewer never deletes").isEmpty();
    browser.findElement(By.id("return-reason")).sendKeys(REASON);
    setDate(browser.findElement(By.id("return-deadline")), deadline);
    clickAndWait(browser.findElement(By.cssSelector("#return-form button[type=submit]")));
    assertThat(flash()).contains("已退回");
    assertThat(status())
        .contains("退回", REASON, deadline.toString(), REVIEWER_NAME)
        .doesNotContain("已逾期");
    fullPageScreenshot("document-returned.png");
    Chromium.signOut(browser, wait);

    // 3. The clerk sees the return in the to-do list and resubmits a corrected file.
    signInAs(CLERK, CLERK_NAME);
    open("/todo");
    assertThat(browser.findElements(By.id("awaiting"))).as("a clerk reviews nothing").isEmpty();
    WebElement returned = todoItem("returned", first);
    assertThat(returned.getText())
        .contains(TITLE, REASON, deadline.toString(), REVIEWER_NAME)
        .doesNotContain("已逾期");
    fullPageScreenshot("todo.png");
    clickAndWait(returned.findElement(By.linkText("重新提交")));
    assertThat(browser.findElement(By.id("resubmit-heading")).getText())
        .isEqualTo("重新提交：替换《" + TITLE + "》");
    assertThat(
            browser
                .findElement(By.cssSelector("#upload-form input[name=replaces]"))
                .getAttribute("value"))
        .isEqualTo(String.valueOf(first));
    assertThat(browser.findElement(By.id("replaced-reason")).getText()).isEqualTo(REASON);
    fullPageScreenshot("upload-resubmit.png");
    // The unchanged file is no resubmission: the form says so and stays.
    browser.findElement(By.id("file")).sendKeys(original.toString());
    clickAndWait(browser.findElement(By.id("upload-submit")));
    assertThat(flash()).contains("内容相同", "未作为新版本提交");
    assertThat(browser.findElement(By.id("resubmit-heading")).getText()).contains(TITLE);
    browser
        .findElement(By.id("file"))
        .sendKeys(
            uploadFile(
                    TITLE + "（补充照片和签到表）.txt",
                    """
        青禾社区道德讲堂活动记录（补充）
        时间：2025年5月8日
        地点：青禾社区新时代文明实践站
        内容：邀请身边好人讲述孝老爱亲故事，居民60余人参加。
        附：活动照片4张，签到表1份。
        """)
                .toString());
    clickAndWait(browser.findElement(By.id("upload-submit")));
    long second = documentIdFromUrl();
    assertThat(flash()).contains("已重新提交");
    assertThat(second).isNotEqualTo(first);
    assertThat(status()).contains("已提交");
    List<WebElement> versions = browser.findElements(By.cssSelector("#versions .version"));
    assertThat(versions)
        .extracting(v -> v.getAttribute("data-id"))
        .containsExactly(String.valueOf(second), String.valueOf(first));
    assertThat(versions.get(0).getText()).contains("第 2 版", "当前版本", "已提交");
    assertThat(versions.get(1).getText()).contains("第 1 版", "退回").doesNotContain("当前版本");
    fullPageScreenshot("document-resubmitted.png");
    // The old version stays readable and says where the current one is.
    clickAndWait(versions.get(1).findElement(By.tagName("a")));
    assertThat(browser.findElement(By.id("superseded-banner")).getText()).contains("此为旧版本", "当前版本");
    assertThat(browser.findElement(By.id("latest-version")).getAttribute("href"))
        .endsWith("/documents/" + second);
    assertThat(browser.findElements(By.id("resubmit")))
        .as("only the current version is resubmitted")
        .isEmpty();
    open("/todo");
    assertThat(browser.findElements(By.id("returned")))
        .as("the resubmission clears the to-do list")
        .isEmpty();
    Chromium.signOut(browser, wait);

    // 4. The reviewer accepts the new version.
    signInAs(REVIEWER, REVIEWER_NAME);
    open("/todo");
    clickAndWait(todoItem("awaiting", second).findElement(By.cssSelector("a.todo-title")));
    browser.findElement(By.id("comment-body")).sendKeys("照片和签到表已补齐，符合要求。");
    clickAndWait(browser.findElement(By.cssSelector("#comment-form button[type=submit]")));
    assertThat(flash()).contains("意见已发表");
    assertThat(browser.findElement(By.id("comments")).getText())
        .contains(REVIEWER_NAME, "照片和签到表已补齐，符合要求。");
    clickAndWait(browser.findElement(By.cssSelector("#accept-form button[type=submit]")));
    assertThat(flash()).contains("已审核通过");
    assertThat(status()).contains("已通过", REVIEWER_NAME);
    assertThat(browser.findElement(By.id("review-status")).getAttribute("data-status"))
        .isEqualTo("ACCEPTED");
    fullPageScreenshot("document-accepted.png");
    Chromium.signOut(browser, wait);

    // 5. The administrator reads every step in the audit log, in order, with who did it.
    signInAs(ADMIN, ADMIN_NAME);
    open("/admin/audit");
    fullPageScreenshot("audit.png");
    List<String> steps = new ArrayList<>();
    for (WebElement row : browser.findElements(By.cssSelector("#audit-events tr.audit-row"))) {
      List<WebElement> cells = row.findElements(By.tagName("td"));
      String action = cells.get(3).getText();
      if (List.of("上传", "退回", "重新提交", "审核通过").contains(action)) {
        steps.add(0, action + " " + cells.get(1).getText() + " " + cells.get(4).getText());
      }
    }
    assertThat(steps).hasSize(4);
    assertThat(steps.get(0)).startsWith("上传 " + CLERK + " 材料 " + first + "《" + TITLE + "》");
    assertThat(steps.get(1)).startsWith("退回 " + REVIEWER + " 材料 " + first);
    assertThat(steps.get(2)).startsWith("重新提交 " + CLERK + " 材料 " + second);
    assertThat(steps.get(3)).startsWith("审核通过 " + REVIEWER + " 材料 " + second);
    // The same from the log itself, with the details the table shows.
    assertThat(latest(AuditAction.RETURN).detail()).contains(REASON, deadline.toString());
    assertThat(latest(AuditAction.RESUBMIT).detail()).contains("替换材料 " + first);
  }

  @Test
  void overdueReturnIsMarkedAndDeletedMaterialGoesThroughTheRecycleBin() throws Exception {
    Document d = seed("青禾社区2024年度文明社区创建工作总结", "2024年度工作总结\n本年度社区开展志愿服务活动36次。");
    // The service refuses deadlines in the past; a return that has simply run out is written
    // directly.
    documents.setReview(
        d.id(),
        new Review(
            ReviewStatus.RETURNED,
            "请补充年度数据",
            LocalDate.now().minusDays(3),
            REVIEWER,
            Instant.now()));

    signInAs(CLERK, CLERK_NAME);
    open("/todo");
    WebElement item = todoItem("returned", d.id());
    assertThat(item.getText()).contains("请补充年度数据", "已逾期");
    assertThat(item.getAttribute("class")).contains("overdue-item");

    // Deleting asks first, then moves the document to the recycle bin; its page says so.
    clickAndWait(item.findElement(By.cssSelector("a.todo-title")));
    assertThat(status()).contains("已逾期");
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(By.cssSelector("#delete-form button")).click();
    Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
    assertThat(confirm.getText()).contains("回收站");
    confirm.accept();
    Chromium.awaitNextPage(browser, page);
    assertThat(flash()).contains("已移入回收站");
    assertThat(browser.findElement(By.id("deleted-banner")).getText())
        .contains("此材料在回收站中", CLERK_NAME);
    assertThat(browser.findElements(By.id("delete-form"))).isEmpty();
    assertThat(browser.findElements(By.id("resubmit")))
        .as("a deleted document is not resubmitted")
        .isEmpty();

    // The recycle bin lists it; the clerk may restore but not purge.
    open("/recycle-bin");
    WebElement row =
        browser.findElement(
            By.cssSelector("#recycle-bin tr.deleted-item[data-id='" + d.id() + "']"));
    assertThat(row.getText()).contains(d.title(), UNIT_NAME, CLERK_NAME);
    assertThat(row.findElements(By.cssSelector(".purge-form"))).isEmpty();
    clickAndWait(row.findElement(By.cssSelector(".restore-form button")));
    assertThat(browser.getCurrentUrl()).endsWith("/recycle-bin");
    assertThat(flash()).contains("已恢复");
    assertThat(browser.findElements(By.id("recycle-bin-empty"))).hasSize(1);

    // Deleted again, it is purged by the administrator (after confirming).
    open("/documents/" + d.id());
    assertThat(browser.findElements(By.id("deleted-banner"))).isEmpty();
    page = browser.findElement(By.tagName("html"));
    browser.findElement(By.cssSelector("#delete-form button")).click();
    wait.until(ExpectedConditions.alertIsPresent()).accept();
    Chromium.awaitNextPage(browser, page);
    Chromium.signOut(browser, wait);

    signInAs(ADMIN, ADMIN_NAME);
    open("/documents/" + d.id());
    assertThat(browser.findElement(By.id("deleted-banner")).getText()).contains("此材料在回收站中");
    assertThat(browser.findElements(By.id("restore-form"))).hasSize(1);
    open("/recycle-bin");
    fullPageScreenshot("recycle-bin.png");
    row =
        browser.findElement(
            By.cssSelector("#recycle-bin tr.deleted-item[data-id='" + d.id() + "']"));
    page = browser.findElement(By.tagName("html"));
    row.findElement(By.cssSelector(".purge-form button")).click();
    confirm = wait.until(ExpectedConditions.alertIsPresent());
    assertThat(confirm.getText()).contains("不可恢复", d.title());
    confirm.accept();
    Chromium.awaitNextPage(browser, page);
    assertThat(flash()).contains("已彻底删除《" + d.title() + "》");
    assertThat(documents.find(d.id())).isEmpty();
    open("/documents/" + d.id());
    assertThat(browser.findElement(By.cssSelector(".error-status")).getText()).isEqualTo("404");
  }

  private AuditEvent latest(AuditAction action) {
    return audit.find(new AuditQuery(null, action, null, null, null, 1, 10)).get(0);
  }

  private void signInAs(String username, String displayName) {
    signIn(username, PASSWORD);
    assertThat(browser.findElement(By.id("current-user")).getText()).isEqualTo(displayName);
  }

  private String navText() {
    return browser.findElement(By.id("nav")).getText();
  }

  private long documentIdFromUrl() {
    wait.until(ExpectedConditions.urlMatches("/documents/\\d+$"));
    Matcher m = Pattern.compile("/documents/(\\d+)$").matcher(browser.getCurrentUrl());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private WebElement todoItem(String list, long id) {
    return wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector("#" + list + " .todo-item[data-id='" + id + "']")));
  }

  private String status() {
    return browser.findElement(By.id("review-status")).getText();
  }

  private String flash() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash"))).getText();
  }

  /**
   * Typing into a date field depends on the order the browser's locale shows day, month and year
   * in; setting the value as the form submits it (yyyy-MM-dd) does not.
   */
  private void setDate(WebElement input, LocalDate date) {
    browser.executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));",
        input,
        date.toString());
    assertThat(input.getAttribute("value")).isEqualTo(date.toString());
  }

  /**
   * A unit tree with the clerk's unit, and one account per person of the story. Idempotent: both
   * tests share the context.
   */
  private void seedUnitsAndAccounts() throws IOException {
    if (accounts.find(CLERK).isPresent()) {
      return;
    }
    assertThat(
            loadUnits(
                importer,
                """
        code,name,type,parent
        qinghe-county,青禾县文明办,创建办,
        qinghe-town,青禾镇文明办,创建办,qinghe-county
        qinghe-community,青禾社区,文明社区,qinghe-town
        qinghe-school,青禾中学,文明校园,qinghe-town
        """))
        .isEqualTo(4);
    accounts.create("test", CLERK, CLERK_NAME, Role.CLERK, UNIT, PASSWORD);
    accounts.create("test", REVIEWER, REVIEWER_NAME, Role.REVIEWER, null, PASSWORD);
    accounts.create("test", ADMIN, ADMIN_NAME, Role.ADMIN, null, PASSWORD);
  }

  private Document seed(String title, String text) throws Exception {
    return ingest
        .ingest(
            new IngestRequest(UNIT, null, null, title, null, title + ".txt", CLERK),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .document();
  }
}
