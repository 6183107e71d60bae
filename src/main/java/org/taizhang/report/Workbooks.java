package org.taizhang.report;

import static org.taizhang.sheet.Sheets.bordered;
import static org.taizhang.sheet.Sheets.bytes;
import static org.taizhang.sheet.Sheets.color;
import static org.taizhang.sheet.Sheets.number;
import static org.taizhang.sheet.Sheets.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.taizhang.binder.BinderPlan;
import org.taizhang.completeness.Explanation;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.completeness.IndicatorStatus;
import org.taizhang.completeness.Labels;
import org.taizhang.completeness.Matrix;
import org.taizhang.completeness.MissingItem;
import org.taizhang.completeness.RedFlag;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.sheet.Sheets;
import org.taizhang.time.OfficeTime;

/**
 * The Excel exports (XLSX, Apache POI): the dashboard's matrix with the dashboard's colours plus
 * every missing item, and a unit's archive catalogue. Pure functions of their input.
 */
final class Workbooks {
  public static final String MATRIX_SHEET = "完整性矩阵";
  public static final String MISSING_SHEET = "缺项清单";
  public static final String NOTES_SHEET = "说明";
  public static final String RED_FLAG_SHEET = "疑点清单";
  public static final String CATALOGUE_SHEET = "总目录";
  public static final String ITEMS_SHEET = "卷内目录";
  public static final List<String> MATRIX_FIXED_HEADERS =
      List.of("单位名称", "单位代码", "单位类型", "得分", "满分", "待评", "排名", "一票否决", "疑点");
  public static final List<String> RED_FLAG_HEADERS = List.of("单位名称", "单位代码", "疑点类型", "说明");
  public static final List<String> MISSING_HEADERS =
      List.of("单位名称", "单位代码", "指标代码", "指标名称", "状态", "缺项", "缺项说明", "完成期限", "说明逾期");

  private Workbooks() {}

  /** Cell styles of one workbook, made once: a workbook holds at most 64 000 of them. */
  private static final class Styles {
    final XSSFCellStyle header;
    final XSSFCellStyle text;
    final XSSFCellStyle wrap;
    final XSSFCellStyle number;
    final XSSFCellStyle title;
    final XSSFCellStyle veto;
    final XSSFCellStyle flag;
    final Map<IndicatorStatus, XSSFCellStyle> status = new EnumMap<>(IndicatorStatus.class);

    Styles(XSSFWorkbook wb) {
      Sheets.Styles common = new Sheets.Styles(wb);
      header = common.header;
      text = common.text;
      wrap = common.wrap;
      title = common.title;
      number = bordered(wb);
      number.setAlignment(HorizontalAlignment.RIGHT);
      number.setDataFormat(wb.createDataFormat().getFormat("0.##"));
      XSSFFont white = wb.createFont();
      white.setColor(color("FFFFFF"));
      veto = bordered(wb);
      veto.setFillForegroundColor(color("A8201A"));
      veto.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      veto.setFont(white);
      veto.setWrapText(true);
      XSSFFont darkRed = wb.createFont();
      darkRed.setColor(color("8E1B12"));
      flag = bordered(wb);
      flag.setFillForegroundColor(color("FDECEA"));
      flag.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      flag.setFont(darkRed);
      flag.setWrapText(true);
      for (IndicatorStatus s : IndicatorStatus.values()) {
        XSSFCellStyle st = bordered(wb);
        st.setFillForegroundColor(color(Labels.fillHex(s)));
        st.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        st.setAlignment(HorizontalAlignment.CENTER);
        XSSFFont f = wb.createFont();
        f.setColor(color(Labels.textHex(s)));
        st.setFont(f);
        status.put(s, st);
      }
    }
  }

