package org.taizhang.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.access.Scope;
import org.taizhang.account.AccountService;
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
import org.taizhang.support.Basic;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The to-do list at the scale of a county import, through the API and the page: filters by unit
 * (with the units under it), category, year and status, pages that add up to the total, the
 * caller's scope, and batch acceptance — each document accepted on its own and audited, documents
 * outside the caller's scope or already decided left alone with the reason.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {TestSettings.OWN_ARCHIVE, "taizhang.admin.password=" + TodoTest.PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TodoTest {
  static final String PASSWORD = "todo-test-password";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("taizhang-todo");
    registry.add("taizhang.data-dir", dir::toString);
  }

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired AccountService accounts;
  @Autowired ReviewService reviews;
  @Autowired DocumentRepository documents;
  @Autowired AuditLog audit;

  private final HttpClient http = HttpClient.newHttpClient();

  /** Submitted documents by unit, in upload order. */
  private final Map<String, List<Long>> submitted = new LinkedHashMap<>();

  private long returnedId;
  private long overdueId;
  private long resubmissionId;

  @BeforeAll
  void seed() throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY + "school,青禾县第一中学,文明校园,edu\n");
    accounts.create("test", "reviewer", "测评员", Role.REVIEWER, null, PASSWORD);
    accounts.create("test", "district-edu", "教育条线", Role.DISTRICT, "edu", PASSWORD);
    accounts.create("test", "clerk-xinghe", "星河社区填报员", Role.CLERK, "xinghe", PASSWORD);
    int n = 0;
    // 150 submissions: more than one page of the default API size (100), and of the page's 50
    for (String unit : List.of("edu", "xinghe", "school")) {
      int count = unit.equals("edu") ? 100 : unit.equals("xinghe") ? 30 : 20;
      for (int i = 0; i < count; i++) {
        int year = i % 2 == 0 ? 2024 : 2025;
        String category = i % 3 == 0 ? "meeting" : "plan";
        submitted
            .computeIfAbsent(unit, k -> new ArrayList<>())
            .add(upload(unit, category, year, "材料" + (++n)));
      }
    }
    Caller admin = Caller.system("test");
    // one returned with a deadline ahead, one overdue, one resubmitted after a return
    returnedId = upload("xinghe", "meeting", 2025, "退回的会议记录");
    reviews.returnForRework(admin, returnedId, "缺少记录人", LocalDate.now().plusDays(10));
    overdueId = upload("xinghe", "plan", 2025, "逾期的实施方案");
    documents.setReview(
        overdueId,
        new Review(
            ReviewStatus.RETURNED, "未盖章", LocalDate.now().minusDays(3), "test", Instant.now()));
    long original = upload("school", "plan", 2025, "要重新提交的方案");
    reviews.returnForRework(admin, original, "缺少落款", LocalDate.now().plusDays(10));
    resubmissionId =
        ingest
            .ingest(
                new IngestRequest(
                    "school",
                    "plan",
                    LocalDate.of(2025, 5, 1),
                    "重新提交的方案",
                    2025,
                    "重新提交的方案.txt",
                    "test",
                    original),
                new ByteArrayInputStream("重新提交的方案，补上落款。".getBytes(StandardCharsets.UTF_8)))
            .document()
            .id();
  }

  private long upload(String unit, String category, int year, String title) throws Exception {
    String text = title + "：" + unit + " " + category + " " + year + " 的内容，编号 " + System.nanoTime();
    return ingest
        .ingest(
            new IngestRequest(
                unit, category, LocalDate.of(year, 3, 1), title, year, title + ".txt", "test"),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .document()
        .id();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .headers(Basic.auth(user, PASSWORD))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String user, String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .headers(Basic.auth(user, PASSWORD))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonNode todo(String query, String user) throws Exception {
    HttpResponse<String> r = get("/api/todo" + query, user);
    assertThat(r.statusCode())
        .as("GET /api/todo%s as %s: %s", query, user, r.body())
        .isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> out = new ArrayList<>();
    list.forEach(d -> out.add(d.get("id").asLong()));
    return out;
  }

  private List<Long> awaiting(String unit) {
    return new ArrayList<>(submitted.get(unit));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- filters and pages through the API (no document is accepted before these run: they use
  // their own units' lists) ----

  @Test
  void pagesAddUpToTheTotalInUploadOrder() throws Exception {
    JsonNode all = todo("?size=500", "reviewer");
    long total = all.get("awaitingReviewTotal").asLong();
    List<Long> everything = ids(all.get("awaitingReview"));
    assertThat(everything).hasSize((int) total);
    List<Long> paged = new ArrayList<>();
    for (int page = 1; page <= (total + 39) / 40; page++) {
      JsonNode p = todo("?size=40&page=" + page, "reviewer");
      assertThat(p.get("awaitingReviewTotal").asLong()).isEqualTo(total);
      assertThat(p.get("page").asInt()).isEqualTo(page);
      paged.addAll(ids(p.get("awaitingReview")));
    }
    assertThat(paged).isEqualTo(everything).doesNotHaveDuplicates();
    // the default page holds 100
    assertThat(todo("", "reviewer").get("awaitingReview")).hasSize(100);
  }

  @Test
  void filtersByUnitWithTheUnitsUnderItCategoryYearAndStatus() throws Exception {
    List<Long> school = awaiting("school");
    school.add(resubmissionId);
    assertThat(ids(todo("?unit=school&size=500", "reviewer").get("awaitingReview")))
        .containsExactlyInAnyOrderElementsOf(school);
    // 教育局 and the school under it
    JsonNode edu = todo("?unit=edu&size=500", "reviewer");
    // (the first few of 教育局 may have been accepted by the batch tests)
    assertThat(ids(edu.get("awaitingReview")))
        .containsAll(awaiting("edu").subList(10, 100))
        .containsAll(school)
        .doesNotContainAnyElementsOf(awaiting("xinghe"));
    // category and year, by code or by name
    JsonNode meetings2024 =
        todo("?unit=edu&category=" + enc("会议记录") + "&year=2024&size=500", "reviewer");
    assertThat(meetings2024.get("awaitingReview"))
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.get("category").asString()).isEqualTo("meeting");
              assertThat(d.get("year").asInt()).isEqualTo(2024);
              assertThat(d.get("unit").asString()).isIn("edu", "school");
            });
    assertThat(meetings2024.get("awaitingReviewTotal").asLong())
        .isEqualTo(meetings2024.get("awaitingReview").size());
    assertThat(
            todo("?category=meeting&year=2024&unit=edu&size=500", "reviewer")
                .get("awaitingReviewTotal")
                .asLong())
        .isEqualTo(meetings2024.get("awaitingReviewTotal").asLong());
    // status: the resubmissions only; the returned list only; the overdue ones only
    assertThat(ids(todo("?status=resubmitted", "reviewer").get("awaitingReview")))
        .containsExactly(resubmissionId);
    JsonNode returned = todo("?status=returned", "reviewer");
    assertThat(ids(returned.get("returned"))).containsExactly(overdueId, returnedId);
    assertThat(returned.get("awaitingReview")).isEmpty();
    assertThat(returned.get("awaitingReviewTotal").asLong()).isZero();
    assertThat(ids(todo("?status=overdue", "reviewer").get("returned"))).containsExactly(overdueId);
    assertThat(ids(todo("?status=returned&unit=school", "reviewer").get("returned"))).isEmpty();
  }

  @Test
  void everyoneSeesOnlyTheirScope() throws Exception {
    JsonNode district = todo("?size=500", "district-edu");
    assertThat(ids(district.get("awaitingReview"))).doesNotContainAnyElementsOf(awaiting("xinghe"));
    assertThat(district.get("returned")).isEmpty();
    // another subtree's unit named in the filter finds nothing, exactly like one that does not
    // exist
    assertThat(todo("?unit=xinghe", "district-edu").get("awaitingReviewTotal").asLong()).isZero();
    assertThat(todo("?unit=nowhere", "district-edu").get("awaitingReviewTotal").asLong()).isZero();
    // a clerk reviews nothing and sees the returned documents of their own unit
    JsonNode clerk = todo("", "clerk-xinghe");
    assertThat(clerk.get("awaitingReview")).isEmpty();
    assertThat(clerk.get("awaitingReviewTotal").asLong()).isZero();
    assertThat(ids(clerk.get("returned"))).containsExactly(overdueId, returnedId);
    assertThat(todo("?unit=school", "clerk-xinghe").get("returned")).isEmpty();
  }

  @Test
  void filtersThatCannotBeUnderstoodAreRefusedInChinese() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("?status=done", "状态“done”无效");
    cases.put("?year=" + enc("去年"), "年度“去年”无效");
    cases.put("?category=" + enc("不存在"), "类别“不存在”不存在");
    cases.put("?size=0", "size 为 1 到 500");
    cases.put("?size=501", "size 为 1 到 500");
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = get("/api/todo" + c.getKey(), "reviewer");
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("code").asString()).isEqualTo("INVALID_REQUEST");
      assertThat(body.get("detail").asString()).contains(c.getValue());
    }
  }

  // ---- batch acceptance through the API ----

  @Test
  void batchAcceptanceAcceptsEachOnItsOwnAndAuditsEach() throws Exception {
    List<Long> three = awaiting("xinghe").subList(0, 3);
    String form = "ids=" + three.get(0) + "&ids=" + three.get(1) + "," + three.get(2);
    HttpResponse<String> r = post("/api/todo/accept", "reviewer", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(ids(body.get("accepted"))).containsExactlyElementsOf(three);
    assertThat(body.get("accepted"))
        .allSatisfy(
            d -> assertThat(d.get("review").get("status").asString()).isEqualTo("ACCEPTED"));
    assertThat(body.get("skipped")).isEmpty();
    for (long id : three) {
      assertThat(documents.find(id).orElseThrow().review())
          .satisfies(
              rv -> {
                assertThat(rv.status()).isEqualTo(ReviewStatus.ACCEPTED);
                assertThat(rv.by()).isEqualTo("reviewer");
              });
      List<AuditEvent> events =
          audit.find(
              new AuditQuery("reviewer", AuditAction.ACCEPT, null, null, "材料 " + id + "《", 1, 50));
      assertThat(events).as("document %d audited on its own", id).hasSize(1);
      assertThat(events.get(0).detail()).isEqualTo("批量通过（共 3 份）");
    }
    assertThat(ids(todo("?unit=xinghe&size=500", "reviewer").get("awaitingReview")))
        .doesNotContainAnyElementsOf(three);

    // again: already decided, left alone with the reason
    JsonNode again =
        JSON.readTree(post("/api/todo/accept", "reviewer", "ids=" + three.get(0)).body());
    assertThat(again.get("accepted")).isEmpty();
    assertThat(again.get("skipped").get(0).get("id").asLong()).isEqualTo(three.get(0));
    assertThat(again.get("skipped").get(0).get("reason").asString()).contains("已是“已通过”", "未重复处理");
  }

  @Test
  void batchAcceptanceSkipsWhatTheCallerMayNotReview() throws Exception {
    long own = awaiting("edu").get(0);
    long other = awaiting("xinghe").get(10);
    JsonNode body =
        JSON.readTree(post("/api/todo/accept", "district-edu", "ids=" + own + "," + other).body());
    assertThat(ids(body.get("accepted"))).containsExactly(own);
    assertThat(body.get("skipped").get(0).get("reason").asString())
        .isEqualTo("材料 " + other + " 不存在或无权审核");
    assertThat(documents.find(other).orElseThrow().review().status())
        .isEqualTo(ReviewStatus.SUBMITTED);
    // a clerk reviews nothing: refused as a whole
    assertThat(post("/api/todo/accept", "clerk-xinghe", "ids=" + other).statusCode())
        .isEqualTo(403);
    // bad input
    HttpResponse<String> empty = post("/api/todo/accept", "reviewer", "ids=");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(empty.body()).get("detail").asString()).contains("请先勾选");
    assertThat(post("/api/todo/accept", "reviewer", "ids=abc").statusCode()).isEqualTo(400);
    String tooMany =
        LongStream.rangeClosed(1, ReviewService.MAX_BATCH + 1)
            .mapToObj(Long::toString)
            .collect(Collectors.joining(","));
    HttpResponse<String> big = post("/api/todo/accept", "reviewer", "ids=" + tooMany);
    assertThat(big.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(big.body()).get("detail").asString()).contains("一次最多批量通过 500 份");
  }

  // ---- the page ----

  private static final Pattern ITEM =
      Pattern.compile("<li class=\"todo-item[^\"]*\" data-id=\"(\\d+)\"");

  private static List<Long> items(String html, String listId) {
    int start = html.indexOf("id=\"" + listId + "\"");
    if (start < 0) {
      return List.of();
    }
    int end = html.indexOf("</ul>", start);
    Matcher m = ITEM.matcher(html.substring(start, end));
    List<Long> out = new ArrayList<>();
    while (m.find()) {
      out.add(Long.parseLong(m.group(1)));
    }
    return out;
  }

  @Test
  void thePageFiltersPagesAndComesBackToItsFiltersAfterABatch() throws Exception {
    HttpResponse<String> first = get("/todo?unit=edu&year=2025", "reviewer");
    assertThat(first.statusCode()).isEqualTo(200);
    List<Long> expected =
        ids(todo("?unit=edu&year=2025&size=500", "reviewer").get("awaitingReview"));
    assertThat(expected).hasSizeGreaterThan(ReviewPageControllerPageSize.SIZE);
    assertThat(items(first.body(), "awaiting"))
        .isEqualTo(expected.subList(0, ReviewPageControllerPageSize.SIZE));
    assertThat(first.body())
        .contains(
            "id=\"awaiting-total\">" + expected.size() + " 份<",
            "id=\"awaiting-pager\"",
            "第 1 / 2 页",
            "href=\"/todo?unit=edu&amp;year=2025&amp;page=2\"",
            "name=\"ids\"",
            "id=\"batch-accept\"");
    HttpResponse<String> second = get("/todo?unit=edu&year=2025&page=2", "reviewer");
    assertThat(items(second.body(), "awaiting"))
        .isEqualTo(expected.subList(ReviewPageControllerPageSize.SIZE, expected.size()));

    // the batch form posts the ticked ids with the filters, and the answer returns to them
    List<Long> ticked = expected.subList(0, 2);
    HttpResponse<String> done =
        post(
            "/todo/accept",
            "reviewer",
            "ids="
                + ticked.get(0)
                + "&ids="
                + ticked.get(1)
                + "&unit=edu&category=&year=2025&status=&page=1");
    assertThat(done.statusCode()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElse(""))
        .endsWith("/todo?unit=edu&year=2025");
    assertThat(items(get("/todo?unit=edu&year=2025", "reviewer").body(), "awaiting"))
        .doesNotContainAnyElementsOf(ticked);
    // a clerk may not
    assertThat(post("/todo/accept", "clerk-xinghe", "ids=" + expected.get(5)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void thePageWarnsAboutFiltersItCannotUnderstandAndShowsTheRest() throws Exception {
    HttpResponse<String> r = get("/todo?status=done&year=" + enc("去年"), "reviewer");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("id=\"todo-warning\"", "状态“done”无效", "年度“去年”无效", "已忽略该条件");
    assertThat(items(r.body(), "awaiting")).hasSize(ReviewPageControllerPageSize.SIZE);
    // past the end (after a batch took the last page, or a hand-edited address): the last page
    List<Long> school = ids(todo("?unit=school&size=500", "reviewer").get("awaitingReview"));
    assertThat(items(get("/todo?unit=school&page=99", "reviewer").body(), "awaiting"))
        .isEqualTo(school);
    // a clerk's page has no list to review, and no batch form
    HttpResponse<String> clerk = get("/todo", "clerk-xinghe");
    assertThat(clerk.body()).doesNotContain("id=\"awaiting\"", "id=\"batch-form\"");
    assertThat(items(clerk.body(), "returned")).containsExactly(overdueId, returnedId);
  }

  /** The page's size, read from the controller so the test follows it. */
  private static final class ReviewPageControllerPageSize {
    static final int SIZE = ReviewPageController.PAGE_SIZE;
  }

  @Test
  void reviewServiceTodoUsesTheScopeOfTheCaller() {
    Caller outsider = new Caller("x", "x", Role.REVIEWER, null, Scope.of(Set.of("school")));
    var page =
        reviews.todo(
            outsider,
            ReviewService.TodoList.AWAITING,
            new ReviewService.TodoFilter(Set.of("edu", "xinghe"), null, null, false, false),
            1,
            500);
    assertThat(page.total()).isZero();
  }
}
