package org.taizhang.tools.sample;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The one CJK font used for every generated file, loaded once per generator run.
 *
 * <p>PDFBox needs a TrueType-outline font to embed a subset (Noto CJK is CFF and fails), so the
 * sample archive depends on Debian's fonts-wqy-microhei. The same file feeds Java2D for photo
 * captions and the scanned page.
 */
final class CjkFonts implements Closeable {

  static final Path DEFAULT_FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

  /** Lets a machine with the font elsewhere point at it without code changes. */
  static final String FONT_PROPERTY = "taizhang.cjkFont";

  private static final String PDF_FONT_NAME = "WenQuanYiMicroHei";
  private static final String AWT_FAMILY = "WenQuanYi Micro Hei";

  private final TrueTypeCollection collection;
  private final TrueTypeFont pdfFont;
  private final Font awtFont;

  private CjkFonts(TrueTypeCollection collection, TrueTypeFont pdfFont, Font awtFont) {
    this.collection = collection;
    this.pdfFont = pdfFont;
    this.awtFont = awtFont;
  }

  static Path configuredFontPath() {
    String override = System.getProperty(FONT_PROPERTY);
    return override == null || override.isBlank() ? DEFAULT_FONT : Path.of(override);
  }

  static String missingFontMessage(Path path) {
    return "CJK font not found at " + path
        + " — install it with `apt-get install -y fonts-wqy-microhei`"
        + " (or set -D" + FONT_PROPERTY + "=/path/to/a/TrueType.ttc)";
  }

  static CjkFonts load(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(missingFontMessage(path));
    }
    TrueTypeCollection collection = new TrueTypeCollection(path.toFile());
    try {
      TrueTypeFont pdfFont = collection.getFontByName(PDF_FONT_NAME);
      if (pdfFont == null) {
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        collection.processAllFonts(ttf -> first.compareAndSet(null, ttf));
        pdfFont = first.get();
      }
      if (pdfFont == null) {
        throw new IOException("no font inside " + path);
      }
      return new CjkFonts(collection, pdfFont, loadAwtFont(path));
    } catch (IOException | RuntimeException e) {
      collection.close();
      throw e;
    }
  }

  private static Font loadAwtFont(Path path) throws IOException {
    try {
      Font[] fonts = Font.createFonts(path.toFile());
      for (Font font : fonts) {
        if (AWT_FAMILY.equals(font.getFamily(Locale.ROOT))) {
          return font;
        }
      }
      return fonts[0];
    } catch (FontFormatException e) {
      throw new IOException("cannot read " + path + " as a font for Java2D", e);
    }
  }

  /** A fresh subset-embedding font for one PDF; the parsed TrueType data is shared. */
  PDType0Font pdfFont(PDDocument document) throws IOException {
    return PDType0Font.load(document, pdfFont, true);
  }

  Font awtFont(float size) {
    return awtFont.deriveFont(size);
  }

  @Override
  public void close() throws IOException {
    collection.close();
  }
}
