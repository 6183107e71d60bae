package org.taizhang.extract;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
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

  /**
   * The long side of an image as printed on an A4 page: about 200 dpi over the page's printable
   * width, enough for a photo and a fraction of a phone's 12 megapixels.
   */
  static final int PRINT_EDGE = 1800;

  private static final float PRINT_QUALITY = 0.85f;
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
                  : HeifImages.isHeif(mediaType)
                      ? readHeif(original, WIDTH * 2)
                      : readImage(original, WIDTH * 2);
      if (image == null) {
        throw new ExtractionException(ExtractionFailure.CORRUPT_FILE, "nothing to render", null);
      }
      BufferedImage scaled = scale(image);
      DerivedFiles.write(target, tmp -> ImageIO.write(scaled, "png", tmp.toFile()));
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

  /**
   * Writes the image as printed in a binder to {@code target} (atomically): upright by its EXIF
   * orientation (libheif turns HEIC itself), at most {@link #PRINT_EDGE} on its long side, as JPEG.
   */
  void print(Path original, String mediaType, Path target) throws ExtractionException {
    try {
      boolean heif = HeifImages.isHeif(mediaType);
      BufferedImage image = heif ? readHeif(original, PRINT_EDGE) : readImage(original, PRINT_EDGE);
      if (image == null) {
        throw new ExtractionException(ExtractionFailure.CORRUPT_FILE, "nothing to print", null);
      }
      BufferedImage out = upright(fit(image, PRINT_EDGE), heif ? 1 : orientation(original));
      DerivedFiles.write(target, tmp -> writeJpeg(out, tmp));
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** The EXIF orientation (1 to 8), 1 when the file states none. */
  private static int orientation(Path file) {
    try {
      Metadata m = ImageMetadataReader.readMetadata(file.toFile());
      ExifIFD0Directory d = m.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (d != null && d.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return d.getInt(ExifIFD0Directory.TAG_ORIENTATION);
      }
    } catch (Exception e) {
      // no readable EXIF: as stored
    }
    return 1;
  }

  /** The image turned or mirrored as its EXIF orientation says the camera held it. */
  private static BufferedImage upright(BufferedImage src, int orientation) {
    int w = src.getWidth();
    int h = src.getHeight();
    AffineTransform t =
        switch (orientation) {
          case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
          case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
          case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
          case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
          case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
          case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
          case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
          default -> null;
        };
    if (t == null) {
      return src;
    }
    boolean swap = orientation >= 5;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(src, t, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Scaled down so that its long side is at most {@code edge}, on white. */
  private static BufferedImage fit(BufferedImage src, int edge) {
    double f = Math.min(1, edge / (double) Math.max(src.getWidth(), src.getHeight()));
    int w = Math.max(1, (int) Math.round(src.getWidth() * f));
    int h = Math.max(1, (int) Math.round(src.getHeight() * f));
    return drawn(src, w, h);
  }

  private static void writeJpeg(BufferedImage image, Path target) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(PRINT_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }

  private BufferedImage readHeif(Path heif, int edge) throws IOException, ExtractionException {
    Path png = Files.createTempFile("heif-", ".png");
    try {
      HeifImages.convertToPng(heif, png);
      return readImage(png, edge);
    } finally {
      Files.deleteIfExists(png);
    }
  }

  /**
   * Reads an image after checking its declared size, so a decompression bomb is never decoded;
   * subsampled while decoding to about {@code edge} pixels or more wide (for {@link #PRINT_EDGE}:
   * on its long side).
   */
  private BufferedImage readImage(Path file, int edge) throws IOException {
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
        // Thumbnails are drawn by width; printed images by their long side.
        int side =
            edge == PRINT_EDGE
                ? Math.max(reader.getWidth(0), reader.getHeight(0))
                : reader.getWidth(0);
        int sub = Math.max(1, side / edge);
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
    return drawn(src, w, h);
  }

  /** The image drawn at {@code w} × {@code h} on white. */
  private static BufferedImage drawn(BufferedImage src, int w, int h) {
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
