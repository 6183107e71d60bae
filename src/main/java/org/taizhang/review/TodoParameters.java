package org.taizhang.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.taizhang.archive.DocumentRepository.ReviewSelection;
import org.taizhang.catalog.Catalog;
import org.taizhang.review.ReviewService.TodoFilter;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitTree;

/**
 * The to-do list's filters as the page and the API take them: {@code unit} (a code; the unit and
 * those under it), {@code category} (code or name; 未分类 for documents without one), {@code year},
 * {@code status} (see {@link Status}). Values that cannot be understood are reported in Chinese;
 * the page shows them as a warning and leaves the filter out, the API refuses the request.
 */
record TodoParameters(
    String unit,
    String category,
    Integer year,
    Status status,
    TodoFilter filter,
    List<String> problems) {

  /** Which items the list shows. */
  enum Status {
    ALL("all", "全部"),
    AWAITING("awaiting", "待审核"),
    RESUBMITTED("resubmitted", "待审核（重新提交的）"),
    RETURNED("returned", "退回待整改"),
    OVERDUE("overdue", "退回已逾期");

    final String parameter;
    final String label;

    Status(String parameter, String label) {
      this.parameter = parameter;
      this.label = label;
    }

    public String parameter() {
      return parameter;
    }

    public String label() {
      return label;
    }

    boolean showsReturned() {
      return this == ALL || this == RETURNED || this == OVERDUE;
    }

    boolean showsAwaiting() {
      return this == ALL || this == AWAITING || this == RESUBMITTED;
    }

    static Optional<Status> parse(String s) {
      if (s == null || s.isBlank()) {
        return Optional.of(ALL);
      }
      String v = s.strip().toLowerCase(Locale.ROOT);
      for (Status st : values()) {
        if (st.parameter.equals(v) || st.label.equals(s.strip())) {
          return Optional.of(st);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * @param visible the units the caller may see, for the unit filter: another unit's code is
   *     treated like one that does not exist (it matches nothing, and is not named as unknown)
   */
  static TodoParameters parse(
      String unit,
      String category,
      String year,
      String status,
      Catalog catalog,
      List<Unit> visible) {
    List<String> problems = new ArrayList<>();
    String unitCode = blankToNull(unit);
    Set<String> units = null;
    if (unitCode != null) {
      units = new UnitTree(visible).subtree(unitCode);
    }
    String categoryValue = blankToNull(category);
    String categoryCode = null;
    if (categoryValue != null) {
      if (categoryValue.equals("未分类") || categoryValue.equals(ReviewSelection.UNCATEGORIZED)) {
        categoryCode = ReviewSelection.UNCATEGORIZED;
      } else {
        categoryCode = catalog.category(categoryValue).map(c -> c.code()).orElse(null);
        if (categoryCode == null) {
          problems.add("类别“" + categoryValue + "”不存在");
          categoryValue = null;
        }
      }
    }
    Integer yearValue = null;
    if (year != null && !year.isBlank()) {
      try {
        yearValue = Integer.valueOf(year.strip());
      } catch (NumberFormatException e) {
        // reported below
      }
      if (yearValue == null || yearValue < 1900 || yearValue > 2999) {
        problems.add("年度“" + year.strip() + "”无效，应为四位年份，如 2025");
        yearValue = null;
      }
    }
    Status st = Status.parse(status).orElse(null);
    if (st == null) {
      problems.add(
          "状态“"
              + status.strip()
              + "”无效，可选：all（全部）、awaiting（待审核）、resubmitted（重新提交的）、returned（退回待整改）、overdue（退回已逾期）");
      st = Status.ALL;
    }
    TodoFilter filter =
        new TodoFilter(
            units, categoryCode, yearValue, st == Status.RESUBMITTED, st == Status.OVERDUE);
    return new TodoParameters(
        unitCode,
        categoryValue == null ? null : categoryCode,
        yearValue,
        st,
        filter,
        List.copyOf(problems));
  }

  /**
   * The query string of these filters (without the page), for links and redirects that keep them.
   */
  Map<String, String> asParameters() {
    Map<String, String> p = new LinkedHashMap<>();
    if (unit != null) {
      p.put("unit", unit);
    }
    if (category != null) {
      p.put("category", category);
    }
    if (year != null) {
      p.put("year", year.toString());
    }
    if (status != Status.ALL) {
      p.put("status", status.parameter);
    }
    return p;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
