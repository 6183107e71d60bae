package org.taizhang.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.taizhang.web.ProblemException;

/**
 * Writing and reading the small spreadsheets offices exchange (a unit list, an evaluation system):
 * one look for headers and cells, and cells read as the text Excel shows, whatever their type.
 */
public final class Sheets {
  private static final DataFormatter FORMAT = new DataFormatter(Locale.ROOT);

  private Sheets() {}

  /** A workbook that could not be read, with a message for the person who sent it. */
  public static final class UnreadableException extends ProblemException {
    public UnreadableException(String message) {
      super(HttpStatus.BAD_REQUEST, "UNREADABLE_FILE", message);
    }
  }

  /** The cell styles of one workbook (a workbook holds a limited number of them). */
  public static final class Styles {
    public final XSSFCellStyle header;
    public final XSSFCellStyle text;
    public final XSSFCellStyle wrap;
    public final XSSFCellStyle title;
    public final XSSFCellStyle note;

    public Styles(XSSFWorkbook wb) {
      XSSFFont bold = wb.createFont();
      bold.setBold(true);
      header = bordered(wb);
      header.setFont(bold);
      header.setFillForegroundColor(color("F0F2F4"));
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setWrapText(true);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      text = bordered(wb);
      wrap = bordered(wb);
      wrap.setWrapText(true);
      XSSFFont big = wb.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      title = wb.createCellStyle();
      title.setFont(big);
      note = wb.createCellStyle();
      note.setWrapText(true);
      note.setVerticalAlignment(VerticalAlignment.TOP);
    }
  }

  /** A cell style with the thin grey border every table cell has. */
  public static XSSFCellStyle bordered(XSSFWorkbook wb) {
    XSSFCellStyle s = wb.createCellStyle();
    s.setBorderBottom(BorderStyle.THIN);
    s.setBorderTop(BorderStyle.THIN);
    s.setBorderLeft(BorderStyle.THIN);
    s.setBorderRight(BorderStyle.THIN);
    XSSFColor line = color("D9DEE3");
    s.setBottomBorderColor(line);
    s.setTopBorderColor(line);
    s.setLeftBorderColor(line);
    s.setRightBorderColor(line);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    return s;
  }

  /** A colour written as in CSS, without the #: {@code "F0F2F4"}. */
  public static XSSFColor color(String hex) {
    int v = Integer.parseInt(hex, 16);
    return new XSSFColor(new byte[] {(byte) (v >> 16), (byte) (v >> 8), (byte) v}, null);
  }

  public static void text(Row row, int col, String value, XSSFCellStyle style) {
    Cell cell = row.createCell(col);
    cell.setCellValue(value == null ? "" : value);
    cell.setCellStyle(style);
  }

  public static void number(Row row, int col, double value, XSSFCellStyle style) {
    Cell cell = row.createCell(col);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  public static byte[] bytes(Workbook wb) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens an .xlsx or .xls upload; anything else is an {@link UnreadableException}. */
  public static Workbook open(InputStream in) {
    try {
      return WorkbookFactory.create(in);
    } catch (EncryptedDocumentException e) {
      throw new UnreadableException("Excel 文件有密码保护，请去除密码后再导入");
    } catch (IOException | RuntimeException e) {
      throw new UnreadableException("无法读取 Excel 文件（请上传 .xlsx 或 .xls 格式）：" + e.getMessage());
    }
  }

  /** The cell's text as Excel shows it (a number as “4”, not “4.0”), stripped; "" for no cell. */
  public static String cellText(Row row, int col) {
    if (row == null || col < 0) {
      return "";
    }
    Cell c = row.getCell(col);
    if (c == null) {
      return "";
    }
    String s =
        c.getCellType() == CellType.FORMULA
            ? FORMAT.formatCellValue(
                c, c.getSheet().getWorkbook().getCreationHelper().createFormulaEvaluator())
            : FORMAT.formatCellValue(c);
    return s.replace('\r', '\n').strip();
  }
}
