package org.taizhang.tools.filing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.taizhang.pdf.ExportFont;
import org.taizhang.tools.filing.FilingSetTexts.Block;
import org.taizhang.tools.filing.FilingSetTexts.Draft;

/**
 * Writes a drafted document of the filing set in its format: Word (.docx), PDF, Excel (.xlsx),
 * plain text, RTF (what old Word and WPS save as “doc”) or a JPEG photo with its EXIF time. Office
 * files carry the creation time of the template they were made from (2014-10-29, as WPS templates
 * do), which is not the document's date.
 */
final class FilingSetWriter {
  /** The creation time WPS templates carry into every document made from them. */
  static final LocalDateTime TEMPLATE_CREATED = LocalDateTime.of(2014, 10, 29, 9, 41, 12);

  private static final float PAGE_MARGIN = 60;
  private static final int LINE_CHARS = 34;

  private final ExportFont.Handle fonts;

  FilingSetWriter(ExportFont.Handle fonts) {
    this.fonts = fonts;
  }

  void write(Draft d, String format, Path target) throws IOException {
    switch (format) {
      case "docx" -> docx(d, target);
      case "pdf" -> pdf(d, target);
      case "xlsx" -> xlsx(d, target);
      case "txt" -> Files.writeString(target, plain(d, "\r\n"), StandardCharsets.UTF_8);
      case "rtf" -> Files.writeString(target, rtf(d), StandardCharsets.US_ASCII);
      case "jpg" -> jpeg(d, target);
      default -> throw new IllegalArgumentException(format);
    }
  }

  static String plain(Draft d, String newline) {
    StringBuilder out = new StringBuilder();
    for (Block b : d.blocks()) {
      if (b instanceof Block.Table t) {
        for (List<String> row : t.rows()) {
          out.append(String.join("\t", row)).append(newline);
        }
      } else if (b instanceof Block.Para p) {
        out.append(p.text()).append(newline);
      }
    }
    return out.toString();
  }

