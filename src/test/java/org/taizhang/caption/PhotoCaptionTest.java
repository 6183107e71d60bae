package org.taizhang.caption;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.Basic;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Photo captions through the running service: inferred from the camera's time and the same day's
 * activity record, written by the unit's clerk (audited, kept when inference changes), hidden from
 * another unit, and listed on the unit's checklist until complete.
 */
@ServiceTest
class PhotoCaptionTest {
  private static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final String UNIT = "caption-bureau";
  private static final String OTHER = "caption-other";

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired AccountService accounts;
  @Autowired IngestService ingest;
  @Autowired CompletenessService completeness;
  @Autowired PhotoCaptions captions;
  @Autowired AuditLog audit;
  @Autowired JsonMapper json;

  private final HttpClient http = HttpClient.newHttpClient();
  private int year;

  @BeforeEach
  void setUp() throws Exception {
    year = completeness.defaultYear().orElseThrow();
    if (accounts.find("caption-clerk").isPresent()) {
      return;
    }
    TestUnits.load(
        importer,
        TestUnits.COUNTY
            + UNIT
            + ",青禾县照片说明测试局,文明单位,county\n"
            + OTHER
            + ",青禾县另一照片测试局,文明单位,county\n");
    accounts.create("test", "caption-clerk", "照片局填报员", Role.CLERK, UNIT, PASSWORD);
    accounts.create("test", "caption-other-clerk", "另一局填报员", Role.CLERK, OTHER, PASSWORD);
  }

