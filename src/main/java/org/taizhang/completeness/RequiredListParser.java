package org.taizhang.completeness;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.completeness.EvaluationSystem.EvidenceKind;
import org.taizhang.completeness.EvaluationSystem.EvidenceRule;
import org.taizhang.completeness.EvaluationSystem.EvidenceWindow;
import org.taizhang.completeness.EvaluationSystem.GradingRule;
import org.taizhang.completeness.EvaluationSystem.Indicator;
import org.taizhang.completeness.EvaluationSystem.Period;
import org.taizhang.completeness.EvaluationSystem.VetoItem;
import org.taizhang.config.ChinesePunctuation;
import org.taizhang.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one evaluation system in the text format of {@code required-lists/*.yaml}: from a file,
 * from a stored version, or from an edit in the browser, which is written in the same format first,
 * so that this class alone decides what is valid. It works on SnakeYAML's node tree rather than on
 * Java objects so that every problem can name its line, and it names the place in words too (“指标
 * Ⅱ-3 的材料要求第 2 条”), which is all a person editing in the browser sees. Chinese punctuation in
 * YAML's own positions is accepted ({@link ChinesePunctuation}); a category may be given by code or
 * by its Chinese name.
 *
 * <p>The same problem is told in the words of where it was made ({@link Wording}): a file's keys
 * and lines for a file, the form's labels and places for an edit in the browser or an Excel import,
 * which the person never saw as a file.
 */
final class RequiredListParser {
  static final List<String> METHODS = List.of("材料审核", "实地考察", "问卷调查", "征求意见");
  private static final Set<String> TOP_KEYS =
      Set.of(
          "name",
          "from",
          "years",
          "unit-types",
          "grade-points",
          "vetoes",
          "duplicate-check",
          "indicators");
  private static final Set<String> NODE_KEYS = Set.of("code", "name", "children");
  private static final Set<String> LEAF_KEYS =
      Set.of("code", "name", "points", "method", "evidence", "grading");
  private static final Set<String> RULE_KEYS =
      Set.of("category", "min", "period", "window", "kind", "content");
  private static final int MAX_DEPTH = 4;

  /** Whose words a problem is told in. */
  enum Wording {
    /**
     * A file in index-config/ or a stored version: its keys, and the line of the earlier use of a
     * duplicate.
     */
    FILE,
    /**
     * The editor's form (or an Excel sheet read into it): the form's labels, and the place of the
     * earlier use.
     */
    FORM
  }

  /** A key of the file format with what it is called in a file's messages and on the form. */
  private record Field(String key, String inFile, String inForm) {}

  private static final Field SYSTEM_NAME = new Field("name", "name", "测评体系名称");
  private static final Field FROM = new Field("from", "起始年度（from）", "起始年度");
  private static final Field UNIT_TYPES = new Field("unit-types", "unit-types", "适用单位类型");
  private static final Field UNIT_TYPE = new Field(null, "单位类型", "单位类型");
  private static final Field GRADE_POINTS = new Field("grade-points", "grade-points", "等级折算");
  private static final Field DUPLICATE_CHECK =
      new Field("duplicate-check", "duplicate-check", "重复比对类别");
  private static final Field INDICATORS = new Field("indicators", "indicators", "指标");
  private static final Field VETOES = new Field("vetoes", "vetoes", "一票否决项");
  private static final Field VETO_CODE = new Field("code", "code", "一票否决项代码");
  private static final Field VETO_NAME = new Field("name", "name", "一票否决项名称");
  private static final Field CODE = new Field("code", "code", "指标编号");
  private static final Field NAME = new Field("name", "name", "指标名称");
  private static final Field CHILDREN = new Field("children", "children", "下级指标");
  private static final Field POINTS = new Field("points", "分值（points）", "分值");
  private static final Field METHOD = new Field("method", "测评方法（method）", "测评方法");
  private static final Field EVIDENCE = new Field("evidence", "evidence", "材料要求");
  private static final Field GRADING = new Field("grading", "grading", "评分");
  private static final Field CATEGORY = new Field("category", "类别（category）", "材料类别");
  private static final Field MIN = new Field("min", "最少份数（min）", "最少份数");
  private static final Field PERIOD = new Field("period", "period", "时段");
  private static final Field WINDOW = new Field("window", "window", "证据时限");
  private static final Field KIND = new Field("kind", "kind", "材料形式");
  private static final Field CONTENT = new Field("content", "content", "必备内容");
  private static final Field CONTENT_ITEM = new Field(null, "必备内容", "必备内容");

  private final Path file;
  private final Catalog catalog;
  private final Wording wording;

  /**
   * "单位类型/起始年度" already claimed by systems read before this one, so that no unit is judged twice.
   */
  private final Map<String, String> coveredBy;

  /** Where each indicator code was first used: its line and its place in words. */
  private final Map<String, Use> codes = new LinkedHashMap<>();

  /**
   * The key node of every value node read through {@link #keys}, to point at "evidence:" rather
   * than its first item.
   */
  private final Map<Node, ScalarNode> keyOf = new IdentityHashMap<>();

  /** Where in the system the node being read is, in words; null at the top. */
  private String place;

  /**
   * The first use of a code or category: its line (for a file) and its place in words (for the
   * form).
   */
  private record Use(int line, String place) {}

  private RequiredListParser(
      Path file, Catalog catalog, Map<String, String> coveredBy, Wording wording) {
    this.file = file;
    this.catalog = catalog;
    this.coveredBy = coveredBy;
    this.wording = wording;
  }

  /**
   * Parses and checks a system. {@code coveredBy} maps "单位类型/起始年度" to the system that already
   * starts then for the type; this system's own pairs are added when it is valid.
   */
  static EvaluationSystem parse(
      Path file, String content, Catalog catalog, Map<String, String> coveredBy) {
    return parse(file, content, catalog, coveredBy, Wording.FILE);
  }

  /**
   * As {@link #parse(Path, String, Catalog, Map)}, its problems told in {@code wording}'s words.
   */
  static EvaluationSystem parse(
      Path file, String content, Catalog catalog, Map<String, String> coveredBy, Wording wording) {
    return new RequiredListParser(file, catalog, coveredBy, wording).parse(content);
  }

  private EvaluationSystem parse(String content) {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      root = new Yaml(options).compose(new StringReader(ChinesePunctuation.yaml(content)));
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new ConfigException(
          file, mark == null ? 0 : mark.getLine() + 1, "YAML 格式有误：" + e.getProblem());
    } catch (YAMLException e) {
      throw new ConfigException(file, 0, "YAML 格式有误：" + e.getMessage());
    }
    if (root == null) {
      throw new ConfigException(file, 0, "文件是空的");
    }
    MappingNode m = mapping(root, "文件顶层");
    Map<String, Node> top = keys(m, TOP_KEYS);

    place = form() ? "测评体系名称" : "名称";
    String name = text(require(top, SYSTEM_NAME, m), SYSTEM_NAME);
    int from = fromYear(top, m);
    place = "适用单位类型";
    List<String> unitTypes = new ArrayList<>();
    for (Node n : sequence(require(top, UNIT_TYPES, m), UNIT_TYPES, "请至少选择一个适用单位类型")) {
      String t = text(n, UNIT_TYPE);
      if (!catalog.unitTypes().contains(t)) {
        throw error(
            n,
            "单位类型“"
                + t
                + "”不在"
                + (form() ? "可选的单位类型" : " unit-types.txt ")
                + "中（可用："
                + String.join("、", catalog.unitTypes())
                + "）");
      }
      if (unitTypes.contains(t)) {
        throw error(n, "单位类型“" + t + "”重复");
      }
      String other = coveredBy.get(t + "/" + from);
      if (other != null) {
        throw error(
            n,
            "“"
                + t
                + "”自 "
                + from
                + " 年度起已由 "
                + other
                + " 规定，同一类型同一起始年度只能有一个测评体系"
                + "（新的测评体系请写新的起始年度，它从那年起取代旧的）");
      }
      unitTypes.add(t);
    }
    place = "等级折算";
    Map<Grade, Double> percent = gradePoints(top.get("grade-points"));
    List<VetoItem> vetoes = vetoes(top.get("vetoes"));
    place = "重复比对类别";
    List<String> duplicateCheck = new ArrayList<>();
    if (top.containsKey("duplicate-check")) {
      for (Node n : sequence(top.get("duplicate-check"), DUPLICATE_CHECK, null)) {
        String code = category(n).code();
        if (duplicateCheck.contains(code)) {
          throw error(n, "类别“" + catalog.categoryName(code) + "”重复");
        }
        duplicateCheck.add(code);
      }
    }
    place = "指标";
    List<Indicator> indicators = new ArrayList<>();
    List<Node> roots = sequence(require(top, INDICATORS, m), INDICATORS, "请至少添加一个一级指标");
    for (int i = 0; i < roots.size(); i++) {
      indicators.add(indicator(roots.get(i), 1, "第 " + (i + 1) + " 个一级指标"));
    }
    String fileName = file.getFileName().toString();
    for (String t : unitTypes) {
      coveredBy.put(t + "/" + from, fileName);
    }
    return new EvaluationSystem(
        name, fileName, from, Map.of(), unitTypes, percent, vetoes, duplicateCheck, indicators);
  }

  /**
   * The year the system applies from. The older {@code years: [2024, 2025]} is still read, as
   * applying from its first year: a system now stays in force until a newer one replaces it.
   */
  private int fromYear(Map<String, Node> top, MappingNode root) {
    place = "起始年度";
    if (top.containsKey("from") && top.containsKey("years")) {
      throw error(keyOf.get(top.get("years")), "from 与 years 只写一个（years 是旧写法，请只写 from: 起始年度）");
    }
    if (top.containsKey("from")) {
      return integer(top.get("from"), FROM, 1990, 2100);
    }
    if (!top.containsKey("years")) {
      throw error(root, form() ? "请填写（从哪一年起适用，如 2025）" : "缺少“from”（适用的起始年度，如 from: 2025）");
    }
    Integer first = null;
    List<Integer> seen = new ArrayList<>();
    for (Node n : sequence(top.get("years"), new Field("years", "years", "年度"), "请填写年度")) {
      int y = integer(n, new Field(null, "年度", "年度"), 1990, 2100);
      if (seen.contains(y)) {
        throw error(n, "年度 " + y + " 重复");
      }
      seen.add(y);
      first = first == null ? y : Math.min(first, y);
    }
    return first;
  }

  private Map<Grade, Double> gradePoints(Node node) {
    Map<Grade, Double> out = new EnumMap<>(Grade.class);
    out.put(Grade.A, 100.0);
    out.put(Grade.B, 66.0);
    out.put(Grade.C, 33.0);
    out.put(Grade.D, 0.0);
    if (node == null) {
      return out;
    }
    Set<String> grades = new LinkedHashSet<>();
    for (Grade g : Grade.values()) {
      grades.add(g.name());
    }
    MappingNode map = mapping(node, label(GRADE_POINTS));
    Map<String, Node> m = keys(map, grades);
    for (String g : grades) {
      Field f = new Field(g, "等级 " + g + " 的得分比例（百分数）", g + " 级得分 %");
      out.put(Grade.valueOf(g), number(require(m, f, map), f, 0, 100));
    }
    for (int i = 1; i < Grade.values().length; i++) {
      Grade better = Grade.values()[i - 1];
      Grade worse = Grade.values()[i];
      if (out.get(worse) > out.get(better)) {
        throw error(m.get(worse.name()), "等级 " + worse + " 的得分比例不能高于 " + better);
      }
    }
    return out;
  }

  private List<VetoItem> vetoes(Node node) {
    List<VetoItem> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    Map<String, Use> seen = new LinkedHashMap<>();
    place = "一票否决项";
    List<Node> items = sequence(node, VETOES, null);
    for (int i = 0; i < items.size(); i++) {
      Node n = items.get(i);
      place = "一票否决项第 " + (i + 1) + " 项";
      MappingNode map = mapping(n, "一票否决项");
      Map<String, Node> m = keys(map, Set.of("code", "name"));
      String code = text(require(m, VETO_CODE, map), VETO_CODE);
      if (seen.containsKey(code)) {
        throw error(m.get("code"), "一票否决项代码“" + code + "”重复" + earlier(seen.get(code)));
      }
      seen.put(code, new Use(line(m.get("code")), place));
      out.add(new VetoItem(code, text(require(m, VETO_NAME, map), VETO_NAME)));
    }
    return out;
  }

  /**
   * @param position where the indicator sits (“第 2 个一级指标”, “指标 Ⅰ-2 下第 1 项”), for problems found
   *     before its code is known and for a duplicate code, which names no single indicator
   */
  private Indicator indicator(Node node, int depth, String position) {
    place = position;
    MappingNode m = mapping(node, "指标");
    boolean inner = has(m, "children");
    Map<String, Node> k = inner ? keys(m, NODE_KEYS) : keys(m, LEAF_KEYS);
    if (form() && blank(k.get("code")) && blank(k.get("name"))) {
      throw error(m, "请填写指标编号和指标名称");
    }
    String code = text(require(k, CODE, m), CODE);
    Use first = codes.putIfAbsent(code, new Use(line(k.get("code")), position));
    if (first != null) {
      throw error(k.get("code"), (form() ? "指标编号" : "指标代码") + "“" + code + "”重复" + earlier(first));
    }
    place = "指标 " + code;
    String name = text(require(k, NAME, m), NAME);
    if (inner) {
      if (depth >= MAX_DEPTH) {
        throw error(keyOf.get(k.get("children")), "指标层级过深（最多 " + MAX_DEPTH + " 级）");
      }
      List<Indicator> children = new ArrayList<>();
      List<Node> nodes = sequence(k.get("children"), CHILDREN, "请至少添加一个下级指标");
      for (int i = 0; i < nodes.size(); i++) {
        children.add(indicator(nodes.get(i), depth + 1, "指标 " + code + " 下第 " + (i + 1) + " 项"));
      }
      return new Indicator(
          code,
          name,
          children.stream().mapToDouble(Indicator::points).sum(),
          null,
          List.of(),
          null,
          children);
    }
    double points = number(require(k, POINTS, m), POINTS, 0, 1000);
    String method = text(require(k, METHOD, m), METHOD);
    if (!METHODS.contains(method)) {
      throw error(
          k.get("method"), "测评方法应为 " + String.join("、", METHODS) + " 之一，实际为“" + method + "”");
    }
    boolean review = EvaluationSystem.DOCUMENT_REVIEW.equals(method);
    if (!review) {
      for (Field onlyForReview : List.of(EVIDENCE, GRADING)) {
        if (k.containsKey(onlyForReview.key())) {
          throw error(
              keyOf.get(k.get(onlyForReview.key())),
              "只有“材料审核”指标才有"
                  + (form() ? "" : " ")
                  + label(onlyForReview)
                  + "（本指标为“"
                  + method
                  + "”）");
        }
      }
      return new Indicator(code, name, points, method, List.of(), null, List.of());
    }
    if (!k.containsKey("evidence")) {
      throw error(m, form() ? "材料审核指标请至少添加一条材料要求" : "材料审核指标“" + code + "”缺少 evidence（佐证材料规则）");
    }
    List<EvidenceRule> rules = new ArrayList<>();
    Map<String, Use> categories = new LinkedHashMap<>();
    List<Node> ruleNodes = sequence(k.get("evidence"), EVIDENCE, "材料审核指标请至少添加一条材料要求");
    for (int i = 0; i < ruleNodes.size(); i++) {
      Node r = ruleNodes.get(i);
      place = "指标 " + code + " 的材料要求第" + (i + 1) + "条";
      EvidenceRule rule = rule(r);
      Use before =
          categories.putIfAbsent(rule.category(), new Use(line(r), "材料要求第" + (i + 1) + "条"));
      if (before != null) {
        throw error(r, "同一指标下类别“" + rule.categoryName() + "”重复" + earlier(before));
      }
      rules.add(rule);
    }
    place = "指标 " + code + " 的评分规则";
    GradingRule grading =
        k.containsKey("grading") ? grading(k.get("grading")) : GradingRule.DEFAULT;
    return new Indicator(code, name, points, method, rules, grading, List.of());
  }

  private EvidenceRule rule(Node node) {
    MappingNode map = mapping(node, "佐证材料规则");
    Map<String, Node> k = keys(map, RULE_KEYS);
    Category category = category(require(k, CATEGORY, map));
    int min = k.containsKey("min") ? integer(k.get("min"), MIN, 1, 1000) : 1;
    Period period =
        k.containsKey("period")
            ? choice(k.get("period"), PERIOD, Period.values(), Period::code, Period::label)
            : Period.YEAR;
    EvidenceWindow window =
        k.containsKey("window")
            ? choice(
                k.get("window"),
                WINDOW,
                EvidenceWindow.values(),
                EvidenceWindow::code,
                EvidenceWindow::label)
            : EvidenceWindow.THIS_YEAR;
    EvidenceKind kind =
        k.containsKey("kind")
            ? choice(
                k.get("kind"), KIND, EvidenceKind.values(), EvidenceKind::code, EvidenceKind::label)
            : EvidenceKind.ANY;
    if (window != EvidenceWindow.THIS_YEAR && period != Period.YEAR) {
      throw error(
          k.get("period"),
          "证据时限为“"
              + window.label()
              + "”时只能按整个时限计（"
              + (form() ? "时段选“每年”" : "period: year")
              + "），不能按"
              + period.label()
              + "分段");
    }
    List<String> content = new ArrayList<>();
    if (k.containsKey("content")) {
      for (Node n : sequence(k.get("content"), CONTENT, null)) {
        String label = text(n, CONTENT_ITEM);
        if (label.contains(":") || label.contains("：")) {
          throw error(n, "必备内容只写项目名称，不带冒号：“" + label + "”");
        }
        if (content.contains(label)) {
          throw error(n, "必备内容“" + label + "”重复");
        }
        content.add(label);
      }
    }
    return new EvidenceRule(category.code(), category.name(), min, period, window, kind, content);
  }

  private GradingRule grading(Node node) {
    MappingNode map = mapping(node, label(GRADING));
    Map<String, Node> k = keys(map, Set.of("A", "B", "C"));
    int[] allowed = new int[3];
    for (int i = 0; i < 3; i++) {
      String g = String.valueOf((char) ('A' + i));
      Field f = new Field(g, g + " 级允许缺项数", g + " 级允许缺项数");
      allowed[i] = integer(require(k, f, map), f, 0, 1000);
    }
    int a = allowed[0];
    int b = allowed[1];
    int c = allowed[2];
    if (a > b || b > c) {
      throw error(node, "允许缺项数应满足 A ≤ B ≤ C，实际为 A " + a + "、B " + b + "、C " + c);
    }
    return new GradingRule(a, b, c);
  }

  /**
   * A category by code or by its Chinese name: both are unique, and no name is another category's
   * code.
   */
  private Category category(Node node) {
    String value = text(node, CATEGORY);
    return catalog
        .category(value)
        .orElseThrow(
            () ->
                error(
                    node,
                    "类别“"
                        + value
                        + "”不在材料类别中（可用："
                        + String.join(
                            "、", catalog.categories().stream().map(Category::name).toList())
                        + "）"));
  }

  private <E extends Enum<E>> E choice(
      Node node, Field what, E[] values, Function<E, String> code, Function<E, String> label) {
    String v = text(node, what);
    for (E e : values) {
      if (code.apply(e).equals(v) || label.apply(e).equals(v)) {
        return e;
      }
    }
    List<String> allowed = new ArrayList<>();
    Arrays.stream(values)
        .forEach(
            e -> allowed.add(form() ? label.apply(e) : code.apply(e) + "（" + label.apply(e) + "）"));
    throw error(node, label(what) + " 应为 " + String.join("、", allowed) + " 之一，实际为“" + v + "”");
  }

  // ---- node helpers: each names the line of the offending node

  private MappingNode mapping(Node node, String what) {
    if (node instanceof MappingNode m) {
      return m;
    }
    throw error(node, what + "应为“键: 值”的映射");
  }

  private boolean has(MappingNode m, String key) {
    return m.getValue().stream()
        .anyMatch(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key));
  }

  /**
   * The mapping's values by key, after checking that every key is known; {@link #require} checks
   * those that must be there.
   */
  private Map<String, Node> keys(MappingNode m, Set<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        throw error(t.getKeyNode(), "键必须是文字");
      }
      if (!allowed.contains(key.getValue())) {
        throw error(
            key,
            "未知的键“" + key.getValue() + "”（此处可用：" + String.join(", ", new TreeSet<>(allowed)) + "）");
      }
      if (out.put(key.getValue(), t.getValueNode()) != null) {
        throw error(key, "键“" + key.getValue() + "”重复");
      }
      keyOf.put(t.getValueNode(), key);
    }
    return out;
  }

  /**
   * The value of a key that must be there. The editor leaves a blank field out of the file it
   * writes, so on the form a missing key is a field left empty.
   */
  private Node require(Map<String, Node> values, Field field, MappingNode in) {
    Node n = values.get(field.key());
    if (n == null) {
      throw error(in, form() ? fill(field) : "缺少“" + field.key() + "”");
    }
    return n;
  }

  /** “请填写指标名称”, or “请填写” where the place is the field itself (“测评体系名称：请填写”). */
  private String fill(Field field) {
    return field.inForm().equals(place) ? "请填写" : "请填写" + field.inForm();
  }

  private static boolean blank(Node n) {
    return n == null || (n instanceof ScalarNode s && s.getValue().isBlank());
  }

  /**
   * @param emptyOnForm what to say on the form when the list is empty; null when it may be
   */
  private List<Node> sequence(Node node, Field what, String emptyOnForm) {
    if (!(node instanceof SequenceNode s)) {
      throw error(node, label(what) + " 应为列表" + (form() ? "" : "（每项以“- ”开头，或写成 [a, b]）"));
    }
    if (emptyOnForm != null && s.getValue().isEmpty()) {
      throw error(node, form() ? emptyOnForm : what.inFile() + " 不能为空");
    }
    return s.getValue();
  }

  private String text(Node node, Field what) {
    if (!(node instanceof ScalarNode s)) {
      throw error(node, label(what) + " 应为单个值");
    }
    String v = s.getValue().strip();
    if (v.isEmpty()) {
      throw error(node, form() ? fill(what) : what.inFile() + " 不能为空");
    }
    return v;
  }

  private int integer(Node node, Field field, int min, int max) {
    String what = subject(field);
    String v = text(node, field);
    int n;
    try {
      n = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw error(node, what + "应为整数，实际为“" + v + "”");
    }
    if (n < min || n > max) {
      throw error(node, what + "应在 " + min + " 到 " + max + " 之间，实际为 " + n);
    }
    return n;
  }

  private double number(Node node, Field field, double min, double max) {
    String what = subject(field);
    String v = text(node, field);
    double n;
    try {
      n = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw error(node, what + "应为数字，实际为“" + v + "”");
    }
    if (Double.isNaN(n) || n < min || n > max) {
      throw error(node, what + "应在 " + fmt(min) + " 到 " + fmt(max) + " 之间，实际为 " + v);
    }
    return n;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static int line(Node node) {
    return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private boolean form() {
    return wording == Wording.FORM;
  }

  /** What a field is called here: its key (or key and name) in a file, its label on the form. */
  private String label(Field f) {
    return form() ? f.inForm() : f.inFile();
  }

  /**
   * The field a value problem is about, before “应为…”; nothing where the place is that field
   * (“起始年度：应为整数”).
   */
  private String subject(Field f) {
    return form() && f.inForm().equals(place) ? "" : label(f) + " ";
  }

  /**
   * Where a duplicate was first used: a line of the file, or a place on the form, which has no
   * lines.
   */
  private String earlier(Use first) {
    return form() ? "（与" + first.place() + "重复）" : "（第 " + first.line() + " 行已使用）";
  }

  /**
   * A problem at the node's line (none on the form: the file the form was written as is nobody's).
   */
  private ConfigException error(Node node, String problem) {
    return new ConfigException(file, form() ? 0 : line(node), place, problem);
  }
}
