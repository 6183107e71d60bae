package org.taizhang.tools.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.taizhang.pdf.ExportFont;

/** Writes a document as a text PDF with the CJK font embedded as a subset. */
final class PdfDocumentWriter {

  private final ExportFont.Handle fonts;

  PdfDocumentWriter(ExportFont.Handle fonts) {
    this.fonts = fonts;
  }

  void write(PlannedFile file, DocumentContent content, Path target) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PdfCanvas canvas = new PdfCanvas(doc, fonts.embed(doc));
      PageLayout.render(content, canvas);
      PdfMetadata.apply(doc, file, content.title(), "WPS 文字");
      doc.save(target.toFile());
    }
  }

  private static final class PdfCanvas implements PageLayout.Canvas {
    private final PDDocument doc;
    private final PDType0Font font;
    private final Map<String, Float> unitWidths = new HashMap<>();
    private PDPageContentStream stream;

    PdfCanvas(PDDocument doc, PDType0Font font) {
      this.doc = doc;
      this.font = font;
    }

    @Override
    public void startPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
    }

    @Override
    public void endPage(int pageNumber) throws IOException {
      String footer = PageLayout.pageNumberText(pageNumber);
      text(
          footer,
          (PageLayout.PAGE_WIDTH - width(footer, 10.5f)) / 2,
          PageLayout.pageNumberBaseline(),
          10.5f,
          false);
      stream.close();
      stream = null;
    }

    @Override
    public double width(String text, float size) throws IOException {
      Float units = unitWidths.get(text);
      if (units == null) {
        units = font.getStringWidth(text);
        if (text.length() <= 2) {
          unitWidths.put(text, units);
        }
      }
      return units / 1000.0 * size;
    }

    @Override
    public void text(String text, double x, double baseline, float size, boolean red)
        throws IOException {
      if (red) {
        stream.setNonStrokingColor(0.78f, 0.05f, 0.05f);
      }
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset((float) x, (float) (PageLayout.PAGE_HEIGHT - baseline));
      stream.showText(text);
      stream.endText();
      if (red) {
        stream.setNonStrokingColor(0f, 0f, 0f);
      }
    }

    @Override
    public void redRule(double x1, double x2, double y) throws IOException {
      float pdfY = (float) (PageLayout.PAGE_HEIGHT - y);
      stream.setStrokingColor(0.78f, 0.05f, 0.05f);
      stream.setLineWidth(1.5f);
      stream.moveTo((float) x1, pdfY);
      stream.lineTo((float) x2, pdfY);
      stream.stroke();
      stream.setStrokingColor(0f, 0f, 0f);
    }
  }
}
