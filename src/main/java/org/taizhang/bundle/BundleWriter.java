package org.taizhang.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.web.util.HtmlUtils;
import org.taizhang.binder.BinderPlan;

/**
 * Writes a bundle of originals: the unit-year's archived items in the plan's order, a folder per
 * section, each file named by its 件号 and 题名 ({@link BundleNames}), and at the root an {@code
 * index.html} that browses it offline — the catalogue with a relative link to every file, and what
 * each section still lacks. The page is self-contained (inline CSS, no script, nothing fetched), so
 * it opens from a USB stick on a machine without network. The ZIP is written as it goes, one
 * original at a time, straight to the given stream.
 */
final class BundleWriter {
  static final String INDEX = "index.html";

  private final BinderPlan plan;
  private final LongFunction<Optional<Path>> originals;
  private final IntFunction<String> printedNumber;
  private final String generatedAt;

  /**
   * @param originals the stored original of a document, or empty when the store has lost it
   * @param printedNumber the 件号 as the catalogues print it (zero-padded)
   * @param generatedAt when the bundle is made, as the office reads it
   */
  BundleWriter(
      BinderPlan plan,
      LongFunction<Optional<Path>> originals,
      IntFunction<String> printedNumber,
      String generatedAt) {
    this.plan = plan;
    this.originals = originals;
    this.printedNumber = printedNumber;
    this.generatedAt = generatedAt;
  }

  /** Where each item lies in the bundle, by document id, in plan order. */
  Map<Long, String> layout() {
    boolean prefixed = BundleNames.retentionPrefixed(plan);
    Map<Long, String> out = new LinkedHashMap<>();
    for (BinderPlan.Section s : plan.sections()) {
      String folder = BundleNames.folder(s, plan.sections().size());
      for (BinderPlan.Item item : s.items()) {
        String number = BundleNames.number(item, prefixed, printedNumber.apply(item.number()));
        out.put(
            item.documentId(),
            folder + "/" + BundleNames.file(number, item.title(), item.fileName()));
      }
    }
    return out;
  }

  /** Writes the ZIP; returns the number of originals it holds. */
  int write(OutputStream out) throws IOException {
    Map<Long, String> layout = layout();
    Map<Long, String> present = new LinkedHashMap<>();
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    for (Map.Entry<Long, String> e : layout.entrySet()) {
      Optional<Path> original = originals.apply(e.getKey());
      if (original.isEmpty() || !Files.isRegularFile(original.get())) {
        continue;
      }
      zip.putNextEntry(new ZipEntry(e.getValue()));
      Files.copy(original.get(), zip);
      zip.closeEntry();
      present.put(e.getKey(), e.getValue());
    }
    zip.putNextEntry(new ZipEntry(INDEX));
    Writer w = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
    w.write(index(present));
    w.flush();
    zip.closeEntry();
    zip.finish();
    zip.flush();
    return present.size();
  }

