package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taizhang.completeness.Charts;
import org.taizhang.completeness.EvaluationSystem;
import org.taizhang.completeness.EvaluationSystem.EvidenceKind;
import org.taizhang.completeness.EvaluationSystem.EvidenceRule;
import org.taizhang.completeness.EvaluationSystem.EvidenceWindow;
import org.taizhang.completeness.EvaluationSystem.GradingRule;
import org.taizhang.completeness.EvaluationSystem.Indicator;
import org.taizhang.completeness.EvaluationSystem.Period;
import org.taizhang.completeness.Grade;

/**
 * The dashboard's charts: met share by unit type, and the share of periodic requirements met by
 * each month's end.
 */
class ChartsTest {
  private static EvaluationSystem system(String name, String type) {
    Indicator meeting =
        new Indicator(
            "Ⅰ-3-1",
            Fixtures.MEETING,
            8,
            "材料审核",
            List.of(
                new EvidenceRule(
                    "meeting",
                    "会议记录",
                    1,
                    Period.QUARTER,
                    EvidenceWindow.THIS_YEAR,
                    EvidenceKind.ANY,
                    List.of())),
            GradingRule.DEFAULT,
            List.of());
    Indicator summary =
        new Indicator(
            "Ⅲ-1-2",
            Fixtures.SUMMARY,
            4,
            "材料审核",
            List.of(
                new EvidenceRule(
                    "annual-summary",
                    "年终总结",
                    1,
                    Period.YEAR,
                    EvidenceWindow.THIS_YEAR,
                    EvidenceKind.ANY,
                    List.of())),
            GradingRule.DEFAULT,
            List.of());
    Indicator group =
        new Indicator(
            "Ⅰ-1-1",
            Fixtures.GROUP,
            4,
            "材料审核",
            List.of(
                new EvidenceRule(
                    "leading-group",
                    "领导小组文件",
                    1,
                    Period.YEAR,
                    EvidenceWindow.THIS_YEAR,
                    EvidenceKind.FORMAL,
                    List.of())),
            GradingRule.DEFAULT,
            List.of());
    Indicator post = new Indicator("Ⅱ-1-2", Fixtures.POST, 4, "实地考察", List.of(), null, List.of());
    return new EvaluationSystem(
        name,
        name + ".yaml",
        2025,
        Map.of(),
        List.of(type),
        Map.of(Grade.A, 100.0),
        List.of(),
        List.of(),
        List.of(
            new Indicator(
                "Ⅰ", "组织领导", 20, null, List.of(), null, List.of(group, meeting, post, summary))));
  }

  @Test
  void monthsCountEveryPeriodDueByTheirEndAndLeaveTheFutureEmpty() {
    List<EvaluationSystem> systems = List.of(system("文明单位（文明行业）测评体系", "文明单位"));
    Charts.Data d = Charts.of(List.of(Fixtures.unit()), systems, 2025, LocalDate.of(2025, 10, 15));
    assertThat(d.types()).containsExactly("文明单位");
    // Of three 材料审核 indicators one is 达标 (the field-inspection one does not count).
    assertThat(d.typeShares()).containsExactly(33.3);
    assertThat(d.typeMet()).containsExactly(1);
    assertThat(d.typeReviewed()).containsExactly(3);
    assertThat(d.monthSeries()).hasSize(1);
    // March: Q1 due and met; June: Q1+Q2; September: Q3 missing (2 of 3); October: nothing new;
    // later months not yet.
    assertThat(d.monthSeries().get(0).values())
        .containsExactly(
            null, null, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 66.7, 66.7, null, null);
    assertThat(d.monthTitle()).contains("2025");
    assertThat(d.monthSubtitle()).contains("尚未到期");
  }

  @Test
  void aPastYearShowsAllTwelveMonthsAndTheYearEndItems() {
    List<EvaluationSystem> systems =
        List.of(system("文明单位（文明行业）测评体系", "文明单位"), system("文明村镇测评体系", "文明村镇"));
    Charts.Data d =
        Charts.of(
            List.of(Fixtures.unit(), Fixtures.village()), systems, 2025, LocalDate.of(2026, 1, 5));
    assertThat(d.monthSeries())
        .extracting(Charts.Series::name)
        .containsExactly("全部", "文明单位", "文明村镇");
    List<Double> unit = d.monthSeries().get(1).values();
    // December: 4 quarters + summary + leading group = 6 due; Q3 and the summary missing.
    assertThat(unit.get(11)).isEqualTo(66.7);
    // The village misses one year-end item of its 6 (its system here is the same shape).
    assertThat(d.monthSeries().get(2).values().get(11)).isEqualTo(83.3);
    assertThat(d.monthSeries().get(0).values().get(11)).isEqualTo(75.0);
    assertThat(d.typeShares()).isEqualTo(Arrays.asList(33.3, 50.0));
  }

  @Test
  void aFutureYearHasNoMonthsYet() {
    Charts.Data d =
        Charts.of(
            List.of(Fixtures.unit()),
            List.of(system("文明单位（文明行业）测评体系", "文明单位")),
            2025,
            LocalDate.of(2024, 6, 1));
    assertThat(d.monthSeries().get(0).values()).containsOnlyNulls();
  }
}
