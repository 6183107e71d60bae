package org.taizhang.completeness;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.taizhang.access.Caller;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitTree;

/**
 * Reading the dashboard's request parameters the same way for the page and for the Excel export, so
 * that an export always holds exactly the rows the page showed.
 */
public final class ReportRequests {
  private ReportRequests() {}

  /**
   * The year asked for if a system judges it, else the year shown by default; empty when no year is
   * judged.
   */
  public static Optional<Integer> year(String param, CompletenessService completeness) {
    return completeness.judgedYear(parse(param).orElse(null));
  }

  public static Optional<Integer> parse(String s) {
    try {
      return s == null || s.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A non-blank, stripped value, or null. */
  public static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /**
   * The units the caller sees that have units below them (also seen): the choices of the 上级单位
   * filter.
   */
  public static List<UnitTree.Node> parents(List<Unit> visible) {
    Set<String> withChildren = new HashSet<>();
    Set<String> codes = new HashSet<>();
    visible.forEach(u -> codes.add(u.code()));
    visible.forEach(
        u -> {
          if (u.parentCode() != null && codes.contains(u.parentCode())) {
            withChildren.add(u.parentCode());
          }
        });
    return new UnitTree(visible)
        .depthFirst().stream().filter(n -> withChildren.contains(n.unit().code())).toList();
  }

  /**
   * The matrix of a dashboard request: covered units the caller sees, filtered by type and subtree,
   * sorted, each written for the caller (a near-copy's source outside its scope stays unnamed).
   */
  public static Matrix matrix(
      CompletenessService completeness,
      Caller caller,
      List<Unit> visible,
      int year,
      String type,
      String parent,
      Matrix.Sort sort) {
    Set<String> subtree = parent == null ? null : new UnitTree(visible).subtree(parent);
    List<UnitCompleteness> rows =
        completeness.units(year, type).stream()
            .filter(u -> caller.sees(u.unit()))
            .map(u -> u.forReader(caller::sees))
            .toList();
    return Matrix.of(rows, caller::sees, type, subtree, sort);
  }

  /** “类型：文明单位；上级单位：青禾县教育局；排序：得分从高到低” for the export's notes. */
  public static String describe(
      String type, String parent, Matrix.Sort sort, Map<String, String> unitNames) {
    return "单位类型："
        + (type == null ? "全部" : type)
        + "；上级单位："
        + (parent == null ? "全部" : unitNames.getOrDefault(parent, parent))
        + "；排序："
        + sort.label();
  }
}