  /** The index page; {@code present} names the files the ZIP holds. */
  String index(Map<Long, String> present) {
    boolean prefixed = BundleNames.retentionPrefixed(plan);
    StringBuilder h = new StringBuilder(16_384);
    String title = plan.unitName() + " " + plan.year() + " 年度台账原件";
    h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(esc(title))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(esc(title))
        .append("</h1>\n<p class=\"facts\">单位代码 ")
        .append(esc(plan.unitCode()))
        .append(" · ")
        .append(esc(plan.unitType()));
    if (!plan.system().isEmpty()) {
      h.append(" · 测评体系：").append(esc(plan.system()));
    }
    if (!plan.verdict().isEmpty()) {
      h.append(" · 得分：").append(esc(plan.verdict()));
    }
    h.append(" · 共 ")
        .append(plan.itemCount())
        .append(" 件 · 生成于 ")
        .append(esc(generatedAt))
        .append("</p>\n<p class=\"note\">按测评体系的指标顺序排列，每个指标一个文件夹；文件名以件号开头")
        .append(prefixed ? "（本年度材料分属不同保管期限，件号前加保管期限代码：Y 永久、D30 30年、D10 10年）" : "")
        .append("。点击题名打开原件。</p>\n");

    h.append("<nav><h2>目录</h2><ol class=\"toc\">\n");
    for (BinderPlan.Section s : plan.sections()) {
      h.append("<li><a href=\"#")
          .append(anchor(s))
          .append("\">")
          .append(esc(sectionLabel(s)))
          .append("</a> <span class=\"muted\">")
          .append(s.items().size())
          .append(" 件")
          .append(s.gaps().isEmpty() ? "" : "，缺 " + s.gaps().size() + " 项")
          .append("</span></li>\n");
    }
    h.append("</ol></nav>\n");

    for (BinderPlan.Section s : plan.sections()) {
      h.append("<section id=\"")
          .append(anchor(s))
          .append("\">\n<h2>")
          .append(esc(sectionLabel(s)))
          .append("</h2>\n");
      if (!s.other()) {
        h.append("<p class=\"muted\">")
            .append(esc(s.path()))
            .append(s.status().isEmpty() ? "" : " · " + esc(s.status()))
            .append("</p>\n");
      }
      List<BinderPlan.Item> rows = new ArrayList<>(s.items());
      if (rows.isEmpty() && s.references().isEmpty()) {
        h.append("<p class=\"muted\">本指标没有归档材料。</p>\n");
      } else {
        h.append(
                "<div class=\"scroll\"><table>\n<thead><tr><th>件号</th><th>档号</th><th>文号</th><th>责任者</th>")
            .append(
                "<th>日期</th><th>题名</th><th>页数</th><th>保管期限</th><th>备注</th></tr></thead>\n<tbody>\n");
        for (BinderPlan.Item item : rows) {
          row(h, item, present, prefixed, null);
        }
        for (BinderPlan.Item item : s.references()) {
          row(h, item, present, prefixed, "见前：已归入较早的指标");
        }
        h.append("</tbody>\n</table></div>\n");
      }
      if (!s.gaps().isEmpty()) {
        h.append("<h3>缺项</h3>\n<ul class=\"gaps\">\n");
        for (BinderPlan.Gap g : s.gaps()) {
          h.append("<li>").append(esc(g.text()));
          if (g.explained()) {
            h.append(" <span class=\"muted\">（缺项说明：")
                .append(esc(g.reason()))
                .append(g.deadline() == null ? "" : "，补齐期限 " + g.deadline())
                .append("）</span>");
          }
          h.append("</li>\n");
        }
        h.append("</ul>\n");
      }
      h.append("</section>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private void row(
      StringBuilder h,
      BinderPlan.Item item,
      Map<Long, String> present,
      boolean prefixed,
      String extraRemark) {
    String path = present.get(item.documentId());
    String remark = item.remark() == null ? "" : item.remark();
    if (extraRemark != null) {
      remark = remark.isEmpty() ? extraRemark : extraRemark + "；" + remark;
    }
    if (path == null) {
      remark = remark.isEmpty() ? "原件缺失" : "原件缺失；" + remark;
    }
    h.append(extraRemark == null ? "<tr>" : "<tr class=\"reference\">")
        .append("<td class=\"num\">")
        .append(esc(BundleNames.number(item, prefixed, printedNumber.apply(item.number()))))
        .append("</td><td class=\"code\">")
        .append(esc(item.archiveCode()))
        .append("</td><td>")
        .append(esc(item.documentNumber()))
        .append("</td><td>")
        .append(esc(item.responsible()))
        .append("</td><td class=\"date\">")
        .append(item.date() == null ? "" : item.date().toString())
        .append("</td><td class=\"title\">");
    if (path != null) {
      h.append("<a href=\"")
          .append(esc(BundleNames.href(path)))
          .append("\">")
          .append(esc(item.title()))
          .append("</a>");
    } else {
      h.append(esc(item.title()));
    }
    h.append("</td><td class=\"num\">")
        .append(item.pages() == null ? "" : item.pages().toString())
        .append("</td><td>")
        .append(esc(item.retention().label()))
        .append("</td><td>")
        .append(esc(remark))
        .append("</td></tr>\n");
  }

  /** The section as people read it: its folder's name before it was made safe for file systems. */
  private String sectionLabel(BinderPlan.Section s) {
    String n =
        String.format(
            "%0" + Math.max(2, String.valueOf(plan.sections().size()).length()) + "d", s.number());
    return n + " " + (s.other() ? s.name() : s.code() + " " + s.name());
  }

  private static String anchor(BinderPlan.Section s) {
    return "s" + s.number();
  }

  private static String esc(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
  }

  private static final String CSS =
      """
      body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
             margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2933; line-height: 1.5; }
      h1 { font-size: 1.5rem; margin-bottom: 0.3rem; }
      h2 { font-size: 1.15rem; margin: 1.6rem 0 0.3rem; border-bottom: 2px solid #c0392b; padding-bottom: 0.2rem; }
      h3 { font-size: 1rem; margin: 0.8rem 0 0.2rem; color: #a1431f; }
      .facts, .muted { color: #616e7c; }
      .note { background: #f5f7fa; padding: 0.5rem 0.8rem; border-radius: 4px; }
      table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
      .scroll { overflow-x: auto; }
      @media (max-width: 700px) { td, th { min-width: 4em; } td.title { min-width: 12em; } }
      th, td { border: 1px solid #cbd2d9; padding: 0.3rem 0.45rem; vertical-align: top; text-align: left; }
      th { background: #f0f4f8; white-space: nowrap; }
      td.num, td.date, td.code { white-space: nowrap; }
      tr.reference td { color: #616e7c; }
      a { color: #1f5fa8; }
      .gaps li { color: #a1431f; }
      @media print { a { color: inherit; text-decoration: none; } nav { display: none; } }
      """;
}
