package org.taizhang.tools.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.taizhang.tools.sample.DocumentContent.Paragraph;

/** Writes a document as DOCX with the fonts and sizes Chinese offices use in Word. */
final class DocxDocumentWriter {

  private static final int BODY_SIZE = 14;

  void write(PlannedFile file, DocumentContent content, Path target) throws IOException {
    try (XWPFDocument doc = new XWPFDocument()) {
      for (Paragraph p : content.paragraphs()) {
        paragraph(doc, p);
      }
      Date created = Date.from(file.created().toInstant());
      POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
      core.setTitle(content.title());
      core.setCreator(file.author());
      core.setLastModifiedByUser(file.author());
      core.setCreated(Optional.of(created));
      core.setModified(Optional.of(created));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.write(bytes);
      Files.write(
          target, OfficeZip.withEntryTime(bytes.toByteArray(), file.created().toLocalDateTime()));
    }
  }

  private static void paragraph(XWPFDocument doc, Paragraph p) {
    XWPFParagraph para = doc.createParagraph();
    para.setSpacingBetween(1.5);
    XWPFRun run = para.createRun();
    run.setText(p.text());
    run.setFontFamily("仿宋_GB2312");
    run.setFontSize(BODY_SIZE);
    switch (p.style()) {
      case MASTHEAD -> {
        para.setAlignment(ParagraphAlignment.CENTER);
        run.setFontFamily("方正小标宋简体");
        run.setFontSize(28);
        run.setColor("C00000");
      }
      case DOC_NUMBER -> {
        para.setAlignment(ParagraphAlignment.CENTER);
        para.setBorderBottom(Borders.SINGLE);
      }
      case TITLE -> {
        para.setAlignment(ParagraphAlignment.CENTER);
        run.setFontFamily("方正小标宋简体");
        run.setFontSize(20);
        run.setBold(true);
      }
      case SUBTITLE -> para.setAlignment(ParagraphAlignment.CENTER);
      case HEADING -> {
        run.setFontFamily("黑体");
        run.setBold(true);
      }
      case BODY -> para.setFirstLineIndent(BODY_SIZE * 2 * 20);
      case RIGHT -> {
        para.setAlignment(ParagraphAlignment.RIGHT);
        para.setIndentationRight(BODY_SIZE * 2 * 20);
      }
      case FIELD, BLANK -> {
        // plain left-aligned line
      }
    }
  }
}
