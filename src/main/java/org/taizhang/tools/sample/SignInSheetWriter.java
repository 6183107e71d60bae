package org.taizhang.tools.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes a meeting sign-in sheet (签到表) as XLSX: title, time and place, then 序号/姓名/职务/签名. */
final class SignInSheetWriter {

  static final List<String> HEADER = List.of("序号", "姓名", "职务", "签名");

  void write(PlannedFile file, PlannedFile.SignInSheet sheet, Path target) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet s = wb.createSheet("签到表");
      CellStyle title = style(wb, 16, true, false, false);
      CellStyle subtitle = style(wb, 11, false, false, false);
      subtitle.setAlignment(HorizontalAlignment.LEFT);
      CellStyle header = style(wb, 12, true, true, true);
      CellStyle cell = style(wb, 12, false, true, false);

      Row titleRow = s.createRow(0);
      titleRow.setHeightInPoints(32);
      titleRow.createCell(0).setCellValue(sheet.title());
      titleRow.getCell(0).setCellStyle(title);
      s.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));

      Row subRow = s.createRow(1);
      subRow.setHeightInPoints(22);
      subRow.createCell(0).setCellValue(sheet.subtitle());
      subRow.getCell(0).setCellStyle(subtitle);
      s.addMergedRegion(new CellRangeAddress(1, 1, 0, HEADER.size() - 1));

      Row headerRow = s.createRow(2);
      headerRow.setHeightInPoints(24);
      for (int c = 0; c < HEADER.size(); c++) {
        headerRow.createCell(c).setCellValue(HEADER.get(c));
        headerRow.getCell(c).setCellStyle(header);
      }
      int r = 3;
      for (List<String> person : sheet.rows()) {
        Row row = s.createRow(r);
        row.setHeightInPoints(26);
        row.createCell(0).setCellValue(r - 2);
        for (int c = 0; c < person.size(); c++) {
          row.createCell(c + 1).setCellValue(person.get(c));
        }
        for (int c = 0; c < HEADER.size(); c++) {
          row.getCell(c).setCellStyle(cell);
        }
        r++;
      }
      s.setColumnWidth(0, 8 * 256);
      s.setColumnWidth(1, 14 * 256);
      s.setColumnWidth(2, 34 * 256);
      s.setColumnWidth(3, 18 * 256);
      s.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
      s.setFitToPage(true);
      s.getPrintSetup().setFitWidth((short) 1);
      s.getPrintSetup().setFitHeight((short) 0);

      Date created = Date.from(file.created().toInstant());
      POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
      core.setTitle(sheet.title());
      core.setCreator(file.author());
      core.setLastModifiedByUser(file.author());
      core.setCreated(Optional.of(created));
      core.setModified(Optional.of(created));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      wb.write(bytes);
      Files.write(
          target, OfficeZip.withEntryTime(bytes.toByteArray(), file.created().toLocalDateTime()));
    }
  }

  private static CellStyle style(
      XSSFWorkbook wb, int size, boolean bold, boolean border, boolean fill) {
    Font font = wb.createFont();
    font.setFontName("宋体");
    font.setFontHeightInPoints((short) size);
    font.setBold(bold);
    CellStyle style = wb.createCellStyle();
    style.setFont(font);
    style.setAlignment(HorizontalAlignment.CENTER);
    style.setVerticalAlignment(VerticalAlignment.CENTER);
    if (border) {
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
    }
    if (fill) {
      style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }
    return style;
  }
}
