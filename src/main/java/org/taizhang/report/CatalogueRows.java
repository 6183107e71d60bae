package org.taizhang.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.taizhang.binder.BinderPlan;

/**
 * The rows of a unit-year's catalogues, written once for the PDF and the Excel version so that the
 * two print the same cells: the 总目录 (one row per indicator) and the 卷内目录 (one row per item,
 * indicator by indicator, in binder order).
 */
final class CatalogueRows {
  static final List<String> MASTER_HEADERS = List.of("序号", "指标", "评定", "件数", "页数", "缺项");
  static final List<String> ITEM_HEADERS =
      List.of("件号", "档号", "文号", "责任者", "日期", "题名", "页数", "保管期限", "备注");

  private CatalogueRows() {}

  /** “指标 Ⅱ-3 …” as a section is headed. */
  static String heading(BinderPlan.Section s) {
    return s.other() ? s.path() : s.code() + "　" + s.path();
  }

  static List<String> master(BinderPlan.Section s) {
    return List.of(
        String.valueOf(s.number()),
        heading(s),
        s.status(),
        String.valueOf(s.items().size()),
        pages(s),
        s.gaps().isEmpty() ? "" : String.valueOf(s.gaps().size()));
  }

  static List<String> item(BinderPlan.Item i) {
    return List.of(
        String.valueOf(i.number()),
        i.archiveCode(),
        nz(i.documentNumber()),
        nz(i.responsible()),
        i.date() == null ? "" : i.date().toString(),
        nz(i.title()),
        i.pages() == null ? "" : i.pages().toString(),
        i.retention().label(),
        nz(i.remark()));
  }

  /** The section's pages, or blank while an item's are unknown: a sum would understate them. */
  static String pages(BinderPlan.Section s) {
    if (s.items().stream().anyMatch(i -> i.pages() == null)) {
      return "";
    }
    return String.valueOf(s.items().stream().mapToInt(BinderPlan.Item::pages).sum());
  }

  /** “另见件号 0003（档号 …）”: items placed under an earlier indicator that prove this one too. */
  static String references(BinderPlan.Section s) {
    if (s.references().isEmpty()) {
      return "";
    }
    return "另见："
        + s.references().stream()
            .map(i -> i.archiveCode() + "《" + i.title() + "》")
            .collect(Collectors.joining("；"));
  }

  static List<String> gaps(BinderPlan.Section s) {
    List<String> out = new ArrayList<>();
    for (BinderPlan.Gap g : s.gaps()) {
      out.add(
          "缺项："
              + g.text()
              + (g.explained()
                  ? "（已说明："
                      + g.reason()
                      + (g.deadline() == null ? "" : "，" + g.deadline() + " 前补齐")
                      + "）"
                  : ""));
    }
    return out;
  }

  static String summary(BinderPlan p) {
    long indicators = p.sections().stream().filter(s -> !s.other()).count();
    return "单位代码："
        + p.unitCode()
        + "　类型："
        + nz(p.unitType())
        + (p.system().isEmpty() ? "" : "　测评体系：" + p.system())
        + "　共 "
        + indicators
        + " 项指标 "
        + p.itemCount()
        + " 件";
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }
}
