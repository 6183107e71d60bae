package org.taizhang.completeness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taizhang.completeness.EvaluationSystem.EvidenceRule;
import org.taizhang.completeness.EvaluationSystem.EvidenceWindow;

/**
 * The dashboard's two charts, computed from the engine's results and the evaluation systems' rules.
 *
 * <p>By type: of all 材料审核 indicators of a type's units, the share that is 达标.
 *
 * <p>By month: every evidence rule asks for material per period (each month, quarter, half-year or
 * the whole year; multi-year and standing rules count as due at the end of the year). A period's
 * requirement is met unless the engine reports a missing item for it, and the engine reports one
 * per rule and period, its key ending in the period. The chart shows, at the end of each month, the
 * share of requirements due so far that are met. Months still to come are left empty.
 */
public final class Charts {
  private Charts() {}

  /** One line of the month chart. */
  public record Series(String name, List<Double> values) {}

  /** What completeness.js draws; serialised to JSON into a data attribute. */
  public record Data(
      String typeTitle,
      String typeSubtitle,
      List<String> types,
      List<Double> typeShares,
      List<Integer> typeMet,
      List<Integer> typeReviewed,
      String monthTitle,
      String monthSubtitle,
      List<String> months,
      List<Series> monthSeries) {}

  public static Data of(
      List<UnitCompleteness> rows, List<EvaluationSystem> systems, int year, LocalDate today) {
    Map<String, int[]> byType = new LinkedHashMap<>();
    for (UnitCompleteness u : rows) {
      int[] n = byType.computeIfAbsent(type(u), t -> new int[2]);
      for (IndicatorResult r : u.indicators()) {
        if (r.documentReview()) {
          n[1]++;
          if (r.status() == IndicatorStatus.MET) {
            n[0]++;
          }
        }
      }
    }
    List<String> types = new ArrayList<>(byType.keySet());
    List<Double> shares = new ArrayList<>();
    List<Integer> met = new ArrayList<>();
    List<Integer> reviewed = new ArrayList<>();
    for (String t : types) {
      int[] n = byType.get(t);
      met.add(n[0]);
      reviewed.add(n[1]);
      shares.add(n[1] == 0 ? null : percent(n[0], n[1]));
    }

    int lastMonth =
        year < today.getYear() ? 12 : year == today.getYear() ? today.getMonthValue() : 0;
    Map<String, int[][]> dueByType = new LinkedHashMap<>();
    int[][] all = new int[2][13];
    for (UnitCompleteness u : rows) {
      Optional<EvaluationSystem> system = system(u, systems, year);
      if (system.isEmpty()) {
        continue;
      }
      int[][] counts = dueByType.computeIfAbsent(type(u), t -> new int[2][13]);
      for (EvaluationSystem.Leaf leaf : system.get().leaves()) {
        if (!leaf.indicator().documentReview()) {
          continue;
        }
        for (EvidenceRule rule : leaf.indicator().evidence()) {
          for (int m : dueMonths(rule)) {
            counts[0][m]++;
            all[0][m]++;
          }
        }
      }
      for (IndicatorResult r : u.indicators()) {
        for (MissingItem m : r.missing()) {
          int month =
              ItemPeriod.ofKey(m.key())
                  .filter(p -> p.year() == year)
                  .map(ItemPeriod::lastMonth)
                  .orElse(12);
          counts[1][month]++;
          all[1][month]++;
        }
      }
    }
    List<String> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      months.add(m + "月");
    }
    List<Series> series = new ArrayList<>();
    if (dueByType.size() > 1) {
      series.add(new Series("全部", cumulative(all, lastMonth)));
    }
    dueByType.forEach((t, counts) -> series.add(new Series(t, cumulative(counts, lastMonth))));
    return new Data(
        "各类型单位材料审核指标达标率",
        "达标的材料审核指标 ÷ 材料审核指标（" + year + "年度）",
        types,
        shares,
        met,
        reviewed,
        year + "年逐月分期材料完成率",
        "截至各月末应交的分期材料（每月、每季度、每半年、全年各按期计）中已达标的比例"
            + (lastMonth < 12 && lastMonth > 0 ? "；以后月份尚未到期" : ""),
        months,
        series);
  }

  private static List<Double> cumulative(int[][] counts, int lastMonth) {
    List<Double> out = new ArrayList<>();
    int due = 0;
    int missing = 0;
    for (int m = 1; m <= 12; m++) {
      due += counts[0][m];
      missing += counts[1][m];
      out.add(m > lastMonth || due == 0 ? null : percent(Math.max(0, due - missing), due));
    }
    return out;
  }

  /** The months (1–12) at whose end a rule's periods fall due. */
  static List<Integer> dueMonths(EvidenceRule rule) {
    if (rule.window() != EvidenceWindow.THIS_YEAR) {
      return List.of(12);
    }
    return switch (rule.period()) {
      case YEAR -> List.of(12);
      case HALF_YEAR -> List.of(6, 12);
      case QUARTER -> List.of(3, 6, 9, 12);
      case MONTH -> List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    };
  }

  static Optional<EvaluationSystem> system(
      UnitCompleteness u, List<EvaluationSystem> systems, int year) {
    return systems.stream().filter(s -> s.covers(u.unitType(), year)).findFirst();
  }

  private static String type(UnitCompleteness u) {
    return u.unitType() == null ? "未分类型" : u.unitType();
  }

  private static double percent(int part, int whole) {
    return Math.round(1000.0 * part / whole) / 10.0;
  }
}
