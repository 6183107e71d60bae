package org.taizhang.tools.sample;

import java.io.IOException;
import java.util.List;
import org.taizhang.pdf.LineBreaker;
import org.taizhang.tools.sample.DocumentContent.Paragraph;

/**
 * Lays a document out on A4 pages the way a Chinese office document looks: red masthead and 文号 for
 * formal documents, centred title, indented paragraphs, right-aligned signature and date, page
 * numbers as “— 1 —”. The same layout drives the text PDF and the scanned page image.
 */
final class PageLayout {

  static final double PAGE_WIDTH = 595.28;
  static final double PAGE_HEIGHT = 841.89;
  static final double MARGIN_X = 72;
  private static final double MARGIN_TOP = 76;
  private static final double MARGIN_BOTTOM = 80;
  private static final double LINE_FACTOR = 1.75;
  private static final float BODY_SIZE = 12f;

  /** Where a layout draws; coordinates are points from the page's top-left corner. */
  interface Canvas {
    void startPage() throws IOException;

    void endPage(int pageNumber) throws IOException;

    double width(String text, float size) throws IOException;

    /** Draws text with its baseline at {@code baseline}. */
    void text(String text, double x, double baseline, float size, boolean red) throws IOException;

    void redRule(double x1, double x2, double y) throws IOException;
  }

  private final Canvas canvas;
  private double y;
  private int page;

  private PageLayout(Canvas canvas) {
    this.canvas = canvas;
  }

  /** Lays out the whole document and returns the number of pages. */
  static int render(DocumentContent content, Canvas canvas) throws IOException {
    PageLayout layout = new PageLayout(canvas);
    layout.newPage();
    for (Paragraph p : content.paragraphs()) {
      layout.paragraph(p);
    }
    layout.canvas.endPage(layout.page);
    return layout.page;
  }

  private void newPage() throws IOException {
    if (page > 0) {
      canvas.endPage(page);
    }
    page++;
    canvas.startPage();
    y = MARGIN_TOP;
  }

  private void paragraph(Paragraph p) throws IOException {
    double textWidth = PAGE_WIDTH - 2 * MARGIN_X;
    switch (p.style()) {
      case MASTHEAD -> {
        y += 14;
        centered(p.text(), 26f, true, textWidth);
        y += 10;
      }
      case DOC_NUMBER -> {
        centered(p.text(), BODY_SIZE, false, textWidth);
        canvas.redRule(MARGIN_X, PAGE_WIDTH - MARGIN_X, y + 10);
        y += 26;
      }
      case TITLE -> {
        centered(p.text(), 17f, false, textWidth - 24);
        y += 10;
      }
      case SUBTITLE -> centered(p.text(), BODY_SIZE, false, textWidth);
      case HEADING -> {
        y += 3;
        flow(p.text(), 13f, 0, textWidth);
      }
      case BODY -> flow(p.text(), BODY_SIZE, 2 * BODY_SIZE, textWidth);
      case FIELD -> flow(p.text(), BODY_SIZE, 0, textWidth);
      case RIGHT -> {
        List<String> lines = wrap(p.text(), BODY_SIZE, textWidth, textWidth);
        for (String line : lines) {
          double lineHeight = BODY_SIZE * LINE_FACTOR;
          ensureRoom(lineHeight);
          y += lineHeight;
          double w = canvas.width(line, BODY_SIZE);
          canvas.text(line, PAGE_WIDTH - MARGIN_X - BODY_SIZE * 2 - w, y, BODY_SIZE, false);
        }
      }
      case BLANK -> y += BODY_SIZE * LINE_FACTOR * 0.6;
    }
  }

  private void centered(String text, float size, boolean red, double width) throws IOException {
    for (String line : wrap(text, size, width, width)) {
      double lineHeight = size * LINE_FACTOR;
      ensureRoom(lineHeight);
      y += lineHeight;
      double w = canvas.width(line, size);
      canvas.text(line, (PAGE_WIDTH - w) / 2, y, size, red);
    }
  }

  private void flow(String text, float size, double indent, double width) throws IOException {
    List<String> lines = wrap(text, size, width - indent, width);
    for (int i = 0; i < lines.size(); i++) {
      double lineHeight = size * LINE_FACTOR;
      ensureRoom(lineHeight);
      y += lineHeight;
      canvas.text(lines.get(i), MARGIN_X + (i == 0 ? indent : 0), y, size, false);
    }
  }

  private List<String> wrap(String text, float size, double firstWidth, double width)
      throws IOException {
    return LineBreaker.wrap(
        text, firstWidth, width, cp -> canvas.width(Character.toString(cp), size));
  }

  private void ensureRoom(double lineHeight) throws IOException {
    if (y + lineHeight > PAGE_HEIGHT - MARGIN_BOTTOM) {
      newPage();
    }
  }

  /** The “— 1 —” footer both canvases print. */
  static String pageNumberText(int page) {
    return "— " + page + " —";
  }

  static double pageNumberBaseline() {
    return PAGE_HEIGHT - 44;
  }
}
