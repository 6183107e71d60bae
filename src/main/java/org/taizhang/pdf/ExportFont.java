package org.taizhang.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CJK font the PDF exports embed, and the sample generator draws and embeds. PDFBox can
 * subset-embed only TrueType-outline fonts, such as Debian's WenQuanYi collections (Noto CJK is CFF
 * and fails), so the first of these that exists and loads is used: the files named in {@code
 * taizhang.export.font} (comma-separated), then {@code
 * /usr/share/fonts/truetype/wqy/wqy-microhei.ttc} and {@code wqy-zenhei.ttc}.
 */
@Component
public class ExportFont {
  public static final List<Path> DEFAULTS =
      List.of(
          Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
          Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

  private static final Logger log = LoggerFactory.getLogger(ExportFont.class);

  private final List<Path> candidates;

  @Autowired
  ExportFont(@Value("${taizhang.export.font:}") String configured) {
    List<Path> paths = new ArrayList<>();
    if (configured != null) {
      for (String p : configured.split(",")) {
        if (!p.isBlank()) {
          paths.add(Path.of(p.strip()));
        }
      }
    }
    paths.addAll(DEFAULTS);
    this.candidates = List.copyOf(paths);
  }

  /** Exactly these files, without the defaults (tests: a machine without any of them). */
  public static ExportFont only(List<Path> files) {
    return new ExportFont(files);
  }

  private ExportFont(List<Path> files) {
    this.candidates = List.copyOf(files);
  }

  /** For tests and tools: the configured paths (may be empty) before the defaults. */
  public static ExportFont of(String configured) {
    return new ExportFont(configured);
  }

  /** The files looked at, in order. */
  public List<Path> candidates() {
    return candidates;
  }

  /** The first candidate that is a readable file, without loading it. */
  public Optional<Path> locate() {
    return candidates.stream().filter(Files::isRegularFile).filter(Files::isReadable).findFirst();
  }

  /** What the 503 answer says when no font loads. */
  public String missingMessage() {
    return "服务器缺少可嵌入PDF的中文字体，暂时无法导出PDF。请管理员安装文泉驿字体（Debian：apt-get install fonts-wqy-microhei），"
        + "或用 taizhang.export.font 指定一个 TrueType 字体文件（.ttc/.ttf）。Excel 导出不受影响。";
  }

  /**
   * Loads the first candidate that loads. The handle must stay open until the document is saved:
   * the subset is cut from the font file then.
   *
   * @throws FontUnavailableException when none does
   */
  public Handle open() {
    for (Path p : candidates) {
      if (!Files.isRegularFile(p)) {
        continue;
      }
      try {
        return Handle.load(p);
      } catch (IOException | RuntimeException e) {
        log.warn("中文字体 {} 无法用于PDF导出：{}", p, e.toString());
      }
    }
    throw new FontUnavailableException(missingMessage());
  }

  /**
   * One loaded font file; {@link #embed} makes the font of one PDF, {@link #awtFont} that of an
   * image.
   */
  public static final class Handle implements Closeable {
    private final Closeable source;
    private final TrueTypeFont font;
    private final Path path;
    private Font awt;

    private Handle(Closeable source, TrueTypeFont font, Path path) {
      this.source = source;
      this.font = font;
      this.path = path;
    }

    static Handle load(Path p) throws IOException {
      String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".ttc") || name.endsWith(".otc")) {
        TrueTypeCollection collection = new TrueTypeCollection(p.toFile());
        try {
          AtomicReference<TrueTypeFont> first = new AtomicReference<>();
          collection.processAllFonts(ttf -> first.compareAndSet(null, ttf));
          if (first.get() == null) {
            throw new IOException("字体集合中没有字体");
          }
          return new Handle(collection, first.get(), p);
        } catch (IOException | RuntimeException e) {
          collection.close();
          throw e;
        }
      }
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(p.toFile()));
      return new Handle(ttf, ttf, p);
    }

    /** A subset-embedded Type 0 font for this document; the parsed font data is shared. */
    public PDType0Font embed(PDDocument document) throws IOException {
      return PDType0Font.load(document, font, true);
    }

    /**
     * The same face for Java2D, read from the file when first asked for: of a collection, the
     * first, as in the PDFs.
     */
    public Font awtFont(float size) {
      if (awt == null) {
        try {
          awt = Font.createFonts(path.toFile())[0];
        } catch (IOException | FontFormatException e) {
          throw new FontUnavailableException("中文字体 " + path + " 无法用于绘图：" + e.getMessage(), e);
        }
      }
      return awt.deriveFont(size);
    }

    Path path() {
      return path;
    }

    @Override
    public void close() throws IOException {
      source.close();
    }
  }
}
