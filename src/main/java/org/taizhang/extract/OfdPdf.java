package org.taizhang.extract;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicStructure.pageObj.layer.PageBlockType;
import org.ofdrw.core.basicStructure.pageObj.layer.block.CT_PageBlock;
import org.ofdrw.core.basicStructure.pageObj.layer.block.ImageObject;
import org.ofdrw.core.basicStructure.pageObj.layer.block.PathObject;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.basicType.ST_Array;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.core.graph.pathObj.OptVal;
import org.ofdrw.core.pageDescription.CT_GraphicUnit;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.PageInfo;

/**
 * Draws every page of an OFD into a PDF with PDFBox, as {@link OfdFiles} draws the first page with
 * Java2D: text in the embedded WenQuanYi font (a real text layer, so the PDF can be searched and
 * copied from), paths, and images whose declared size is within the pixel limit. Runs in the parser
 * process ({@link ParserPool#ofdToPdf}), since the package is hostile input like any upload. Seals
 * (signatures) and annotations are not drawn.
 */
final class OfdPdf {
  /** Points per millimetre: OFD measures in millimetres, PDF in points. */
  private static final float PT_PER_MM = 72f / 25.4f;

  private static final double DEFAULT_FONT_SIZE = 3.5;

  /** Pages above this size are clipped to it: a hostile page box must not make a huge page. */
  private static final double MAX_PAGE_MM = 5000;

  private final long maxImagePixels;

  OfdPdf(long maxImagePixels) {
    this.maxImagePixels = maxImagePixels;
  }

