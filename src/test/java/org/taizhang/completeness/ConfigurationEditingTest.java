package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.catalog.CategoryEditor;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigSeeds;
import org.taizhang.config.ConfigVersions;
import org.taizhang.config.StaleVersionException;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.ingest.RejectedException;
import org.taizhang.ingest.Rejection;
import org.taizhang.support.Basic;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;
import org.taizhang.unit.UnitAdministration;
import org.taizhang.unit.UnitRepository;

/**
 * An office changes its own lists, categories and units while the service runs, on a fixed day in
 * December 2026 (the clock is fixed so that “the current year” is known; everything else runs with
 * the shipped defaults). Two bureaus of type 文明单位 differ in their 2025 meeting records: 教育局 has one
 * in each quarter, 卫健局 in the first two only.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      "taizhang.admin.password=" + ConfigurationEditingTest.PASSWORD
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigurationEditingTest {
  static final String PASSWORD = "config-edit-test-pw";
  static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  private static final String LIST = "文明单位.yaml";

  @TestConfiguration
  static class FixedDay {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
    }
  }

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("taizhang-config-editing");
    registry.add("taizhang.data-dir", dir::toString);
  }

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired AccountService accounts;
  @Autowired CompletenessService completeness;
  @Autowired EvaluationSystems systems;
  @Autowired CategoryEditor categories;
  @Autowired Catalog catalog;
  @Autowired UnitAdministration unitAdministration;
  @Autowired UnitRepository units;
  @Autowired ConfigVersions versions;
  @Autowired ConfigSeeds seeds;
  @Autowired AuditLog audit;

  private final HttpClient http = HttpClient.newHttpClient();
  private long eduDocument;

  @BeforeAll
  void unitsAndArchives() throws Exception {
    TestUnits.load(
        importer,
        """
        county,青禾县文明办,创建办,
        east,城东街道办,创建办,county
        edu,青禾县教育局,文明单位,county
        wjj,青禾县卫生健康局,文明单位,county
        east-a,城东甲社区,文明社区,east
        """);
    accounts.create("test", "district-east", "城东街道办", Role.DISTRICT, "east", PASSWORD);
    for (int q = 1; q <= 4; q++) {
      eduDocument = meeting("edu", q, true).id();
      if (q <= 2) {
        meeting("wjj", q, false);
      }
    }
  }

  private Document meeting(String unit, int quarter, boolean reviewed) throws Exception {
    String text =
        "2025年第"
            + quarter
            + "季度创建工作会议记录\n时间：2025年"
            + (quarter * 3 - 1)
            + "月10日\n地点：三楼会议室\n主持人：周立新\n"
            + "参会人员：全体班子成员\n记录人：刘思远\n议题：部署创建工作\n"
            + (reviewed ? "审核人：王芳\n" : "");
    return ingest
        .ingest(
            new IngestRequest(
                unit, "meeting", null, null, 2025, unit + "-会议记录-" + quarter + ".txt", "test"),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .document();
  }

  // ---- the files as versions

  /**
   * The first start takes every file as a version, and every version taken is in the audit log, the
   * first file of each kind too.
   */
  @Test
  @Order(0)
  void everyVersionTakenAtTheFirstStartIsAudited() throws Exception {
    List<AuditEvent> lists = events(AuditAction.REQUIRED_LIST_CHANGED);
    try (var files = Files.list(Path.of("index-config", "required-lists"))) {
      for (String f : files.map(p -> p.getFileName().toString()).sorted().toList()) {
        assertThat(lists)
            .as(f)
            .anySatisfy(
                e -> {
                  assertThat(e.actor()).isEqualTo(ConfigSeeds.ACTOR);
                  assertThat(e.target()).isEqualTo("required-lists/" + f);
                  assertThat(e.detail()).isEqualTo("载入配置文件 " + f + "（第 1 版）");
                });
      }
    }
    assertThat(events(AuditAction.CATEGORIES_CHANGED))
        .anySatisfy(
            e -> {
              assertThat(e.target()).isEqualTo(Catalog.CATEGORIES_FILE);
              assertThat(e.detail()).isEqualTo("载入配置文件 categories.txt（第 1 版）");
            });
  }

  // ---- the current year

  /**
   * December 2026: the shipped lists start in 2024, and the dashboard and the API open on 2026 with
   * a list in force.
   */
  @Test
  @Order(1)
  void theDashboardAndTheApiOpenOnTheCurrentYearWithAListInForce() throws Exception {
    assertThat(completeness.years()).containsExactly(2026, 2025, 2024);
    assertThat(completeness.defaultYear()).contains(2026);
    assertThat(completeness.units(2026, null))
        .extracting(UnitCompleteness::unit)
        .contains("edu", "wjj", "east-a");

    HttpResponse<String> api = get("/api/completeness", "admin");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body())
        .contains("\"year\":2026")
        .doesNotContain("\"year\":2025")
        .contains("\"unit\":\"edu\"");
    assertThat(get("/api/units/edu/completeness", "admin").body())
        .contains("\"year\":2026", "\"system\":\"文明单位（文明行业）测评体系\"");

    HttpResponse<String> page = get("/completeness", "admin");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("2026 年度")
        .contains("data-unit=\"edu\"")
        .doesNotContain("没有适用的测评体系");
  }

  // ---- evaluation systems

  @Test
  @Order(2)
  void aSavedEditIsInForceAtOnceAndKeptAsAVersion() {
    assertThat(grade("edu", 2025)).isEqualTo(Grade.A);
    EvaluationSystems.Editing editing = systems.open(LIST).orElseThrow();
    assertThat(editing.version()).isEqualTo(1);
    SystemDraft raised =
        rule(
            editing.draft(),
            "Ⅰ-3-1",
            r ->
                new SystemDraft.Rule(
                    r.category(), "2", r.period(), r.window(), r.kind(), r.content()));

    ListPreview preview = systems.preview(LIST, raised);
    assertThat(preview.changes())
        .extracting(ListPreview.UnitChange::unit, ListPreview.UnitChange::year)
        .contains(Tuple.tuple("edu", 2025), Tuple.tuple("wjj", 2025))
        .doesNotContain(Tuple.tuple("east-a", 2025));
    assertThat(
            preview.changes().stream()
                .filter(c -> c.unit().equals("edu") && c.year() == 2025)
                .findFirst()
                .orElseThrow()
                .indicators())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.code()).isEqualTo("Ⅰ-3-1");
              assertThat(i.gradeBefore()).isEqualTo("A");
              assertThat(i.gradeAfter()).isEqualTo("D");
            });
    assertThat(grade("edu", 2025)).as("a preview changes nothing").isEqualTo(Grade.A);

    EvaluationSystems.Saved saved =
        systems.save("admin", LIST, 1, raised, "按新要求", ConfigVersions.FROM_EDITOR);
    assertThat(saved.version()).isEqualTo(2);
    assertThat(saved.summary()).contains("指标 Ⅰ-3-1 的材料要求第1条（会议记录）：最少份数 1 → 2").contains("说明：按新要求");
    assertThat(grade("edu", 2025)).as("in force without a restart").isEqualTo(Grade.D);
    assertThat(
            completeness.unit("edu", 2025).orElseThrow().indicators().stream()
                .filter(i -> i.code().equals("Ⅰ-3-1"))
                .findFirst()
                .orElseThrow()
                .missing())
        .extracting(MissingItem::text)
        .contains("2025年第一季度会议记录不足2份（现有1份）");

    List<ConfigVersions.Version> history = systems.history(LIST);
    assertThat(history).extracting(ConfigVersions.Version::number).containsExactly(2, 1);
    assertThat(history.get(0).by()).isEqualTo("admin");
    assertThat(history.get(0).source()).isEqualTo(ConfigVersions.FROM_EDITOR);
    assertThat(history.get(1).source()).isEqualTo(ConfigVersions.FROM_FILE);
    assertThat(events(AuditAction.REQUIRED_LIST_CHANGED))
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("admin");
              assertThat(e.target()).isEqualTo("required-lists/文明单位.yaml 第 2 版");
            });

    // a save from a version that is no longer the newest is refused, and so is a bad list: the
    // running list stays
    assertThatThrownBy(
            () -> systems.save("admin", LIST, 1, editing.draft(), null, ConfigVersions.FROM_EDITOR))
        .isInstanceOf(StaleVersionException.class)
        .hasMessageContaining("当前为第 2 版");
    SystemDraft bad =
        rule(
            raised,
            "Ⅰ-3-1",
            r ->
                new SystemDraft.Rule(
                    r.category(), "0", r.period(), r.window(), r.kind(), r.content()));
    assertThatThrownBy(() -> systems.save("admin", LIST, 2, bad, null, ConfigVersions.FROM_EDITOR))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.describe()).isEqualTo("指标 Ⅰ-3-1 的材料要求第1条：最少份数 应在 1 到 1000 之间，实际为 0"));
    assertThat(systems.history(LIST)).hasSize(2);
    assertThat(grade("edu", 2025)).isEqualTo(Grade.D);
  }

  @Test
  @Order(3)
  void aRollbackBringsBackTheOldListAndItsVerdicts() {
    ListPreview preview = systems.previewRollback(LIST, 1);
    assertThat(preview.changes()).extracting(ListPreview.UnitChange::unit).contains("edu", "wjj");
    EvaluationSystems.Saved back = systems.rollback("admin", LIST, 1);
    assertThat(back.version()).isEqualTo(3);
    assertThat(back.summary()).startsWith("回滚到第 1 版：").contains("最少份数 2 → 1");
    assertThat(grade("edu", 2025)).isEqualTo(Grade.A);
    assertThat(systems.history(LIST).get(0).source()).isEqualTo(ConfigVersions.ROLLBACK);
    assertThat(systems.text(LIST, 3)).isEqualTo(systems.text(LIST, 1));
    // the readable export: the file as it was seeded, with the names of the categories its lines
    // give by code
    assertThat(systems.text(LIST, 0).orElseThrow())
        .contains(
            "- {category: leading-group, kind: 正式文件}  # 领导小组文件",
            "duplicate-check: [half-year-summary, annual-summary]  # 半年小结、年终总结");
    assertThat(events(AuditAction.CONFIG_ROLLBACK))
        .anySatisfy(e -> assertThat(e.detail()).startsWith("回滚到第 1 版"));
  }

  /**
   * Required content no document was read for yet: the preview reads the texts again, and so does
   * the save.
   */
  @Test
  @Order(4)
  void newRequiredContentIsReadFromTheDocumentsAgain() {
    EvaluationSystems.Editing editing = systems.open(LIST).orElseThrow();
    SystemDraft signed =
        rule(
            editing.draft(),
            "Ⅰ-3-1",
            r -> {
              List<String> content = new ArrayList<>(r.content());
              content.add("审核人");
              return new SystemDraft.Rule(
                  r.category(), r.min(), r.period(), r.window(), r.kind(), content);
            });
    ListPreview preview = systems.preview(LIST, signed);
    assertThat(preview.reread()).isTrue();
    assertThat(preview.changes())
        .extracting(ListPreview.UnitChange::unit)
        .contains("wjj")
        .doesNotContain("edu");

    systems.save("admin", LIST, editing.version(), signed, null, ConfigVersions.FROM_EDITOR);
    assertThat(grade("edu", 2025)).as("教育局's records name their 审核人").isEqualTo(Grade.A);
    assertThat(
            completeness.unit("wjj", 2025).orElseThrow().indicators().stream()
                .filter(i -> i.code().equals("Ⅰ-3-1"))
                .findFirst()
                .orElseThrow()
                .missing())
        .extracting(MissingItem::text)
        .anySatisfy(t -> assertThat(t).contains("缺少审核人"));
    systems.rollback("admin", LIST, 1);
  }

  /** A system prepared for 2027 takes over from then; the old one stays in force until 2026. */
  @Test
  @Order(5)
  void aNewSystemTakesOverFromItsStartYear() throws Exception {
    EvaluationSystems.Editing copy = systems.copy(LIST);
    assertThat(copy.file()).isNull();
    assertThat(copy.draft().from()).isEqualTo("2027");
    SystemDraft d = copy.draft();
    assertThat(d.unitTypes()).containsExactly("文明单位", "文明行业");
    SystemDraft named =
        new SystemDraft(
            "2027年文明单位测评体系",
            d.from(),
            List.of("文明单位"),
            d.gradePoints(),
            d.vetoes(),
            d.duplicateCheck(),
            d.indicators());

    // The preview lists what the new system changes: its own type's units. 2027 becomes a judged
    // year for
    // 文明社区 too, under its own system: said once, not blamed on this one unit by unit.
    ListPreview preview = systems.preview(null, named);
    assertThat(preview.changes())
        .extracting(ListPreview.UnitChange::unit, ListPreview.UnitChange::year)
        .contains(Tuple.tuple("edu", 2027), Tuple.tuple("wjj", 2027));
    assertThat(preview.changes()).extracting(ListPreview.UnitChange::unitType).containsOnly("文明单位");
    HttpResponse<String> api = post("/api/admin/lists/preview", Map.of("base", 0, "draft", named));
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body())
        .contains("保存后 2027 年度将开始评价（其他测评体系按现行版本继续适用）")
        .contains("\"unit\":\"edu\"")
        .doesNotContain("\"unit\":\"east-a\"");

    EvaluationSystems.Saved saved =
        systems.save("admin", null, 0, named, null, ConfigVersions.FROM_EDITOR);
    assertThat(saved.file()).isEqualTo("2027年文明单位测评体系.yaml");
    assertThat(completeness.years()).containsExactly(2027, 2026, 2025, 2024);
    assertThat(completeness.unit("edu", 2027).orElseThrow().system()).isEqualTo("2027年文明单位测评体系");
    assertThat(completeness.unit("edu", 2026).orElseThrow().system()).isEqualTo("文明单位（文明行业）测评体系");
    assertThat(systems.list())
        .filteredOn(s -> s.file().equals(LIST))
        .singleElement()
        .satisfies(s -> assertThat(s.years()).as("文明行业 still has it").isEqualTo("2024 年度起"));

    // deleting it: again its own units, and the year no system judges any more said once
    assertThat(systems.previewRemoval(saved.file()).changes())
        .extracting(ListPreview.UnitChange::unitType)
        .containsOnly("文明单位");
    HttpResponse<String> removal =
        get(
            "/admin/lists/history?remove=1&file="
                + URLEncoder.encode(saved.file(), StandardCharsets.UTF_8),
            "admin");
    assertThat(removal.body())
        .contains("删除后 2027 年度将不再评价")
        .contains("data-unit=\"edu\"")
        .doesNotContain("data-unit=\"east-a\"");

    systems.remove("admin", saved.file(), saved.version(), "建错了");
    assertThat(completeness.years()).containsExactly(2026, 2025, 2024);
    assertThat(systems.history(saved.file()).get(0).removed()).isTrue();
    HttpResponse<String> list = get("/admin/lists", "admin");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("已删除的测评体系", "2027年文明单位测评体系.yaml");
  }

  // ---- categories

  @Test
  @Order(6)
  void categoriesChangeInferenceAndNamesWithoutARestart() throws Exception {
    assertThat(catalog.classify("2025年创建例会纪实", "")).isEmpty();
    CategoryEditor.Current current = categories.current();
    List<CategoryEditor.Row> rows = new ArrayList<>();
    for (Category c : current.categories()) {
      boolean meeting = c.code().equals("meeting");
      rows.add(
          new CategoryEditor.Row(
              c.code(),
              meeting ? "会议纪要" : c.name(),
              String.join("，", c.keywords()) + (meeting ? "，创建例会" : "")));
    }
    ConfigVersions.Version saved = categories.save("admin", rows, current.version(), "加关键词");
    assertThat(saved.number()).isEqualTo(current.version() + 1);
    assertThat(saved.summary()).contains("类别“会议记录”改名为“会议纪要”", "“会议纪要”的关键词增加 创建例会");
    assertThat(catalog.classify("2025年创建例会纪实", ""))
        .get()
        .extracting(Category::code)
        .isEqualTo("meeting");
    Document inferred =
        ingest
            .ingest(
                new IngestRequest("wjj", null, null, null, 2025, "2025年12月创建例会纪实.txt", "test"),
                new ByteArrayInputStream("十二月创建例会纪实".getBytes(StandardCharsets.UTF_8)))
            .document();
    assertThat(inferred.category())
        .as("an upload is filed by the new keyword at once")
        .isEqualTo("meeting");
    assertThat(
            completeness.unit("wjj", 2025).orElseThrow().indicators().stream()
                .flatMap(i -> i.missing().stream())
                .map(MissingItem::text))
        .contains("2025年第三季度缺少会议纪要");

    List<CategoryEditor.Row> without =
        rows.stream().filter(r -> !r.code().equals("meeting")).toList();
    assertThatThrownBy(() -> categories.save("admin", without, saved.number(), null))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.place()).isEqualTo("类别“会议纪要”");
              assertThat(e.problem()).contains("仍在使用", "文明单位（文明行业）测评体系（指标 Ⅰ-3-1）", "7 份材料");
            });
    assertThat(events(AuditAction.CATEGORIES_CHANGED))
        .anySatisfy(e -> assertThat(e.actor()).isEqualTo("admin"));

    categories.rollback("admin", current.version());
    assertThat(catalog.categoryName("meeting")).isEqualTo("会议记录");
    assertThat(catalog.classify("2025年创建例会纪实", "")).isEmpty();
  }

  // ---- units

  @Test
  @Order(7)
  void unitsAreAddedMovedDeactivatedAndReactivated() throws Exception {
    assertThat(get("/api/units", "district-east").body()).contains("\"code\":\"east-a\"");
    unitAdministration.create("admin", "east-b", "城东乙社区", "文明社区", "east");
    assertThat(get("/api/units", "district-east").body())
        .as("a new unit under the district")
        .contains("\"code\":\"east-b\"");
    assertThat(completeness.units(2026, "文明社区"))
        .extracting(UnitCompleteness::unit)
        .contains("east-b");

    // moving east-a out of the district's subtree takes it out of the district's scope at once
    unitAdministration.update("admin", "east-a", "城东甲社区（新）", "文明社区", "county");
    assertThat(get("/api/units", "district-east").body()).doesNotContain("east-a");
    assertThat(get("/api/units/east-a/completeness?year=2026", "district-east").statusCode())
        .isEqualTo(404);
    assertThat(completeness.unit("east-a", 2026).orElseThrow().unitName()).isEqualTo("城东甲社区（新）");
    assertThatThrownBy(() -> unitAdministration.update("admin", "east", "城东街道办", "创建办", "east-b"))
        .isInstanceOf(UnitAdministration.UnitException.class)
        .hasMessageContaining("不能把单位移到它自己或它的下级单位之下");

    // deactivated: not on the dashboard, no uploads, but its archive stays readable
    unitAdministration.deactivate("admin", "edu", "机构改革");
    assertThat(units.find("edu").orElseThrow().active()).isFalse();
    assertThat(completeness.units(2026, null))
        .extracting(UnitCompleteness::unit)
        .doesNotContain("edu")
        .contains("wjj");
    assertThat(get("/api/completeness?year=2025", "admin").body())
        .doesNotContain("\"unit\":\"edu\"");
    assertThatThrownBy(
            () ->
                ingest.ingest(
                    new IngestRequest("edu", "plan", null, null, 2026, "计划.txt", "test"),
                    new ByteArrayInputStream("2026年工作计划".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Rejection.UNIT_INACTIVE));
    assertThat(get("/units/edu", "admin").statusCode()).isEqualTo(200);
    assertThat(get("/api/documents/" + eduDocument, "admin").statusCode()).isEqualTo(200);
    assertThat(get("/upload", "admin").body()).doesNotContain("value=\"edu\"");

    unitAdministration.reactivate("admin", "edu");
    assertThat(completeness.units(2026, null)).extracting(UnitCompleteness::unit).contains("edu");
    assertThat(grade("edu", 2025)).isEqualTo(Grade.A);

    assertThat(events(AuditAction.UNIT_CREATED))
        .anySatisfy(e -> assertThat(e.target()).isEqualTo("城东乙社区（east-b）"));
    assertThat(events(AuditAction.UNIT_CHANGED))
        .anySatisfy(
            e ->
                assertThat(e.detail())
                    .contains("名称 城东甲社区 → 城东甲社区（新）", "上级 城东街道办（east） → 青禾县文明办（county）"));
    assertThat(events(AuditAction.UNIT_DEACTIVATED))
        .anySatisfy(e -> assertThat(e.detail()).isEqualTo("理由：机构改革"));
    assertThat(events(AuditAction.UNIT_REACTIVATED)).isNotEmpty();
  }

  @Test
  @Order(8)
  void aUnitListIsImportedAndExportedAsCsv() throws Exception {
    String csv =
        "code,name,type,parent,active\n"
            + "\"swj\",\"国家税务总局青禾县税务局, 第一税务分局\",文明单位,county,true\n"
            + "east-b,城东乙社区,文明社区,east,false\n";
    UnitAdministration.ImportResult r =
        unitAdministration.importFile(
            "admin", "units.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    assertThat(r).isEqualTo(new UnitAdministration.ImportResult(1, 0, 1, 0));
    assertThat(units.find("swj").orElseThrow().name()).isEqualTo("国家税务总局青禾县税务局, 第一税务分局");
    assertThat(units.find("east-b").orElseThrow().active()).isFalse();
    String exported = new String(unitAdministration.exportCsv(), StandardCharsets.UTF_8);
    assertThat(exported)
        .contains("swj,\"国家税务总局青禾县税务局, 第一税务分局\",文明单位,county,true", "east-b,城东乙社区,文明社区,east,false");

    // a mistake anywhere: nothing changes, and the line is named
    String bad = "code,name,type,parent\nnew1,新单位,文明单位,county\nnew2,新单位二,文明医院,county\n";
    assertThatThrownBy(
            () ->
                unitAdministration.importFile(
                    "admin",
                    "units.csv",
                    new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(3));
    assertThat(units.find("new1")).isEmpty();

    byte[] xlsx = unitAdministration.exportXlsx();
    UnitAdministration.ImportResult again =
        unitAdministration.importFile("admin", "单位名单.xlsx", new ByteArrayInputStream(xlsx));
    assertThat(again)
        .as("the Excel export reads back as the same units")
        .isEqualTo(new UnitAdministration.ImportResult(0, 0, 0, 0));
  }

  // ---- the files as seeds

  /**
   * A file taken once, left alone when unchanged, taken again by “配置文件” when edited, refused (and
   * audited) when broken.
   */
  @Test
  @Order(9)
  void anEditedFileBecomesANewVersionAndABrokenOneIsRefused() throws Exception {
    Path dir = Files.createTempDirectory("seeds");
    Path file = dir.resolve("categories.txt");
    String key = "seed-test/categories.txt";
    Files.writeString(file, "meeting | 会议记录 | 会议记录\n");
    assertThat(seed(key, file)).get().extracting(ConfigVersions.Version::number).isEqualTo(1);
    assertThat(seed(key, file)).as("unchanged").isEmpty();

    Files.writeString(file, "meeting | 会议记录 | 会议记录，会议纪要\n");
    ConfigVersions.Version second = seed(key, file).orElseThrow();
    assertThat(second.number()).isEqualTo(2);
    assertThat(second.source()).isEqualTo(ConfigVersions.FROM_FILE);
    assertThat(second.by()).isEqualTo(ConfigSeeds.ACTOR);
    assertThat(second.summary()).isEqualTo("配置文件 categories.txt 已修改：[会议记录] → [会议记录, 会议纪要]");

    Files.writeString(file, "meeting | 会议记录\n");
    assertThat(seed(key, file)).isEmpty();
    assertThat(versions.latestOf(key).orElseThrow().number())
        .as("the running version stays")
        .isEqualTo(2);
    assertThat(events(AuditAction.CATEGORIES_CHANGED))
        .anySatisfy(
            e -> {
              assertThat(e.target()).isEqualTo(key);
              assertThat(e.detail()).contains("配置文件有误，未采用", "categories.txt:1", "应有 3 列");
            });

    // the very first time there is nothing to run on: the mistake stops the start, with file and
    // line
    Path other = dir.resolve("other.txt");
    Files.writeString(other, "meeting | 会议记录 | 会议\nplan | 计划\n");
    assertThatThrownBy(() -> seed("seed-test-2/other.txt", other))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.file()).isEqualTo(other);
              assertThat(e.line()).isEqualTo(2);
            });
  }

  private Optional<ConfigVersions.Version> seed(String key, Path file) {
    return seeds.seed(
        key,
        key,
        file,
        text -> Catalog.parseCategories(file, text),
        (a, b) -> a.get(0).keywords() + " → " + b.get(0).keywords(),
        AuditAction.CATEGORIES_CHANGED);
  }

  // ---- what the editor says

  /**
   * The editor's problems are told with the form's labels and places: no keys of a file, no lines
   * of a file nobody saw.
   */
  @Test
  @Order(10)
  void editorProblemsSpeakTheFormsLanguage() {
    SystemDraft d = systems.open(LIST).orElseThrow().draft();
    assertThat(problem(LIST, node(d, "Ⅰ-2-1", n -> named(n, n.code(), ""))))
        .as("an empty name: the indicator itself")
        .isEqualTo("指标 Ⅰ-2-1：请填写指标名称");
    assertThat(problem(LIST, node(d, "Ⅰ-2-1", n -> named(n, " ", ""))))
        .as("no code either: its place under its parent")
        .isEqualTo("指标 Ⅰ-2 下第 1 项：请填写指标编号和指标名称");
    SystemDraft unnamed =
        new SystemDraft(
            " ",
            d.from(),
            d.unitTypes(),
            d.gradePoints(),
            d.vetoes(),
            d.duplicateCheck(),
            d.indicators());
    assertThat(problem(LIST, unnamed)).isEqualTo("测评体系名称：请填写");
    assertThat(problem(null, unnamed)).as("a new system").isEqualTo("测评体系名称：请填写");
    assertThat(problem(LIST, node(d, "Ⅱ-1-2", n -> named(n, "Ⅰ-2-1", n.name()))))
        .as("a code used twice: where else, not a line")
        .isEqualTo("指标 Ⅱ-1 下第 2 项：指标编号“Ⅰ-2-1”重复（与指标 Ⅰ-2 下第 1 项重复）");
    assertThat(
            problem(
                LIST,
                node(
                    d,
                    "Ⅰ-2-1",
                    n ->
                        new SystemDraft.Node(
                            n.code(),
                            n.name(),
                            "四分",
                            n.method(),
                            n.evidence(),
                            n.grading(),
                            n.children()))))
        .isEqualTo("指标 Ⅰ-2-1：分值 应为数字，实际为“四分”");
    SystemDraft nextYear =
        new SystemDraft(
            d.name(),
            "明年",
            d.unitTypes(),
            d.gradePoints(),
            d.vetoes(),
            d.duplicateCheck(),
            d.indicators());
    assertThat(problem(LIST, nextYear)).isEqualTo("起始年度：应为整数，实际为“明年”");
    SystemDraft twice = rule(d, "Ⅰ-3-1", r -> r);
    twice =
        node(
            twice,
            "Ⅰ-3-1",
            n ->
                new SystemDraft.Node(
                    n.code(),
                    n.name(),
                    n.points(),
                    n.method(),
                    List.of(n.evidence().get(0), n.evidence().get(0)),
                    n.grading(),
                    n.children()));
    assertThat(problem(LIST, twice)).isEqualTo("指标 Ⅰ-3-1 的材料要求第2条：同一指标下类别“会议记录”重复（与材料要求第1条重复）");
  }

  /**
   * The shipped Excel template holds a sample system: imported as it is, it is not put in force.
   */
  @Test
  @Order(11)
  void theExcelTemplateImportedAsItIsIsNotSaved() {
    SystemDraft template = systems.importWorkbook(new ByteArrayInputStream(systems.template()));
    assertThat(template.name()).contains("示例");
    int before = systems.list().size();
    assertThatThrownBy(
            () -> systems.save("admin", null, 0, template, null, ConfigVersions.FROM_EXCEL))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.place()).isEqualTo("测评体系名称");
              assertThat(e.problem())
                  .contains("“" + template.name() + "”仍是模板中的示例名称", "正式名称", "示例指标");
            });
    assertThat(systems.list()).hasSize(before).noneMatch(s -> s.name().contains("示例"));
  }

  /**
   * The forms offer only choices that can be saved: no unit under itself, no new account for a
   * deactivated unit.
   */
  @Test
  @Order(12)
  void unitAndUserFormsOfferOnlyValidChoices() throws Exception {
    unitAdministration.create("admin", "hx", "禾溪镇", "文明村镇", "county");
    unitAdministration.create("admin", "hx-a", "禾溪镇甲村", "文明村镇", "hx");
    unitAdministration.create("admin", "hx-a-1", "甲村一组", "文明村镇", "hx-a");
    String parents = select(get("/admin/units?edit=hx", "admin").body(), "edit-parent");
    assertThat(parents)
        .contains("value=\"county\"")
        .doesNotContain("value=\"hx\"", "value=\"hx-a\"", "value=\"hx-a-1\"");

    accounts.create("admin", "hx-a-clerk", "甲村填报员", Role.CLERK, "hx-a", PASSWORD);
    unitAdministration.deactivate("admin", "hx-a", "并入乙村");
    String users = get("/admin/users", "admin").body();
    assertThat(users).containsPattern("data-username=\"hx-a-clerk\"[\\s\\S]*?单位已停用");
    assertThat(select(users, "new-unit"))
        .containsPattern(
            "<option value=\"hx-a\"\\s+disabled=\"disabled\">[^<]*禾溪镇甲村（已停用）</option>");
    assertThat(select(get("/admin/units?edit=hx", "admin").body(), "new-parent"))
        .contains("禾溪镇甲村（已停用）");
    assertThatThrownBy(
            () -> accounts.create("admin", "hx-a-clerk2", "新填报员", Role.CLERK, "hx-a", PASSWORD))
        .isInstanceOf(AccountService.AccountException.class)
        .hasMessageContaining("单位“禾溪镇甲村”已停用");
    assertThatThrownBy(
            () -> accounts.update("admin", "district-east", "城东街道办", Role.DISTRICT, "hx-a", true))
        .as("nor moved to it")
        .isInstanceOf(AccountService.AccountException.class)
        .hasMessageContaining("已停用");
    assertThat(
            accounts
                .update("admin", "hx-a-clerk", "甲村原填报员", Role.CLERK, "hx-a", true)
                .displayName())
        .as("an account keeps the unit it had")
        .isEqualTo("甲村原填报员");
  }

  // ---- helpers

  /** The first {@code <select id=…>} of a page with its options. */
  private static String select(String html, String id) {
    int start = html.indexOf("<select id=\"" + id + "\"");
    assertThat(start).as("select#" + id).isNotNegative();
    return html.substring(start, html.indexOf("</select>", start));
  }

  /** What the editor shows for a refused draft. */
  private String problem(String file, SystemDraft draft) {
    ConfigException e =
        Assertions.catchThrowableOfType(ConfigException.class, () -> systems.yaml(file, draft));
    assertThat(e).as("refused").isNotNull();
    return e.describe();
  }

  private static SystemDraft.Node named(SystemDraft.Node n, String code, String name) {
    return new SystemDraft.Node(
        code, name, n.points(), n.method(), n.evidence(), n.grading(), n.children());
  }

  /** The draft with one indicator replaced. */
  private static SystemDraft node(
      SystemDraft d, String code, UnaryOperator<SystemDraft.Node> change) {
    return new SystemDraft(
        d.name(),
        d.from(),
        d.unitTypes(),
        d.gradePoints(),
        d.vetoes(),
        d.duplicateCheck(),
        d.indicators().stream().map(n -> node(n, code, change)).toList());
  }

  private static SystemDraft.Node node(
      SystemDraft.Node n, String code, UnaryOperator<SystemDraft.Node> change) {
    SystemDraft.Node m =
        new SystemDraft.Node(
            n.code(),
            n.name(),
            n.points(),
            n.method(),
            n.evidence(),
            n.grading(),
            n.children().stream().map(c -> node(c, code, change)).toList());
    return n.code().equals(code) ? change.apply(m) : m;
  }

  private HttpResponse<String> post(String path, Object json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    tools.jackson.databind.json.JsonMapper.builder()
                        .build()
                        .writeValueAsString(json)));
    b.headers(Basic.auth("admin", PASSWORD));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private Grade grade(String unit, int year) {
    return completeness.unit(unit, year).orElseThrow().indicators().stream()
        .filter(i -> i.code().equals("Ⅰ-3-1"))
        .findFirst()
        .orElseThrow()
        .grade();
  }

  private List<AuditEvent> events(AuditAction action) {
    return audit.find(new AuditQuery(null, action, null, null, null, 1, 100));
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    b.headers(Basic.auth(user, PASSWORD));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** The draft with one indicator's first evidence rule replaced. */
  static SystemDraft rule(SystemDraft d, String code, UnaryOperator<SystemDraft.Rule> change) {
    return new SystemDraft(
        d.name(),
        d.from(),
        d.unitTypes(),
        d.gradePoints(),
        d.vetoes(),
        d.duplicateCheck(),
        d.indicators().stream().map(n -> rule(n, code, change)).toList());
  }

  private static SystemDraft.Node rule(
      SystemDraft.Node n, String code, UnaryOperator<SystemDraft.Rule> change) {
    List<SystemDraft.Rule> evidence = new ArrayList<>(n.evidence());
    if (n.code().equals(code)) {
      evidence.set(0, change.apply(evidence.get(0)));
    }
    return new SystemDraft.Node(
        n.code(),
        n.name(),
        n.points(),
        n.method(),
        evidence,
        n.grading(),
        n.children().stream().map(c -> rule(c, code, change)).toList());
  }
}
