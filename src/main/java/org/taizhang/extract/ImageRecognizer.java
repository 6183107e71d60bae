package org.taizhang.extract;

import com.benjaminwan.ocrlibrary.TextBlock;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Reads the text of a photo, screenshot or scanned image with one of two engines: Tesseract (a
 * child process) or RapidOCR (PaddleOCR's PP-OCRv4 models run by ONNX Runtime, a native library, in
 * a long-lived child process: {@link RapidOcrProcess}). Only the parser process uses it: native OCR
 * code never loads into the service.
 *
 * <p>Before recognition the image is made upright and legible: turned by whole quarter turns
 * (sideways and upside-down pages), straightened (a skew of a few degrees), made grey with its
 * contrast stretched, and small text enlarged. RapidOCR finds lines at any angle and classifies
 * each line as upright or upside down, so its page orientation is read from its own line boxes;
 * Tesseract's comes from its orientation detection ({@code --psm 0}).
 *
 * <p>{@link Engine#AUTO} uses RapidOCR where it loads, since it reads every kind of image in the
 * test set ({@code docs/ocr.md}) with far fewer errors; Tesseract is the fallback.
 */
public final class ImageRecognizer {
  /** Which engine reads an image. */
  public enum Engine {
    AUTO,
    TESSERACT,
    RAPIDOCR;

    /** The engine named by a setting ({@code auto}, {@code tesseract}, {@code rapidocr}). */
    public static Engine of(String name) {
      return name == null || name.isBlank()
          ? AUTO
          : Engine.valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
  }

  /**
   * What an image says: its text in reading order, the engine that read it, the engine's mean
   * confidence (0–1, by characters), and the quarter turn (clockwise degrees) that made it upright.
   */
  public record Recognition(String text, String engine, double confidence, int rotation) {
    /**
     * Whether the engine was too unsure for the text to prove anything by itself: handwriting,
     * blur, noise. The thresholds are each engine's own scale, set on the test set (docs/ocr.md).
     */
    public boolean lowConfidence() {
      return confidence < (engine.equals("rapidocr") ? RAPIDOCR_LOW : TESSERACT_LOW);
    }
  }

  /** Below these mean confidences a reading is marked low-confidence. */
  static final double RAPIDOCR_LOW = 0.92;

  static final double TESSERACT_LOW = 0.75;

  /** Longest side an image is brought to for reading; larger photos only cost time. */
  private static final int MAX_SIDE = 2400;

  /** Images whose shorter side is below this are enlarged: screenshots at 1x, thumbnails. */
  private static final int MIN_SHORT_SIDE = 900;

  private final String languages;
  private final int timeoutSeconds;
  private final Object rapidLock = new Object();
  private RapidOcrProcess rapid;
  private String rapidError;

  /**
   * @param languages Tesseract's languages ({@code chi_sim+eng})
   * @param timeoutSeconds longest Tesseract may take over one image
   */
  public ImageRecognizer(String languages, int timeoutSeconds) {
    this.languages = languages;
    this.timeoutSeconds = timeoutSeconds;
  }

  /**
   * Reads an image file. The hook for formats Java cannot decode (HEIC): convert to PNG first and
   * pass that file here.
   */
  public Recognition recognize(Path image, Engine engine) throws ExtractionException {
    BufferedImage img;
    try {
      img = ImageIO.read(image.toFile());
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE, "cannot decode image: " + e.getMessage(), e);
    }
    if (img == null && isoMediaFile(image)) {
      img = decodeHeif(image);
    }
    if (img == null) {
      throw new ExtractionException(
          ExtractionFailure.UNSUPPORTED_TYPE, "no decoder for " + image.getFileName(), null);
    }
    return recognize(img, engine);
  }

  /**
   * Whether the file is an ISO media file ({@code ftyp} box first), as HEIC and HEIF photos are.
   */
  private static boolean isoMediaFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(8);
      return head.length == 8 && new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp");
    } catch (IOException e) {
      return false;
    }
  }

  /** Decodes a HEIC/HEIF photo through {@link HeifImages#convertToPng}, which Java cannot read. */
  private static BufferedImage decodeHeif(Path heif) throws ExtractionException {
    Path png = null;
    try {
      png = Files.createTempFile("ocr-heif", ".png");
      HeifImages.convertToPng(heif, png);
      return ImageIO.read(png.toFile());
    } catch (IOException e) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE, "cannot decode HEIF: " + e.getMessage(), e);
    } finally {
      if (png != null) {
        try {
          Files.deleteIfExists(png);
        } catch (IOException e) {
          // a temporary file the parser process's temp directory keeps until it ends
        }
      }
    }
  }

  /** Reads a decoded image. */
  public Recognition recognize(BufferedImage image, Engine engine) throws ExtractionException {
    BufferedImage sized = resize(image);
    Engine chosen =
        engine == Engine.AUTO
            ? (rapidocr().isEmpty() ? Engine.RAPIDOCR : Engine.TESSERACT)
            : engine;
    try {
      if (chosen == Engine.RAPIDOCR) {
        return rapid(sized);
      }
      return tesseract(sized);
    } catch (IOException e) {
      throw new ExtractionException(ExtractionFailure.CORRUPT_FILE, e.getMessage(), e);
    }
  }

  /**
   * Why RapidOCR cannot run here, empty when it can; starts its process on the first call (models
   * unpacked to the temporary directory, some seconds).
   */
  public String rapidocr() {
    synchronized (rapidLock) {
      if ((rapid == null || !rapid.alive()) && rapidError == null) {
        try {
          rapid = RapidOcrProcess.start(Math.max(120, timeoutSeconds));
        } catch (IOException | RuntimeException e) {
          rapidError = "RapidOCR: " + e.getMessage();
        }
      }
      return rapidError == null ? "" : rapidError;
    }
  }

  // ---- RapidOCR ----

  private Recognition rapid(BufferedImage image) throws IOException, ExtractionException {
    String error = rapidocr();
    if (!error.isEmpty()) {
      throw new ExtractionException(ExtractionFailure.CORRUPT_FILE, error, null);
    }
    BufferedImage grey = Preprocessing.contrast(Preprocessing.grey(image));
    Path file = Files.createTempFile("ocr", ".png");
    try {
      ImageIO.write(grey, "png", file.toFile());
      synchronized (rapidLock) { // one engine, one image at a time
        return rapid.read(file, timeoutSeconds);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  // ---- Tesseract ----

  private Recognition tesseract(BufferedImage image) throws IOException, ExtractionException {
    BufferedImage grey = Preprocessing.contrast(Preprocessing.grey(image));
    int turn = orientation(grey);
    BufferedImage upright = Preprocessing.turn(grey, turn);
    BufferedImage straight = Preprocessing.deskew(upright);
    Path file = Files.createTempFile("ocr", ".png");
    try {
      ImageIO.write(straight, "png", file.toFile());
      String tsv = run(file, "--psm", "6", "-l", languages, "tsv");
      TesseractTsv.Read read = TesseractTsv.parse(tsv);
      return new Recognition(read.text(), "tesseract", read.confidence(), turn);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Tesseract's orientation detection on a reduced copy: the quarter turn that makes it upright.
   */
  private int orientation(BufferedImage grey) throws IOException, ExtractionException {
    BufferedImage small =
        Preprocessing.scale(grey, 1400.0 / Math.max(grey.getWidth(), grey.getHeight()));
    Path file = Files.createTempFile("osd", ".png");
    try {
      ImageIO.write(small, "png", file.toFile());
      String out;
      try {
        out = run(file, "--psm", "0", "-l", "osd");
      } catch (ExtractionException e) {
        return 0; // too few characters to tell: read it as it is
      }
      int rotate = 0;
      double confidence = 0;
      for (String line : out.lines().toList()) {
        if (line.startsWith("Rotate:")) {
          rotate = Integer.parseInt(line.substring(7).strip());
        } else if (line.startsWith("Orientation confidence:")) {
          confidence = Double.parseDouble(line.substring(23).strip());
        }
      }
      return confidence >= 1.0 ? rotate : 0;
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private String run(Path image, String... args) throws IOException, ExtractionException {
    List<String> cmd = new ArrayList<>(List.of("tesseract", image.toString(), "stdout"));
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    b.environment().put("OMP_THREAD_LIMIT", "1");
    Process p = b.start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ExtractionException(
            ExtractionFailure.PARSE_TIMEOUT,
            "tesseract: no result after " + timeoutSeconds + " s",
            null);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ExtractionException(ExtractionFailure.PARSE_TIMEOUT, "interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE, "tesseract exit " + p.exitValue(), null);
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static BufferedImage resize(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    double f = 1.0;
    if (Math.max(w, h) > MAX_SIDE) {
      f = MAX_SIDE / (double) Math.max(w, h);
    } else if (Math.min(w, h) < MIN_SHORT_SIDE) {
      f =
          Math.min(
              2.0,
              Math.min(
                  MIN_SHORT_SIDE / (double) Math.min(w, h), MAX_SIDE / (double) Math.max(w, h)));
    }
    return f == 1.0 ? img : Preprocessing.scale(img, f);
  }

  /** Text lines in reading order from RapidOCR's boxes, on a page turned any quarter turn. */
  static final class RapidLayout {
    private RapidLayout() {}

    private record Line(String text, double x, double y, double height, int chars, double score) {}

    static Recognition read(List<TextBlock> blocks, int width, int height) {
      int tall = 0;
      int wide = 0;
      int flipped = 0;
      int counted = 0;
      for (TextBlock b : blocks) {
        if (b.getText() == null || b.getText().strip().length() < 2) {
          continue;
        }
        double[] box = bounds(b);
        if (box[3] - box[1] > 1.5 * (box[2] - box[0])) {
          tall++;
        } else {
          wide++;
        }
        flipped += b.getAngleIndex() == 1 ? 1 : 0;
        counted++;
      }
      boolean sideways = tall > wide;
      double skew = skew(blocks, sideways);
      double sin = Math.sin(-skew);
      double cos = Math.cos(-skew);
      boolean reversed = counted > 0 && flipped * 2 > counted;
      // Measured on the test set: a tall line read with angle class 1 belongs to a page turned a
      // quarter counter-clockwise; class 0 to one turned clockwise.
      int rotation = sideways ? (reversed ? 90 : 270) : (reversed ? 180 : 0);
      List<Line> lines = new ArrayList<>();
      double chars = 0;
      double sum = 0;
      for (TextBlock b : blocks) {
        String t = b.getText() == null ? "" : b.getText().strip();
        if (t.isEmpty()) {
          continue;
        }
        double[] box = bounds(b);
        // the box's centre, the page's skew undone (rows of a photographed table slope)
        double bx = (box[0] + box[2]) / 2 - width / 2.0;
        double by = (box[1] + box[3]) / 2 - height / 2.0;
        double cx = bx * cos - by * sin + width / 2.0;
        double cy = bx * sin + by * cos + height / 2.0;
        // the box's centre in the upright page
        double x;
        double y;
        double lineHeight;
        switch (rotation) {
          case 90 -> {
            x = height - cy;
            y = cx;
            lineHeight = box[2] - box[0];
          }
          case 270 -> {
            x = cy;
            y = width - cx;
            lineHeight = box[2] - box[0];
          }
          case 180 -> {
            x = width - cx;
            y = height - cy;
            lineHeight = box[3] - box[1];
          }
          default -> {
            x = cx;
            y = cy;
            lineHeight = box[3] - box[1];
          }
        }
        float[] scores = b.getCharScores();
        double s = 0;
        for (float f : scores) {
          s += f;
        }
        lines.add(new Line(t, x, y, lineHeight, scores.length, s));
        chars += scores.length;
        sum += s;
      }
      lines.sort(Comparator.comparingDouble(Line::y));
      // boxes whose centres lie within half a line of each other form one line, read left to right
      StringBuilder out = new StringBuilder();
      List<Line> row = new ArrayList<>();
      for (Line l : lines) {
        if (!row.isEmpty() && Math.abs(l.y() - row.get(0).y()) > row.get(0).height() / 2) {
          flush(row, out);
        }
        row.add(l);
      }
      flush(row, out);
      return new Recognition(
          out.toString().strip(), "rapidocr", chars == 0 ? 0 : sum / chars, rotation);
    }

    private static void flush(List<Line> row, StringBuilder out) {
      if (row.isEmpty()) {
        return;
      }
      row.sort(Comparator.comparingDouble(Line::x));
      for (int i = 0; i < row.size(); i++) {
        out.append(i == 0 ? "" : " ").append(row.get(i).text());
      }
      out.append('\n');
      row.clear();
    }

    /**
     * The median slope (radians) of the long edges of boxes of several characters, off the
     * horizontal (or off the vertical, for a sideways page).
     */
    private static double skew(List<TextBlock> blocks, boolean sideways) {
      List<Double> angles = new ArrayList<>();
      for (TextBlock b : blocks) {
        var p = b.getBoxPoint();
        if (b.getText() == null || b.getText().strip().length() < 4 || p.size() < 3) {
          continue;
        }
        double ax = p.get(1).getX() - p.get(0).getX();
        double ay = p.get(1).getY() - p.get(0).getY();
        double bx = p.get(2).getX() - p.get(1).getX();
        double by = p.get(2).getY() - p.get(1).getY();
        double dx = Math.hypot(ax, ay) >= Math.hypot(bx, by) ? ax : bx;
        double dy = Math.hypot(ax, ay) >= Math.hypot(bx, by) ? ay : by;
        double a = sideways ? Math.atan2(-dx, dy) : Math.atan2(dy, dx);
        // fold into (-90°, 90°]: the direction a line runs does not matter, its slope does
        while (a > Math.PI / 2) {
          a -= Math.PI;
        }
        while (a <= -Math.PI / 2) {
          a += Math.PI;
        }
        if (Math.abs(a) < Math.toRadians(15)) {
          angles.add(a);
        }
      }
      if (angles.isEmpty()) {
        return 0;
      }
      angles.sort(null);
      return angles.get(angles.size() / 2);
    }

    private static double[] bounds(TextBlock b) {
      double x0 = Double.MAX_VALUE;
      double y0 = Double.MAX_VALUE;
      double x1 = -Double.MAX_VALUE;
      double y1 = -Double.MAX_VALUE;
      for (var p : b.getBoxPoint()) {
        x0 = Math.min(x0, p.getX());
        y0 = Math.min(y0, p.getY());
        x1 = Math.max(x1, p.getX());
        y1 = Math.max(y1, p.getY());
      }
      return new double[] {x0, y0, x1, y1};
    }
  }
}
