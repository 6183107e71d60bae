package org.taizhang.thumbnail;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Service;
import org.taizhang.archive.Document;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.store.FileStore;

/**
 * Small PNG previews of images and of the first page of PDFs, made on first request and cached
 * under the data directory by content hash (derived data, safe to delete).
 */
@Service
public class Thumbnails {
  private static final int WIDTH = 240;
  private static final float PDF_DPI = 36;

  private final FileStore store;
  private final Path cache;
  private final long maxPixels;

  Thumbnails(FileStore store, TaizhangProperties properties) {
    this.store = store;
    this.cache = properties.thumbnailDir();
    this.maxPixels = properties.extract().maxImagePixels();
  }

  public static boolean supports(String mediaType) {
    return mediaType.equals("application/pdf") || mediaType.startsWith("image/");
  }

  /** The thumbnail file, or empty when the document has none (not a PDF or image, or unreadable). */
  public Optional<Path> thumbnail(Document d) {
    if (!supports(d.mediaType())) {
      return Optional.empty();
    }
    Path target = cache.resolve(d.sha256() + ".png");
    if (Files.isRegularFile(target)) {
      return Optional.of(target);
    }
    Optional<Path> original = store.find(d.sha256());
    if (original.isEmpty()) {
      return Optional.empty();
    }
    try {
      BufferedImage image = d.mediaType().equals("application/pdf") ? firstPage(original.get()) : readImage(original.get());
      if (image == null) {
        return Optional.empty();
      }
      Files.createDirectories(cache);
      Path tmp = Files.createTempFile(cache, d.sha256(), ".part");
      ImageIO.write(scale(image), "png", tmp.toFile());
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(target);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static BufferedImage firstPage(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      if (doc.getNumberOfPages() == 0) {
        return null;
      }
      return new PDFRenderer(doc).renderImageWithDPI(0, PDF_DPI);
    }
  }

  /** Reads an image after checking its declared size, so a decompression bomb is never decoded. */
  private BufferedImage readImage(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        return null;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > maxPixels) {
          return null;
        }
        var param = reader.getDefaultReadParam();
        int sub = Math.max(1, reader.getWidth(0) / (WIDTH * 2));
        param.setSourceSubsampling(sub, sub, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }

  private static BufferedImage scale(BufferedImage src) {
    int w = Math.min(WIDTH, src.getWidth());
    int h = Math.max(1, (int) Math.round(src.getHeight() * (w / (double) src.getWidth())));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, w, h, java.awt.Color.WHITE, null);
    } finally {
      g.dispose();
    }
    return out;
  }

}