  private static void docx(Draft d, Path target) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      for (Block b : d.blocks()) {
        if (b instanceof Block.Table t) {
          XWPFTable table = doc.createTable(t.rows().size(), t.rows().get(0).size());
          for (int r = 0; r < t.rows().size(); r++) {
            for (int c = 0; c < t.rows().get(r).size(); c++) {
              table.getRow(r).getCell(c).setText(t.rows().get(r).get(c));
            }
          }
        } else if (b instanceof Block.Para p) {
          XWPFParagraph para = doc.createParagraph();
          para.setAlignment(
              switch (p.style()) {
                case TITLE, HEAD -> ParagraphAlignment.CENTER;
                case RIGHT -> ParagraphAlignment.RIGHT;
                default -> ParagraphAlignment.LEFT;
              });
          XWPFRun run = para.createRun();
          run.setText(p.text());
          run.setFontFamily("仿宋_GB2312");
          if (p.style() == Block.Style.HEAD) {
            run.setColor("C00000");
            run.setFontSize(22);
          } else if (p.style() == Block.Style.TITLE) {
            run.setBold(true);
            run.setFontSize(18);
          }
        }
      }
      POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
      Date created = Date.from(TEMPLATE_CREATED.toInstant(ZoneOffset.UTC));
      core.setCreated(Optional.of(created));
      core.setModified(Optional.of(created));
      core.setCreator("Administrator");
      try (OutputStream out = Files.newOutputStream(target)) {
        doc.write(out);
      }
    }
  }

  private void pdf(Draft d, Path target) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType0Font font = fonts.embed(doc);
      List<String[]> lines = new ArrayList<>();
      for (Block b : d.blocks()) {
        if (b instanceof Block.Table t) {
          for (List<String> row : t.rows()) {
            lines.add(new String[] {"BODY", String.join("    ", row)});
          }
        } else if (b instanceof Block.Para p) {
          String text = p.text();
          if (p.style() == Block.Style.BODY && text.length() > LINE_CHARS) {
            for (int i = 0; i < text.length(); i += LINE_CHARS) {
              lines.add(
                  new String[] {
                    "BODY", text.substring(i, Math.min(text.length(), i + LINE_CHARS))
                  });
            }
          } else {
            lines.add(new String[] {p.style().name(), text});
          }
        }
      }
      PDPageContentStream stream = null;
      float y = 0;
      for (String[] line : lines) {
        float size = line[0].equals("HEAD") ? 22 : line[0].equals("TITLE") ? 16 : 12;
        if (stream == null || y < PAGE_MARGIN + size) {
          if (stream != null) {
            stream.close();
          }
          PDPage page = new PDPage(PDRectangle.A4);
          doc.addPage(page);
          stream = new PDPageContentStream(doc, page);
          y = PDRectangle.A4.getHeight() - PAGE_MARGIN;
        }
        float width = font.getStringWidth(line[1]) / 1000f * size;
        float pageWidth = PDRectangle.A4.getWidth();
        float x =
            switch (line[0]) {
              case "HEAD", "TITLE" -> (pageWidth - width) / 2;
              case "RIGHT" -> pageWidth - PAGE_MARGIN - width;
              default -> PAGE_MARGIN;
            };
        stream.beginText();
        if (line[0].equals("HEAD")) {
          stream.setNonStrokingColor(0.78f, 0.05f, 0.05f);
        } else {
          stream.setNonStrokingColor(0f, 0f, 0f);
        }
        stream.setFont(font, size);
        stream.newLineAtOffset(Math.max(PAGE_MARGIN / 2, x), y);
        stream.showText(line[1]);
        stream.endText();
        y -= size * 1.8f;
      }
      if (stream != null) {
        stream.close();
      }
      PDDocumentInformation info = doc.getDocumentInformation();
      Calendar created = GregorianCalendar.getInstance(TimeZone.getTimeZone("Asia/Shanghai"));
      created.setTime(Date.from(TEMPLATE_CREATED.toInstant(ZoneOffset.ofHours(8))));
      info.setCreationDate(created);
      info.setModificationDate(created);
      info.setCreator("WPS 文字");
      doc.save(target.toFile());
    }
  }

  private static void xlsx(Draft d, Path target) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet sheet = wb.createSheet("Sheet1");
      int r = 0;
      for (Block b : d.blocks()) {
        if (b instanceof Block.Table t) {
          for (List<String> cells : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.size(); c++) {
              row.createCell(c).setCellValue(cells.get(c));
            }
          }
        } else if (b instanceof Block.Para p) {
          sheet.createRow(r++).createCell(0).setCellValue(p.text());
        }
      }
      POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
      core.setCreated(Optional.of(Date.from(TEMPLATE_CREATED.toInstant(ZoneOffset.UTC))));
      try (OutputStream out = Files.newOutputStream(target)) {
        wb.write(out);
      }
    }
  }

  private static String rtf(Draft d) {
    StringBuilder out =
        new StringBuilder(
            "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\n\\pard\\plain\\f0 ");
    for (String line : plain(d, "\n").split("\n")) {
      for (char c : line.toCharArray()) {
        if (c < 128) {
          out.append(c == '\\' || c == '{' || c == '}' ? "\\" + c : c == '\t' ? "\\tab " : c);
        } else {
          out.append("\\u").append((int) (short) c).append('?');
        }
      }
      out.append("\\par\n");
    }
    return out.append("}\n").toString();
  }

  private static void jpeg(Draft d, Path target) throws IOException {
    Random rng = new Random(d.fileName().hashCode());
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(120 + rng.nextInt(100), 150 + rng.nextInt(80), 200));
    g.fillRect(0, 0, 320, 120);
    g.setColor(new Color(60 + rng.nextInt(80), 110 + rng.nextInt(60), 60));
    g.fillRect(0, 120, 320, 120);
    for (int i = 0; i < 12; i++) {
      g.setColor(new Color(rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)));
      g.fillOval(20 + rng.nextInt(260), 110 + rng.nextInt(80), 14, 40);
    }
    g.setColor(new Color(190, 20, 30));
    g.fillRect(40, 30, 240, 28);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", bytes);
    if (d.exif() == null) {
      Files.write(target, bytes.toByteArray());
      return;
    }
    TiffOutputSet set = new TiffOutputSet();
    String taken = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss").format(d.exif());
    TiffOutputDirectory exif = set.getOrCreateExifDirectory();
    exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, taken);
    exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED, taken);
    try (OutputStream out = Files.newOutputStream(target)) {
      new ExifRewriter().updateExifMetadataLossless(bytes.toByteArray(), out, set);
    }
  }
}
