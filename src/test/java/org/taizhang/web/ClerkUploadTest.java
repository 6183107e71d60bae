package org.taizhang.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.Basic;
import org.taizhang.support.Multipart;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestFiles;

/**
 * A clerk's uploads over HTTP, as the upload page sends them: what is recognised from file names
 * that state a period, the year chosen on the form, and who may correct what was recognised, when
 * (a clerk until acceptance and only in its unit, reviewers at any time), with the correction
 * audited and the unit's checklist following it.
 */
@ServiceTest
class ClerkUploadTest {
  static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired AccountService accounts;
  @Autowired AuditLog audit;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void unitsAndAccounts() throws IOException {
    if (accounts.find("up-clerk-a").isPresent()) {
      return;
    }
    Path dir = Files.createTempDirectory("units");
    Files.writeString(
        dir.resolve("units.csv"),
        """
        code,name,type,parent
        county,青禾县文明办,创建办,
        up-east,城东街道办,创建办,county
        up-east-a,城东甲局,文明单位,up-east
        up-west,城西乙局,文明单位,county
        """);
    importer.loadUnits(dir);
    accounts.create("test", "up-clerk-a", "甲局填报员", Role.CLERK, "up-east-a", PASSWORD);
    accounts.create("test", "up-clerk-west", "乙局填报员", Role.CLERK, "up-west", PASSWORD);
    accounts.create("test", "up-reviewer", "测评员王芳", Role.REVIEWER, null, PASSWORD);
    accounts.create("test", "up-district-east", "城东创建办", Role.DISTRICT, "up-east", PASSWORD);
  }

