package org.taizhang.extract;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.ofdrw.core.basicStructure.ofd.docInfo.CT_DocInfo;
import org.ofdrw.core.basicStructure.pageObj.layer.CT_Layer;
import org.ofdrw.core.basicStructure.pageObj.layer.PageBlockType;
import org.ofdrw.core.basicStructure.pageObj.layer.block.CT_PageBlock;
import org.ofdrw.core.basicStructure.pageObj.layer.block.PathObject;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.basicType.ST_Array;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.core.graph.pathObj.OptVal;
import org.ofdrw.core.pageDescription.CT_GraphicUnit;
import org.ofdrw.core.pageDescription.color.color.CT_Color;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.reader.OFDReader;
import org.ofdrw.reader.PageInfo;
import org.springframework.util.FileSystemUtils;

/**
 * Reads OFD files (GB/T 33190, the national format of formal electronic documents): a zip package
 * with {@code OFD.xml} at its root. The package is unpacked here, under limits on entry count, size
 * and ratio that refuse a zip bomb before ofdrw sees it, and with no document type declarations
 * allowed (OFD has none; an entity could otherwise read the parser's files). Text comes from the
 * text objects in reading order, a line per baseline; the first page renders with Java2D (text in
 * WenQuanYi, paths), because ofdrw's own renderer needs iText, whose AGPL licence keeps it out;
 * {@link OfdPdf} draws every page into a PDF the same way.
 */
final class OfdFiles {
  static final String MEDIA_TYPE = "application/ofd";

  private static final int MAX_ENTRIES = 10_000;
  private static final int MAX_DEPTH = 32;

  /** Unpacked bytes above this much must not be more than {@link #MAX_RATIO} times the file. */
  private static final long RATIO_FLOOR = 16L << 20;

  private static final long MAX_RATIO = 100;
  private static final long MAX_UNPACKED = 512L << 20;
  static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

  private OfdFiles() {}

