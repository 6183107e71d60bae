package org.taizhang.extract;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * What is done to an image before OCR: grey, contrast stretched, scaled, turned by quarter turns
 * and straightened by the skew its text lines show.
 */
public final class Preprocessing {
  /** Skews up to this many degrees either way are straightened. */
  private static final double MAX_SKEW = 8;

  private Preprocessing() {}

  static BufferedImage grey(BufferedImage img) {
    if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return img;
    }
    BufferedImage out =
        new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight()); // transparent screenshots: white, not black
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }

  /** Stretches the grey levels between the 1st and 99th percentile to the full range. */
  static BufferedImage contrast(BufferedImage grey) {
    Raster r = grey.getRaster();
    int[] histogram = new int[256];
    int w = grey.getWidth();
    int h = grey.getHeight();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      r.getSamples(0, y, w, 1, 0, row);
      for (int v : row) {
        histogram[v]++;
      }
    }
    long total = (long) w * h;
    int lo = percentile(histogram, total / 100);
    int hi = percentile(histogram, total - total / 100);
    if (hi - lo < 20 || (lo < 8 && hi > 247)) {
      return grey;
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    var o = out.getRaster();
    for (int y = 0; y < h; y++) {
      r.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        row[x] = Math.max(0, Math.min(255, (row[x] - lo) * 255 / (hi - lo)));
      }
      o.setSamples(0, y, w, 1, 0, row);
    }
    return out;
  }

  private static int percentile(int[] histogram, long rank) {
    long seen = 0;
    for (int v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen > rank) {
        return v;
      }
    }
    return 255;
  }

  static BufferedImage scale(BufferedImage img, double f) {
    int w = Math.max(1, (int) Math.round(img.getWidth() * f));
    int h = Math.max(1, (int) Math.round(img.getHeight() * f));
    int type =
        img.getType() == BufferedImage.TYPE_BYTE_GRAY ? img.getType() : BufferedImage.TYPE_INT_RGB;
    BufferedImage out = new BufferedImage(w, h, type);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION,
        f < 1
            ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
            : RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(img, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  /** The image turned clockwise by {@code degrees} (a multiple of 90). */
  public static BufferedImage turn(BufferedImage img, int degrees) {
    int d = ((degrees % 360) + 360) % 360;
    if (d == 0) {
      return img;
    }
    boolean swap = d % 180 != 0;
    int w = swap ? img.getHeight() : img.getWidth();
    int h = swap ? img.getWidth() : img.getHeight();
    BufferedImage out = new BufferedImage(w, h, img.getType());
    Graphics2D g = out.createGraphics();
    g.translate(w / 2.0, h / 2.0);
    g.rotate(Math.toRadians(d));
    g.translate(-img.getWidth() / 2.0, -img.getHeight() / 2.0);
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }

  /**
   * Straightens a grey page: the angle at which the dark pixels' row profile is sharpest is the
   * skew of its text lines (a projection profile, searched in quarter degrees on a reduced copy).
   */
  static BufferedImage deskew(BufferedImage grey) {
    double angle = skew(grey);
    if (Math.abs(angle) < 0.3) {
      return grey;
    }
    BufferedImage out =
        new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.rotate(Math.toRadians(-angle), out.getWidth() / 2.0, out.getHeight() / 2.0);
    g.drawImage(grey, 0, 0, null);
    g.dispose();
    return out;
  }

  /** The skew in degrees (clockwise positive) of the text lines. */
  static double skew(BufferedImage grey) {
    double f = Math.min(1.0, 1000.0 / Math.max(grey.getWidth(), grey.getHeight()));
    BufferedImage small = f < 1 ? scale(grey, f) : grey;
    int w = small.getWidth();
    int h = small.getHeight();
    Raster r = small.getRaster();
    int[] row = new int[w];
    long sum = 0;
    for (int y = 0; y < h; y++) {
      r.getSamples(0, y, w, 1, 0, row);
      for (int v : row) {
        sum += v;
      }
    }
    int threshold = (int) (sum / ((long) w * h)) - 40;
    List2 dark = new List2();
    for (int y = 0; y < h; y++) {
      r.getSamples(0, y, w, 1, 0, row);
      for (int x = 0; x < w; x++) {
        if (row[x] < threshold) {
          dark.add(x - w / 2.0, y - h / 2.0);
        }
      }
    }
    if (dark.size < 200) {
      return 0;
    }
    double best = 0;
    double bestScore = -1;
    int bins = (int) Math.hypot(w, h) + 2;
    for (double a = -MAX_SKEW; a <= MAX_SKEW; a += 0.25) {
      double rad = Math.toRadians(a);
      double sin = Math.sin(rad);
      double cos = Math.cos(rad);
      int[] profile = new int[bins];
      for (int i = 0; i < dark.size; i++) {
        int bin = (int) (-dark.x[i] * sin + dark.y[i] * cos + bins / 2.0);
        if (bin >= 0 && bin < bins) {
          profile[bin]++;
        }
      }
      double score = 0;
      for (int i = 1; i < bins; i++) {
        double d = profile[i] - profile[i - 1];
        score += d * d;
      }
      if (score > bestScore) {
        bestScore = score;
        best = a;
      }
    }
    return best;
  }

  /** Coordinates of dark pixels, unboxed. */
  private static final class List2 {
    double[] x = new double[1024];
    double[] y = new double[1024];
    int size;

    void add(double px, double py) {
      if (size == x.length) {
        x = java.util.Arrays.copyOf(x, size * 2);
        y = java.util.Arrays.copyOf(y, size * 2);
      }
      x[size] = px;
      y[size] = py;
      size++;
    }
  }
}
