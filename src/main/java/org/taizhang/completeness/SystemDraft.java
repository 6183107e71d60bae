package org.taizhang.completeness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taizhang.completeness.EvaluationSystem.EvidenceRule;
import org.taizhang.completeness.EvaluationSystem.Indicator;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * An evaluation system as the editor and the Excel import hold it: plain values, none checked yet.
 * It is checked by writing it in the file format ({@link #yaml}) and reading that with {@link
 * RequiredListParser}, so that a file, an edit and an import obey the same rules. Categories are
 * codes (the editor shows their names); periods, windows and kinds their Chinese labels (每季度, 近三年,
 * 正式文件).
 */
public record SystemDraft(
    String name,
    String from,
    List<String> unitTypes,
    Map<String, String> gradePoints,
    List<Veto> vetoes,
    List<String> duplicateCheck,
    List<Node> indicators) {

  public SystemDraft {
    unitTypes = unitTypes == null ? List.of() : List.copyOf(unitTypes);
    gradePoints = gradePoints == null ? Map.of() : new LinkedHashMap<>(gradePoints);
    vetoes = vetoes == null ? List.of() : List.copyOf(vetoes);
    duplicateCheck = duplicateCheck == null ? List.of() : List.copyOf(duplicateCheck);
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
  }

  public record Veto(String code, String name) {}

  /** An indicator: with children an inner node (code and name only), else a leaf. */
  public record Node(
      String code,
      String name,
      String points,
      String method,
      List<Rule> evidence,
      Grading grading,
      List<Node> children) {
    public Node {
      evidence = evidence == null ? List.of() : List.copyOf(evidence);
      children = children == null ? List.of() : List.copyOf(children);
    }
  }

  public record Rule(
      String category,
      String min,
      String period,
      String window,
      String kind,
      List<String> content) {
    public Rule {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  /** The largest number of missing items that still earns A, B and C. */
  public record Grading(String a, String b, String c) {}

  /** The draft of a parsed system: writing it out again gives the same system. */
  static SystemDraft of(EvaluationSystem s) {
    Map<String, String> points = new LinkedHashMap<>();
    for (Grade g : Grade.values()) {
      points.put(g.name(), SystemChanges.points(s.percent(g)));
    }
    return new SystemDraft(
        s.name(),
        String.valueOf(s.fromYear()),
        s.unitTypes(),
        points,
        s.vetoes().stream().map(v -> new Veto(v.code(), v.name())).toList(),
        s.duplicateCheck(),
        s.indicators().stream().map(SystemDraft::node).toList());
  }

  private static Node node(Indicator i) {
    if (!i.leaf()) {
      return new Node(
          i.code(),
          i.name(),
          null,
          null,
          List.of(),
          null,
          i.children().stream().map(SystemDraft::node).toList());
    }
    Grading g =
        i.grading() == null
            ? null
            : new Grading(
                String.valueOf(i.grading().maxMissingForA()),
                String.valueOf(i.grading().maxMissingForB()),
                String.valueOf(i.grading().maxMissingForC()));
    return new Node(
        i.code(),
        i.name(),
        SystemChanges.points(i.points()),
        i.method(),
        i.evidence().stream().map(SystemDraft::rule).toList(),
        g,
        List.of());
  }

  private static Rule rule(EvidenceRule r) {
    return new Rule(
        r.category(),
        String.valueOf(r.min()),
        r.period().label(),
        r.window().label(),
        r.kind().label(),
        r.content());
  }

  /**
   * The draft in the file format of {@code required-lists/}: what is missing stays missing, so that
   * the parser names it (“指标 Ⅰ-2-1：请填写分值”), and defaults are written out, so that the file says
   * everything the editor showed.
   */
  String yaml(String source) {
    Map<String, Object> top = new LinkedHashMap<>();
    put(top, "name", name);
    put(top, "from", number(from));
    top.put("unit-types", new ArrayList<>(unitTypes));
    if (!gradePoints.isEmpty()) {
      Map<String, Object> gp = new LinkedHashMap<>();
      gradePoints.forEach((g, p) -> put(gp, g, number(p)));
      top.put("grade-points", gp);
    }
    if (!vetoes.isEmpty()) {
      List<Object> v = new ArrayList<>();
      for (Veto x : vetoes) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "code", x.code());
        put(m, "name", x.name());
        v.add(m);
      }
      top.put("vetoes", v);
    }
    if (!duplicateCheck.isEmpty()) {
      top.put("duplicate-check", new ArrayList<>(duplicateCheck));
    }
    top.put("indicators", indicators.stream().map(SystemDraft::yaml).toList());
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
    options.setAllowUnicode(true);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(200);
    options.setSplitLines(false);
    String header =
        "# "
            + (name == null || name.isBlank() ? "测评体系" : name.strip())
            + "\n"
            + "# "
            + source
            + "。格式说明见 index-config/required-lists/文明单位.yaml 的开头；修改后在网页“测评体系”中导入或直接编辑。\n\n";
    return header + new Yaml(options).dump(top);
  }

  private static Map<String, Object> yaml(Node n) {
    Map<String, Object> m = new LinkedHashMap<>();
    put(m, "code", n.code());
    put(m, "name", n.name());
    if (!n.children().isEmpty()) {
      m.put("children", n.children().stream().map(SystemDraft::yaml).toList());
      return m;
    }
    put(m, "points", number(n.points()));
    put(m, "method", n.method());
    if (!n.evidence().isEmpty()) {
      List<Object> rules = new ArrayList<>();
      for (Rule r : n.evidence()) {
        Map<String, Object> rm = new LinkedHashMap<>();
        put(rm, "category", r.category());
        put(rm, "min", number(r.min()));
        put(rm, "period", r.period());
        put(rm, "window", r.window());
        put(rm, "kind", r.kind());
        if (!r.content().isEmpty()) {
          rm.put("content", new ArrayList<>(r.content()));
        }
        rules.add(rm);
      }
      m.put("evidence", rules);
    }
    if (n.grading() != null) {
      Map<String, Object> g = new LinkedHashMap<>();
      put(g, "A", number(n.grading().a()));
      put(g, "B", number(n.grading().b()));
      put(g, "C", number(n.grading().c()));
      m.put("grading", g);
    }
    return m;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value instanceof String s) {
      if (!s.isBlank()) {
        m.put(key, s.strip());
      }
    } else if (value != null) {
      m.put(key, value);
    }
  }

  /**
   * A value typed as a number written as a YAML number (4, not '4'), so that the file reads as
   * people write it; anything else is written as the text it is, for the parser to refuse with its
   * place.
   */
  private static Object number(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String v = s.strip();
    if (v.matches("-?\\d{1,9}")) {
      return Long.valueOf(v);
    }
    if (v.matches("-?\\d{1,9}\\.\\d{1,6}")) {
      double d = Double.parseDouble(v);
      return d == Math.rint(d) ? (Object) Long.valueOf((long) d) : (Object) d;
    }
    return v;
  }
}
