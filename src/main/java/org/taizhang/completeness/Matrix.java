package org.taizhang.completeness;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The units × indicators matrix of the dashboard and of the Excel export, built once from the
 * engine's results so that both show the same rows in the same order. Units judged by different
 * evaluation systems have different indicators, so the matrix has one block per system.
 */
public final class Matrix {
  /** An indicator column. */
  public record Column(String code, String name, String parentName) {}

  /** The units of one evaluation system and that system's indicators. */
  public static final class Block {
    private final String system;
    private final List<Column> columns;
    private final List<UnitCompleteness> rows;
    private final Map<String, Map<String, IndicatorResult>> cells = new HashMap<>();

    Block(String system, List<UnitCompleteness> rows) {
      this.system = system;
      this.rows = List.copyOf(rows);
      Map<String, Column> cols = new LinkedHashMap<>();
      for (UnitCompleteness u : rows) {
        Map<String, IndicatorResult> byCode = new HashMap<>();
        for (IndicatorResult r : u.indicators()) {
          cols.putIfAbsent(r.code(), new Column(r.code(), r.name(), r.parentName()));
          byCode.put(r.code(), r);
        }
        cells.put(u.unit(), byCode);
      }
      this.columns = List.copyOf(cols.values());
    }

    public String system() {
      return system;
    }

    public List<Column> columns() {
      return columns;
    }

    public List<UnitCompleteness> rows() {
      return rows;
    }

    /** The unit's result for the indicator, or null when its system has no such indicator. */
    public IndicatorResult cell(UnitCompleteness unit, String indicator) {
      Map<String, IndicatorResult> m = cells.get(unit.unit());
      return m == null ? null : m.get(indicator);
    }
  }

  /** How rows are ordered. */
  public enum Sort {
    SCORE_DESC("score-desc", "得分从高到低"),
    SCORE_ASC("score-asc", "得分从低到高"),
    NAME("name", "单位名称");

    private final String param;
    private final String label;

    Sort(String param, String label) {
      this.param = param;
      this.label = label;
    }

    public String param() {
      return param;
    }

    public String label() {
      return label;
    }

    /**
     * From the {@code sort} request parameter; anything unknown is the default, score from high to
     * low.
     */
    public static Sort of(String param) {
      for (Sort s : values()) {
        if (s.param.equals(param)) {
          return s;
        }
      }
      return SCORE_DESC;
    }
  }

  private final List<Block> blocks;

  private Matrix(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * The rows the caller asked for: units it sees, of the type (null: any) and inside the subtree
   * (null: anywhere), sorted, grouped by evaluation system (systems by name).
   */
  public static Matrix of(
      List<UnitCompleteness> all,
      Predicate<String> sees,
      String type,
      Set<String> subtree,
      Sort sort) {
    List<UnitCompleteness> rows = new ArrayList<>();
    for (UnitCompleteness u : all) {
      if (!sees.test(u.unit())) {
        continue;
      }
      if (type != null && !type.equals(u.unitType())) {
        continue;
      }
      if (subtree != null && !subtree.contains(u.unit())) {
        continue;
      }
      rows.add(u);
    }
    rows.sort(comparator(sort));
    Map<String, List<UnitCompleteness>> bySystem = new LinkedHashMap<>();
    rows.stream()
        .map(u -> u.system() == null ? "" : u.system())
        .distinct()
        .sorted()
        .forEach(s -> bySystem.put(s, new ArrayList<>()));
    rows.forEach(u -> bySystem.get(u.system() == null ? "" : u.system()).add(u));
    List<Block> blocks = new ArrayList<>();
    bySystem.forEach((system, units) -> blocks.add(new Block(system, units)));
    return new Matrix(blocks);
  }

  static Comparator<UnitCompleteness> comparator(Sort sort) {
    Collator chinese = Collator.getInstance(Locale.CHINA);
    Comparator<UnitCompleteness> byName =
        Comparator.comparing(UnitCompleteness::unitName, chinese)
            .thenComparing(UnitCompleteness::unit);
    // Best first: a vetoed unit comes after every unit without a veto, as it ranks.
    Comparator<UnitCompleteness> best =
        Comparator.comparing(UnitCompleteness::vetoed)
            .thenComparing(Comparator.comparingDouble(Matrix::share).reversed())
            .thenComparing(Comparator.comparingDouble(UnitCompleteness::score).reversed());
    return switch (sort) {
      case NAME -> byName;
      case SCORE_ASC -> best.reversed().thenComparing(UnitCompleteness::unit);
      case SCORE_DESC -> best.thenComparing(UnitCompleteness::unit);
    };
  }

  /** Score as a share of the maximum: units of different systems have different maxima. */
  static double share(UnitCompleteness u) {
    return u.maxScore() <= 0 ? 0 : u.score() / u.maxScore();
  }

  public List<Block> blocks() {
    return blocks;
  }

  /** Every row, block after block. */
  public List<UnitCompleteness> rows() {
    return blocks.stream().flatMap(b -> b.rows().stream()).toList();
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }
}
