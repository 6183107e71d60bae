package org.taizhang.extract;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders a small PNG of an image (HEIC through {@link HeifImages}) or of the first page of a PDF
 * or an OFD. Rendering runs hostile files through PDFBox and the image decoders just as parsing
 * does, so it runs in {@link ParseWorker} processes under the same limits ({@link
 * ParserPool#thumbnail}).
 */
final class ThumbnailRenderer {
  static final int WIDTH = 240;
  private static final float PDF_DPI = 36;

  /** About the size a PDF page renders at {@link #PDF_DPI}, so that both look alike. */
  private static final double OFD_PIXELS_PER_MM = 1.5;

  private final long maxPixels;

  ThumbnailRenderer(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  static boolean supports(String mediaType) {
    return mediaType.equals("application/pdf")
        || mediaType.equals(OfdFiles.MEDIA_TYPE)
        || mediaType.startsWith("image/");
  }

  /**
   * Writes the thumbnail to {@code target} (atomically); fails when the file has nothing to show.
   */
  void render(Path original, String mediaType, Path target) throws ExtractionException {
    try {
      BufferedImage image =
          mediaType.equals("application/pdf")
              ? firstPage(original)
              : mediaType.equals(OfdFiles.MEDIA_TYPE)
                  ? firstOfdPage(original)
                  : HeifImages.isHeif(mediaType) ? readHeif(original) : readImage(original);
      if (image == null) {
        throw new ExtractionException(ExtractionFailure.CORRUPT_FILE, "nothing to render", null);
      }
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
      try {
        ImageIO.write(scale(image), "png", tmp.toFile());
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
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

  private static BufferedImage firstOfdPage(Path ofd) throws IOException, ExtractionException {
    try (OfdFiles.Package p = OfdFiles.Package.open(ofd)) {
      return OfdFiles.firstPage(p.reader(), OFD_PIXELS_PER_MM);
    }
  }

  private BufferedImage readHeif(Path heif) throws IOException, ExtractionException {
    Path png = Files.createTempFile("heif-", ".png");
    try {
      HeifImages.convertToPng(heif, png);
      return readImage(png);
    } finally {
      Files.deleteIfExists(png);
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
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(src, 0, 0, w, h, Color.WHITE, null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
