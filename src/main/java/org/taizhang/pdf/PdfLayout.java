package org.taizhang.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A4 pages written top to bottom: lines that wrap by measured width (Chinese has no spaces to break
 * at), simple tables whose cells wrap and whose header repeats on every page, and “第 n 页 / 共 N 页”
 * at the foot of every page. Characters the font lacks are drawn as “□” rather than failing.
 */
public final class PdfLayout implements AutoCloseable {
  /** A4 upright, the size of every page unless a layout asks for another. */
  public static final float PAGE_WIDTH = PDRectangle.A4.getWidth();

  public static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
  public static final float MARGIN_X = 54;
  public static final float MARGIN_TOP = 56;
  public static final float MARGIN_BOTTOM = 60;
  public static final float LINE_FACTOR = 1.5f;

  public static final Color INK = new Color(0x1f, 0x23, 0x28);
  public static final Color MUTED = new Color(0x5f, 0x6b, 0x76);
  public static final Color RED = new Color(0xa8, 0x20, 0x1a);
  public static final Color RULE = new Color(0xd9, 0xde, 0xe3);
  public static final Color HEADER_FILL = new Color(0xf0, 0xf2, 0xf4);

  private static final String MISSING_GLYPH = "□";

  private final PDDocument doc;
  private final PDFont font;
  private final PDRectangle page;
  private final Map<Integer, Float> widths = new HashMap<>();
  private final Map<Integer, Boolean> glyphs = new HashMap<>();
  private PDPageContentStream cs;

  /** Distance of the next line's top from the page's top edge. */
  private float y;

  /** A table column: its share of the text width and whether it is right-aligned. */
  public record Column(String header, float share, boolean right) {}

  public PdfLayout(PDDocument doc, PDFont font, String title) {
    this(doc, font, title, PDRectangle.A4);
  }

  /** Pages of the given size: A4 landscape for a table too wide to stand upright. */
  public PdfLayout(PDDocument doc, PDFont font, String title, PDRectangle page) {
    this.page = page;
    this.doc = doc;
    this.font = font;
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setCreator("台账 Taizhang");
    info.setProducer("台账 Taizhang (Apache PDFBox)");
    info.setCreationDate(Calendar.getInstance());
    doc.getDocumentCatalog().setLanguage("zh-CN");
  }

  public float textWidth() {
    return page.getWidth() - 2 * MARGIN_X;
  }

  public void newPage() throws IOException {
    if (cs != null) {
      cs.close();
    }
    PDPage page = new PDPage(this.page);
    doc.addPage(page);
    cs = new PDPageContentStream(doc, page);
    y = MARGIN_TOP;
  }

  private void ensure(float height) throws IOException {
    if (cs == null || y + height > page.getHeight() - MARGIN_BOTTOM) {
      newPage();
    }
  }

  public boolean nearBottom(float height) {
    return cs == null || y + height > page.getHeight() - MARGIN_BOTTOM;
  }

  public void gap(float points) {
    y += points;
  }

  /**
   * Text wrapped to the width left of {@code indent}; every line after the first indents by {@code
   * hanging} more.
   */
  public void text(String text, float size, Color color, float indent, float hanging)
      throws IOException {
    float lineHeight = size * LINE_FACTOR;
    for (String paragraph : paragraphs(text)) {
      List<String> lines =
          wrap(paragraph, size, textWidth() - indent, textWidth() - indent - hanging);
      for (int i = 0; i < lines.size(); i++) {
        ensure(lineHeight);
        draw(
            lines.get(i), MARGIN_X + indent + (i == 0 ? 0 : hanging), y + size * 1.1f, size, color);
        y += lineHeight;
      }
    }
  }

  public void text(String text, float size, Color color, float indent) throws IOException {
    text(text, size, color, indent, 0);
  }

  public void centered(String text, float size, Color color) throws IOException {
    float lineHeight = size * LINE_FACTOR;
    for (String line : wrap(clean(text), size, textWidth(), textWidth())) {
      ensure(lineHeight);
      draw(line, MARGIN_X + (textWidth() - width(line, size)) / 2, y + size * 1.1f, size, color);
      y += lineHeight;
    }
  }

  /**
   * A section heading with a red bar to its left; starts a new page if it would be the page's last
   * line.
   */
  public void heading(String text, float size) throws IOException {
    ensure(size * LINE_FACTOR * 3);
    y += size * 0.4f;
    float top = y;
    text(text, size, INK, 8);
    cs.setNonStrokingColor(RED);
    cs.addRect(MARGIN_X, page.getHeight() - (y - size * 0.25f), 3, y - top - size * 0.2f);
    cs.fill();
    y += size * 0.2f;
  }

  public void rule(Color color) throws IOException {
    ensure(4);
    line(MARGIN_X, MARGIN_X + textWidth(), y + 2, color, 0.6f);
    y += 4;
  }

