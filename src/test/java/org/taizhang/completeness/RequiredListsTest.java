package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.completeness.EvaluationSystem.EvidenceKind;
import org.taizhang.completeness.EvaluationSystem.EvidenceRule;
import org.taizhang.completeness.EvaluationSystem.EvidenceWindow;
import org.taizhang.completeness.EvaluationSystem.Period;
import org.taizhang.config.ConfigException;
import org.taizhang.unit.Unit;

/**
 * The shipped required lists, and every kind of mistake in a list stopping the start with file and
 * line.
 */
class RequiredListsTest {
  @TempDir Path config;

  /**
   * The day the tests live in: the shipped lists start in 2024, and a new year must find them in
   * force.
   */
  static final Clock DECEMBER_2026 =
      Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);

  private static final String VALID =
      """
      name: 测试体系
      from: 2025
      unit-types: [文明单位]
      indicators:
        - code: Ⅰ-1
          name: 会议
          points: 4
          method: 材料审核
          evidence:
            - {category: meeting, period: 每季度}
      """;

  @Test
  void theShippedListsCoverEveryParticipatingUnitType() {
    RequiredLists lists = RequiredLists.load(Path.of("index-config"), TestFacts.CATALOG);
    assertThat(lists.systems())
        .extracting(EvaluationSystem::file)
        .containsExactly("文明单位.yaml", "文明村镇.yaml", "文明校园.yaml", "文明社区.yaml");
    assertThat(lists.years(2026))
        .as("from the first start year to the current year")
        .containsExactly(2026, 2025, 2024);
    for (String type : List.of("文明单位", "文明行业", "文明村镇", "文明社区", "文明校园")) {
      assertThat(lists.system(type, 2025)).as(type).isPresent();
      assertThat(lists.system(type, 2026)).as(type + " in the current year").isPresent();
      assertThat(lists.system(type, 2031)).as(type + " in a later year").isPresent();
    }
    assertThat(lists.system("创建办", 2025)).isEmpty();
    assertThat(lists.system("文明单位", 2023)).isEmpty();

    EvaluationSystem units = lists.system("文明行业", 2025).orElseThrow();
    assertThat(units.vetoes()).isNotEmpty();
    EvidenceRule meetings =
        units.leaves().stream()
            .filter(l -> l.indicator().code().equals("Ⅰ-3-1"))
            .findFirst()
            .orElseThrow()
            .indicator()
            .evidence()
            .get(0);
    assertThat(meetings)
        .isEqualTo(
            new EvidenceRule(
                "meeting",
                "会议记录",
                1,
                Period.QUARTER,
                EvidenceWindow.THIS_YEAR,
                EvidenceKind.ANY,
                List.of("时间", "地点", "主持人", "参会人员", "记录人", "议题")));
    assertThat(lists.contentLabels()).contains("记录人", "活动地点");
    assertThat(lists.duplicateCheckCategories())
        .containsExactlyInAnyOrder("half-year-summary", "annual-summary");
  }

  @Test
  void noDirectoryMeansNoSystems() {
    assertThat(RequiredLists.load(config, TestFacts.CATALOG).systems()).isEmpty();
  }

  @Test
  void defaultsApply() throws IOException {
    EvaluationSystem s = load(VALID).systems().get(0);
    assertThat(s.percent(Grade.B)).isEqualTo(66);
    assertThat(s.leaves().get(0).indicator().grading())
        .isEqualTo(EvaluationSystem.GradingRule.DEFAULT);
    EvidenceRule r = s.leaves().get(0).indicator().evidence().get(0);
    assertThat(r.min()).isEqualTo(1);
    assertThat(r.window()).isEqualTo(EvidenceWindow.THIS_YEAR);
    assertThat(r.kind()).isEqualTo(EvidenceKind.ANY);
    assertThat(r.categoryName()).isEqualTo("会议记录");
  }

  @Test
  void mistakesNameTheFileTheLineAndTheProblem() throws IOException {
    expect(VALID.replace("name: 测试体系", "name: 测试体系\nyears2: [2025]"), 2, "未知的键“years2”");
    expect(VALID.replace("from: 2025", "from: 二〇二五"), 2, "起始年度（from） 应为整数");
    expect(VALID.replace("from: 2025", "years: [2025, 二〇二五]"), 2, "年度 应为整数");
    expect(VALID.replace("from: 2025", "from: 2025\nyears: [2025]"), 3, "from 与 years 只写一个");
    expect(VALID.replace("[文明单位]", "[文明单位, 文明医院]"), 3, "单位类型“文明医院”不在 unit-types.txt 中");
    expect(VALID.replace("points: 4", "points: 四分"), 7, "分值（points） 应为数字，实际为“四分”");
    expect(VALID.replace("category: meeting", "category: minutes"), 10, "类别“minutes”不在材料类别中");
    expect(
        VALID.replace("category: meeting", "category: 会议纪要本"),
        10,
        "类别“会议纪要本”不在材料类别中（可用：缺项说明、签到表、会议记录");
    expect(
        VALID.replace("period: 每季度", "period: 每周"),
        10,
        "period 应为 year（每年）、half-year（每半年）、quarter（每季度）、month（每月） 之一");
    expect(VALID.replace("period: 每季度", "period: 每季度, window: 近三年"), 10, "不能按每季度分段");
    expect(VALID.replace("period: 每季度", "kind: 照片"), 10, "kind 应为");
    expect(VALID.replace("period: 每季度", "min: 0"), 10, "最少份数（min） 应在 1 到 1000 之间");
    expect(VALID.replace("method: 材料审核", "method: 现场看"), 8, "测评方法应为 材料审核、实地考察、问卷调查、征求意见 之一");
    expect(VALID.replace("method: 材料审核", "method: 实地考察"), 9, "只有“材料审核”指标才有 evidence");
    expect(
        VALID.replace(
            """
            evidence:
              - {category: meeting, period: 每季度}
        """,
            ""),
        5,
        "缺少 evidence");
    expect(
        VALID
            + """
          - code: Ⅰ-1
            name: 重复
            points: 2
            method: 实地考察
        """,
        11,
        "指标代码“Ⅰ-1”重复（第 5 行已使用）");
    expect(VALID + "    grading: {A: 1, B: 0, C: 2}\n", 11, "A ≤ B ≤ C");
    expect(
        VALID.replace(
            "- {category: meeting, period: 每季度}\n",
            "- {category: meeting}\n      - {category: meeting, min: 2}\n"),
        11,
        "同一指标下类别“会议记录”重复（第 10 行已使用）");
    expect(
        VALID.replace(
            "unit-types: [文明单位]", "unit-types: [文明单位]\ngrade-points: {A: 100, B: 66, C: 33}"),
        4,
        "缺少“D”");
    expect(
        VALID.replace(
            "unit-types: [文明单位]", "unit-types: [文明单位]\ngrade-points: {A: 100, B: 66, C: 70, D: 0}"),
        4,
        "等级 C 的得分比例不能高于 B");
    expect(VALID.replace("    name: 会议", "    name: 会议\n    name: 又一个"), 7, "键“name”重复");
    expect(
        VALID.replace("- {category: meeting, period: 每季度}", "- {category: meeting, period: 每季度"),
        11,
        "YAML 格式有误");
    expect(VALID.replace("from: 2025\n", ""), 1, "缺少“from”");
    expect("", 0, "文件是空的");
  }

  @Test
  void aCategoryMayBeGivenByItsChineseName() throws IOException {
    EvidenceRule r =
        load(VALID.replace("category: meeting", "category: 会议记录"))
            .systems()
            .get(0)
            .leaves()
            .get(0)
            .indicator()
            .evidence()
            .get(0);
    assertThat(r.category()).isEqualTo("meeting");
    assertThat(r.categoryName()).isEqualTo("会议记录");
  }

  /**
   * What the browser editor shows: the place in words, not only a line of a file the person never
   * saw.
   */
  @Test
  void problemsNameTheirPlaceInWords() {
    String yaml =
        VALID.replace(
            "- {category: meeting, period: 每季度}",
            "- {category: meeting}\n      - {category: plan, min: 0}");
    assertThatThrownBy(() -> TestFacts.system(yaml))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.place()).isEqualTo("指标 Ⅰ-1 的材料要求第2条");
              assertThat(e.problem()).isEqualTo("最少份数（min） 应在 1 到 1000 之间，实际为 0");
              assertThat(e.describe()).isEqualTo("指标 Ⅰ-1 的材料要求第2条：最少份数（min） 应在 1 到 1000 之间，实际为 0");
              assertThat(e.getMessage()).startsWith("test.yaml:11: 指标 Ⅰ-1 的材料要求第2条：");
            });
    assertThatThrownBy(() -> TestFacts.system(VALID.replace("  - code: Ⅰ-1\n", "  - code:\n")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.place()).isEqualTo("第 1 个一级指标"));
    assertThatThrownBy(() -> TestFacts.system(VALID.replace("points: 4", "points: 四分")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.describe()).isEqualTo("指标 Ⅰ-1：分值（points） 应为数字，实际为“四分”"));
  }

  /**
   * A Chinese keyboard's colon, comma, list brackets and full-width space read as YAML; text inside
   * values stays as written.
   */
  @Test
  void chinesePunctuationReadsLikeAscii() throws IOException {
    String chinese =
        """
        name：测试体系
        from：2025
        unit-types：【文明单位，文明行业】
        vetoes：
        　- {code：F-1，name：发生重大事故，或弄虚作假}
        indicators：
          - code：Ⅰ-1
            name：成立领导小组，以正式文件印发：分工明确
            points：4
            method：材料审核
            evidence：
              - {category：会议记录，period：每季度，content：[时间，地点、主持人]}
            grading：{A：0，B：1，C：2}
        """;
    String ascii =
        """
        name: 测试体系
        from: 2025
        unit-types: [文明单位, 文明行业]
        vetoes:
          - {code: F-1, name: 发生重大事故，或弄虚作假}
        indicators:
          - code: Ⅰ-1
            name: 成立领导小组，以正式文件印发：分工明确
            points: 4
            method: 材料审核
            evidence:
              - {category: meeting, period: 每季度, content: [时间, 地点, 主持人]}
            grading: {A: 0, B: 1, C: 2}
        """;
    assertThat(TestFacts.system(chinese)).isEqualTo(TestFacts.system(ascii));
    EvaluationSystem s = TestFacts.system(chinese);
    assertThat(s.vetoes().get(0).name()).isEqualTo("发生重大事故，或弄虚作假");
    assertThat(s.leaves().get(0).indicator().name()).isEqualTo("成立领导小组，以正式文件印发：分工明确");
    // and a mistake in such a file still names its line
    assertThatThrownBy(() -> TestFacts.system(chinese.replace("points：4", "points：四")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(9));
  }

  /**
   * The shipped list with one full-width comma typed into it still loads: it must not stop the
   * start.
   */
  @Test
  void oneFullWidthCommaInTheShippedListDoesNotStopTheStart() throws IOException {
    copy(Path.of("index-config"), config);
    Path file = config.resolve("required-lists/文明单位.yaml");
    String yaml = Files.readString(file);
    String edited = yaml.replace("unit-types: [文明单位, 文明行业]", "unit-types: [文明单位，文明行业]");
    assertThat(edited).isNotEqualTo(yaml);
    Files.writeString(file, edited);
    assertThat(RequiredLists.load(config, TestFacts.CATALOG).system("文明行业", 2026)).isPresent();
  }

  @Test
  void theOlderYearsListStillReadsAsItsFirstYear() {
    EvaluationSystem s = TestFacts.system(VALID.replace("from: 2025", "years: [2025, 2024]"));
    assertThat(s.fromYear()).isEqualTo(2024);
  }

  /**
   * A newer system replaces an older one for the types it names, from its own start year on; years
   * before the first are not judged.
   */
  @Test
  void aSystemStaysInForceUntilANewerOneReplacesIt() {
    EvaluationSystem old =
        TestFacts.system(
            VALID.replace("from: 2025", "from: 2024").replace("[文明单位]", "[文明单位, 文明行业]"));
    EvaluationSystem newer =
        RequiredListParser.parse(
            Path.of("new.yaml"),
            VALID.replace("from: 2025", "from: 2027").replace("name: 测试体系", "name: 新体系"),
            TestFacts.CATALOG,
            new HashMap<>());
    RequiredLists lists = RequiredLists.of(List.of(old, newer));
    assertThat(lists.system("文明单位", 2023)).isEmpty();
    assertThat(lists.system("文明单位", 2024))
        .get()
        .extracting(EvaluationSystem::name)
        .isEqualTo("测试体系");
    assertThat(lists.system("文明单位", 2026))
        .get()
        .extracting(EvaluationSystem::name)
        .isEqualTo("测试体系");
    assertThat(lists.system("文明单位", 2027))
        .get()
        .extracting(EvaluationSystem::name)
        .isEqualTo("新体系");
    assertThat(lists.system("文明单位", 2040))
        .get()
        .extracting(EvaluationSystem::name)
        .isEqualTo("新体系");
    assertThat(lists.system("文明行业", 2040))
        .as("not replaced for the type the newer one leaves out")
        .get()
        .extracting(EvaluationSystem::name)
        .isEqualTo("测试体系");
    EvaluationSystem inForce = lists.bySystemFile("test.yaml").orElseThrow();
    assertThat(inForce.covers("文明单位", 2027)).isFalse();
    assertThat(inForce.covers("文明行业", 2027)).isTrue();
    assertThat(inForce.lastYear()).as("still in force for 文明行业").isEmpty();
    assertThat(lists.years(2026))
        .as("a system prepared for a later year brings that year")
        .containsExactly(2027, 2026, 2025, 2024);
    assertThat(RequiredLists.of(List.of()).years(2026)).isEmpty();
  }

  @Test
  void twoFilesMayNotJudgeTheSameUnitTypeInTheSameYear() throws IOException {
    Path dir = Files.createDirectories(config.resolve(RequiredLists.DIRECTORY));
    Files.writeString(dir.resolve("a.yaml"), VALID);
    Files.writeString(dir.resolve("b.yaml"), VALID.replace("[文明单位]", "[文明行业, 文明单位]"));
    assertThatThrownBy(() -> RequiredLists.load(config, TestFacts.CATALOG))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.file()).isEqualTo(dir.resolve("b.yaml"));
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.getMessage()).contains("“文明单位”自 2025 年度起已由 a.yaml 规定");
            });
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() throws IOException {
    Path dir = Files.createDirectories(config.resolve(RequiredLists.DIRECTORY));
    Files.write(dir.resolve("gbk.yaml"), VALID.getBytes(Charset.forName("GB18030")));
    assertThatThrownBy(() -> RequiredLists.load(config, TestFacts.CATALOG))
        .hasMessageContaining("不是 UTF-8 编码");
  }

  /**
   * Raising a minimum count in a copy of index-config turns a complete unit into one with missing
   * items.
   */
  @Test
  void raisingAMinimumCountInACopiedConfigChangesTheVerdict() throws IOException {
    copy(Path.of("index-config"), config);
    Unit unit = new Unit("u1", "测试局", "文明单位", null);
    List<EvidenceFact> facts = new ArrayList<>(TestFacts.completeYear("u1", 2025));

    UnitCompleteness before = evaluate(RequiredLists.load(config, TestFacts.CATALOG), unit, facts);
    assertThat(before.year()).isEqualTo(2025);
    assertThat(before.indicators().stream().flatMap(i -> i.missing().stream())).isEmpty();

    Path file = config.resolve("required-lists/文明单位.yaml");
    String yaml = Files.readString(file);
    String rule = "              - category: meeting\n                period: 每季度\n";
    String edited = yaml.replace(rule, rule + "                min: 2\n");
    assertThat(edited).isNotEqualTo(yaml);
    Files.writeString(file, edited);
    RequiredLists raised = RequiredLists.load(config, TestFacts.CATALOG);

    UnitCompleteness after = evaluate(raised, unit, facts);
    assertThat(
            after.indicators().stream().flatMap(i -> i.missing().stream()).map(MissingItem::text))
        .containsExactly(
            "2025年第一季度会议记录不足2份（现有1份）", "2025年第二季度会议记录不足2份（现有1份）",
            "2025年第三季度会议记录不足2份（现有1份）", "2025年第四季度会议记录不足2份（现有1份）");
    assertThat(after.score()).isLessThan(before.score());
  }

  private static UnitCompleteness evaluate(
      RequiredLists lists, Unit unit, List<EvidenceFact> facts) {
    CompletenessModel m =
        new CompletenessModel(lists, TestFacts.CATALOG::categoryName, DECEMBER_2026);
    m.load(List.of(unit), facts);
    return m.unit(unit.code(), 2025).orElseThrow();
  }

  private RequiredLists load(String yaml) throws IOException {
    Path dir = Files.createDirectories(config.resolve(RequiredLists.DIRECTORY));
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.writeString(dir.resolve("list.yaml"), yaml, StandardCharsets.UTF_8);
    return RequiredLists.load(config, TestFacts.CATALOG);
  }

  private void expect(String yaml, int line, String problem) throws IOException {
    assertThatThrownBy(() -> load(yaml))
        .as(problem)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.file())
                  .isEqualTo(config.resolve(RequiredLists.DIRECTORY).resolve("list.yaml"));
              assertThat(e.getMessage()).contains(problem);
              assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            });
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