  /**
   * The matrix: one sheet per evaluation system (one unit per row: name, code, type, score — or for
   * a vetoed unit “一票否决 · 不得申报” in its place —, max, indicators still to be graded, rank, veto, red
   * flags, then one column per indicator with “grade status” on the status's colour), then every
   * missing item, every red flag, and a sheet with the year, the filters and the colour legend. Red
   * flags are written as the matrix's rows carry them: built for the reader.
   */
  public static byte[] matrix(int year, Matrix matrix, String filters, LocalDateTime generatedAt) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      Set<String> names = new HashSet<>();
      if (matrix.isEmpty()) {
        XSSFSheet sheet = wb.createSheet(MATRIX_SHEET);
        names.add(MATRIX_SHEET);
        header(sheet.createRow(0), MATRIX_FIXED_HEADERS, st);
      }
      for (Matrix.Block block : matrix.blocks()) {
        String name =
            matrix.blocks().size() == 1
                ? MATRIX_SHEET
                : unique(names, block.system().isEmpty() ? MATRIX_SHEET : block.system());
        names.add(name);
        XSSFSheet sheet = wb.createSheet(name);
        List<String> headers = new ArrayList<>(MATRIX_FIXED_HEADERS);
        block.columns().forEach(c -> headers.add(c.code() + " " + c.name()));
        Row head = header(sheet.createRow(0), headers, st);
        head.setHeightInPoints(48);
        int r = 1;
        for (UnitCompleteness u : block.rows()) {
          Row row = sheet.createRow(r++);
          text(row, 0, u.unitName(), st.text);
          text(row, 1, u.unit(), st.text);
          text(row, 2, u.unitType(), st.text);
          if (u.vetoed()) {
            text(row, 3, Labels.verdict(u), st.veto);
          } else {
            number(row, 3, u.score(), st.number);
          }
          number(row, 4, u.maxScore(), st.number);
          number(row, 5, u.ungraded(), st.number);
          text(row, 6, Labels.rank(u.rank(), u.rankOf()), st.text);
          text(row, 7, u.vetoed() ? Labels.vetoes(u) : "无", u.vetoed() ? st.veto : st.text);
          text(
              row,
              8,
              u.redFlags().isEmpty() ? "无" : Labels.redFlags(u),
              u.redFlags().isEmpty() ? st.text : st.flag);
          int c = MATRIX_FIXED_HEADERS.size();
          for (Matrix.Column col : block.columns()) {
            IndicatorResult res = block.cell(u, col.code());
            if (res == null) {
              text(row, c++, "", st.text);
            } else {
              text(row, c++, Labels.cell(res), st.status.get(res.status()));
            }
          }
        }
        sheet.createFreezePane(1, 1);
        widths(sheet, new int[] {28, 12, 10, 12, 8, 6, 8, 18, 22}, block.columns().size(), 14);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, headers.size() - 1));
        sheet.getPrintSetup().setLandscape(true);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
      }

      XSSFSheet missing = wb.createSheet(MISSING_SHEET);
      header(missing.createRow(0), MISSING_HEADERS, st);
      int r = 1;
      for (UnitCompleteness u : matrix.rows()) {
        for (IndicatorResult res : u.indicators()) {
          for (MissingItem m : res.missing()) {
            Row row = missing.createRow(r++);
            Explanation e = m.explanation();
            text(row, 0, u.unitName(), st.text);
            text(row, 1, u.unit(), st.text);
            text(row, 2, res.code(), st.text);
            text(row, 3, res.name(), st.wrap);
            text(row, 4, res.status().label(), st.status.get(res.status()));
            text(row, 5, m.text(), st.wrap);
            text(row, 6, e == null ? "" : e.reason(), st.wrap);
            text(row, 7, e == null || e.deadline() == null ? "" : e.deadline().toString(), st.text);
            text(
                row,
                8,
                e == null ? "" : e.overdue() ? "是" : "否",
                e != null && e.overdue() ? st.status.get(IndicatorStatus.OVERDUE) : st.text);
          }
        }
      }
      missing.createFreezePane(0, 1);
      widths(missing, new int[] {28, 12, 8, 28, 10, 48, 36, 12, 8}, 0, 0);
      missing.setAutoFilter(
          new CellRangeAddress(0, Math.max(0, r - 1), 0, MISSING_HEADERS.size() - 1));

      XSSFSheet flags = wb.createSheet(RED_FLAG_SHEET);
      header(flags.createRow(0), RED_FLAG_HEADERS, st);
      r = 1;
      for (UnitCompleteness u : matrix.rows()) {
        for (RedFlag f : u.redFlags()) {
          Row row = flags.createRow(r++);
          text(row, 0, u.unitName(), st.text);
          text(row, 1, u.unit(), st.text);
          text(row, 2, Labels.redFlagKind(f.kind()), st.flag);
          text(row, 3, f.text(), st.wrap);
        }
      }
      flags.createFreezePane(0, 1);
      widths(flags, new int[] {28, 12, 14, 80}, 0, 0);
      flags.setAutoFilter(
          new CellRangeAddress(0, Math.max(0, r - 1), 0, RED_FLAG_HEADERS.size() - 1));

      XSSFSheet notes = wb.createSheet(NOTES_SHEET);
      int n = 0;
      Row t = notes.createRow(n++);
      text(t, 0, year + "年度台账完整性矩阵", st.title);
      pair(notes.createRow(n++), "年度", String.valueOf(year), st);
      pair(notes.createRow(n++), "筛选", filters, st);
      pair(notes.createRow(n++), "生成时间", OfficeTime.minutes(generatedAt), st);
      pair(
          notes.createRow(n++),
          "测评体系",
          String.join("；", matrix.blocks().stream().map(Matrix.Block::system).toList()),
          st);
      pair(notes.createRow(n++), "单元格", "等级 + 状态；得分含材料审核指标和已人工评定的实地考察、问卷调查指标，待评指标暂计 0 分", st);
      pair(notes.createRow(n++), "排名", "同类型单位中的名次；记录了一票否决的单位不得申报，排在所有未被否决的单位之后", st);
      n++;
      text(notes.createRow(n++), 0, "颜色", st.header);
      for (IndicatorStatus s : IndicatorStatus.values()) {
        text(notes.createRow(n++), 0, s.label(), st.status.get(s));
      }
      notes.setColumnWidth(0, 14 * 256);
      notes.setColumnWidth(1, 70 * 256);
      return bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The catalogue in binder order: the 总目录 on the first sheet (one row per indicator), the 卷内目录 on
   * the second (one row per item, with its indicator), the same cells as {@link
   * PdfReports#catalogue}. A page count still unknown is left blank.
   */
  public static byte[] catalogue(BinderPlan plan, LocalDateTime generatedAt) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      XSSFSheet main = wb.createSheet(CATALOGUE_SHEET);
      text(main.createRow(0), 0, plan.unitName() + " " + plan.year() + "年度文明创建档案 总目录", st.title);
      text(
          main.createRow(1),
          0,
          CatalogueRows.summary(plan) + "，生成于 " + OfficeTime.minutes(generatedAt),
          st.text);
      header(main.createRow(2), CatalogueRows.MASTER_HEADERS, st);
      int r = 3;
      for (BinderPlan.Section s : plan.sections()) {
        cells(main.createRow(r++), CatalogueRows.master(s), Set.of(0, 3, 4, 5), st);
      }
      widths(main, new int[] {6, 60, 10, 6, 6, 6}, 0, 0);
      XSSFSheet items = wb.createSheet(ITEMS_SHEET);
      text(items.createRow(0), 0, "卷内目录　" + plan.unitName() + "　" + plan.year() + "年度", st.title);
      List<String> headers = new ArrayList<>(List.of("指标"));
      headers.addAll(CatalogueRows.ITEM_HEADERS);
      header(items.createRow(1), headers, st);
      int i = 2;
      for (BinderPlan.Section s : plan.sections()) {
        for (BinderPlan.Item item : s.items()) {
          Row row = items.createRow(i++);
          text(row, 0, s.other() ? s.name() : s.code(), st.text);
          List<String> cells = CatalogueRows.item(item);
          for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            if ((c == 0 || c == 6) && !v.isEmpty()) {
              number(row, c + 1, Integer.parseInt(v), st.number);
            } else {
              text(row, c + 1, v, c == 5 || c == 8 ? st.wrap : st.text);
            }
          }
        }
      }
      widths(items, new int[] {8, 6, 26, 18, 16, 11, 44, 6, 8, 24}, 0, 0);
      items.setRepeatingRows(new CellRangeAddress(1, 1, -1, -1));
      return bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void cells(Row row, List<String> values, Set<Integer> numeric, Styles st) {
    for (int c = 0; c < values.size(); c++) {
      String v = values.get(c);
      if (numeric.contains(c) && !v.isEmpty()) {
        number(row, c, Integer.parseInt(v), st.number);
      } else {
        text(row, c, v, st.text);
      }
    }
  }

  private static String unique(Set<String> taken, String wanted) {
    String base = WorkbookUtil.createSafeSheetName(wanted);
    String name = base;
    for (int i = 2; taken.contains(name); i++) {
      String suffix = "(" + i + ")";
      name =
          (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base)
              + suffix;
    }
    return name;
  }

  private static Row header(Row row, List<String> headers, Styles st) {
    for (int i = 0; i < headers.size(); i++) {
      text(row, i, headers.get(i), st.header);
    }
    return row;
  }

  private static void pair(Row row, String key, String value, Styles st) {
    text(row, 0, key, st.header);
    text(row, 1, value, st.wrap);
  }

  private static void widths(XSSFSheet sheet, int[] fixed, int more, int moreWidth) {
    for (int i = 0; i < fixed.length; i++) {
      sheet.setColumnWidth(i, fixed[i] * 256);
    }
    for (int i = 0; i < more; i++) {
      sheet.setColumnWidth(fixed.length + i, moreWidth * 256);
    }
  }
}
