package org.taizhang.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Component;
import org.taizhang.archive.Document;
import org.taizhang.binder.BinderPlan;
import org.taizhang.completeness.Explanation;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.completeness.IndicatorStatus;
import org.taizhang.completeness.Labels;
import org.taizhang.completeness.MissingItem;
import org.taizhang.completeness.RedFlag;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.pdf.ExportFont;
import org.taizhang.pdf.FontUnavailableException;
import org.taizhang.pdf.PdfLayout;
import org.taizhang.time.OfficeTime;

/**
 * The PDF exports: a unit's completeness report and its archive catalogue (总目录 and 卷内目录). Pure
 * functions of their input plus the font; they read nothing else.
 */
@Component
class PdfReports {
  private static final float BODY = 10.5f;
  private static final float SMALL = 9.5f;

  private final ExportFont fonts;

  PdfReports(ExportFont fonts) {
    this.fonts = fonts;
  }

  public static PdfReports with(ExportFont fonts) {
    return new PdfReports(fonts);
  }

  /**
   * The completeness report of one unit and year, as {@code c} is written for its reader ({@link
   * UnitCompleteness#forReader}).
   *
   * @param documents looks an evidence document up by id (in the caller's scope); empty when it
   *     cannot be shown, which the report says
   * @throws FontUnavailableException when no CJK font can be embedded
   */
  public byte[] completeness(
      UnitCompleteness c, Function<Long, Optional<Document>> documents, LocalDateTime generatedAt) {
    try (ExportFont.Handle handle = fonts.open();
        PDDocument doc = new PDDocument()) {
      PDFont font = handle.embed(doc);
      String title = c.unitName() + " " + c.year() + "年度台账完整性报告";
      try (PdfLayout pdf = new PdfLayout(doc, font, title)) {
        pdf.newPage();
        pdf.centered(c.unitName(), 18, PdfLayout.INK);
        pdf.centered(c.year() + "年度文明创建台账完整性报告", 15, PdfLayout.INK);
        pdf.gap(6);
        pdf.rule(PdfLayout.RED);
        pdf.gap(4);
        pdf.text(
            "单位：" + c.unitName() + "（" + c.unit() + "）　类型：" + nz(c.unitType()),
            BODY,
            PdfLayout.INK,
            0);
        pdf.text("年度：" + c.year() + "　测评体系：" + nz(c.system()), BODY, PdfLayout.INK, 0);
        pdf.text(
            "得分：" + Labels.verdict(c) + "　排名：" + Labels.rank(c.rank(), c.rankOf()) + "（同类型单位）",
            BODY,
            c.vetoed() ? PdfLayout.RED : PdfLayout.INK,
            0);
        if (c.vetoes().isEmpty()) {
          pdf.text("一票否决：无", BODY, PdfLayout.INK, 0);
        } else {
          pdf.text(
              "一票否决："
                  + Labels.vetoes(c)
                  + "。本年度"
                  + UnitCompleteness.MAY_NOT_APPLY
                  + "，排在同类型未被否决的单位之后。",
              BODY,
              PdfLayout.RED,
              0,
              BODY * 5);
        }
        if (c.ungraded() > 0) {
          pdf.text(
              "待评："
                  + c.ungraded()
                  + " 项实地考察、问卷调查指标尚未评定（共 "
                  + Labels.points(c.ungradedPoints())
                  + " 分），暂计 0 分。",
              BODY,
              PdfLayout.MUTED,
              0,
              BODY * 2);
        }
        pdf.text(
            "疑点：" + (c.redFlags().isEmpty() ? "无" : Labels.redFlags(c)),
            BODY,
            c.redFlags().isEmpty() ? PdfLayout.INK : PdfLayout.RED,
            0,
            BODY * 2);
        pdf.text("概况：" + summary(c), BODY, PdfLayout.INK, 0, BODY * 3);
        pdf.text("生成时间：" + OfficeTime.minutes(generatedAt), SMALL, PdfLayout.MUTED, 0);

        pdf.heading("一、指标明细", 13);
        String group = null;
        for (IndicatorResult r : c.indicators()) {
          if (r.parentName() != null
              && !r.parentName().isEmpty()
              && !r.parentName().equals(group)) {
            group = r.parentName();
            pdf.gap(4);
            pdf.text(group, 11.5f, PdfLayout.RED, 0);
          }
          indicator(pdf, r, documents);
        }

        pdf.heading("二、疑点提示", 13);
        if (c.redFlags().isEmpty()) {
          pdf.text("未发现疑点。", BODY, PdfLayout.MUTED, 8);
        }
        for (RedFlag f : c.redFlags()) {
          StringBuilder s =
              new StringBuilder("· 【" + Labels.redFlagKind(f.kind()) + "】" + nz(f.text()));
          if (!f.documents().isEmpty()) {
            List<String> names = new ArrayList<>();
            // Only what the reader may open: another unit's document stays unnamed.
            for (Long id : f.documents()) {
              documents.apply(id).ifPresent(d -> names.add("《" + d.title() + "》"));
            }
            if (!names.isEmpty()) {
              s.append("（涉及：").append(String.join("、", names)).append("）");
            }
          }
          pdf.text(s.toString(), BODY, PdfLayout.INK, 8, BODY);
        }
        return pdf.finish(c.unitName() + " · " + c.year() + "年度台账完整性报告");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void indicator(
      PdfLayout pdf, IndicatorResult r, Function<Long, Optional<Document>> documents)
      throws IOException {
    if (pdf.nearBottom(BODY * PdfLayout.LINE_FACTOR * 4)) {
      pdf.newPage();
    }
    pdf.gap(3);
    pdf.text(r.code() + "　" + r.name(), 11, PdfLayout.INK, 8, 11 * 2);
    String status =
        "状态："
            + r.status().label()
            + "　等级："
            + Labels.grade(r.grade())
            + "　分值："
            + Labels.points(r.points())
            + "　得分："
            + Labels.points(r.score())
            + "　测评方法："
            + nz(r.method());
    pdf.text(status, BODY, Labels.onWhite(r.status()), 20);
    if (r.override() != null) {
      pdf.text(
          "已调整：原等级 "
              + Labels.grade(r.computedGrade())
              + "，调整为 "
              + Labels.grade(r.override().grade())
              + "，理由："
              + nz(r.override().reason())
              + "（"
              + nz(r.override().byName())
              + "）",
          BODY,
          PdfLayout.INK,
          20,
          BODY);
    }
    if (r.handGrade() != null) {
      pdf.text(
          "人工评定：等级 "
              + Labels.grade(r.handGrade().grade())
              + "，"
              + nz(r.method())
              + "日期 "
              + r.handGrade().assessedOn()
              + "，情况："
              + nz(r.handGrade().note())
              + "（评定人："
              + nz(r.handGrade().byName())
              + "）",
          BODY,
          PdfLayout.INK,
          20,
          BODY * 2);
      return;
    }
    if (!r.documentReview()) {
      pdf.text("本项由" + nz(r.method()) + "人工评定，尚未评定，暂计 0 分。", SMALL, PdfLayout.MUTED, 20);
      return;
    }
    if (!r.evidence().isEmpty()) {
      pdf.text("佐证材料（" + r.evidence().size() + " 份）：", BODY, PdfLayout.INK, 20);
      for (Long id : r.evidence()) {
        String line =
            documents
                .apply(id)
                .map(
                    d ->
                        "· 《"
                            + d.title()
                            + "》 "
                            + (d.date() == null ? "日期未识别" : d.date().toString()))
                .orElse("· （无权查看的材料）");
        pdf.text(line, SMALL, PdfLayout.INK, 30, SMALL);
      }
    } else {
      pdf.text("佐证材料：无", BODY, PdfLayout.INK, 20);
    }
    if (!r.missing().isEmpty()) {
      pdf.text(
          "缺项（" + r.missing().size() + " 项）：", BODY, Labels.onWhite(IndicatorStatus.MISSING), 20);
      for (MissingItem m : r.missing()) {
        pdf.text(
            "· " + m.text(),
            SMALL,
            !m.returned().isEmpty()
                ? Labels.onWhite(IndicatorStatus.MISSING)
                : !m.pending().isEmpty() ? Labels.onWhite(IndicatorStatus.PENDING) : PdfLayout.INK,
            30,
            SMALL);
        Explanation e = m.explanation();
        if (e != null) {
          pdf.text(
              "缺项说明：" + nz(e.reason()) + "；完成期限：" + e.deadline() + (e.overdue() ? "（已逾期）" : ""),
              SMALL,
              e.overdue()
                  ? Labels.onWhite(IndicatorStatus.OVERDUE)
                  : Labels.onWhite(IndicatorStatus.EXPLAINED),
              40,
              SMALL);
        }
      }
    }
  }

  /** “达标 12 项，部分达标 2 项 …”, statuses in their declared order, those with none left out. */
  static String summary(UnitCompleteness c) {
    Map<IndicatorStatus, Integer> n = new EnumMap<>(IndicatorStatus.class);
    c.indicators().forEach(r -> n.merge(r.status(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    for (IndicatorStatus s : IndicatorStatus.values()) {
      if (n.containsKey(s)) {
        parts.add(s.label() + " " + n.get(s) + " 项");
      }
    }
    return parts.isEmpty()
        ? "无指标"
        : "共 " + c.indicators().size() + " 项指标：" + String.join("，", parts);
  }

  /**
   * The archive catalogue in binder order: the 总目录 (one row per indicator), then the 卷内目录 (归档文件目录),
   * indicator by indicator, each item with its 件号, 档号, 文号, 责任者, 日期, 题名, 页数, 保管期限 and 备注, as {@link
   * Workbooks#catalogue} lists them.
   *
   * @throws FontUnavailableException when no CJK font can be embedded
   */
  public byte[] catalogue(BinderPlan plan, LocalDateTime generatedAt) {
    try (ExportFont.Handle handle = fonts.open();
        PDDocument doc = new PDDocument()) {
      PDFont font = handle.embed(doc);
      String title = plan.unitName() + " " + plan.year() + "年度档案目录";
      // Landscape: nine columns, and an 档号 that must stay on one line.
      try (PdfLayout pdf =
          new PdfLayout(
              doc,
              font,
              title,
              new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()))) {
        pdf.newPage();
        pdf.centered(plan.unitName(), 18, PdfLayout.INK);
        pdf.centered(plan.year() + "年度文明创建档案 总目录", 15, PdfLayout.INK);
        pdf.gap(4);
        pdf.text(
            CatalogueRows.summary(plan) + "　生成时间：" + OfficeTime.minutes(generatedAt),
            SMALL,
            PdfLayout.MUTED,
            0);
        pdf.gap(6);
        if (plan.sections().isEmpty()) {
          pdf.text("本年度没有归档材料。", BODY, PdfLayout.MUTED, 0);
          return pdf.finish(plan.unitName() + " · " + plan.year() + "年度档案目录");
        }
        pdf.table(
            columns(CatalogueRows.MASTER_HEADERS, new float[] {0.6f, 4.6f, 1f, 0.6f, 0.6f, 0.6f}),
            plan.sections().stream().map(CatalogueRows::master).toList(),
            BODY);
        pdf.newPage();
        pdf.centered("卷内目录", 15, PdfLayout.INK);
        pdf.text(plan.unitName() + "　" + plan.year() + "年度", SMALL, PdfLayout.MUTED, 0);
        List<PdfLayout.Column> itemColumns =
            columns(
                CatalogueRows.ITEM_HEADERS,
                new float[] {0.5f, 2.5f, 1.8f, 2.0f, 1.15f, 2.1f, 0.45f, 0.7f, 1.6f});
        for (BinderPlan.Section s : plan.sections()) {
          pdf.gap(6);
          pdf.heading(CatalogueRows.heading(s), 11);
          if (s.items().isEmpty()) {
            pdf.text("本指标下没有归档材料。", SMALL, PdfLayout.MUTED, 0);
          } else {
            pdf.table(itemColumns, s.items().stream().map(CatalogueRows::item).toList(), SMALL);
          }
          String references = CatalogueRows.references(s);
          if (!references.isEmpty()) {
            pdf.text(references, SMALL, PdfLayout.MUTED, 0);
          }
          for (String gap : CatalogueRows.gaps(s)) {
            pdf.text(gap, SMALL, PdfLayout.MUTED, 0);
          }
        }
        return pdf.finish(plan.unitName() + " · " + plan.year() + "年度档案目录");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<PdfLayout.Column> columns(List<String> headers, float[] shares) {
    List<PdfLayout.Column> out = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String h = headers.get(i);
      boolean right = h.equals("序号") || h.equals("件号") || h.equals("件数") || h.equals("页数");
      out.add(new PdfLayout.Column(h, shares[i], right));
    }
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