  private Document record(String unit, String category, LocalDate date, String title, String text)
      throws Exception {
    return ingest
        .ingest(
            new IngestRequest(
                unit, category, date, title, year, title + System.nanoTime() + ".txt", "test"),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .document();
  }

  private Document photo(String unit, int seed, LocalDateTime taken, String title)
      throws Exception {
    return ingest
        .ingest(
            new IngestRequest(
                unit,
                "photo",
                null,
                title,
                year,
                "IMG_" + seed + System.nanoTime() + ".jpg",
                "test"),
            new ByteArrayInputStream(TestFiles.jpeg(seed, taken)))
        .document();
  }

  @Test
  void aPhotoTakesTimeFromTheCameraAndPlacePeopleSubjectFromTheSameDaysActivity() throws Exception {
    LocalDate day = LocalDate.of(year, 3, 12);
    record(
        UNIT,
        "activity",
        day,
        "学雷锋志愿服务活动记录",
        "学雷锋志愿服务活动记录\n时间：" + year + "年3月12日 地點：青禾县人民广场\n参加人员：张三、李四、王五\n活动主题：学雷锋 清洁家园\n");
    // another unit's record of the same day says nothing about this unit's photo
    record(OTHER, "activity", day, "别处的活动", "地点：别处礼堂\n参加人员：赵六\n活动主题：别处活动\n");
    Document p = photo(UNIT, 7101, day.atTime(9, 30), "志愿服务现场");

    JsonNode c =
        json.readTree(get("caption-clerk", "/api/documents/" + p.id() + "/caption").body());
    assertThat(c.get("time").asString()).isEqualTo(year + "年3月12日 09:30");
    // the original characters, read through the folded label (地點 = 地点)
    assertThat(c.get("place").asString()).isEqualTo("青禾县人民广场");
    assertThat(c.get("people").asString()).isEqualTo("张三、李四、王五");
    assertThat(c.get("subject").asString()).isEqualTo("学雷锋 清洁家园");
    assertThat(c.get("complete").asBoolean()).isTrue();
    assertThat(c.get("editable").asBoolean()).isTrue();
    assertThat(captions.caption(p).lines())
        .containsExactly("时间：" + year + "年3月12日 09:30", "地点：青禾县人民广场", "人物：张三、李四、王五", "事由：学雷锋 清洁家园");
  }

  @Test
  void aMeetingWithoutATopicLabelGivesItsTitleAsTheSubject() throws Exception {
    LocalDate day = LocalDate.of(year, 5, 20);
    record(UNIT, "meeting", day, "第二季度创建工作推进会会议记录", "会议地点：三楼会议室\n参会人员：局领导班子成员\n");
    Document p = photo(UNIT, 7102, day.atTime(15, 5), "IMG_0001");
    PhotoCaption c = captions.caption(p);
    assertThat(c.place()).isEqualTo("三楼会议室");
    assertThat(c.people()).isEqualTo("局领导班子成员");
    assertThat(c.subject()).isEqualTo("第二季度创建工作推进会会议记录");
  }

  @Test
  void aClerksCaptionIsKeptAuditedAndWinsOverLaterInferenceAndTheChecklistFollows()
      throws Exception {
    LocalDate day = LocalDate.of(year, 4, 1);
    Document p = photo(UNIT, 7103, day.atTime(10, 0), "文明劝导");
    // no activity that day: only the time is known, so the checklist asks for the rest
    PhotoCaption before = captions.caption(p);
    assertThat(before.time()).isEqualTo(year + "年4月1日 10:00");
    assertThat(before.missing()).containsExactly("地点", "人物", "事由");
    assertThat(listedOnTodo("caption-clerk")).contains(p.id());
    assertThat(listedOnChecklist("caption-clerk", UNIT)).contains(p.id());
    // never on another unit's lists
    assertThat(listedOnTodo("caption-other-clerk")).doesNotContain(p.id());
    assertThat(listedOnChecklist("caption-other-clerk", OTHER)).doesNotContain(p.id());

    HttpResponse<String> put =
        put(
            "caption-clerk",
            "/api/documents/" + p.id() + "/caption",
            "{\"place\":\"县文化广场\",\"people\":\"志愿者 12 人\",\"subject\":\"\"}");
    assertThat(put.statusCode()).isEqualTo(200);
    JsonNode c = json.readTree(put.body());
    assertThat(c.get("place").asString()).isEqualTo("县文化广场");
    assertThat(c.get("written").get("place").asString()).isEqualTo("县文化广场");
    assertThat(c.get("complete").asBoolean()).isFalse();
    assertThat(listedOnTodo("caption-clerk")).contains(p.id());

    List<AuditEvent> events =
        audit.find(
            new AuditQuery(
                null, AuditAction.CAPTION_EDITED, null, null, "材料 " + p.id() + "《", 1, 50));
    assertThat(events).hasSize(1);
    assertThat(events.get(0).actor()).isEqualTo("caption-clerk");
    assertThat(events.get(0).detail()).contains("地点：（空） → 县文化广场");

    // an activity record of that day arrives later: inference now names another place, the clerk's
    // words stay, and what the clerk left blank is inferred
    record(UNIT, "activity", day, "文明劝导活动", "地点：体育馆\n参加人员：全体职工\n活动主题：文明交通劝导\n");
    PhotoCaption after = captions.caption(p);
    assertThat(captions.inferred(p).place()).isEqualTo("体育馆");
    assertThat(after.place()).isEqualTo("县文化广场");
    assertThat(after.people()).isEqualTo("志愿者 12 人");
    assertThat(after.subject()).isEqualTo("文明交通劝导");
    assertThat(after.complete()).isTrue();
    assertThat(listedOnTodo("caption-clerk")).doesNotContain(p.id());
    assertThat(listedOnChecklist("caption-clerk", UNIT)).doesNotContain(p.id());
  }

  @Test
  void anotherUnitsUserGets404AndNothingIsWritten() throws Exception {
    Document p = photo(UNIT, 7104, LocalDateTime.of(year, 6, 1, 8, 0), "他人照片");
    assertThat(get("caption-other-clerk", "/api/documents/" + p.id() + "/caption").statusCode())
        .isEqualTo(404);
    assertThat(
            put(
                    "caption-other-clerk",
                    "/api/documents/" + p.id() + "/caption",
                    "{\"place\":\"某地\"}")
                .statusCode())
        .isEqualTo(404);
    assertThat(captions.caption(p).place()).isNull();
  }

  @Test
  void aDocumentThatIsNoPhotoHasNoCaption() throws Exception {
    Document d = record(UNIT, "activity", LocalDate.of(year, 7, 1), "活动方案", "活动方案");
    HttpResponse<String> r = get("caption-clerk", "/api/documents/" + d.id() + "/caption");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("INVALID_REQUEST", "照片");
  }

  @Test
  void theDocumentPageOffersTheFormToTheClerk() throws Exception {
    Document p = photo(UNIT, 7105, LocalDateTime.of(year, 8, 8, 8, 8), "表单照片");
    org.jsoup.nodes.Document page =
        Jsoup.parse(get("caption-clerk", "/documents/" + p.id()).body());
    Element form = page.getElementById("caption-form");
    assertThat(form).isNotNull();
    assertThat(form.attr("action")).isEqualTo("/documents/" + p.id() + "/caption");
    assertThat(page.getElementById("caption-time").attr("value")).isEqualTo(year + "年8月8日 08:08");
    assertThat(page.getElementById("caption-missing").text()).contains("地点", "人物", "事由");
  }

  private List<Long> listedOnTodo(String user) throws Exception {
    return listed(get(user, "/todo").body());
  }

  private List<Long> listedOnChecklist(String user, String unit) throws Exception {
    return listed(get(user, "/units/" + unit + "/completeness?year=" + year).body());
  }

  private static List<Long> listed(String html) {
    Element list = Jsoup.parse(html).getElementById("uncaptioned");
    if (list == null) {
      return List.of();
    }
    assertThat(list.selectFirst("h2").text()).matches("\\d+ 张照片缺少说明（时间/地点/人物/事由）");
    return list.select("li[data-document]").stream()
        .map(li -> Long.parseLong(li.attr("data-document")))
        .toList();
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .headers(Basic.auth(user, PASSWORD))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> put(String user, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .headers(Basic.auth(user, PASSWORD))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
