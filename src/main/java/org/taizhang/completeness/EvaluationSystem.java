package org.taizhang.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluation system (测评体系), as kept in versions and seeded from a file of {@code
 * index-config/required-lists/}: the unit types it applies to and the year it applies from (it
 * stays in force, type by type, until a newer system for the type replaces it), how grades convert
 * to points, the veto items and the indicator tree with the evidence every 材料审核 leaf needs.
 *
 * @param file the system's name among the lists: its file name, such as {@code 文明单位.yaml}
 * @param replacedFrom for each of its unit types that a newer system takes over, the year that one
 *     applies from; filled in when the systems in force are put together, empty for a lone system
 */
public record EvaluationSystem(
    String name,
    String file,
    int fromYear,
    Map<String, Integer> replacedFrom,
    List<String> unitTypes,
    Map<Grade, Double> gradePercent,
    List<VetoItem> vetoes,
    List<String> duplicateCheck,
    List<Indicator> indicators) {

  public EvaluationSystem {
    replacedFrom = Map.copyOf(replacedFrom);
    unitTypes = List.copyOf(unitTypes);
    gradePercent = Map.copyOf(gradePercent);
    vetoes = List.copyOf(vetoes);
    duplicateCheck = List.copyOf(duplicateCheck);
    indicators = List.copyOf(indicators);
  }

  /**
   * The test method the 材料审核 rules apply to; the others are graded in the field, not from the
   * archive.
   */
  public static final String DOCUMENT_REVIEW = "材料审核";

  /**
   * Whether this system judges units of the type in the year: from its first year until a newer one
   * replaces it.
   */
  public boolean covers(String unitType, int year) {
    return unitTypes.contains(unitType)
        && year >= fromYear
        && year < replacedFrom.getOrDefault(unitType, Integer.MAX_VALUE);
  }

  /**
   * The last year it is in force for any of its types, or empty while it is in force for one of
   * them.
   */
  public Optional<Integer> lastYear() {
    if (unitTypes.stream().anyMatch(t -> !replacedFrom.containsKey(t))) {
      return Optional.empty();
    }
    return replacedFrom.values().stream().max(Integer::compare).map(y -> y - 1);
  }

  /** The same system with the years newer systems took over from it. */
  EvaluationSystem withReplacedFrom(Map<String, Integer> years) {
    return new EvaluationSystem(
        name, file, fromYear, years, unitTypes, gradePercent, vetoes, duplicateCheck, indicators);
  }

  /** Leaves in tree order, each with the name of its parent. */
  public List<Leaf> leaves() {
    List<Leaf> out = new ArrayList<>();
    collect(indicators, "", out);
    return out;
  }

  private static void collect(List<Indicator> nodes, String parentName, List<Leaf> out) {
    for (Indicator i : nodes) {
      if (i.leaf()) {
        out.add(new Leaf(i, parentName));
      } else {
        collect(i.children(), i.name(), out);
      }
    }
  }

  public double percent(Grade g) {
    Double p = gradePercent.get(g);
    return p == null ? 0 : p;
  }

  public Optional<VetoItem> veto(String code) {
    return vetoes.stream().filter(v -> v.code().equals(code)).findFirst();
  }

  /** A leaf indicator together with the name of the indicator above it. */
  public record Leaf(Indicator indicator, String parentName) {}

  /** 一票否决 item. */
  public record VetoItem(String code, String name) {}

  /**
   * A node of the indicator tree. Inner nodes have children; leaves have points, a 测评方法 and, for
   * 材料审核, evidence rules and a grading rule.
   */
  public record Indicator(
      String code,
      String name,
      double points,
      String method,
      List<EvidenceRule> evidence,
      GradingRule grading,
      List<Indicator> children) {

    public Indicator {
      evidence = List.copyOf(evidence);
      children = List.copyOf(children);
    }

    public boolean leaf() {
      return children.isEmpty();
    }

    public boolean documentReview() {
      return DOCUMENT_REVIEW.equals(method);
    }
  }

  /**
   * What one category of material must show: at least {@code min} acceptable documents in every
   * period of the evidence window, each of the accepted kind and with the required content filled
   * in.
   */
  public record EvidenceRule(
      String category,
      String categoryName,
      int min,
      Period period,
      EvidenceWindow window,
      EvidenceKind kind,
      List<String> content) {

    public EvidenceRule {
      content = List.copyOf(content);
    }
  }

  /** The largest number of missing sub-items that still earns A, B and C; more earns D. */
  public record GradingRule(int maxMissingForA, int maxMissingForB, int maxMissingForC) {
    public static final GradingRule DEFAULT = new GradingRule(0, 1, 2);

    public Grade grade(int missing) {
      if (missing <= maxMissingForA) {
        return Grade.A;
      }
      if (missing <= maxMissingForB) {
        return Grade.B;
      }
      return missing <= maxMissingForC ? Grade.C : Grade.D;
    }
  }

  /** How the evidence window is divided: each part needs its own evidence. */
  public enum Period {
    YEAR("year", "每年"),
    HALF_YEAR("half-year", "每半年"),
    QUARTER("quarter", "每季度"),
    MONTH("month", "每月");

    private final String code;
    private final String label;

    Period(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }
  }

  /** Which archive years count. */
  public enum EvidenceWindow {
    /** The year being evaluated. */
    THIS_YEAR("this-year", "本年度"),
    /** The year being evaluated and the two before it. */
    THREE_YEARS("three-years", "近三年"),
    /** Not time-limited: any year up to the one being evaluated (制度). */
    STANDING("standing", "长期有效");

    private final String code;
    private final String label;

    EvidenceWindow(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }
  }

  /** Which documents are accepted at all. */
  public enum EvidenceKind {
    ANY("any", "不限"),
    /** A photo rule: only images count. */
    IMAGE("image", "图片"),
    /** A formal document (正式文件): its text shows a 文号 such as 青教发〔2025〕3号. */
    FORMAL("formal", "正式文件");

    private final String code;
    private final String label;

    EvidenceKind(String code, String label) {
      this.code = code;
      this.label = label;
    }

    public String code() {
      return code;
    }

    public String label() {
      return label;
    }
  }
}
