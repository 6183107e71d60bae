package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.completeness.TestFacts.doc;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.taizhang.unit.Unit;

/**
 * The engine on hand-made facts: periods, windows, kinds, content, counting, grades, decisions,
 * ranks, red flags.
 */
class CompletenessEngineTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Unit UNIT = new Unit("u1", "测试局", "文明单位", "county");

  /** A clock tests can move forward. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(String date) {
      now = LocalDate.parse(date).atStartOfDay(ZONE).plusHours(10).toInstant();
    }

    void set(String date) {
      now = LocalDate.parse(date).atStartOfDay(ZONE).plusHours(10).toInstant();
    }

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovableClock clock = new MovableClock("2026-01-10");

  private static String system(String evidence) {
    return system(evidence, "");
  }

  /** A one-leaf system for 文明单位 2024–2026 whose leaf has the given evidence (and grading) lines. */
  private static String system(String evidence, String extra) {
    return """
        name: 测试体系
        years: [2024, 2025, 2026]
        unit-types: [文明单位]
        vetoes:
          - {code: F-1, name: 发生重大安全责任事故}
        indicators:
          - code: Ⅰ
            name: 组织领导
            children:
              - code: Ⅰ-1
                name: 测试指标
                points: 10
                method: 材料审核
                evidence:
        """
        + evidence.indent(10)
        + extra.indent(8)
        + """
              - code: Ⅰ-2
                name: 实地考察项
                points: 5
                method: 实地考察
        """;
  }

  private CompletenessModel model(String yaml, List<EvidenceFact> facts, Unit... units) {
    CompletenessModel m =
        new CompletenessModel(
            TestFacts.lists(TestFacts.system(yaml)), TestFacts.CATALOG::categoryName, clock);
    m.load(units.length == 0 ? List.of(UNIT) : List.of(units), facts);
    return m;
  }

  private static IndicatorResult leaf(UnitCompleteness u) {
    return u.indicators().get(0);
  }

  private static List<String> missing(UnitCompleteness u) {
    return u.indicators().stream()
        .flatMap(i -> i.missing().stream())
        .map(MissingItem::text)
        .toList();
  }

  @Test
  void oneRecordInEachQuarterIsNotTheSameAsFourRecords() {
    String yaml = system("- {category: meeting, period: 每季度}");
    List<EvidenceFact> fourInMarch =
        List.of(
            doc("u1", "meeting", "2025-03-01").build(), doc("u1", "meeting", "2025-03-08").build(),
            doc("u1", "meeting", "2025-03-15").build(), doc("u1", "meeting", "2025-03-22").build());
    UnitCompleteness u = model(yaml, fourInMarch).unit("u1", 2025).orElseThrow();
    assertThat(missing(u)).containsExactly("2025年第二季度缺少会议记录", "2025年第三季度缺少会议记录", "2025年第四季度缺少会议记录");
    assertThat(leaf(u).status()).isEqualTo(IndicatorStatus.PARTIAL);
    assertThat(leaf(u).grade()).isEqualTo(Grade.D);
    assertThat(leaf(u).evidence()).hasSize(4);

    UnitCompleteness yearly =
        model(system("- {category: meeting, min: 4}"), fourInMarch).unit("u1", 2025).orElseThrow();
    assertThat(missing(yearly)).isEmpty();
    assertThat(leaf(yearly).status()).isEqualTo(IndicatorStatus.MET);
  }

  @Test
  void halfYearsAndMonthsAreNamedInTheMissingItem() {
    List<EvidenceFact> facts = List.of(doc("u1", "briefing", "2025-03-10").build());
    assertThat(
            missing(
                model(system("- {category: briefing, period: 每半年}"), facts)
                    .unit("u1", 2025)
                    .orElseThrow()))
        .containsExactly("2025年下半年缺少工作简报");
    List<String> months =
        missing(
            model(system("- {category: briefing, period: 每月}"), facts)
                .unit("u1", 2025)
                .orElseThrow());
    assertThat(months).hasSize(11).startsWith("2025年1月缺少工作简报", "2025年2月缺少工作简报", "2025年4月缺少工作简报");
  }

  @Test
  void aDocumentWithoutADateCannotCoverAQuarterButCoversTheYear() {
    List<EvidenceFact> facts =
        List.of(doc("u1", "meeting", null).year(2025).title("无日期的会议记录").build());
    assertThat(
            missing(
                model(system("- {category: meeting, period: 每季度}"), facts)
                    .unit("u1", 2025)
                    .orElseThrow()))
        .hasSize(4);
    assertThat(
            missing(model(system("- {category: meeting}"), facts).unit("u1", 2025).orElseThrow()))
        .isEmpty();
  }

  @Test
  void minimumCountsAndNoDocumentCountsTwice() {
    String yaml = system("- {category: meeting, min: 2}");
    assertThat(missing(model(yaml, List.of()).unit("u1", 2025).orElseThrow()))
        .containsExactly("2025年缺少会议记录（应至少2份）");
    EvidenceFact one = doc("u1", "meeting", "2025-05-01").build();
    assertThat(missing(model(yaml, List.of(one)).unit("u1", 2025).orElseThrow()))
        .containsExactly("2025年会议记录不足2份（现有1份）");
    // the same document applied twice is still one document
    CompletenessModel m = model(yaml, List.of(one));
    m.recompute(m.apply(one.id(), one));
    assertThat(missing(m.unit("u1", 2025).orElseThrow())).containsExactly("2025年会议记录不足2份（现有1份）");
    // a document sits in exactly one quarter
    UnitCompleteness q =
        model(system("- {category: meeting, period: 每季度, min: 1}"), List.of(one))
            .unit("u1", 2025)
            .orElseThrow();
    assertThat(missing(q)).containsExactly("2025年第一季度缺少会议记录", "2025年第三季度缺少会议记录", "2025年第四季度缺少会议记录");
  }

  @Test
  void evidenceWindows() {
    EvidenceFact activity2023 = doc("u1", "activity", "2023-06-01").build();
    String threeYears = system("- {category: activity, window: 近三年}");
    assertThat(missing(model(threeYears, List.of(activity2023)).unit("u1", 2025).orElseThrow()))
        .isEmpty();
    assertThat(missing(model(threeYears, List.of(activity2023)).unit("u1", 2026).orElseThrow()))
        .containsExactly("2024—2026年缺少活动记录");
    assertThat(
            missing(
                model(system("- {category: activity}"), List.of(activity2023))
                    .unit("u1", 2025)
                    .orElseThrow()))
        .containsExactly("2025年缺少活动记录");

    String standing = system("- {category: rules, window: 长期有效}");
    EvidenceFact rules2019 = doc("u1", "rules", "2019-04-01").build();
    assertThat(missing(model(standing, List.of(rules2019)).unit("u1", 2025).orElseThrow()))
        .isEmpty();
    EvidenceFact rules2026 = doc("u1", "rules", "2026-04-01").build();
    assertThat(missing(model(standing, List.of(rules2026)).unit("u1", 2025).orElseThrow()))
        .containsExactly("缺少管理制度");
  }

  @Test
  void theArchiveYearDecidesTheYearAndTheDatePlacesWithinIt() {
    // filed under 2025 though written on the last day of 2024: counts for 2025 as a yearly item,
    // but cannot cover a quarter of 2025
    EvidenceFact late = doc("u1", "annual-summary", "2024-12-31").year(2025).build();
    assertThat(
            missing(
                model(system("- {category: annual-summary}"), List.of(late))
                    .unit("u1", 2025)
                    .orElseThrow()))
        .isEmpty();
    assertThat(
            missing(
                model(system("- {category: annual-summary}"), List.of(late))
                    .unit("u1", 2024)
                    .orElseThrow()))
        .containsExactly("2024年缺少年终总结");
  }

  @Test
  void acceptedKinds() {
    EvidenceFact pdfInPhotos = doc("u1", "photo", "2025-05-16").build();
    assertThat(
            missing(
                model(system("- {category: photo, kind: 图片}"), List.of(pdfInPhotos))
                    .unit("u1", 2025)
                    .orElseThrow()))
        .containsExactly("活动照片 2025-05-16 不是图片");
    EvidenceFact photo = doc("u1", "photo", "2025-05-16").image().build();
    assertThat(
            missing(
                model(system("- {category: photo, kind: image}"), List.of(photo))
                    .unit("u1", 2025)
                    .orElseThrow()))
        .isEmpty();

    EvidenceFact informal = doc("u1", "leading-group", "2025-03-01").build();
    UnitCompleteness u =
        model(system("- {category: leading-group, kind: 正式文件}"), List.of(informal))
            .unit("u1", 2025)
            .orElseThrow();
    assertThat(missing(u)).containsExactly("领导小组文件 2025-03-01 不是正式文件（未见文号）");
    assertThat(leaf(u).evidence()).isEmpty();
    assertThat(leaf(u).status())
        .as("something is there, though not enough")
        .isEqualTo(IndicatorStatus.PARTIAL);
    EvidenceFact formal = doc("u1", "leading-group", "2025-03-01").formal().build();
    assertThat(
            leaf(model(system("- {category: leading-group, kind: formal}"), List.of(formal))
                    .unit("u1", 2025)
                    .orElseThrow())
                .evidence())
        .containsExactly(formal.id());
  }

  @Test
  void aRecordWithAContentGapDoesNotSatisfyItsPeriodAndTheItemNamesTheGap() {
    String yaml =
        system(
            """
        - category: meeting
          period: 每季度
          content: [时间, 地点, 主持人, 参会人员, 记录人, 议题]
        """);
    List<String> withoutRecorder = new ArrayList<>(TestFacts.MEETING_LABELS);
    withoutRecorder.remove("记录人");
    List<EvidenceFact> facts =
        List.of(
            doc("u1", "meeting", "2024-03-04").labels(TestFacts.MEETING_LABELS).build(),
            doc("u1", "meeting", "2024-05-13").labels(withoutRecorder).build(),
            doc("u1", "meeting", "2024-08-08").labels(TestFacts.MEETING_LABELS).build(),
            doc("u1", "meeting", "2024-12-02").labels(TestFacts.MEETING_LABELS).build());
    UnitCompleteness u = model(yaml, facts).unit("u1", 2024).orElseThrow();
    assertThat(missing(u)).containsExactly("会议记录 2024-05-13 缺少记录人");
    assertThat(leaf(u).evidence()).hasSize(3).doesNotContain(facts.get(1).id());
    assertThat(leaf(u).missing().get(0).key()).isEqualTo("Ⅰ-1/meeting/2024-Q2");
    assertThat(leaf(u).grade()).isEqualTo(Grade.B);

    EvidenceFact undated =
        doc("u1", "meeting", null).year(2024).title("党组会记录").labels(List.of("时间", "地点")).build();
    assertThat(
            missing(
                model(
                        system(
                            """
        - category: meeting
          content: [时间, 记录人, 议题]
        """),
                        List.of(undated))
                    .unit("u1", 2024)
                    .orElseThrow()))
        .containsExactly("会议记录《党组会记录》缺少记录人、议题");
  }

  @Test
  void nothingAtAllEarnsTheLowestGradeWhateverTheGradingRule() {
    // one missing item (the year) under the default rule (B for one missing) — but not a single
    // meeting
    String yaml =
        system(
            """
        - {category: meeting, min: 3}
        """);
    UnitCompleteness none = model(yaml, List.of()).unit("u1", 2025).orElseThrow();
    assertThat(missing(none)).containsExactly("2025年缺少会议记录（应至少3份）");
    assertThat(leaf(none).status()).isEqualTo(IndicatorStatus.MISSING);
    assertThat(leaf(none).computedGrade()).isEqualTo(Grade.D);
    assertThat(leaf(none).score()).isZero();

    UnitCompleteness one =
        model(yaml, List.of(doc("u1", "meeting", "2025-03-04").build()))
            .unit("u1", 2025)
            .orElseThrow();
    assertThat(leaf(one).status()).isEqualTo(IndicatorStatus.PARTIAL);
    assertThat(leaf(one).computedGrade())
        .as("one short item under the default rule")
        .isEqualTo(Grade.B);
  }

  @Test
  void aPhotographedRecordIsNotSaidToLackWhatCannotBeRead() {
    String yaml =
        system(
            """
        - category: meeting
          content: [时间, 地点]
        """);
    EvidenceFact photo = doc("u1", "meeting", "2025-08-14").image().build();
    assertThat(missing(model(yaml, List.of(photo)).unit("u1", 2025).orElseThrow()))
        .containsExactly("会议记录 2025-08-14 是图片，其中文字未能识别，无法核对时间、地点（请上传文字版或扫描件）");
    EvidenceFact typed = doc("u1", "meeting", "2025-08-14").labels(List.of("时间")).build();
    assertThat(missing(model(yaml, List.of(typed)).unit("u1", 2025).orElseThrow()))
        .containsExactly("会议记录 2025-08-14 缺少地点");
  }

  @Test
  void gradesFollowTheGradingRuleAndThePointConversion() {
    String yaml =
        """
        name: 测试体系
        years: [2025]
        unit-types: [文明单位]
        grade-points: {A: 100, B: 80, C: 50, D: 10}
        indicators:
          - code: Ⅰ-1
            name: 会议
            points: 10
            method: 材料审核
            evidence:
              - {category: meeting, period: 每季度}
            grading: {A: 0, B: 1, C: 3}
        """;
    String[] dates = {"2025-02-01", "2025-05-01", "2025-08-01", "2025-11-01"};
    Grade[] expected = {Grade.D, Grade.C, Grade.C, Grade.B, Grade.A};
    double[] scores = {1, 5, 5, 8, 10};
    for (int have = 0; have <= 4; have++) {
      List<EvidenceFact> facts = new ArrayList<>();
      for (int q = 0; q < have; q++) {
        facts.add(doc("u1", "meeting", dates[q]).build());
      }
      UnitCompleteness u = model(yaml, facts).unit("u1", 2025).orElseThrow();
      assertThat(leaf(u).computedGrade()).as("%d of 4 quarters", have).isEqualTo(expected[have]);
      assertThat(leaf(u).score()).isEqualTo(scores[have]);
      assertThat(u.score()).isEqualTo(scores[have]);
      assertThat(u.maxScore()).isEqualTo(10);
    }
  }

  @Test
  void fieldInspectionIndicatorsWaitForAHandGradeAndCountOnceGraded() {
    CompletenessModel m =
        model(system("- {category: plan}"), List.of(doc("u1", "plan", "2025-03-01").build()));
    UnitCompleteness u = m.unit("u1", 2025).orElseThrow();
    IndicatorResult field = u.indicators().get(1);
    assertThat(field.status()).isEqualTo(IndicatorStatus.NOT_REVIEWED);
    assertThat(field.status().label()).isEqualTo("待评");
    assertThat(field.method()).isEqualTo("实地考察");
    assertThat(field.computedGrade()).isNull();
    assertThat(field.grade()).isNull();
    assertThat(field.parentName()).isEqualTo("组织领导");
    assertThat(u.score()).as("待评 counts 0").isEqualTo(10);
    assertThat(u.maxScore()).isEqualTo(15);
    assertThat(u.ungraded()).isEqualTo(1);
    assertThat(u.verdict()).isEqualTo("10 / 15（1 项待评）");

    m.put(
        new Decisions.HandGradeRow(
            "u1",
            2025,
            "Ⅰ-2",
            Grade.B,
            "志愿服务岗有人值守",
            LocalDate.parse("2025-10-12"),
            "reviewer",
            "李测评",
            Instant.EPOCH));
    m.recompute(Set.of("u1"));
    u = m.unit("u1", 2025).orElseThrow();
    field = u.indicators().get(1);
    assertThat(field.status()).isEqualTo(IndicatorStatus.HAND_GRADED);
    assertThat(field.grade()).isEqualTo(Grade.B);
    assertThat(field.handGrade().byName()).isEqualTo("李测评");
    assertThat(field.handGrade().assessedOn()).isEqualTo(LocalDate.parse("2025-10-12"));
    assertThat(field.score()).isEqualTo(3.3);
    assertThat(u.score()).isEqualTo(13.3);
    assertThat(u.ungraded()).isZero();
    assertThat(u.verdict()).isEqualTo("13.3 / 15");

    m.removeHandGrade("u1", 2025, "Ⅰ-2");
    m.recompute(Set.of("u1"));
    assertThat(m.unit("u1", 2025).orElseThrow().indicators().get(1).status())
        .isEqualTo(IndicatorStatus.NOT_REVIEWED);
    assertThat(m.unit("u1", 2025).orElseThrow().score()).isEqualTo(10);
  }

  @Test
  void aHandGradeCountsInTheRanks() {
    Unit a = new Unit("a", "甲局", "文明单位", null);
    Unit b = new Unit("b", "乙局", "文明单位", null);
    CompletenessModel m =
        model(
            system("- {category: plan}"),
            List.of(doc("a", "plan", "2025-03-01").build(), doc("b", "plan", "2025-03-02").build()),
            a,
            b);
    m.put(
        new Decisions.HandGradeRow(
            "b",
            2025,
            "Ⅰ-2",
            Grade.C,
            "现场环境一般",
            LocalDate.parse("2025-10-12"),
            "r",
            "李测评",
            Instant.EPOCH));
    m.recompute(Set.of("b"));
    assertThat(m.units(2025, null))
        .extracting(UnitCompleteness::unit, UnitCompleteness::rank)
        .containsExactly(Tuple.tuple("b", 1), Tuple.tuple("a", 2));
  }

  @Test
  void aReturnedDocumentIsNoEvidenceUntilItsResubmissionReplacesIt() {
    String yaml = system("- {category: meeting, period: 每季度}");
    List<EvidenceFact> facts =
        new ArrayList<>(
            List.of(
                doc("u1", "meeting", "2025-02-10").build(),
                doc("u1", "meeting", "2025-05-10").build(),
                doc("u1", "meeting", "2025-11-10").build()));
    EvidenceFact returned =
        doc("u1", "meeting", "2025-08-14")
            .title("第三季度创建工作会议记录")
            .returned("记录人未签字", "2026-01-31")
            .build();
    facts.add(returned);
    CompletenessModel m = model(yaml, facts);
    UnitCompleteness u = m.unit("u1", 2025).orElseThrow();
    assertThat(leaf(u).evidence())
        .as("the returned record is no evidence")
        .doesNotContain(returned.id())
        .hasSize(3);
    assertThat(leaf(u).grade()).isEqualTo(Grade.B);
    assertThat(leaf(u).status()).isEqualTo(IndicatorStatus.PARTIAL);
    MissingItem item = leaf(u).missing().get(0);
    assertThat(item.key()).isEqualTo("Ⅰ-1/meeting/2025-Q3");
    assertThat(item.text()).isEqualTo("会议记录 2025-08-14 已退回（原因：记录人未签字；整改期限 2026-01-31），重新提交前不计入");
    assertThat(item.returned())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(returned.id());
              assertThat(r.title()).isEqualTo("第三季度创建工作会议记录");
              assertThat(r.reason()).isEqualTo("记录人未签字");
              assertThat(r.deadline()).isEqualTo(LocalDate.parse("2026-01-31"));
              assertThat(r.overdue()).isFalse();
            });
    clock.set("2026-02-01");
    assertThat(leaf(m.unit("u1", 2025).orElseThrow()).missing().get(0).returned().get(0).overdue())
        .isTrue();

    // the resubmission: a new version (new id, 已提交) replaces the returned one, and counts again
    EvidenceFact resubmitted = doc("u1", "meeting", "2025-08-14").title("第三季度创建工作会议记录").build();
    m.apply(returned.id(), null);
    m.recompute(m.apply(resubmitted.id(), resubmitted));
    UnitCompleteness after = m.unit("u1", 2025).orElseThrow();
    assertThat(leaf(after).missing()).isEmpty();
    assertThat(leaf(after).evidence()).contains(resubmitted.id()).hasSize(4);
    assertThat(leaf(after).grade()).isEqualTo(Grade.A);
  }

  @Test
  void aReturnedDocumentWithoutAnotherInItsPeriodLeavesThePeriodMissing() {
    EvidenceFact back =
        doc("u1", "annual-summary", "2025-12-20").returned("内容空泛", "2026-01-15").build();
    UnitCompleteness u =
        model(system("- {category: annual-summary}"), List.of(back)).unit("u1", 2025).orElseThrow();
    assertThat(leaf(u).evidence()).isEmpty();
    assertThat(leaf(u).grade()).isEqualTo(Grade.B);
    assertThat(missing(u)).containsExactly("年终总结 2025-12-20 已退回（原因：内容空泛；整改期限 2026-01-15），重新提交前不计入");
    assertThat(u.score()).isEqualTo(6.6);
  }

  @Test
  void anExplanationShowsExplainedUntilItsDeadlineThenOverdue() {
    CompletenessModel m = model(system("- {category: annual-summary}"), List.of());
    MissingItem item = leaf(m.unit("u1", 2025).orElseThrow()).missing().get(0);
    assertThat(item.key()).isEqualTo("Ⅰ-1/annual-summary/2025");
    m.put(
        new Decisions.ExplanationRow(
            7,
            "u1",
            2025,
            item.key(),
            "总结正在审定",
            LocalDate.parse("2026-01-20"),
            "clerk",
            Instant.EPOCH));
    m.recompute(Set.of("u1"));
    IndicatorResult r = leaf(m.unit("u1", 2025).orElseThrow());
    assertThat(r.status()).isEqualTo(IndicatorStatus.EXPLAINED);
    assertThat(r.computedGrade()).as("explained is not met").isEqualTo(Grade.D);
    assertThat(r.missing().get(0).explanation().reason()).isEqualTo("总结正在审定");
    assertThat(r.missing().get(0).explanation().overdue()).isFalse();

    clock.set("2026-01-20");
    assertThat(leaf(m.unit("u1", 2025).orElseThrow()).status())
        .as("on the deadline day")
        .isEqualTo(IndicatorStatus.EXPLAINED);
    clock.set("2026-01-21");
    IndicatorResult late = leaf(m.unit("u1", 2025).orElseThrow());
    assertThat(late.status()).isEqualTo(IndicatorStatus.OVERDUE);
    assertThat(late.missing().get(0).explanation().overdue()).isTrue();
  }

  @Test
  void anOverrideWinsUntilWithdrawn() {
    CompletenessModel m = model(system("- {category: annual-summary}"), List.of());
    m.put(
        new Decisions.OverrideRow(
            "u1", 2025, "Ⅰ-1", Grade.A, "年终总结已在局网站公开", "reviewer", "李测评", Instant.EPOCH));
    m.recompute(Set.of("u1"));
    UnitCompleteness u = m.unit("u1", 2025).orElseThrow();
    assertThat(leaf(u).computedGrade()).isEqualTo(Grade.D);
    assertThat(leaf(u).grade()).isEqualTo(Grade.A);
    assertThat(leaf(u).override().reason()).isEqualTo("年终总结已在局网站公开");
    assertThat(leaf(u).override().byName()).isEqualTo("李测评");
    assertThat(leaf(u).score()).isEqualTo(10);
    assertThat(leaf(u).status())
        .as("the archive still lacks it")
        .isEqualTo(IndicatorStatus.MISSING);

    m.removeOverride("u1", 2025, "Ⅰ-1");
    m.recompute(Set.of("u1"));
    assertThat(leaf(m.unit("u1", 2025).orElseThrow()).override()).isNull();
    assertThat(leaf(m.unit("u1", 2025).orElseThrow()).score()).as("nothing at all: D").isZero();
  }

  @Test
  void aVetoMarksTheUnitWhateverTheScore() {
    CompletenessModel m =
        model(system("- {category: plan}"), List.of(doc("u1", "plan", "2025-03-01").build()));
    m.put(
        new Decisions.VetoRow("u1", 2025, "F-1", "3月发生一起重大安全责任事故", "admin", "王主任", Instant.EPOCH));
    m.recompute(Set.of("u1"));
    UnitCompleteness u = m.unit("u1", 2025).orElseThrow();
    assertThat(u.score()).as("the score is still computed").isEqualTo(10);
    assertThat(u.vetoed()).isTrue();
    assertThat(u.mayApply()).isFalse();
    assertThat(u.verdict()).isEqualTo("一票否决 · 不得申报");
    assertThat(u.vetoes()).extracting(Veto::text).containsExactly("F-1 发生重大安全责任事故（3月发生一起重大安全责任事故）");
    assertThat(u.vetoes().get(0).byName()).isEqualTo("王主任");
    assertThat(m.unit("u1", 2024).orElseThrow().vetoed()).as("another year").isFalse();
    m.removeVeto("u1", 2025, "F-1");
    m.recompute(Set.of("u1"));
    assertThat(m.unit("u1", 2025).orElseThrow().vetoed()).isFalse();
  }

  @Test
  void aVetoedUnitRanksBelowEveryUnitOfItsTypeWithoutOne() {
    Unit a = new Unit("a", "甲局", "文明单位", null);
    Unit b = new Unit("b", "乙局", "文明单位", null);
    Unit c = new Unit("c", "丙局", "文明单位", null);
    Unit d = new Unit("d", "丁局", "文明单位", null);
    // a and b complete, c and d without a plan: a is best by score
    CompletenessModel m =
        model(
            system("- {category: plan}"),
            List.of(doc("a", "plan", "2025-03-01").build(), doc("b", "plan", "2025-03-02").build()),
            a,
            b,
            c,
            d);
    m.put(new Decisions.VetoRow("a", 2025, "F-1", "发生安全事故", "admin", "王主任", Instant.EPOCH));
    m.recompute(Set.of("a"));
    assertThat(m.units(2025, "文明单位"))
        .extracting(UnitCompleteness::unit, UnitCompleteness::rank, UnitCompleteness::rankOf)
        .containsExactly(
            Tuple.tuple("b", 1, 4),
            Tuple.tuple("c", 2, 4),
            Tuple.tuple("d", 2, 4),
            Tuple.tuple("a", 4, 4));
    // two vetoed units keep their order by score among themselves, and share no rank with the
    // others
    m.put(new Decisions.VetoRow("c", 2025, "F-1", "发生安全事故", "admin", "王主任", Instant.EPOCH));
    m.recompute(Set.of("c"));
    assertThat(m.units(2025, "文明单位"))
        .extracting(UnitCompleteness::unit, UnitCompleteness::rank)
        .containsExactly(
            Tuple.tuple("b", 1), Tuple.tuple("d", 2), Tuple.tuple("a", 3), Tuple.tuple("c", 4));
    m.removeVeto("a", 2025, "F-1");
    m.recompute(Set.of("a"));
    assertThat(m.units(2025, "文明单位").get(0).unit()).isEqualTo("a");
    assertThat(m.units(2025, "文明单位").get(0).rank()).isEqualTo(1);
  }

  @Test
  void ranksWithinTheUnitTypeShareTies() {
    Unit a = new Unit("a", "甲局", "文明单位", null);
    Unit b = new Unit("b", "乙局", "文明单位", null);
    Unit c = new Unit("c", "丙局", "文明单位", null);
    Unit school = new Unit("s", "某中学", "文明校园", null);
    List<EvidenceFact> facts =
        List.of(doc("a", "plan", "2025-03-01").build(), doc("b", "plan", "2025-03-02").build());
    CompletenessModel m = model(system("- {category: plan}"), facts, a, b, c, school);
    assertThat(m.units(2025, null))
        .extracting(UnitCompleteness::unit, UnitCompleteness::rank, UnitCompleteness::rankOf)
        .containsExactly(Tuple.tuple("a", 1, 3), Tuple.tuple("b", 1, 3), Tuple.tuple("c", 3, 3));
    assertThat(m.unit("s", 2025)).as("no system covers 文明校园").isEmpty();
    assertThat(m.unit("a", 2023)).as("nor the year 2023").isEmpty();

    // an upload for c: c recomputed, and the ranks of its whole type with it
    EvidenceFact cPlan = doc("c", "plan", "2025-03-03").build();
    m.recompute(m.apply(cPlan.id(), cPlan));
    assertThat(m.units(2025, "文明单位")).extracting(UnitCompleteness::rank).containsExactly(1, 1, 1);
    EvidenceFact aPlan = facts.get(0);
    m.recompute(m.apply(aPlan.id(), null));
    assertThat(m.units(2025, "文明单位"))
        .extracting(UnitCompleteness::unit, UnitCompleteness::rank)
        .containsExactly(Tuple.tuple("b", 1), Tuple.tuple("c", 1), Tuple.tuple("a", 3));
  }

  @Test
  void redFlags() {
    int[] text =
        NearDuplicateIndex.signature(
            "本年度我单位认真落实创建工作各项任务，开展志愿服务活动十余次，群众满意度明显提升，".repeat(3) + "下一步将继续巩固创建成果，推动文明创建常态化长效化。");
    Unit other = new Unit("u2", "另一局", "文明单位", null);
    List<EvidenceFact> facts =
        List.of(
            doc("u1", "activity", "2025-08-12").placeholder().title("志愿服务活动记录").build(),
            doc("u1", "photo", "2025-05-16")
                .image()
                .takenAt("2025-05-20T17:30:00")
                .title("邻里节")
                .build(),
            doc("u1", "photo", "2025-06-01")
                .image()
                .takenAt("2025-06-04T09:00:00")
                .title("三天内")
                .build(),
            doc("u1", "annual-summary", "2025-12-20").signature(text).build(),
            doc("u1", "half-year-summary", "2024-07-01").signature(text).build(),
            doc("u2", "annual-summary", "2025-12-22").signature(text).build());
    CompletenessModel m = model(system("- {category: plan}"), facts, UNIT, other);
    // u1's 2025 summary (12-20) came before u2's (12-22): u2's is the copy, u1 is not accused
    List<RedFlag> flags = m.unit("u1", 2025).orElseThrow().redFlags();
    assertThat(flags)
        .extracting(RedFlag::kind)
        .containsExactly("PLACEHOLDER", "PHOTO_TIME_MISMATCH");
    assertThat(flags.get(1).text()).contains("相差 4 天");
    assertThat(m.unit("u1", 2024).orElseThrow().redFlags())
        .as("nor for its own 2024 summary, the earliest of all")
        .isEmpty();
    // u2's summary nearly duplicates two of u1's documents: one flag, naming the earliest as the
    // source
    List<RedFlag> copies = m.unit("u2", 2025).orElseThrow().redFlags();
    assertThat(copies)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo("NEAR_DUPLICATE");
              assertThat(f.documents()).containsExactly(facts.get(5).id());
              assertThat(f.text())
                  .startsWith("年终总结《annual-summary 2025-12-22》与其他单位的材料高度相似，相似度约 ")
                  .doesNotContain("测试局")
                  .doesNotContain("u1");
              assertThat(f.source().unit()).isEqualTo("u1");
              assertThat(f.source().document()).isEqualTo(facts.get(4).id());
            });
    // written for a reader who sees u1 too: the pair; for one who does not: as above
    RedFlag full = copies.get(0).forReader(unit -> true);
    assertThat(full.text()).contains("与测试局（u1）2024年在先的《half-year-summary 2024-07-01》几乎相同", "疑为照抄");
    assertThat(full.documents()).containsExactly(facts.get(5).id(), facts.get(4).id());
    RedFlag hidden = copies.get(0).forReader("u2"::equals);
    assertThat(hidden.text()).isEqualTo(copies.get(0).text());
    assertThat(hidden.documents()).containsExactly(facts.get(5).id());
    assertThat(hidden.source()).isNull();
    UnitCompleteness u2 = m.unit("u2", 2025).orElseThrow();
    assertThat(u2.forReader("u2"::equals).redFlags().get(0).text()).doesNotContain("测试局");
    assertThat(u2.forReader(x -> true).redFlags().get(0).text()).contains("测试局");

    // deleting the copy clears the flag
    m.recompute(m.apply(facts.get(5).id(), null));
    assertThat(m.unit("u2", 2025).orElseThrow().redFlags()).isEmpty();
  }

  @Test
  void theLaterOfTwoNearCopiesIsTheCopyByDateThenByUploadOrder() {
    int[] text =
        NearDuplicateIndex.signature(
            "本年度我单位认真落实创建工作各项任务，开展志愿服务活动十余次，群众满意度明显提升，".repeat(3) + "下一步将继续巩固创建成果，推动文明创建常态化长效化。");
    Unit other = new Unit("u2", "另一局", "文明单位", null);
    // uploaded first but dated later: the date decides
    EvidenceFact laterDated =
        doc("u1", "annual-summary", "2025-12-28").id(5001).signature(text).build();
    EvidenceFact earlierDated =
        doc("u2", "annual-summary", "2025-12-05").id(5002).signature(text).build();
    CompletenessModel m =
        model(system("- {category: plan}"), List.of(laterDated, earlierDated), UNIT, other);
    assertThat(m.unit("u1", 2025).orElseThrow().redFlags())
        .extracting(RedFlag::kind)
        .containsExactly("NEAR_DUPLICATE");
    assertThat(m.unit("u2", 2025).orElseThrow().redFlags()).isEmpty();

    // the same date (or none): the later upload is the copy
    EvidenceFact first = doc("u1", "annual-summary", "2025-12-20").id(6001).signature(text).build();
    EvidenceFact second =
        doc("u2", "annual-summary", "2025-12-20").id(6002).signature(text).build();
    m = model(system("- {category: plan}"), List.of(first, second), UNIT, other);
    assertThat(m.unit("u1", 2025).orElseThrow().redFlags()).isEmpty();
    assertThat(m.unit("u2", 2025).orElseThrow().redFlags())
        .singleElement()
        .satisfies(f -> assertThat(f.source().document()).isEqualTo(6001));
    EvidenceFact undatedFirst =
        doc("u1", "annual-summary", null).year(2025).id(7001).signature(text).build();
    EvidenceFact datedSecond =
        doc("u2", "annual-summary", "2025-12-20").id(7002).signature(text).build();
    m = model(system("- {category: plan}"), List.of(undatedFirst, datedSecond), UNIT, other);
    assertThat(m.unit("u1", 2025).orElseThrow().redFlags()).isEmpty();
    assertThat(m.unit("u2", 2025).orElseThrow().redFlags()).hasSize(1);
  }

  @Test
  void manyDocumentsCreatedOnOneDayButDatedAcrossTheYearLookBackfilled() {
    List<EvidenceFact> facts = new ArrayList<>();
    for (int month = 1; month <= 6; month++) {
      facts.add(doc("u1", "meeting", "2025-0" + month + "-10").created("2025-11-28").build());
    }
    facts.add(doc("u1", "plan", "2025-03-01").created("2025-03-01").build());
    List<RedFlag> flags =
        model(system("- {category: plan}"), facts).unit("u1", 2025).orElseThrow().redFlags();
    assertThat(flags).extracting(RedFlag::kind).containsExactly("BACKFILLED");
    assertThat(flags.get(0).documents()).hasSize(6);
    assertThat(flags.get(0).text()).contains("2025-11-28").contains("2025-01 至 2025-06");

    List<EvidenceFact> honest = new ArrayList<>();
    for (int month = 1; month <= 6; month++) {
      honest.add(
          doc("u1", "meeting", "2025-0" + month + "-10").created("2025-0" + month + "-10").build());
    }
    assertThat(
            model(system("- {category: plan}"), honest).unit("u1", 2025).orElseThrow().redFlags())
        .isEmpty();
  }

  @Test
  void aCompleteSampleStyleUnitIsCompleteUnderTheShippedList() {
    RequiredLists lists = RequiredLists.load(Path.of("index-config"), TestFacts.CATALOG);
    CompletenessModel m =
        new CompletenessModel(
            lists, TestFacts.CATALOG::categoryName, RequiredListsTest.DECEMBER_2026);
    List<EvidenceFact> facts = new ArrayList<>(TestFacts.completeYear("u1", 2025));
    m.load(List.of(UNIT), facts);
    UnitCompleteness u = m.unit("u1", 2025).orElseThrow();
    assertThat(missing(u)).isEmpty();
    assertThat(u.score())
        .as("all but the indicators still to be graded by hand")
        .isEqualTo(u.maxScore() - u.ungradedPoints());
    assertThat(u.indicators())
        .filteredOn(i -> i.method().equals("材料审核"))
        .allMatch(i -> i.status() == IndicatorStatus.MET);
  }
}