  @Test
  void anUploadIsAuditedWithTheUploadersAddress() throws Exception {
    JsonNode d =
        upload(
            "up-clerk-a",
            "up-east-a",
            "审计地址测试.txt",
            TestFiles.utf8("审计地址测试 " + System.nanoTime()),
            null,
            201);
    String target = "材料 " + d.get("id").asLong() + "《";
    assertThat(audit.find(new AuditQuery(null, AuditAction.UPLOAD, null, null, null, 1, 100)))
        .filteredOn(e -> e.target() != null && e.target().startsWith(target))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("up-clerk-a");
              assertThat(e.address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            });
  }

  // ---- recognition on upload

  @Test
  void aPhotoNamedForAQuarterIsFiledUnderThatYearWithThePeriodAndNoMadeUpDate() throws Exception {
    JsonNode d =
        upload(
            "up-clerk-a",
            "up-east-a",
            "2025年第三季度创建工作会议记录.jpg",
            TestFiles.jpeg(101, null),
            null,
            201);
    assertThat(d.get("year").asInt()).isEqualTo(2025);
    assertThat(d.get("category").asText()).isEqualTo("meeting");
    assertThat(d.get("period").get("label").asText()).isEqualTo("2025年第三季度");
    assertThat(d.get("period").get("first").asText()).isEqualTo("2025-07-01");
    assertThat(d.get("period").get("last").asText()).isEqualTo("2025-09-30");
    assertThat(d.get("date").isNull()).as("no date stated, none invented").isTrue();
  }

  @Test
  void aPhotosExifTimeStaysItsDateBesideTheStatedPeriod() throws Exception {
    JsonNode d =
        upload(
            "up-clerk-a",
            "up-east-a",
            "2025年第三季度志愿服务活动照片.jpg",
            TestFiles.jpeg(102, LocalDateTime.of(2025, 10, 8, 15, 0)),
            null,
            201);
    assertThat(d.get("date").asText()).isEqualTo("2025-10-08");
    assertThat(d.get("period").get("label").asText()).isEqualTo("2025年第三季度");
    assertThat(d.get("year").asInt()).isEqualTo(2025);
  }

  @Test
  void aPhotoOfAnActivityIsFiledAsItsPhotoNotItsRecord() throws Exception {
    JsonNode photo =
        upload(
            "up-clerk-a",
            "up-east-a",
            "2026-11-20 无偿献血志愿服务活动.jpg",
            TestFiles.jpeg(104, null),
            null,
            201);
    assertThat(photo.get("category").asText()).isEqualTo("photo");
    JsonNode record =
        upload(
            "up-clerk-a",
            "up-east-a",
            "无偿献血志愿服务活动记录.txt",
            TestFiles.utf8("活动记录\n参加人员：全体党员"),
            null,
            201);
    assertThat(record.get("category").asText()).isEqualTo("activity");
  }

  @Test
  void aFilesCreationTimeIsTheOfficesWallClockTime() throws Exception {
    // written in Beijing at 11:17; document properties keep it as 03:17 UTC
    Calendar made = Calendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai"));
    made.clear();
    made.set(2025, Calendar.DECEMBER, 29, 11, 17, 0);
    byte[] pdf;
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.addPage(new PDPage());
      doc.getDocumentInformation().setCreationDate(made);
      doc.save(out);
      pdf = out.toByteArray();
    }
    JsonNode d = upload("up-clerk-a", "up-east-a", "创建工作方案.pdf", pdf, null, 201);
    assertThat(d.get("metadata").get("created").asText()).isEqualTo("2025-12-29T11:17:00+08:00");
    String page =
        send("up-clerk-a", HttpRequest.newBuilder(uri("/documents/" + d.get("id").asLong())).GET())
            .body();
    assertThat(page).contains("2025-12-29 11:17:00");
  }

  @Test
  void aYearEndSummaryWrittenInJanuaryBelongsToTheYearItNames() throws Exception {
    JsonNode d =
        upload(
            "up-clerk-a",
            "up-east-a",
            "2025年度工作总结.txt",
            TestFiles.utf8("2025年度工作总结\n时间：2026年1月8日\n一年来，我局扎实推进文明单位创建。"),
            null,
            201);
    assertThat(d.get("year").asInt()).isEqualTo(2025);
    assertThat(d.get("date").asText()).isEqualTo("2026-01-08");
    assertThat(d.get("period").get("label").asText()).isEqualTo("2025年度");
    assertThat(d.get("category").asText()).isEqualTo("annual-summary");

    JsonNode half =
        upload(
            "up-clerk-a",
            "up-east-a",
            "2025年上半年文明创建工作小结.txt",
            TestFiles.utf8("上半年小结正文"),
            null,
            201);
    assertThat(half.get("period").get("label").asText()).isEqualTo("2025年上半年");
    assertThat(half.get("year").asInt()).isEqualTo(2025);
  }

  @Test
  void withoutAnyStatementTheUploadYearIsUsedAndNoDateOrPeriodAppears() throws Exception {
    JsonNode d =
        upload("up-clerk-a", "up-east-a", "志愿服务活动.txt", TestFiles.utf8("社区志愿服务，居民参加。"), null, 201);
    assertThat(d.get("date").isNull()).isTrue();
    assertThat(d.get("period").isNull()).isTrue();
    assertThat(d.get("year").asInt()).isEqualTo(LocalDate.now().getYear());
  }

  @Test
  void theYearChosenOnTheFormWinsAndAnUnreadableYearIsRefused() throws Exception {
    JsonNode d =
        upload(
            "up-clerk-a", "up-east-a", "2025年第四季度会议记录.jpg", TestFiles.jpeg(103, null), "2024", 201);
    assertThat(d.get("year").asInt()).isEqualTo(2024);
    assertThat(d.get("period").get("label").asText())
        .as("what the name states is kept")
        .isEqualTo("2025年第四季度");

    JsonNode refused =
        upload("up-clerk-a", "up-east-a", "会议记录.jpg", TestFiles.jpeg(104, null), "二〇二五", 400);
    assertThat(refused.get("code").asText()).isEqualTo("INVALID_YEAR");
    assertThat(refused.get("detail").asText()).contains("年度无效", "二〇二五");
  }

  @Test
  void aNewVersionIsFiledWhereTheOldOneWasUnlessItStatesOtherwise() throws Exception {
    long old =
        upload(
                "up-clerk-a",
                "up-east-a",
                "2025年第二季度创建工作会议记录.txt",
                TestFiles.utf8("会议记录，缺记录人"),
                null,
                201)
            .get("id")
            .asLong();
    review(old, "return");
    HttpResponse<String> r =
        new Multipart()
            .field("unit", "up-east-a")
            .field("replaces", String.valueOf(old))
            .file("会议记录（补充记录人）.txt", TestFiles.utf8("会议记录，记录人：孙丽"))
            .post(http, uri("/api/documents"), Basic.auth("up-clerk-a", PASSWORD));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode v2 = json.readTree(r.body());
    assertThat(v2.get("period").get("label").asText()).isEqualTo("2025年第二季度");
    assertThat(v2.get("year").asInt()).isEqualTo(2025);
    assertThat(v2.get("category").asText()).isEqualTo("meeting");
  }

  @Test
  void severalFilesPostedWithoutJavaScriptAreAnsweredWithEachOutcome() throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("unit", "up-east-a")
            .file("2025年第一季度会议签到表.jpg", TestFiles.jpeg(105, null))
            .file("空文件.txt", new byte[0])
            .file("2025-04-18 学雷锋志愿服务活动.jpg", TestFiles.jpeg(106, null))
            .post(http, uri("/upload"), Basic.auth("up-clerk-a", PASSWORD));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains(
            "上传结果",
            "2025年第一季度会议签到表.jpg",
            "2025年第一季度",
            "2025-04-18 学雷锋志愿服务活动.jpg",
            "2025-04-18",
            "未上传：文件为空");
    assertThat(r.body().split("data-state=\"accepted\"", -1)).hasSize(3);
    assertThat(r.body().split("data-state=\"rejected\"", -1)).hasSize(2);
  }

  // ---- corrections

  @Test
  void aClerkCorrectsItsOwnUploadUntilItIsAcceptedThenOnlyReviewersMay() throws Exception {
    long id =
        upload(
                "up-clerk-a",
                "up-east-a",
                "道德讲堂宣讲简报.jpg",
                TestFiles.jpeg(201, LocalDateTime.of(2025, 5, 10, 9, 0)),
                null,
                201)
            .get("id")
            .asLong();

    JsonNode fixed = describe("up-clerk-a", id, 200, "category", "photo", "period", "2025年第二季度");
    assertThat(fixed.get("category").asText()).isEqualTo("photo");
    assertThat(fixed.get("categoryName").asText()).isEqualTo("活动照片");
    assertThat(fixed.get("period").get("label").asText()).isEqualTo("2025年第二季度");
    assertThat(fixed.get("date").asText()).as("left out, kept").isEqualTo("2025-05-10");
    assertThat(fixed.get("year").asInt()).isEqualTo(2025);

    // Another unit's clerk, and a district office above another part of the tree, do not see it.
    assertThat(describeStatus("up-clerk-west", id, "category", "activity")).isEqualTo(404);
    assertThat(
            describeStatus(
                "up-district-east",
                upload("up-clerk-west", "up-west", "乙局活动.jpg", TestFiles.jpeg(202, null), null, 201)
                    .get("id")
                    .asLong(),
                "category",
                "activity"))
        .isEqualTo(404);

    // Accepted: the clerk is told why not, the reviewer and the administrator still correct it.
    review(id, "accept");
    JsonNode refused = describe("up-clerk-a", id, 400, "category", "activity");
    assertThat(refused.get("detail").asText()).contains("已审核通过", "联系测评员");
    assertThat(describe("up-reviewer", id, 200, "date", "2025-05-11").get("date").asText())
        .isEqualTo("2025-05-11");
    assertThat(describe("admin", id, 200, "title", "道德讲堂活动现场照片").get("title").asText())
        .isEqualTo("道德讲堂活动现场照片");

    // Each change is audited with what it was and what it became.
    List<String> details =
        audit.find(new AuditQuery(null, AuditAction.DESCRIBE, null, null, null, 1, 100)).stream()
            .filter(e -> e.target() != null && e.target().contains("材料 " + id))
            .map(AuditEvent::detail)
            .toList();
    assertThat(details)
        .anySatisfy(d -> assertThat(d).contains("类别 工作简报 → 活动照片", "期间 无 → 2025年第二季度"));
    assertThat(details).anySatisfy(d -> assertThat(d).contains("日期 2025-05-10 → 2025-05-11"));
  }

  @Test
  void aReturnedDocumentIsTheClerksToCorrectAgain() throws Exception {
    long id =
        upload("up-clerk-a", "up-east-a", "2025年创建工作计划.txt", TestFiles.utf8("工作计划正文"), null, 201)
            .get("id")
            .asLong();
    review(id, "return");
    assertThat(describe("up-clerk-a", id, 200, "category", "plan").get("category").asText())
        .isEqualTo("plan");
  }

  @Test
  void datesAndPeriodsAreClearedOrRefusedWithTheReason() throws Exception {
    long id =
        upload(
                "up-clerk-a",
                "up-east-a",
                "2025年7月工作简报.txt",
                TestFiles.utf8("时间：2025年7月30日\n简报正文"),
                null,
                201)
            .get("id")
            .asLong();
    JsonNode cleared = describe("up-clerk-a", id, 200, "date", "", "period", "");
    assertThat(cleared.get("date").isNull()).isTrue();
    assertThat(cleared.get("period").isNull()).isTrue();
    assertThat(cleared.get("year").asInt()).as("kept").isEqualTo(2025);

    assertThat(describe("up-clerk-a", id, 400, "period", "2025年第五季度").get("detail").asText())
        .contains("所属期间", "2025年第五季度");
    assertThat(describe("up-clerk-a", id, 400, "date", "去年夏天").get("detail").asText())
        .contains("文档日期", "去年夏天");
    assertThat(describe("up-clerk-a", id, 400, "year", "25").get("detail").asText())
        .contains("年度", "25");
    assertThat(
            describe("up-clerk-a", id, 400, "period", "2024年第三季度", "year", "2025")
                .get("detail")
                .asText())
        .contains("2024年第三季度", "不在 2025 年度内");
    // A new period without a year takes the period's year along.
    assertThat(describe("up-clerk-a", id, 200, "period", "2024年第三季度").get("year").asInt())
        .isEqualTo(2024);
  }

  @Test
  void theChecklistFollowsACorrectionAtOnce() throws Exception {
    // 城西乙局 has no photo for 2025 yet; a photo taken for the archive was recognised as a briefing by
    // its name.
    long id =
        upload(
                "up-clerk-west",
                "up-west",
                "2025年志愿服务简报.jpg",
                TestFiles.jpeg(301, LocalDateTime.of(2025, 6, 1, 10, 0)),
                null,
                201)
            .get("id")
            .asLong();
    assertThat(get("up-clerk-west", "/api/documents/" + id).get("category").asText())
        .isEqualTo("briefing");
    assertThat(missing("up-clerk-west", "up-west")).contains("2025年缺少活动照片");

    describe("up-clerk-west", id, 200, "category", "photo");
    assertThat(missing("up-clerk-west", "up-west")).doesNotContain("2025年缺少活动照片");
  }

  @Test
  void theDocumentPageOffersTheCorrectionAndSavesIt() throws Exception {
    long id =
        upload("up-clerk-a", "up-east-a", "活动现场.jpg", TestFiles.jpeg(401, null), null, 201)
            .get("id")
            .asLong();
    HttpResponse<String> page =
        send("up-clerk-a", HttpRequest.newBuilder(uri("/documents/" + id)).GET());
    assertThat(page.body()).contains("id=\"describe-form\"", "更正著录");

    HttpResponse<String> saved =
        send(
            "up-clerk-a",
            HttpRequest.newBuilder(uri("/documents/" + id + "/description"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    form(
                        "category",
                        "photo",
                        "title",
                        "活动现场",
                        "date",
                        "",
                        "period",
                        "2025年下半年",
                        "year",
                        "2025")));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/documents/" + id);
    assertThat(get("up-clerk-a", "/api/documents/" + id).get("period").get("label").asText())
        .isEqualTo("2025年下半年");

    review(id, "accept");
    HttpResponse<String> locked =
        send("up-clerk-a", HttpRequest.newBuilder(uri("/documents/" + id)).GET());
    assertThat(locked.body()).doesNotContain("id=\"describe-form\"").contains("本材料已审核通过，单位不能再修改著录");
    HttpResponse<String> other =
        send(
            "up-clerk-west",
            HttpRequest.newBuilder(uri("/documents/" + id + "/description"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("category", "activity")));
    assertThat(other.statusCode()).isEqualTo(404);
  }

  // ---- helpers

  private JsonNode upload(
      String who, String unit, String name, byte[] content, String year, int status)
      throws Exception {
    Multipart m = new Multipart().field("unit", unit);
    if (year != null) {
      m.field("year", year);
    }
    HttpResponse<String> r =
        m.file(name, content).post(http, uri("/api/documents"), Basic.auth(who, PASSWORD));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return json.readTree(r.body());
  }

  private JsonNode describe(String who, long id, int status, String... pairs) throws Exception {
    HttpResponse<String> r =
        send(
            who,
            HttpRequest.newBuilder(uri("/api/documents/" + id + "/description"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(pairs)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    return json.readTree(r.body());
  }

  private int describeStatus(String who, long id, String... pairs) throws Exception {
    return send(
            who,
            HttpRequest.newBuilder(uri("/api/documents/" + id + "/description"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form(pairs)))
        .statusCode();
  }

  private void review(long id, String decision) throws Exception {
    HttpResponse<String> r =
        send(
            "up-reviewer",
            HttpRequest.newBuilder(uri("/api/documents/" + id + "/review"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    form(
                        "decision",
                        decision,
                        "reason",
                        "请补充",
                        "deadline",
                        LocalDate.now().plusDays(7).toString())));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private List<String> missing(String who, String unit) throws Exception {
    JsonNode c = get(who, "/api/units/" + unit + "/completeness?year=2025");
    List<String> out = new ArrayList<>();
    c.get("indicators")
        .forEach(i -> i.get("missing").forEach(m -> out.add(m.get("text").asText())));
    return out;
  }

  private JsonNode get(String who, String path) throws Exception {
    HttpResponse<String> r = send(who, HttpRequest.newBuilder(uri(path)).GET());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json.readTree(r.body());
  }

  private HttpResponse<String> send(String who, HttpRequest.Builder request) throws Exception {
    request.headers(Basic.auth(who, PASSWORD));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpRequest.BodyPublisher form(String... pairs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      sb.append(sb.length() == 0 ? "" : "&")
          .append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return HttpRequest.BodyPublishers.ofString(sb.toString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