  /** Writes the PDF to {@code target} atomically; fails for a package without pages. */
  void render(Path ofd, Path target) throws ExtractionException {
    if (!Files.isRegularFile(OfdFiles.CJK_FONT)) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE,
          "服务器缺少中文字体 "
              + OfdFiles.CJK_FONT
              + "（Debian: apt-get install fonts-wqy-microhei），OFD 无法转为 PDF",
          null);
    }
    try (OfdFiles.Package p = OfdFiles.Package.open(ofd);
        TrueTypeCollection fonts = new TrueTypeCollection(OfdFiles.CJK_FONT.toFile());
        PDDocument pdf = new PDDocument()) {
      OFDReader reader = p.reader();
      if (reader.getNumberOfPages() == 0) {
        throw new ExtractionException(ExtractionFailure.CORRUPT_FILE, "OFD 文件没有页面", null);
      }
      PDType0Font font = PDType0Font.load(pdf, first(fonts), true);
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        page(pdf, reader, reader.getPageInfo(i), font);
      }
      DerivedFiles.write(target, tmp -> pdf.save(tmp.toFile()));
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static TrueTypeFont first(TrueTypeCollection fonts) throws IOException {
    AtomicReference<TrueTypeFont> first = new AtomicReference<>();
    fonts.processAllFonts(ttf -> first.compareAndSet(null, ttf));
    if (first.get() == null) {
      throw new IOException("empty font collection " + OfdFiles.CJK_FONT);
    }
    return first.get();
  }

  private void page(PDDocument pdf, OFDReader reader, PageInfo info, PDType0Font font)
      throws IOException {
    ST_Box size = info.getSize();
    double w = clampSize(size == null ? null : size.getWidth(), 210);
    double h = clampSize(size == null ? null : size.getHeight(), 297);
    PDPage page = new PDPage(new PDRectangle((float) (w * PT_PER_MM), (float) (h * PT_PER_MM)));
    pdf.addPage(page);
    try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
      // from here on, millimetres with the origin at the top left and y downwards, as in OFD
      cs.transform(new Matrix(PT_PER_MM, 0, 0, -PT_PER_MM, 0, (float) (h * PT_PER_MM)));
      for (CT_Layer layer : info.getAllLayer()) {
        draw(pdf, reader, cs, layer, font);
      }
    }
  }

  private static double clampSize(Double mm, double fallback) {
    return mm == null || !(mm > 0) ? fallback : Math.min(mm, MAX_PAGE_MM);
  }

  private void draw(
      PDDocument pdf, OFDReader reader, PDPageContentStream cs, CT_PageBlock block, PDType0Font f)
      throws IOException {
    for (PageBlockType b : block.getPageBlocks()) {
      if (b instanceof TextObject t) {
        drawText(cs, t, f);
      } else if (b instanceof PathObject p) {
        drawPath(cs, p);
      } else if (b instanceof ImageObject i) {
        drawImage(pdf, reader, cs, i);
      } else if (b instanceof CT_PageBlock nested) {
        draw(pdf, reader, cs, nested, f);
      }
    }
  }

  /**
   * One run of glyphs per text code, placed by its deltas through TJ adjustments, so a text
   * extractor reads the run as one word rather than characters set apart.
   */
  private static void drawText(PDPageContentStream cs, TextObject t, PDType0Font font)
      throws IOException {
    double size = t.getSize() == null || !(t.getSize() > 0) ? DEFAULT_FONT_SIZE : t.getSize();
    cs.saveGraphicsState();
    try {
      place(cs, t);
      cs.setNonStrokingColor(OfdFiles.color(t.getFillColor(), Color.BLACK));
      double x = 0;
      double y = 0;
      for (TextCode code : t.getTextCodes()) {
        String s = code.getContent() == null ? "" : code.getContent();
        x = code.getX() == null ? x : code.getX();
        y = code.getY() == null ? y : code.getY();
        double[] dx = OfdFiles.deltas(code.getDeltaX());
        List<Object> run = new ArrayList<>();
        StringBuilder glyphs = new StringBuilder();
        float pending = 0; // adjustment owed before the next glyph, in thousandths of the font size
        int i = 0;
        for (int cp : s.codePoints().toArray()) {
          String ch = new String(Character.toChars(cp));
          float advance;
          boolean drawable;
          try {
            font.encode(ch);
            advance = font.getStringWidth(ch);
            drawable = true;
          } catch (IllegalArgumentException | IOException e) {
            advance = 0; // a character the font lacks: its place stays empty
            drawable = false;
          }
          float wanted = i < dx.length ? (float) (dx[i] / size * 1000) : advance;
          if (drawable) {
            if (pending != 0) {
              if (glyphs.length() > 0) {
                run.add(glyphs.toString());
                glyphs.setLength(0);
              }
              run.add(-pending);
              pending = 0;
            }
            glyphs.append(ch);
            pending += wanted - advance;
          } else {
            pending += wanted;
          }
          i++;
        }
        if (glyphs.length() > 0) {
          run.add(glyphs.toString());
        }
        if (run.isEmpty()) {
          continue;
        }
        cs.beginText();
        cs.setFont(font, 1);
        // y is flipped back for the glyphs, which would otherwise stand on their heads
        cs.setTextMatrix(new Matrix((float) size, 0, 0, (float) -size, (float) x, (float) y));
        cs.showTextWithPositioning(run.toArray());
        cs.endText();
      }
    } finally {
      cs.restoreGraphicsState();
    }
  }

  private static void drawPath(PDPageContentStream cs, PathObject p) throws IOException {
    var data = p.getAbbreviatedDataEle();
    boolean fill = Boolean.TRUE.equals(p.getFill());
    boolean stroke = !Boolean.FALSE.equals(p.getStroke());
    if (data == null || !(fill || stroke)) {
      return;
    }
    cs.saveGraphicsState();
    try {
      place(cs, p);
      // colours and width before the path: no state may change between a path and its painting
      cs.setNonStrokingColor(OfdFiles.color(p.getFillColor(), Color.BLACK));
      cs.setStrokingColor(OfdFiles.color(p.getStrokeColor(), Color.BLACK));
      cs.setLineWidth((float) (p.getLineWidth() == null ? 0.353 : p.getLineWidth()));
      boolean started = false;
      double cx = 0;
      double cy = 0;
      for (OptVal op : data.getRawOptVal()) {
        double[] v = op.getValues() == null ? new double[0] : op.getValues();
        switch (op.getOpt()) {
          case "S", "M" -> {
            if (v.length >= 2) {
              cs.moveTo((float) v[0], (float) v[1]);
              cx = v[0];
              cy = v[1];
              started = true;
            }
          }
          case "L" -> {
            if (started && v.length >= 2) {
              cs.lineTo((float) v[0], (float) v[1]);
              cx = v[0];
              cy = v[1];
            }
          }
          case "Q" -> {
            if (started && v.length >= 4) {
              // a quadratic Bézier as the cubic PDF knows: control points 2/3 of the way
              cs.curveTo(
                  (float) (cx + 2 * (v[0] - cx) / 3),
                  (float) (cy + 2 * (v[1] - cy) / 3),
                  (float) (v[2] + 2 * (v[0] - v[2]) / 3),
                  (float) (v[3] + 2 * (v[1] - v[3]) / 3),
                  (float) v[2],
                  (float) v[3]);
              cx = v[2];
              cy = v[3];
            }
          }
          case "B" -> {
            if (started && v.length >= 6) {
              cs.curveTo(
                  (float) v[0],
                  (float) v[1],
                  (float) v[2],
                  (float) v[3],
                  (float) v[4],
                  (float) v[5]);
              cx = v[4];
              cy = v[5];
            }
          }
          case "C" -> {
            if (started) {
              cs.closePath();
            }
          }
          default -> {
            // arcs (A) are rare in documents and left out, as in the preview
          }
        }
      }
      if (!started) {
        return;
      }
      if (fill && stroke) {
        cs.fillAndStroke();
      } else if (fill) {
        cs.fill();
      } else {
        cs.stroke();
      }
    } finally {
      cs.restoreGraphicsState();
    }
  }

  /**
   * An image fills the unit square its transformation matrix maps onto the page. One whose declared
   * size passes the pixel limit, or that no decoder reads, is left out rather than decoded.
   */
  private void drawImage(PDDocument pdf, OFDReader reader, PDPageContentStream cs, ImageObject i)
      throws IOException {
    if (i.getResourceID() == null) {
      return;
    }
    byte[] bytes;
    try {
      bytes = reader.getResMgt().getImageByteArray(i.getResourceID().toString());
    } catch (IOException | RuntimeException e) {
      return; // a missing resource: the rest of the page still shows
    }
    if (bytes == null || !withinLimit(bytes)) {
      return;
    }
    PDImageXObject image;
    try {
      image = PDImageXObject.createFromByteArray(pdf, bytes, "image");
    } catch (IOException | RuntimeException e) {
      return;
    }
    cs.saveGraphicsState();
    try {
      place(cs, i);
      // image space has its first row at the top of the unit square; OFD's y runs downwards
      cs.drawImage(image, new Matrix(1, 0, 0, -1, 0, 1));
    } finally {
      cs.restoreGraphicsState();
    }
  }

  private boolean withinLimit(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return false;
      }
      ImageReader r = readers.next();
      try {
        r.setInput(in);
        return (long) r.getWidth(0) * r.getHeight(0) <= maxImagePixels;
      } finally {
        r.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Moves to a graphic unit's boundary and applies its transformation matrix. */
  private static void place(PDPageContentStream cs, CT_GraphicUnit<?> unit) throws IOException {
    ST_Box box = unit.getBoundary();
    if (box != null) {
      cs.transform(
          Matrix.getTranslateInstance(
              box.getTopLeftX().floatValue(), box.getTopLeftY().floatValue()));
    }
    ST_Array ctm = unit.getCTM();
    if (ctm != null && ctm.size() == 6) {
      Double[] m = ctm.toDouble();
      cs.transform(
          new Matrix(
              m[0].floatValue(),
              m[1].floatValue(),
              m[2].floatValue(),
              m[3].floatValue(),
              m[4].floatValue(),
              m[5].floatValue()));
    }
  }
}
