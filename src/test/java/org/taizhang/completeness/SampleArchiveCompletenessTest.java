package org.taizhang.completeness;

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
import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.ImportSummary;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.review.DocumentEditor;
import org.taizhang.review.RecycleBin;
import org.taizhang.support.Basic;
import org.taizhang.support.TestSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample county imported into a fresh data directory: its deliberate gaps and red flags show up
 * exactly and nothing else does; results follow uploads, deletions and category changes at once;
 * the API answers by role and scope; decisions persist and are audited.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      "taizhang.admin.password=" + SampleArchiveCompletenessTest.PASSWORD
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleArchiveCompletenessTest {
  static final String PASSWORD = "completeness-test-pw";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The deliberate gaps of sample-archive/README.md, as the office reads them; every other
   * unit-year is complete.
   */
  private static final Map<String, List<String>> GAPS =
      Map.of(
          "qhx-wjj/2025", List.of("2025年第三季度缺少会议记录"),
          "hxz-zxxx/2025", List.of("2025年缺少年终总结"),
          "qhx-jyj/2024", List.of("会议记录 2024-05-13 缺少记录人"),
          // UNFILLED_TEMPLATE: the template's fields are placeholders, so they are not filled in;
          // it
          // states no date (20xx年x月x日), so it is named by its title
          "hxz-ltc/2025", List.of("活动记录《2025年新时代文明实践志愿服务活动记录》缺少活动时间、活动地点、参加人员"));

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("taizhang-completeness");
    registry.add("taizhang.data-dir", dir::toString);
  }

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired CompletenessService completeness;
  @Autowired AccountService accounts;
  @Autowired IngestService ingest;
  @Autowired RecycleBin recycleBin;
  @Autowired DocumentEditor editor;
  @Autowired DocumentRepository documents;
  @Autowired AuditLog audit;
  @Autowired DecisionRepository decisions;

  private final HttpClient http = HttpClient.newHttpClient();
  private final Caller system = Caller.system("test");

  @BeforeAll
  void importSample() {
    ImportSummary summary = importer.importFolder(Path.of("sample-archive"), "test");
    assertThat(summary.rejected()).isEmpty();
    accounts.create("test", "clerk-wjj", "卫健局填报员", Role.CLERK, "qhx-wjj", PASSWORD);
    accounts.create("test", "clerk-yz", "一中填报员", Role.CLERK, "qhx-yz", PASSWORD);
    accounts.create("test", "reviewer", "测评员", Role.REVIEWER, null, PASSWORD);
    accounts.create("test", "district-hxz", "禾溪镇创建办", Role.DISTRICT, "hxz", PASSWORD);
  }

  /**
   * The sample's years; later years up to the current one are judged too, against an archive that
   * has nothing for them yet.
   */
  private Map<String, UnitCompleteness> all() {
    Map<String, UnitCompleteness> out = new TreeMap<>();
    for (int year : List.of(2025, 2024)) {
      completeness.units(year, null).forEach(u -> out.put(u.unit() + "/" + year, u));
    }
    return out;
  }

  private static List<String> missing(UnitCompleteness u) {
    return u.indicators().stream()
        .flatMap(i -> i.missing().stream())
        .map(MissingItem::text)
        .toList();
  }

  private static IndicatorResult indicator(UnitCompleteness u, String code) {
    return u.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
  }

  private UnitCompleteness unit(String code, int year) {
    return completeness.unit(code, year).orElseThrow();
  }

  @Test
  @Order(1)
  void theDeliberateGapsShowUpExactlyAndEveryOtherUnitIsComplete() {
    // the shipped lists apply from 2024 until replaced: every year up to the current one is judged
    assertThat(completeness.years())
        .endsWith(2025, 2024)
        .first()
        .isEqualTo(Math.max(2025, Year.now().getValue()));
    Map<String, UnitCompleteness> all = all();
    assertThat(all).hasSize(20).doesNotContainKey("qhx-cjb/2025");
    Map<String, List<String>> actual = new LinkedHashMap<>();
    all.forEach((k, u) -> actual.put(k, missing(u)));
    Map<String, List<String>> expected = new HashMap<>();
    all.keySet().forEach(k -> expected.put(k, GAPS.getOrDefault(k, List.of())));
    assertThat(actual).isEqualTo(expected);

    UnitCompleteness wjj = unit("qhx-wjj", 2025);
    IndicatorResult meetings = indicator(wjj, "Ⅰ-3-1");
    assertThat(meetings.status()).isEqualTo(IndicatorStatus.PARTIAL);
    assertThat(meetings.grade()).isEqualTo(Grade.B);
    assertThat(meetings.evidence()).hasSize(3);
    assertThat(meetings.missing().get(0).key()).isEqualTo("Ⅰ-3-1/meeting/2025-Q3");
    IndicatorResult summary = indicator(unit("hxz-zxxx", 2025), "Ⅲ-1-2");
    assertThat(summary.status()).isEqualTo(IndicatorStatus.MISSING);
    assertThat(summary.grade()).isEqualTo(Grade.D);
    // the scanned 目标责任书 has no text, but the rule asks for none: it counts, by its folder
    IndicatorResult scanned = indicator(unit("hxz-xqc", 2025), "Ⅰ-2-2");
    assertThat(scanned.status()).isEqualTo(IndicatorStatus.MET);
    assertThat(documents.find(scanned.evidence().get(0)).orElseThrow().textChars()).isZero();
  }

  @Test
  @Order(2)
  void everyMetIndicatorNamesItsEvidence() {
    for (UnitCompleteness u : all().values()) {
      for (IndicatorResult i : u.indicators()) {
        if (i.status() == IndicatorStatus.MET) {
          assertThat(i.evidence()).as(u.unit() + " " + i.code()).isNotEmpty();
          for (long id : i.evidence()) {
            assertThat(documents.find(id).orElseThrow().unitCode()).isEqualTo(u.unit());
          }
        }
      }
    }
    assertThat(indicator(unit("qhx-jyj", 2025), "Ⅰ-3-1").evidence()).hasSize(4);
    assertThat(indicator(unit("qhx-jyj", 2025), "Ⅱ-1-1").evidence())
        .hasSize(3); // one record, two photos
  }

  @Test
  @Order(3)
  void theRedFlagsAreExactlyTheDeliberateOnes() {
    Map<String, List<String>> actual = new TreeMap<>();
    all()
        .forEach(
            (k, u) -> {
              if (!u.redFlags().isEmpty()) {
                actual.put(k, u.redFlags().stream().map(RedFlag::kind).toList());
              }
            });
    assertThat(actual)
        .isEqualTo(
            Map.of(
                "hxz-ltc/2025", List.of("PLACEHOLDER"),
                "cg-nhsq/2025", List.of("PHOTO_TIME_MISMATCH"),
                "cg-yxsq/2025", List.of("NEAR_DUPLICATE")));

    RedFlag photo = unit("cg-nhsq", 2025).redFlags().get(0);
    assertThat(photo.text()).contains("2025-06-23 17:30").contains("2025-05-16").contains("38 天");
    // 银杏社区's summary is the later one: it is the copy, and 南湖社区, the source, is not accused.
    RedFlag copied = unit("cg-yxsq", 2025).redFlags().get(0);
    assertThat(copied.documents()).hasSize(1);
    Document own = documents.find(copied.documents().get(0)).orElseThrow();
    Document source = documents.find(copied.source().document()).orElseThrow();
    assertThat(own.unitCode()).isEqualTo("cg-yxsq");
    assertThat(own.category()).isEqualTo("annual-summary");
    assertThat(source.unitCode()).isEqualTo("cg-nhsq");
    assertThat(copied.text())
        .contains("与其他单位的材料高度相似，相似度约 ")
        .doesNotContain("cg-nhsq")
        .doesNotContain("南湖");
    RedFlag named = copied.forReader(unit -> true);
    assertThat(named.text()).contains("（cg-nhsq）", "《" + source.title() + "》", "疑为照抄");
    assertThat(named.documents()).containsExactly(own.id(), source.id());
    assertThat(
            documents
                .find(unit("hxz-ltc", 2025).redFlags().get(0).documents().get(0))
                .orElseThrow()
                .category())
        .isEqualTo("activity");
  }

  @Test
  @Order(4)
  void scoresAndRanks() {
    UnitCompleteness jyj = unit("qhx-jyj", 2025);
    UnitCompleteness wjj = unit("qhx-wjj", 2025);
    // every 材料审核 point; the 实地考察 and 问卷调查 indicators are still to be graded by hand and count 0
    assertThat(jyj.score()).isEqualTo(jyj.maxScore() - jyj.ungradedPoints());
    assertThat(jyj.ungraded()).isPositive();
    assertThat(jyj.verdict()).endsWith("（" + jyj.ungraded() + " 项待评）");
    assertThat(wjj.score()).isLessThan(jyj.score());
    assertThat(jyj.rank()).isEqualTo(1);
    assertThat(wjj.rank()).isEqualTo(2);
    assertThat(wjj.rankOf()).isEqualTo(2);
    assertThat(unit("qhx-swj", 2025).rankOf()).as("文明行业 ranks on its own").isEqualTo(1);
    assertThat(completeness.units(2025, "文明村镇"))
        .extracting(UnitCompleteness::unit, UnitCompleteness::rank)
        .containsExactly(
            Tuple.tuple("hxz", 1), Tuple.tuple("hxz-xqc", 1), Tuple.tuple("hxz-ltc", 3));
  }

  @Test
  @Order(5)
  void resultsFollowUploadsDeletionsAndCategoryChanges() throws Exception {
    String record =
        """
        青禾县卫生健康局2025年第三季度文明创建工作会议记录
        时间：2025年8月15日下午3:00
        地点：局五楼会议室
        主持人：局长
        参会人员：班子成员、各科室负责人
        缺席人员：无
        记录人：办公室主任
        议题：1. 总结上半年创建工作；2. 安排下半年重点工作。
        """;
    Document uploaded =
        ingest
            .ingest(
                new IngestRequest(
                    "qhx-wjj", null, null, null, 2025, "2025年第三季度创建工作会议记录.txt", "test"),
                new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8)))
            .document();
    assertThat(uploaded.category()).isEqualTo("meeting");
    assertThat(uploaded.date()).isEqualTo(LocalDate.parse("2025-08-15"));
    // Counted as soon as the upload is acknowledged: reading waits for the changes announced before
    // it.
    assertThat(missing(unit("qhx-wjj", 2025))).isEmpty();
    assertThat(unit("qhx-wjj", 2025).rank()).as("now tied with qhx-jyj").isEqualTo(1);
    assertThat(unit("qhx-jyj", 2025).rank()).isEqualTo(1);

    recycleBin.delete(system, uploaded.id());
    assertThat(missing(unit("qhx-wjj", 2025))).containsExactly("2025年第三季度缺少会议记录");
    assertThat(unit("qhx-wjj", 2025).rank()).isEqualTo(2);

    Document annual =
        documents.findByUnit("qhx-wjj").stream()
            .filter(d -> d.year() == 2025 && "annual-summary".equals(d.category()))
            .findFirst()
            .orElseThrow();
    editor.describe(system, annual.id(), "briefing", null, null, null);
    assertThat(missing(unit("qhx-wjj", 2025))).contains("2025年缺少年终总结");
    editor.describe(system, annual.id(), "annual-summary", null, null, null);
    assertThat(missing(unit("qhx-wjj", 2025))).containsExactly("2025年第三季度缺少会议记录");
  }

  // ---- HTTP

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String[] as(String user) {
    return Basic.auth(user, PASSWORD);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).headers(as(user)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String method, String path, String user, String... form)
      throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < form.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(enc(form[i])).append('=').append(enc(form[i + 1]));
    }
    String target = path;
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(target)).headers(as(user));
    if (method.equals("DELETE")) {
      b =
          HttpRequest.newBuilder(uri(target + (target.contains("?") ? "&" : "?") + body))
              .headers(as(user))
              .DELETE();
    } else {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  private static void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(json(r).get("code").asString()).isEqualTo(code);
    assertThat(json(r).get("detail").asString()).isNotBlank();
  }

  @Test
  @Order(10)
  void theApiAnswersWithinTheCallersScope() throws Exception {
    HttpResponse<String> r = get("/api/units/qhx-wjj/completeness?year=2025", "admin");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode wjj = json(r);
    assertThat(wjj.get("unit").asString()).isEqualTo("qhx-wjj");
    assertThat(wjj.get("vetoed").asBoolean()).isFalse();
    assertThat(wjj.toString()).contains("2025年第三季度缺少会议记录");
    assertThat(get("/api/units/qhx-wjj/completeness?year=2025", "clerk-wjj").statusCode())
        .isEqualTo(200);
    assertThat(get("/api/units/qhx-wjj/completeness", "reviewer").statusCode())
        .as("year defaults to the newest")
        .isEqualTo(200);

    HttpResponse<String> foreign = get("/api/units/qhx-wjj/completeness?year=2025", "clerk-yz");
    assertError(foreign, 404, "NOT_FOUND");
    assertThat(json(foreign).get("detail").asString()).isEqualTo("没有找到");
    assertError(get("/api/units/qhx-cjb/completeness?year=2025", "admin"), 404, "NOT_FOUND");
    assertError(get("/api/units/qhx-wjj/completeness?year=2019", "admin"), 404, "NOT_FOUND");
    assertError(get("/api/units/qhx-wjj/completeness?year=abc", "admin"), 400, "INVALID_REQUEST");

    JsonNode communities = json(get("/api/completeness?year=2025&type=" + enc("文明社区"), "admin"));
    assertThat(communities.size()).isEqualTo(2);
    assertThat(json(get("/api/completeness?year=2025", "admin")).size()).isEqualTo(10);
    JsonNode town = json(get("/api/completeness?year=2025", "district-hxz"));
    assertThat(town.size()).isEqualTo(3);
    assertThat(json(get("/api/completeness?year=2025", "clerk-yz")).get(0).get("unit").asString())
        .isEqualTo("qhx-yz");

    JsonNode systems = json(get("/api/completeness/systems", "clerk-yz"));
    assertThat(systems.size()).isEqualTo(4);
    assertThat(systems.get(0).get("file").asString()).isEqualTo("文明单位.yaml");
  }

  @Test
  @Order(11)
  void explanationsByTheUnitOrTheOffice() throws Exception {
    String key = "Ⅰ-3-1/meeting/2025-Q3";
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/explanations",
            "reviewer",
            "itemKey",
            key,
            "reason",
            "x",
            "deadline",
            "2099-12-31"),
        403,
        "FORBIDDEN");
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/explanations",
            "clerk-yz",
            "itemKey",
            key,
            "reason",
            "x",
            "deadline",
            "2099-12-31"),
        404,
        "NOT_FOUND");
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/explanations",
            "clerk-wjj",
            "itemKey",
            key,
            "reason",
            "记录未归档",
            "deadline",
            "2020-01-01"),
        400,
        "INVALID_REQUEST");
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/explanations",
            "clerk-wjj",
            "itemKey",
            "Ⅰ-3-1/meeting/2025-Q1",
            "reason",
            "x",
            "deadline",
            "2099-12-31"),
        400,
        "INVALID_REQUEST");
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/explanations",
            "clerk-wjj",
            "itemKey",
            key,
            "deadline",
            "2099-12-31"),
        400,
        "INVALID_REQUEST");

    HttpResponse<String> r =
        send(
            "POST",
            "/api/units/qhx-wjj/explanations",
            "clerk-wjj",
            "itemKey",
            key,
            "reason",
            "第三季度会议已于8月15日召开，记录人休假，记录整理后补交",
            "deadline",
            "2099年12月31日");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(json(r).get("deadline").asString()).isEqualTo("2099-12-31");
    assertThat(json(r).get("overdue").asBoolean()).isFalse();

    IndicatorResult meetings = indicator(unit("qhx-wjj", 2025), "Ⅰ-3-1");
    assertThat(meetings.status()).isEqualTo(IndicatorStatus.EXPLAINED);
    assertThat(meetings.grade()).as("explained is not met").isEqualTo(Grade.B);
    assertThat(meetings.missing().get(0).explanation().by()).isEqualTo("clerk-wjj");
    assertThat(decisions.explanations())
        .extracting(Decisions.ExplanationRow::itemKey)
        .containsExactly(key);
  }

  @Test
  @Order(12)
  void gradeOverridesByReviewersAreAuditedAndCanBeWithdrawn() throws Exception {
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/overrides",
            "clerk-wjj",
            "year",
            "2025",
            "indicator",
            "Ⅰ-3-1",
            "grade",
            "A",
            "reason",
            "x"),
        403,
        "FORBIDDEN");
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/overrides",
            "district-hxz",
            "year",
            "2025",
            "indicator",
            "Ⅰ-3-1",
            "grade",
            "A",
            "reason",
            "x"),
        404,
        "NOT_FOUND");
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/overrides",
            "reviewer",
            "year",
            "2025",
            "indicator",
            "Ⅰ-3-1",
            "grade",
            "E",
            "reason",
            "x"),
        400,
        "INVALID_REQUEST");
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/overrides",
            "reviewer",
            "year",
            "2025",
            "indicator",
            "Ⅰ-4-1",
            "grade",
            "A",
            "reason",
            "x"),
        400,
        "INVALID_REQUEST");
    assertError(
        send(
            "POST",
            "/api/units/qhx-wjj/overrides",
            "reviewer",
            "year",
            "2025",
            "indicator",
            "Ⅰ-3-1",
            "grade",
            "A",
            "reason",
            " "),
        400,
        "INVALID_REQUEST");

    HttpResponse<String> r =
        send(
            "POST",
            "/api/units/qhx-wjj/overrides",
            "reviewer",
            "year",
            "2025",
            "indicator",
            "Ⅰ-3-1",
            "grade",
            "a",
            "reason",
            "现场查看了第三季度会议的签到和照片");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    IndicatorResult overridden = indicator(unit("qhx-wjj", 2025), "Ⅰ-3-1");
    assertThat(overridden.computedGrade()).isEqualTo(Grade.B);
    assertThat(overridden.grade()).isEqualTo(Grade.A);
    assertThat(overridden.override().by()).isEqualTo("reviewer");
    assertThat(overridden.override().byName())
        .as("the person's name, for reports")
        .isEqualTo("测评员");
    assertThat(unit("qhx-wjj", 2025).score())
        .isEqualTo(unit("qhx-wjj", 2025).maxScore() - unit("qhx-wjj", 2025).ungradedPoints());
    List<AuditEvent> events =
        audit.find(new AuditQuery("reviewer", AuditAction.GRADE_OVERRIDE, null, null, null, 1, 10));
    assertThat(events).hasSize(1);
    assertThat(events.get(0).target()).contains("qhx-wjj").contains("Ⅰ-3-1");
    assertThat(events.get(0).detail()).contains("计算等级 B").contains("调整为 A").contains("现场查看");

    assertThat(
            send(
                    "POST",
                    "/api/units/hxz-ltc/overrides",
                    "district-hxz",
                    "year",
                    "2025",
                    "indicator",
                    "Ⅱ-1-1",
                    "grade",
                    "C",
                    "reason",
                    "模板未填写")
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> withdrawn =
        send(
            "DELETE",
            "/api/units/qhx-wjj/overrides",
            "reviewer",
            "year",
            "2025",
            "indicator",
            "Ⅰ-3-1");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(indicator(unit("qhx-wjj", 2025), "Ⅰ-3-1").override()).isNull();
    assertThat(
            audit.find(
                new AuditQuery(
                    "reviewer", AuditAction.GRADE_OVERRIDE_WITHDRAWN, null, null, null, 1, 10)))
        .hasSize(1);
    assertError(
        send(
            "DELETE",
            "/api/units/qhx-wjj/overrides",
            "reviewer",
            "year",
            "2025",
            "indicator",
            "Ⅰ-3-1"),
        400,
        "INVALID_REQUEST");
    assertThat(decisions.overrides())
        .extracting(Decisions.OverrideRow::unit)
        .containsExactly("hxz-ltc");
  }

  @Test
  @Order(13)
  void vetoesByAdministratorsOnly() throws Exception {
    assertError(
        send(
            "POST",
            "/api/units/cg-yxsq/vetoes",
            "reviewer",
            "year",
            "2025",
            "code",
            "F-3",
            "reason",
            "x"),
        403,
        "FORBIDDEN");
    assertError(
        send(
            "POST",
            "/api/units/cg-yxsq/vetoes",
            "admin",
            "year",
            "2025",
            "code",
            "F-9",
            "reason",
            "x"),
        400,
        "INVALID_REQUEST");
    HttpResponse<String> r =
        send(
            "POST",
            "/api/units/cg-yxsq/vetoes",
            "admin",
            "year",
            "2025",
            "code",
            "F-3",
            "reason",
            "年终总结照抄南湖社区");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r).get("vetoed").asBoolean()).isTrue();
    assertThat(unit("cg-yxsq", 2025).vetoes())
        .extracting(Veto::text)
        .containsExactly("F-3 创建材料弄虚作假（年终总结照抄南湖社区）");
    assertThat(unit("cg-yxsq", 2025).verdict()).isEqualTo("一票否决 · 不得申报");
    assertThat(json(r).get("verdict").asString()).isEqualTo("一票否决 · 不得申报");
    assertThat(json(r).get("mayApply").asBoolean()).isFalse();
    assertThat(unit("cg-yxsq", 2025).rank())
        .as("below every unit without a veto")
        .isEqualTo(unit("cg-yxsq", 2025).rankOf());
    assertThat(unit("cg-yxsq", 2024).vetoed()).isFalse();
    assertThat(decisions.vetoes()).hasSize(1);

    assertError(
        send("DELETE", "/api/units/cg-yxsq/vetoes", "reviewer", "year", "2025", "code", "F-3"),
        403,
        "FORBIDDEN");
    assertThat(
            send("DELETE", "/api/units/cg-yxsq/vetoes", "admin", "year", "2025", "code", "F-3")
                .statusCode())
        .isEqualTo(200);
    assertThat(unit("cg-yxsq", 2025).vetoed()).isFalse();
    assertError(
        send("DELETE", "/api/units/cg-yxsq/vetoes", "admin", "year", "2025", "code", "F-3"),
        400,
        "INVALID_REQUEST");
  }

  @Test
  @Order(21)
  void aFullRecomputeGivesTheSameResults() {
    Map<String, UnitCompleteness> before = all();
    completeness.recomputeAll();
    assertThat(all()).isEqualTo(before);
  }
}