  /**
   * A table: the header on a grey band, repeated after every page break; cells wrap within their
   * column.
   */
  public void table(List<Column> columns, List<List<String>> rows, float size) throws IOException {
    float lineHeight = size * LINE_FACTOR;
    float pad = 4;
    float[] x = new float[columns.size() + 1];
    x[0] = MARGIN_X;
    float total = (float) columns.stream().mapToDouble(Column::share).sum();
    for (int i = 0; i < columns.size(); i++) {
      x[i + 1] = x[i] + textWidth() * columns.get(i).share() / total;
    }
    header(columns, x, size, lineHeight, pad);
    for (List<String> row : rows) {
      List<List<String>> cells = new ArrayList<>();
      int height = 1;
      for (int i = 0; i < columns.size(); i++) {
        String value =
            i < row.size() && row.get(i) != null ? clean(row.get(i)).replace('\n', ' ') : "";
        float w = x[i + 1] - x[i] - 2 * pad;
        List<String> lines = wrap(value, size, w, w);
        cells.add(lines);
        height = Math.max(height, lines.size());
      }
      // Keep short rows whole; a very long one may continue on the next page.
      if (height <= 6 && nearBottom(height * lineHeight + pad)) {
        newPage();
        header(columns, x, size, lineHeight, pad);
      }
      y += pad / 2;
      for (int l = 0; l < height; l++) {
        if (nearBottom(lineHeight)) {
          newPage();
          header(columns, x, size, lineHeight, pad);
        }
        for (int i = 0; i < columns.size(); i++) {
          List<String> lines = cells.get(i);
          if (l < lines.size()) {
            String s = lines.get(l);
            float cx = columns.get(i).right() ? x[i + 1] - pad - width(s, size) : x[i] + pad;
            draw(s, cx, y + size * 1.1f, size, INK);
          }
        }
        y += lineHeight;
      }
      y += pad / 2;
      line(MARGIN_X, MARGIN_X + textWidth(), y, RULE, 0.5f);
    }
  }

  private void header(List<Column> columns, float[] x, float size, float lineHeight, float pad)
      throws IOException {
    ensure(lineHeight * 2 + pad);
    float h = lineHeight + pad;
    cs.setNonStrokingColor(HEADER_FILL);
    cs.addRect(MARGIN_X, page.getHeight() - (y + h), textWidth(), h);
    cs.fill();
    for (int i = 0; i < columns.size(); i++) {
      String s = clean(columns.get(i).header());
      float cx = columns.get(i).right() ? x[i + 1] - pad - width(s, size) : x[i] + pad;
      draw(s, cx, y + pad / 2 + size * 1.1f, size, MUTED);
    }
    y += h;
  }

  /** Ends the last page, numbers every page and returns the PDF. */
  public byte[] finish(String footer) throws IOException {
    if (cs == null) {
      newPage();
    }
    cs.close();
    cs = null;
    int n = doc.getNumberOfPages();
    float size = 8.5f;
    for (int i = 0; i < n; i++) {
      try (PDPageContentStream s =
          new PDPageContentStream(
              doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
        cs = s;
        String left = clean(footer);
        String right = "第 " + (i + 1) + " 页 / 共 " + n + " 页";
        float base = page.getHeight() - MARGIN_BOTTOM + 28;
        line(MARGIN_X, MARGIN_X + textWidth(), page.getHeight() - MARGIN_BOTTOM + 14, RULE, 0.5f);
        draw(left, MARGIN_X, base, size, MUTED);
        draw(right, MARGIN_X + textWidth() - width(right, size), base, size, MUTED);
      }
    }
    cs = null;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }

  private void draw(String s, float x, float baselineFromTop, float size, Color color)
      throws IOException {
    if (s.isEmpty()) {
      return;
    }
    cs.beginText();
    cs.setFont(font, size);
    cs.setNonStrokingColor(color);
    cs.newLineAtOffset(x, page.getHeight() - baselineFromTop);
    cs.showText(s);
    cs.endText();
  }

  private void line(float x1, float x2, float fromTop, Color color, float width)
      throws IOException {
    cs.setStrokingColor(color);
    cs.setLineWidth(width);
    cs.moveTo(x1, page.getHeight() - fromTop);
    cs.lineTo(x2, page.getHeight() - fromTop);
    cs.stroke();
  }

  private List<String> paragraphs(String text) {
    return List.of(clean(text).split("\n", -1));
  }

  /**
   * Tabs and odd whitespace become spaces, carriage returns go, characters without a glyph become
   * □.
   */
  public String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\r') {
                return;
              }
              if (cp == '\n') {
                out.append('\n');
              } else if (Character.isWhitespace(cp) || Character.isISOControl(cp) || cp == 0x00A0) {
                out.append(cp == 0x3000 && hasGlyph(cp) ? "\u3000" : " ");
              } else if (hasGlyph(cp)) {
                out.appendCodePoint(cp);
              } else {
                out.append(MISSING_GLYPH);
              }
            });
    return out.toString();
  }

  private boolean hasGlyph(int cp) {
    return glyphs.computeIfAbsent(
        cp,
        c -> {
          try {
            font.encode(new String(Character.toChars(c)));
            return true;
          } catch (IOException | IllegalArgumentException e) {
            return false;
          }
        });
  }

  public float width(String s, float size) throws IOException {
    float w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += charWidth(cp);
      i += Character.charCount(cp);
    }
    return w * size / 1000f;
  }

  private float charWidth(int cp) throws IOException {
    Float w = widths.get(cp);
    if (w == null) {
      w = font.getStringWidth(new String(Character.toChars(cp)));
      widths.put(cp, w);
    }
    return w;
  }

  /** A line (already cleaned, no newlines) broken by width, by {@link LineBreaker}'s rules. */
  public List<String> wrap(String text, float size, float firstWidth, float width)
      throws IOException {
    return LineBreaker.wrap(text, firstWidth, width, cp -> charWidth(cp) * size / 1000f);
  }

  @Override
  public void close() throws IOException {
    if (cs != null) {
      cs.close();
      cs = null;
    }
  }
}
