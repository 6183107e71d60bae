package org.taizhang.completeness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.taizhang.completeness.EvaluationSystem.EvidenceRule;
import org.taizhang.completeness.EvaluationSystem.Indicator;

/**
 * What changed between two versions of an evaluation system, in Chinese, for the version history
 * and the audit log: “指标 Ⅰ-3-1 的材料要求第1条（会议记录）：最少份数 1 → 2”.
 */
final class SystemChanges {
  /**
   * More than this many lines and the rest is summed up, so that a re-import does not flood the
   * history.
   */
  static final int MAX_ITEMS = 30;

  private SystemChanges() {}

  static String describe(EvaluationSystem before, EvaluationSystem after) {
    List<String> out = new ArrayList<>();
    if (!before.name().equals(after.name())) {
      out.add("名称 “" + before.name() + "” → “" + after.name() + "”");
    }
    if (before.fromYear() != after.fromYear()) {
      out.add("起始年度 " + before.fromYear() + " → " + after.fromYear());
    }
    if (!before.unitTypes().equals(after.unitTypes())) {
      out.add(
          "适用单位类型 "
              + String.join("、", before.unitTypes())
              + " → "
              + String.join("、", after.unitTypes()));
    }
    if (!before.gradePercent().equals(after.gradePercent())) {
      out.add("等级折算 " + percent(before) + " → " + percent(after));
    }
    if (!before.vetoes().equals(after.vetoes())) {
      out.add(
          "一票否决项 "
              + before.vetoes().size()
              + " 项 → "
              + after.vetoes().size()
              + " 项（"
              + String.join(
                  "、", after.vetoes().stream().map(EvaluationSystem.VetoItem::code).toList())
              + "）");
    }
    if (!before.duplicateCheck().equals(after.duplicateCheck())) {
      out.add(
          "重复比对类别 "
              + String.join("、", before.duplicateCheck())
              + " → "
              + String.join("、", after.duplicateCheck()));
    }
    Map<String, Indicator> old = all(before.indicators());
    Map<String, Indicator> now = all(after.indicators());
    for (Indicator i : now.values()) {
      Indicator o = old.get(i.code());
      if (o == null) {
        out.add("新增指标 " + i.code() + " " + i.name());
      } else {
        indicator(o, i, out);
      }
    }
    for (Indicator o : old.values()) {
      if (!now.containsKey(o.code())) {
        out.add("删除指标 " + o.code() + " " + o.name());
      }
    }
    if (out.isEmpty() && !new ArrayList<>(old.keySet()).equals(new ArrayList<>(now.keySet()))) {
      out.add("指标顺序调整");
    }
    if (out.isEmpty()) {
      return "内容未变";
    }
    if (out.size() > MAX_ITEMS) {
      int more = out.size() - MAX_ITEMS;
      out = new ArrayList<>(out.subList(0, MAX_ITEMS));
      out.add("等另 " + more + " 处改动");
    }
    return String.join("；", out);
  }

  private static void indicator(Indicator o, Indicator i, List<String> out) {
    String at = "指标 " + i.code();
    if (!o.name().equals(i.name())) {
      out.add(at + " 名称改为“" + i.name() + "”");
    }
    if (o.leaf() != i.leaf()) {
      out.add(at + (i.leaf() ? " 改为末级指标" : " 改为含下级指标"));
      return;
    }
    if (!i.leaf()) {
      return;
    }
    if (o.points() != i.points()) {
      out.add(at + " 分值 " + points(o.points()) + " → " + points(i.points()));
    }
    if (!Objects.equals(o.method(), i.method())) {
      out.add(at + " 测评方法 " + o.method() + " → " + i.method());
    }
    if (!Objects.equals(o.grading(), i.grading()) && o.grading() != null && i.grading() != null) {
      out.add(at + " 评分 " + grading(o.grading()) + " → " + grading(i.grading()));
    }
    int n = Math.max(o.evidence().size(), i.evidence().size());
    for (int k = 0; k < n; k++) {
      EvidenceRule a = k < o.evidence().size() ? o.evidence().get(k) : null;
      EvidenceRule b = k < i.evidence().size() ? i.evidence().get(k) : null;
      String rule = at + " 的材料要求第" + (k + 1) + "条";
      if (a == null) {
        out.add(rule + " 新增（" + describe(b) + "）");
      } else if (b == null) {
        out.add(rule + " 删除（" + describe(a) + "）");
      } else if (!a.equals(b)) {
        List<String> d = new ArrayList<>();
        if (!a.category().equals(b.category())) {
          d.add("类别 " + a.categoryName() + " → " + b.categoryName());
        }
        if (a.min() != b.min()) {
          d.add("最少份数 " + a.min() + " → " + b.min());
        }
        if (a.period() != b.period()) {
          d.add("时段 " + a.period().label() + " → " + b.period().label());
        }
        if (a.window() != b.window()) {
          d.add("时限 " + a.window().label() + " → " + b.window().label());
        }
        if (a.kind() != b.kind()) {
          d.add("形式 " + a.kind().label() + " → " + b.kind().label());
        }
        if (!a.content().equals(b.content())) {
          d.add(
              "必备内容 "
                  + (a.content().isEmpty() ? "无" : String.join("、", a.content()))
                  + " → "
                  + (b.content().isEmpty() ? "无" : String.join("、", b.content())));
        }
        if (d.isEmpty()) {
          d.add("类别名称 " + a.categoryName() + " → " + b.categoryName());
        }
        out.add(rule + "（" + b.categoryName() + "）：" + String.join("，", d));
      }
    }
  }

  static String describe(EvidenceRule r) {
    return r.categoryName() + " " + r.period().label() + "至少" + r.min() + "份";
  }

  private static String grading(EvaluationSystem.GradingRule g) {
    return "A≤" + g.maxMissingForA() + " B≤" + g.maxMissingForB() + " C≤" + g.maxMissingForC();
  }

  private static String percent(EvaluationSystem s) {
    List<String> out = new ArrayList<>();
    for (Grade g : Grade.values()) {
      out.add(g + " " + points(s.percent(g)));
    }
    return String.join(" ", out);
  }

  private static Map<String, Indicator> all(List<Indicator> roots) {
    Map<String, Indicator> out = new LinkedHashMap<>();
    collect(roots, out);
    return out;
  }

  private static void collect(List<Indicator> nodes, Map<String, Indicator> out) {
    for (Indicator i : nodes) {
      out.put(i.code(), i);
      collect(i.children(), out);
    }
  }

  /** Points as people write them: 4, not 4.0. */
  static String points(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
