package org.taizhang.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two category lists, in Chinese, for the version history and the audit log.
 */
final class CategoryChanges {
  private CategoryChanges() {}

  static String describe(List<Category> before, List<Category> after) {
    Map<String, Category> old = byCode(before);
    Map<String, Category> now = byCode(after);
    List<String> out = new ArrayList<>();
    for (Category c : after) {
      Category o = old.get(c.code());
      if (o == null) {
        out.add("新增类别“" + c.name() + "”（关键词 " + String.join("、", c.keywords()) + "）");
        continue;
      }
      if (!o.name().equals(c.name())) {
        out.add("类别“" + o.name() + "”改名为“" + c.name() + "”");
      }
      List<String> added = new ArrayList<>(c.keywords());
      added.removeAll(o.keywords());
      List<String> removed = new ArrayList<>(o.keywords());
      removed.removeAll(c.keywords());
      if (!added.isEmpty() || !removed.isEmpty()) {
        out.add(
            "“"
                + c.name()
                + "”的关键词"
                + (added.isEmpty() ? "" : "增加 " + String.join("、", added))
                + (!added.isEmpty() && !removed.isEmpty() ? "，" : "")
                + (removed.isEmpty() ? "" : "去掉 " + String.join("、", removed)));
      } else if (!o.keywords().equals(c.keywords())) {
        out.add("“" + c.name() + "”的关键词顺序调整");
      }
    }
    for (Category o : before) {
      if (!now.containsKey(o.code())) {
        out.add("删除类别“" + o.name() + "”");
      }
    }
    List<String> kept = after.stream().map(Category::code).filter(old::containsKey).toList();
    List<String> keptBefore = before.stream().map(Category::code).filter(now::containsKey).toList();
    if (!kept.equals(keptBefore)) {
      out.add("识别顺序调整");
    }
    return out.isEmpty() ? "内容未变" : String.join("；", out);
  }

  private static Map<String, Category> byCode(List<Category> list) {
    Map<String, Category> out = new LinkedHashMap<>();
    list.forEach(c -> out.put(c.code(), c));
    return out;
  }
}
