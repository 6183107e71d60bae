package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.taizhang.completeness.IndicatorStatus;
import org.taizhang.completeness.Labels;
import org.taizhang.completeness.Matrix;
import org.taizhang.completeness.UnitCompleteness;

/**
 * The Excel exports read back with POI: the right cells, the dashboard's fills, every missing item.
 */
class WorkbooksTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2025, 11, 20, 9, 30);

  @Test
  void matrixHasOneRowPerUnitAndOneColumnPerIndicatorFilledLikeTheDashboard() throws IOException {
    Matrix m = Matrix.of(List.of(Fixtures.unit()), u -> true, null, null, Matrix.Sort.SCORE_DESC);
    try (XSSFWorkbook wb = read(Workbooks.matrix(2025, m, "单位类型：全部", NOW))) {
      assertThat(sheetNames(wb))
          .containsExactly(
              Workbooks.MATRIX_SHEET,
              Workbooks.MISSING_SHEET,
              Workbooks.RED_FLAG_SHEET,
              Workbooks.NOTES_SHEET);
      XSSFSheet s = wb.getSheet(Workbooks.MATRIX_SHEET);
      assertThat(texts(s.getRow(0)))
          .containsExactly(
              "单位名称",
              "单位代码",
              "单位类型",
              "得分",
              "满分",
              "待评",
              "排名",
              "一票否决",
              "疑点",
              "Ⅰ-1-1 " + Fixtures.GROUP,
              "Ⅰ-3-1 " + Fixtures.MEETING,
              "Ⅱ-1-2 " + Fixtures.POST,
              "Ⅱ-2-1 " + Fixtures.SURVEY,
              "Ⅲ-1-2 " + Fixtures.SUMMARY);
      Row row = s.getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo(Fixtures.UNIT_NAME);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo(Fixtures.UNIT);
      assertThat(row.getCell(2).getStringCellValue()).isEqualTo("文明单位");
      // A vetoed unit: the veto stands where the score would.
      assertThat(row.getCell(3).getStringCellValue()).isEqualTo("一票否决 · 不得申报");
      assertThat(fill(row.getCell(3))).isEqualTo("A8201A");
      assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(24);
      assertThat(row.getCell(5).getNumericCellValue())
          .as("indicators still to be graded by hand")
          .isEqualTo(1);
      assertThat(row.getCell(6).getStringCellValue()).isEqualTo("3/3");
      assertThat(row.getCell(7).getStringCellValue())
          .isEqualTo(Fixtures.VETO + "（记录人：" + Fixtures.ADMIN_NAME + "）");
      assertThat(fill(row.getCell(7))).isEqualTo("A8201A");
      assertThat(row.getCell(8).getStringCellValue()).isEqualTo("2 项：模板未填写 1、疑似雷同 1");
      assertCell(row.getCell(9), "A 达标", IndicatorStatus.MET);
      assertCell(row.getCell(10), "B 说明逾期", IndicatorStatus.OVERDUE);
      assertCell(row.getCell(11), "B 人工评定", IndicatorStatus.HAND_GRADED);
      assertCell(row.getCell(12), "— 待评", IndicatorStatus.NOT_REVIEWED);
      // The effective grade (the reviewer's override), as on the dashboard.
      assertCell(row.getCell(13), "C 缺失", IndicatorStatus.MISSING);
      assertThat(s.getLastRowNum()).isEqualTo(1);

      // Red flags as the row carries them: a reader who may not see the source reads no name.
      XSSFSheet flags = wb.getSheet(Workbooks.RED_FLAG_SHEET);
      assertThat(texts(flags.getRow(0))).containsExactlyElementsOf(Workbooks.RED_FLAG_HEADERS);
      assertThat(texts(flags.getRow(1)))
          .containsExactly(Fixtures.UNIT_NAME, Fixtures.UNIT, "模板未填写", Fixtures.RED_FLAG);
      assertThat(texts(flags.getRow(2)))
          .containsExactly(Fixtures.UNIT_NAME, Fixtures.UNIT, "疑似雷同", Fixtures.NEAR_COPY_HIDDEN);

      XSSFSheet missing = wb.getSheet(Workbooks.MISSING_SHEET);
      assertThat(texts(missing.getRow(0))).containsExactlyElementsOf(Workbooks.MISSING_HEADERS);
      assertThat(texts(missing.getRow(1)))
          .containsExactly(
              Fixtures.UNIT_NAME,
              Fixtures.UNIT,
              "Ⅰ-3-1",
              Fixtures.MEETING,
              "说明逾期",
              Fixtures.MISSING_Q3,
              Fixtures.EXPLANATION,
              "2025-10-31",
              "是");
      assertThat(fill((XSSFCell) missing.getRow(1).getCell(4)))
          .isEqualTo(Labels.fillHex(IndicatorStatus.OVERDUE));
      assertThat(texts(missing.getRow(2)))
          .containsExactly(
              Fixtures.UNIT_NAME,
              Fixtures.UNIT,
              "Ⅲ-1-2",
              Fixtures.SUMMARY,
              "缺失",
              Fixtures.MISSING_SUMMARY,
              "",
              "",
              "");
      assertThat(missing.getLastRowNum()).isEqualTo(2);

      XSSFSheet notes = wb.getSheet(Workbooks.NOTES_SHEET);
      assertThat(texts(notes.getRow(2))).containsExactly("筛选", "单位类型：全部");
      assertThat(texts(notes.getRow(3))).containsExactly("生成时间", "2025-11-20 09:30");
    }
    // A reader who sees both units reads the pair.
    Matrix full =
        Matrix.of(
            List.of(Fixtures.unit().forReader(u -> true)),
            u -> true,
            null,
            null,
            Matrix.Sort.SCORE_DESC);
    try (XSSFWorkbook wb = read(Workbooks.matrix(2025, full, "", NOW))) {
      assertThat(wb.getSheet(Workbooks.RED_FLAG_SHEET).getRow(2).getCell(3).getStringCellValue())
          .isEqualTo(Fixtures.NEAR_COPY_FULL);
    }
  }

  @Test
  void unitsOfDifferentSystemsGetASheetEachAndEveryStatusItsColour() throws IOException {
    List<UnitCompleteness> both = List.of(Fixtures.village(), Fixtures.unit());
    Matrix m = Matrix.of(both, u -> true, null, null, Matrix.Sort.NAME);
    try (XSSFWorkbook wb = read(Workbooks.matrix(2025, m, "", NOW))) {
      assertThat(sheetNames(wb))
          .containsExactly(
              "文明单位（文明行业）测评体系",
              "文明村镇测评体系",
              Workbooks.MISSING_SHEET,
              Workbooks.RED_FLAG_SHEET,
              Workbooks.NOTES_SHEET);
      XSSFSheet village = wb.getSheet("文明村镇测评体系");
      assertThat(village.getRow(1).getCell(0).getStringCellValue()).isEqualTo("青禾县测试杏桥村");
      assertThat(village.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(13.28);
      assertCell(
          (XSSFCell) village.getRow(1).getCell(Workbooks.MATRIX_FIXED_HEADERS.size() + 1),
          "B 已说明",
          IndicatorStatus.EXPLAINED);
      // Missing items of both units, in the matrix's row order.
      XSSFSheet missing = wb.getSheet(Workbooks.MISSING_SHEET);
      assertThat(missing.getLastRowNum()).isEqualTo(3);
      // The legend shows every colour the dashboard uses.
      XSSFSheet notes = wb.getSheet(Workbooks.NOTES_SHEET);
      List<String> legend = new ArrayList<>();
      for (Row r : notes) {
        Cell c = r.getCell(0);
        for (IndicatorStatus s : IndicatorStatus.values()) {
          if (c != null && c.getStringCellValue().equals(s.label())) {
            assertThat(fill((XSSFCell) c)).isEqualTo(Labels.fillHex(s));
            legend.add(s.label());
          }
        }
      }
      assertThat(legend).hasSize(IndicatorStatus.values().length);
    }
  }

  @Test
  void filtersOfTheDashboardApplyToTheMatrix() {
    List<UnitCompleteness> both = List.of(Fixtures.unit(), Fixtures.village());
    assertThat(Matrix.of(both, u -> true, "文明村镇", null, Matrix.Sort.SCORE_DESC).rows())
        .extracting(UnitCompleteness::unit)
        .containsExactly("test-xqc");
    assertThat(
            Matrix.of(both, u -> u.equals(Fixtures.UNIT), null, null, Matrix.Sort.SCORE_DESC)
                .rows())
        .extracting(UnitCompleteness::unit)
        .containsExactly(Fixtures.UNIT);
    assertThat(Matrix.of(both, u -> true, null, Set.of("test-xqc"), Matrix.Sort.SCORE_DESC).rows())
        .extracting(UnitCompleteness::unit)
        .containsExactly("test-xqc");
    // Blocks by system name; within a block by score share.
    Matrix m = Matrix.of(both, u -> true, null, null, Matrix.Sort.SCORE_ASC);
    assertThat(m.blocks())
        .extracting(Matrix.Block::system)
        .containsExactly("文明单位（文明行业）测评体系", "文明村镇测评体系");
    assertThat(m.blocks().get(0).columns())
        .extracting(Matrix.Column::code)
        .containsExactly("Ⅰ-1-1", "Ⅰ-3-1", "Ⅱ-1-2", "Ⅱ-2-1", "Ⅲ-1-2");
  }

  @Test
  void aVetoedUnitSortsBelowEveryUnitWithoutOneWhateverItsScore() {
    UnitCompleteness vetoed = Fixtures.unit();
    UnitCompleteness low = Fixtures.withScore(Fixtures.unit().unit() + "-low", 1);
    UnitCompleteness high = Fixtures.withScore(Fixtures.unit().unit() + "-high", 23);
    List<UnitCompleteness> all = List.of(vetoed, low, high);
    assertThat(Matrix.of(all, u -> true, null, null, Matrix.Sort.SCORE_DESC).rows())
        .extracting(UnitCompleteness::unit)
        .containsExactly(high.unit(), low.unit(), vetoed.unit());
    assertThat(Matrix.of(all, u -> true, null, null, Matrix.Sort.SCORE_ASC).rows())
        .extracting(UnitCompleteness::unit)
        .containsExactly(vetoed.unit(), low.unit(), high.unit());
  }

  @Test
  void catalogueWorkbookHasTheMasterCatalogueThenEveryItem() throws IOException {
    try (XSSFWorkbook wb = read(Workbooks.catalogue(Fixtures.plan(), NOW))) {
      assertThat(sheetNames(wb)).containsExactly(Workbooks.CATALOGUE_SHEET, Workbooks.ITEMS_SHEET);
      XSSFSheet main = wb.getSheet(Workbooks.CATALOGUE_SHEET);
      assertThat(main.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo(Fixtures.UNIT_NAME + " 2025年度文明创建档案 总目录");
      assertThat(texts(main.getRow(2))).containsExactly("序号", "指标", "评定", "件数", "页数", "缺项");
      assertThat(texts(main.getRow(3)))
          .containsExactly("1", "Ⅰ-1-1　创建机构 › " + Fixtures.GROUP, "达标", "1", "2", "");
      // One meeting record's pages are unknown: the section's sum is left blank, not understated.
      assertThat(texts(main.getRow(4))).endsWith("2", "", "1");
      XSSFSheet items = wb.getSheet(Workbooks.ITEMS_SHEET);
      assertThat(texts(items.getRow(1)))
          .containsExactly("指标", "件号", "档号", "文号", "责任者", "日期", "题名", "页数", "保管期限", "备注");
      assertThat(texts(items.getRow(2)))
          .containsExactly(
              "Ⅰ-1-1",
              "1",
              "test-wjj-WS·2025-Y-0001",
              "青卫发〔2025〕3号",
              Fixtures.UNIT_NAME,
              "2025-03-10",
              "关于成立创建工作领导小组的通知",
              "2",
              "永久",
              "");
      assertThat(texts(items.getRow(4))).contains("test-wjj-WS·2025-D10-0002", "", "页数待转换后确定");
      assertThat(texts(items.getRow(5))).startsWith("其他归档材料", "3", "test-wjj-WS·2025-D10-0003");
      assertThat(items.getLastRowNum()).isEqualTo(5);
    }
  }

  static void assertCell(Cell cell, String text, IndicatorStatus status) {
    assertThat(cell.getStringCellValue()).isEqualTo(text);
    assertThat(cell.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
    assertThat(fill((XSSFCell) cell)).as("fill of %s", text).isEqualTo(Labels.fillHex(status));
  }

  static String fill(Cell cell) {
    XSSFColor c = ((XSSFCell) cell).getCellStyle().getFillForegroundColorColor();
    byte[] rgb = c.getRGB();
    return String.format("%02X%02X%02X", rgb[0] & 0xff, rgb[1] & 0xff, rgb[2] & 0xff);
  }

  static XSSFWorkbook read(byte[] bytes) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  static List<String> sheetNames(XSSFWorkbook wb) {
    List<String> names = new ArrayList<>();
    wb.forEach(s -> names.add(s.getSheetName()));
    return names;
  }

  /** Cell values as text; whole numbers without “.0”. */
  static List<String> texts(Row row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.getLastCellNum(); i++) {
      Cell c = row.getCell(i);
      if (c == null) {
        out.add("");
      } else if (c.getCellType() == CellType.NUMERIC) {
        out.add(Labels.points(c.getNumericCellValue()));
      } else {
        out.add(c.getStringCellValue());
      }
    }
    return out;
  }
}
