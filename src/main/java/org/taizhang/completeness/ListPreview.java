package org.taizhang.completeness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * What putting other evaluation systems in force would change, unit by unit and year by year: score
 * (and maximum) before → after and every indicator whose grade or status changes. A unit whose own
 * verdict stays is not listed even if its rank moves with the others.
 *
 * <p>Only the units of the unit types the change concerns are listed. A change can also make a year
 * judged or not judged at all (a system prepared for next year, or its removal): every unit of
 * every type then gains or loses that year under the systems that already apply to it, which is not
 * the edited system's doing; that is said once, in {@link #coverage}, rather than unit by unit.
 *
 * @param years the years compared, newest first
 * @param unitTypes the unit types whose units are compared and listed
 * @param unitsCompared judged (unit, year) pairs of those types before and after, counted once
 * @param reread whether the documents were read again for required content the facts did not hold
 * @param yearsStarting years judged after the change and not before, oldest first
 * @param yearsEnding years judged before the change and not after, oldest first
 * @param coverage the change of judged years in a sentence (“保存后 2027 年度将开始评价……”), or null
 */
record ListPreview(
    List<Integer> years,
    List<String> unitTypes,
    int unitsCompared,
    List<UnitChange> changes,
    boolean reread,
    List<Integer> yearsStarting,
    List<Integer> yearsEnding,
    String coverage) {
  public ListPreview {
    years = List.copyOf(years);
    unitTypes = List.copyOf(unitTypes);
    changes = List.copyOf(changes);
    yearsStarting = List.copyOf(yearsStarting);
    yearsEnding = List.copyOf(yearsEnding);
  }

  /**
   * One unit in one year whose verdict would change.
   *
   * @param system the system judging it before (null: none) and after (null: none)
   */
  public record UnitChange(
      String unit,
      String unitName,
      String unitType,
      int year,
      String systemBefore,
      String systemAfter,
      Double scoreBefore,
      Double maxBefore,
      Double scoreAfter,
      Double maxAfter,
      String rankBefore,
      String rankAfter,
      List<IndicatorChange> indicators) {
    public UnitChange {
      indicators = List.copyOf(indicators);
    }

    /** “40 / 48 → 36 / 48”; “不适用” where no system judges the unit. */
    public String scoreChange() {
      return score(scoreBefore, maxBefore) + " → " + score(scoreAfter, maxAfter);
    }

    private static String score(Double score, Double max) {
      return score == null
          ? "不适用"
          : SystemChanges.points(score) + " / " + SystemChanges.points(max);
    }
  }

  /**
   * An indicator whose grade or status changes; a null grade means the indicator is not in that
   * system (or not graded).
   */
  public record IndicatorChange(
      String code,
      String name,
      String gradeBefore,
      String gradeAfter,
      String statusBefore,
      String statusAfter) {}

  /**
   * @param unitTypes the types whose units are compared
   * @param yearsBefore the years judged before the change
   * @param yearsAfter the years judged after it
   * @param when how the coverage sentence starts: “保存后”, “回滚后”, “删除后”
   */
  static ListPreview compare(
      Collection<Integer> yearsBefore,
      Collection<Integer> yearsAfter,
      Collection<String> unitTypes,
      IntFunction<List<UnitCompleteness>> before,
      IntFunction<List<UnitCompleteness>> after,
      boolean reread,
      String when) {
    TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
    years.addAll(yearsBefore);
    years.addAll(yearsAfter);
    Set<String> types = Set.copyOf(unitTypes);
    List<UnitChange> changes = new ArrayList<>();
    int compared = 0;
    for (int year : years) {
      Map<String, UnitCompleteness> b = byUnit(before.apply(year), types);
      Map<String, UnitCompleteness> a = byUnit(after.apply(year), types);
      Set<String> codes = new LinkedHashSet<>(b.keySet());
      codes.addAll(a.keySet());
      compared += codes.size();
      for (String code : codes) {
        UnitChange c = change(b.get(code), a.get(code), year);
        if (c != null) {
          changes.add(c);
        }
      }
    }
    changes.sort(
        Comparator.comparing((UnitChange c) -> -c.year())
            .thenComparing(UnitChange::unitType)
            .thenComparing(UnitChange::unit));
    List<Integer> starting =
        yearsAfter.stream().filter(y -> !yearsBefore.contains(y)).sorted().toList();
    List<Integer> ending =
        yearsBefore.stream().filter(y -> !yearsAfter.contains(y)).sorted().toList();
    return new ListPreview(
        List.copyOf(years),
        List.copyOf(unitTypes),
        compared,
        changes,
        reread,
        starting,
        ending,
        coverage(when, starting, ending));
  }

  /**
   * The change of judged years, plainly: it concerns every unit type, not only the edited system's.
   */
  private static String coverage(String when, List<Integer> starting, List<Integer> ending) {
    List<String> out = new ArrayList<>();
    if (!starting.isEmpty()) {
      out.add(when + " " + years(starting) + " 年度将开始评价（其他测评体系按现行版本继续适用）");
    }
    if (!ending.isEmpty()) {
      out.add(when + " " + years(ending) + " 年度将不再评价（该年度尚未到来，也没有测评体系从该年度起适用）");
    }
    return out.isEmpty() ? null : String.join("；", out);
  }

  private static String years(List<Integer> years) {
    return years.size() > 2 && years.get(years.size() - 1) - years.get(0) == years.size() - 1
        ? years.get(0) + "–" + years.get(years.size() - 1)
        : String.join("、", years.stream().map(String::valueOf).toList());
  }

  private static Map<String, UnitCompleteness> byUnit(
      List<UnitCompleteness> list, Set<String> types) {
    Map<String, UnitCompleteness> out = new LinkedHashMap<>();
    list.stream().filter(u -> types.contains(u.unitType())).forEach(u -> out.put(u.unit(), u));
    return out;
  }

  private static UnitChange change(UnitCompleteness b, UnitCompleteness a, int year) {
    List<IndicatorChange> indicators = new ArrayList<>();
    Map<String, IndicatorResult> before = b == null ? Map.of() : byCode(b.indicators());
    Map<String, IndicatorResult> after = a == null ? Map.of() : byCode(a.indicators());
    Set<String> codes = new LinkedHashSet<>(after.keySet());
    codes.addAll(before.keySet());
    for (String code : codes) {
      IndicatorResult x = before.get(code);
      IndicatorResult y = after.get(code);
      String gx = grade(x);
      String gy = grade(y);
      String sx = x == null ? null : x.status().label();
      String sy = y == null ? null : y.status().label();
      if (!Objects.equals(gx, gy) || !Objects.equals(sx, sy)) {
        indicators.add(new IndicatorChange(code, (y != null ? y : x).name(), gx, gy, sx, sy));
      }
    }
    boolean same =
        b != null
            && a != null
            && b.score() == a.score()
            && b.maxScore() == a.maxScore()
            && b.system().equals(a.system())
            && indicators.isEmpty();
    if (same || (b == null && a == null)) {
      return null;
    }
    UnitCompleteness any = a != null ? a : b;
    return new UnitChange(
        any.unit(),
        any.unitName(),
        any.unitType(),
        year,
        b == null ? null : b.system(),
        a == null ? null : a.system(),
        b == null ? null : b.score(),
        b == null ? null : b.maxScore(),
        a == null ? null : a.score(),
        a == null ? null : a.maxScore(),
        b == null ? null : b.rank() + "/" + b.rankOf(),
        a == null ? null : a.rank() + "/" + a.rankOf(),
        indicators);
  }

  private static String grade(IndicatorResult r) {
    return r == null || r.grade() == null ? null : r.grade().name();
  }

  private static Map<String, IndicatorResult> byCode(List<IndicatorResult> list) {
    Map<String, IndicatorResult> out = new LinkedHashMap<>();
    list.forEach(r -> out.put(r.code(), r));
    return out;
  }
}