  /** Whether {@code file} is a zip package with {@code OFD.xml} at its root. */
  static boolean isOfd(Path file) {
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      return zip.getEntry("OFD.xml") != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** An unpacked OFD package, deleted on close. */
  static final class Package implements AutoCloseable {
    private final Path dir;
    private final OFDReader reader;

    private Package(Path dir, OFDReader reader) {
      this.dir = dir;
      this.reader = reader;
    }

    static Package open(Path file) throws ExtractionException, IOException {
      Path dir = Files.createTempDirectory("ofd-");
      try {
        unpack(file, dir);
        return new Package(dir, new OFDReader(dir.toString(), false));
      } catch (ExtractionException | IOException | RuntimeException e) {
        FileSystemUtils.deleteRecursively(dir);
        throw e;
      }
    }

    OFDReader reader() {
      return reader;
    }

    @Override
    public void close() throws IOException {
      FileSystemUtils.deleteRecursively(dir);
    }
  }

  /**
   * Unpacks the package, counting the bytes actually inflated (declared sizes can lie) and stopping
   * at the first limit passed.
   */
  static void unpack(Path file, Path dir) throws ExtractionException, IOException {
    long packed = Math.max(1, Files.size(file));
    long unpacked = 0;
    int entries = 0;
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      Enumeration<ZipArchiveEntry> all = zip.getEntries();
      for (ZipArchiveEntry e : Collections.list(all)) {
        if (++entries > MAX_ENTRIES) {
          throw bomb("more than " + MAX_ENTRIES + " entries");
        }
        String name = e.getName().replace('\\', '/');
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir) || name.startsWith("/") || target.getNameCount() > MAX_DEPTH) {
          throw new ExtractionException(
              ExtractionFailure.CORRUPT_FILE, "OFD entry outside the package: " + name, null);
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        boolean xml = name.toLowerCase(Locale.ROOT).endsWith(".xml");
        try (InputStream in = zip.getInputStream(e);
            OutputStream out = Files.newOutputStream(target)) {
          byte[] buf = new byte[1 << 16];
          String carry = null; // the end of the previous chunk, so a keyword across two is seen
          for (int n; (n = in.read(buf)) > 0; ) {
            unpacked += n;
            if (unpacked > MAX_UNPACKED
                || (unpacked > RATIO_FLOOR && unpacked > packed * MAX_RATIO)) {
              throw bomb(
                  "OFD package of "
                      + packed
                      + " bytes inflates past "
                      + unpacked
                      + " bytes (zip bomb)");
            }
            if (xml) {
              carry = checkXml(name, carry, buf, n);
            }
            out.write(buf, 0, n);
          }
        }
      }
    }
    if (!Files.isRegularFile(dir.resolve("OFD.xml"))) {
      throw new ExtractionException(ExtractionFailure.CORRUPT_FILE, "no OFD.xml", null);
    }
  }

  /**
   * OFD XML has no document type declaration; one could define entities that read the parser's
   * files. Checks a chunk of an XML part (after the previous chunk's end, {@code carry}, null for
   * the first) and returns the end to carry into the next.
   */
  private static String checkXml(String name, String carry, byte[] chunk, int length)
      throws ExtractionException {
    if (carry == null && length > 1 && (chunk[0] == 0 || chunk[1] == 0)) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE, "OFD part in UTF-16 or UCS-4: " + name, null);
    }
    String text =
        (carry == null ? "" : carry)
            + new String(chunk, 0, length, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT);
    if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE,
          "OFD part with a document type declaration: " + name,
          null);
    }
    return text.substring(Math.max(0, text.length() - 8));
  }

  private static ExtractionException bomb(String detail) {
    return new ExtractionException(ExtractionFailure.ZIP_BOMB, detail, null);
  }

  /** The text of every page, a line per baseline, pages apart by a blank line. */
  static String text(OFDReader reader, int maxChars) {
    StringBuilder sb = new StringBuilder();
    for (int page = 0; page < reader.getNumberOfPages() && sb.length() <= maxChars; page++) {
      if (page > 0) {
        sb.append("\n\n");
      }
      Double lastY = null;
      for (TextObject t : texts(reader.getPageInfo(page + 1))) {
        ST_Box box = t.getBoundary();
        double size = t.getSize() == null ? 3.5 : t.getSize();
        for (TextCode code : t.getTextCodes()) {
          double y =
              (box == null ? 0 : box.getTopLeftY()) + (code.getY() == null ? 0 : code.getY());
          if (lastY != null && Math.abs(y - lastY) > size / 2) {
            sb.append('\n');
          }
          lastY = y;
          sb.append(code.getContent() == null ? "" : code.getContent());
        }
      }
    }
    return sb.toString();
  }

  static DocumentMetadata metadata(OFDReader reader) {
    try {
      CT_DocInfo info = reader.getOFDDir().getOfd().getDocBody().getDocInfo();
      LocalDate created = info.getCreationDate();
      return new DocumentMetadata(
          blankToNull(info.getTile()),
          blankToNull(info.getAuthor()),
          created == null ? null : created.atStartOfDay(),
          null,
          null,
          null,
          null);
    } catch (IOException | org.dom4j.DocumentException | RuntimeException e) {
      return DocumentMetadata.EMPTY;
    }
  }

  /** Draws the first page at {@code pixelsPerMm}; null for a package without pages. */
  static BufferedImage firstPage(OFDReader reader, double pixelsPerMm) {
    if (reader.getNumberOfPages() == 0) {
      return null;
    }
    PageInfo page = reader.getPageInfo(1); // numbered from 1
    ST_Box size = page.getSize();
    int w = (int) Math.max(1, Math.min(4000, Math.round(size.getWidth() * pixelsPerMm)));
    int h = (int) Math.max(1, Math.min(6000, Math.round(size.getHeight() * pixelsPerMm)));
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(pixelsPerMm, pixelsPerMm);
      Font base = CjkFont.FONT;
      for (CT_Layer layer : page.getAllLayer()) {
        draw(g, layer, base);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void draw(Graphics2D g, CT_PageBlock block, Font base) {
    for (PageBlockType b : block.getPageBlocks()) {
      if (b instanceof TextObject t) {
        drawText(g, t, base);
      } else if (b instanceof PathObject p) {
        drawPath(g, p);
      } else if (b instanceof CT_PageBlock nested) {
        draw(g, nested, base);
      }
    }
  }

  private static void drawText(Graphics2D g, TextObject t, Font base) {
    AffineTransform saved = g.getTransform();
    try {
      place(g, t);
      double size = t.getSize() == null ? 3.5 : t.getSize();
      g.setFont(base.deriveFont((float) size));
      g.setColor(color(t.getFillColor(), Color.BLACK));
      double x = 0;
      double y = 0;
      for (TextCode code : t.getTextCodes()) {
        String s = code.getContent() == null ? "" : code.getContent();
        x = code.getX() == null ? x : code.getX();
        y = code.getY() == null ? y : code.getY();
        double[] dx = deltas(code.getDeltaX());
        double cx = x;
        int i = 0;
        for (int cp : s.codePoints().toArray()) {
          String ch = new String(Character.toChars(cp));
          g.drawString(ch, (float) cx, (float) y);
          // without a delta the glyph's own advance: half a square for digits and Latin
          cx +=
              i < dx.length
                  ? dx[i]
                  : g.getFont().getStringBounds(ch, g.getFontRenderContext()).getWidth();
          i++;
        }
      }
    } finally {
      g.setTransform(saved);
    }
  }

  private static void drawPath(Graphics2D g, PathObject p) {
    AffineTransform saved = g.getTransform();
    try {
      place(g, p);
      Path2D.Double path = new Path2D.Double();
      boolean started = false;
      var data = p.getAbbreviatedDataEle();
      if (data == null) {
        return;
      }
      for (OptVal op : data.getRawOptVal()) {
        double[] v = op.getValues() == null ? new double[0] : op.getValues();
        switch (op.getOpt()) {
          case "S", "M" -> {
            if (v.length >= 2) {
              path.moveTo(v[0], v[1]);
              started = true;
            }
          }
          case "L" -> {
            if (started && v.length >= 2) {
              path.lineTo(v[0], v[1]);
            }
          }
          case "Q" -> {
            if (started && v.length >= 4) {
              path.quadTo(v[0], v[1], v[2], v[3]);
            }
          }
          case "B" -> {
            if (started && v.length >= 6) {
              path.curveTo(v[0], v[1], v[2], v[3], v[4], v[5]);
            }
          }
          case "C" -> {
            if (started) {
              path.closePath();
            }
          }
          default -> {
            // arcs (A) are rare in documents and left out of the preview
          }
        }
      }
      if (Boolean.TRUE.equals(p.getFill())) {
        g.setColor(color(p.getFillColor(), Color.BLACK));
        g.fill(path);
      }
      if (!Boolean.FALSE.equals(p.getStroke())) {
        g.setColor(color(p.getStrokeColor(), Color.BLACK));
        g.setStroke(new BasicStroke((float) (p.getLineWidth() == null ? 0.353 : p.getLineWidth())));
        g.draw(path);
      }
    } finally {
      g.setTransform(saved);
    }
  }

  /** Moves to a graphic unit's boundary and applies its transformation matrix. */
  private static void place(Graphics2D g, CT_GraphicUnit<?> unit) {
    ST_Box box = unit.getBoundary();
    if (box != null) {
      g.translate(box.getTopLeftX(), box.getTopLeftY());
    }
    ST_Array ctm = unit.getCTM();
    if (ctm != null && ctm.size() == 6) {
      Double[] m = ctm.toDouble();
      g.transform(new AffineTransform(m[0], m[1], m[2], m[3], m[4], m[5]));
    }
  }

  /** Expands a DeltaX array, whose {@code g n d} stands for n times d. */
  static double[] deltas(ST_Array a) {
    if (a == null) {
      return new double[0];
    }
    List<Double> out = new ArrayList<>();
    List<String> items = a.getArray();
    for (int i = 0; i < items.size() && out.size() < 100_000; i++) {
      String s = items.get(i);
      try {
        if (s.equals("g") && i + 2 < items.size()) {
          int n = Integer.parseInt(items.get(i + 1));
          double d = Double.parseDouble(items.get(i + 2));
          for (int k = 0; k < n && out.size() < 100_000; k++) {
            out.add(d);
          }
          i += 2;
        } else {
          out.add(Double.parseDouble(s));
        }
      } catch (NumberFormatException e) {
        // a malformed delta: the characters keep the font size apart
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static Color color(CT_Color c, Color fallback) {
    if (c == null || c.getValue() == null) {
      return fallback;
    }
    try {
      Integer[] v = c.getValue().toInt();
      if (v.length >= 3) {
        return new Color(clamp(v[0]), clamp(v[1]), clamp(v[2]));
      }
      if (v.length == 1) {
        return new Color(clamp(v[0]), clamp(v[0]), clamp(v[0]));
      }
    } catch (RuntimeException e) {
      // an unreadable colour value
    }
    return fallback;
  }

  private static int clamp(Integer v) {
    return v == null ? 0 : Math.max(0, Math.min(255, v));
  }

  private static List<TextObject> texts(PageInfo page) {
    List<TextObject> out = new ArrayList<>();
    for (CT_Layer layer : page.getAllLayer()) {
      collect(layer, out);
    }
    return out;
  }

  private static void collect(CT_PageBlock block, List<TextObject> out) {
    for (PageBlockType b : block.getPageBlocks()) {
      if (b instanceof TextObject t) {
        out.add(t);
      } else if (b instanceof CT_PageBlock nested) {
        collect(nested, out);
      } else if (b.getName().equals("TextObject")) {
        out.add(new TextObject(b));
      }
    }
  }

  /** Loaded once per parser process, on the first OFD drawn: the collection is 5 MB. */
  private static final class CjkFont {
    static final Font FONT = cjkFont();
  }

  private static Font cjkFont() {
    try {
      if (Files.isRegularFile(CJK_FONT)) {
        return Font.createFonts(CJK_FONT.toFile())[0];
      }
    } catch (IOException | FontFormatException e) {
      // fall back to the logical font, which may lack Chinese glyphs
    }
    return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
