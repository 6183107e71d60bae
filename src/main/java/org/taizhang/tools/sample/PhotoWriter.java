package org.taizhang.tools.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.taizhang.pdf.ExportFont;

/**
 * Draws a small "activity photo": a street, village or meeting-room scene with a red banner
 * carrying the activity's name and a group of people, saved as JPEG with the EXIF fields a reviewer
 * looks at (DateTimeOriginal, GPS, camera make and model).
 */
final class PhotoWriter {

  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  private static final DateTimeFormatter EXIF_TIME =
      DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

  private static final Color[] CLOTHES = {
    new Color(40, 60, 110), new Color(70, 70, 75), new Color(235, 235, 230), new Color(120, 90, 60),
    new Color(60, 110, 80), new Color(150, 40, 60), new Color(200, 170, 90), new Color(90, 120, 170)
  };
  private static final Color VEST = new Color(214, 32, 38);
  private static final Color[] SKIN = {
    new Color(238, 200, 170), new Color(226, 184, 150), new Color(210, 165, 128)
  };

  private final ExportFont.Handle fonts;

  PhotoWriter(ExportFont.Handle fonts) {
    this.fonts = fonts;
  }

  void write(PlannedFile.Photo photo, Path target) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    Random rng = new Random(photo.sceneSeed());
    int month = photo.taken().getMonthValue();
    switch (photo.scene()) {
      case STREET -> street(g, rng, month);
      case COUNTRYSIDE -> countryside(g, rng, month);
      case INDOOR -> indoor(g, rng);
    }
    if (photo.scene() == PlannedFile.Scene.INDOOR) {
      banner(g, photo.banner(), 70, 40, 500, 64, new Color(178, 24, 30), new Color(255, 221, 90));
      audience(g, rng);
    } else {
      poleBanner(g, photo.banner(), rng);
      crowd(g, rng);
    }
    g.dispose();
    byte[] jpeg = Jpeg.encode(image, 0.75f);
    try (OutputStream out = Files.newOutputStream(target)) {
      new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif(photo));
    }
  }

  private static TiffOutputSet exif(PlannedFile.Photo photo) throws IOException {
    TiffOutputSet set = new TiffOutputSet();
    String taken = EXIF_TIME.format(photo.taken());
    TiffOutputDirectory root = set.getOrCreateRootDirectory();
    root.add(TiffTagConstants.TIFF_TAG_MAKE, photo.camera().make());
    root.add(TiffTagConstants.TIFF_TAG_MODEL, photo.camera().model());
    root.add(TiffTagConstants.TIFF_TAG_DATE_TIME, taken);
    TiffOutputDirectory exif = set.getOrCreateExifDirectory();
    exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, taken);
    exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED, taken);
    exif.add(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_WIDTH, (short) WIDTH);
    exif.add(ExifTagConstants.EXIF_TAG_EXIF_IMAGE_LENGTH, (short) HEIGHT);
    set.setGpsInDegrees(photo.longitude(), photo.latitude());
    return set;
  }

  private static Color sky(int month) {
    if (month <= 2 || month == 12) {
      return new Color(176, 196, 214);
    }
    if (month >= 6 && month <= 8) {
      return new Color(92, 158, 226);
    }
    return new Color(128, 180, 230);
  }

  private static Color foliage(int month) {
    if (month <= 2 || month == 12) {
      return new Color(96, 112, 82);
    }
    if (month >= 10) {
      return new Color(176, 140, 52);
    }
    return new Color(70, 140, 62);
  }

  private void street(Graphics2D g, Random rng, int month) {
    g.setPaint(new GradientPaint(0, 0, sky(month), 0, 230, new Color(224, 234, 242)));
    g.fillRect(0, 0, WIDTH, 240);
    int x = -20;
    while (x < WIDTH) {
      int w = 70 + rng.nextInt(90);
      int h = 90 + rng.nextInt(120);
      int shade = 180 + rng.nextInt(50);
      g.setColor(new Color(shade, shade - 8, shade - 20));
      g.fillRect(x, 240 - h, w, h);
      g.setColor(new Color(120, 140, 160));
      for (int wy = 240 - h + 10; wy < 230; wy += 18) {
        for (int wx = x + 8; wx < x + w - 12; wx += 16) {
          g.fillRect(wx, wy, 8, 10);
        }
      }
      x += w + rng.nextInt(10);
    }
    g.setColor(new Color(168, 166, 160));
    g.fillRect(0, 240, WIDTH, HEIGHT - 240);
    g.setColor(new Color(150, 148, 142));
    for (int y = 260; y < HEIGHT; y += 26) {
      g.drawLine(0, y, WIDTH, y);
    }
    for (int i = 0; i < 4; i++) {
      tree(
          g, rng.nextBoolean() ? 20 + rng.nextInt(60) : 560 + rng.nextInt(60), 250, foliage(month));
    }
  }

  private void countryside(Graphics2D g, Random rng, int month) {
    g.setPaint(new GradientPaint(0, 0, sky(month), 0, 220, new Color(230, 238, 240)));
    g.fillRect(0, 0, WIDTH, 230);
    Color hill = foliage(month).darker();
    for (int i = 0; i < 3; i++) {
      int cx = rng.nextInt(WIDTH);
      int r = 160 + rng.nextInt(120);
      g.setColor(hill);
      g.fill(new Ellipse2D.Double(cx - r, 200 - r / 3.0, 2 * r, r));
    }
    for (int i = 0; i < 3; i++) {
      int hx = 40 + i * 200 + rng.nextInt(60);
      g.setColor(new Color(236, 232, 222));
      g.fillRect(hx, 170, 90, 60);
      g.setColor(new Color(80, 84, 92));
      Path2D roof = new Path2D.Double();
      roof.moveTo(hx - 10, 172);
      roof.lineTo(hx + 45, 140);
      roof.lineTo(hx + 100, 172);
      roof.closePath();
      g.fill(roof);
      g.setColor(new Color(110, 90, 70));
      g.fillRect(hx + 38, 200, 16, 30);
    }
    g.setColor(foliage(month));
    g.fillRect(0, 230, WIDTH, HEIGHT - 230);
    g.setColor(new Color(196, 184, 150));
    Path2D road = new Path2D.Double();
    road.moveTo(250, 230);
    road.lineTo(390, 230);
    road.lineTo(560, HEIGHT);
    road.lineTo(80, HEIGHT);
    road.closePath();
    g.fill(road);
    for (int i = 0; i < 3; i++) {
      tree(
          g, rng.nextBoolean() ? 10 + rng.nextInt(50) : 580 + rng.nextInt(40), 245, foliage(month));
    }
  }

  private void indoor(Graphics2D g, Random rng) {
    g.setColor(new Color(236, 228, 210));
    g.fillRect(0, 0, WIDTH, 300);
    g.setColor(new Color(140, 100, 70));
    g.fillRect(0, 300, WIDTH, HEIGHT - 300);
    g.setColor(new Color(120, 84, 58));
    for (int x = -200; x < WIDTH; x += 60) {
      g.drawLine(x, HEIGHT, x + 200, 300);
    }
    // the speaker stands behind the lectern, head and shoulders above it
    person(g, 320, 172, 0.95, rng, false);
    g.setColor(new Color(150, 60, 40));
    g.fillRect(280, 236, 80, 64);
    g.setColor(new Color(240, 210, 120));
    g.fillRect(300, 250, 40, 6);
    for (int x : new int[] {40, 540}) {
      g.setColor(new Color(60, 120, 70));
      g.fillOval(x, 180, 60, 80);
      g.setColor(new Color(150, 100, 60));
      g.fillRect(x + 14, 250, 32, 40);
    }
  }

  private void tree(Graphics2D g, int x, int ground, Color leaves) {
    g.setColor(new Color(110, 80, 50));
    g.fillRect(x - 5, ground - 50, 10, 60);
    g.setColor(leaves);
    g.fillOval(x - 35, ground - 120, 70, 80);
  }

  private void poleBanner(Graphics2D g, String text, Random rng) {
    int top = 110 + rng.nextInt(30);
    g.setColor(new Color(90, 90, 95));
    g.setStroke(new BasicStroke(6));
    g.drawLine(64, top - 10, 64, 330);
    g.drawLine(576, top - 10, 576, 330);
    banner(g, text, 64, top, 512, 56, new Color(200, 22, 30), Color.WHITE);
  }

  private void banner(
      Graphics2D g, String text, int x, int y, int w, int h, Color cloth, Color ink) {
    g.setColor(cloth);
    g.fillRect(x, y, w, h);
    g.setColor(cloth.darker());
    g.setStroke(new BasicStroke(2));
    g.drawRect(x, y, w, h);
    float size = 28f;
    Font font = fonts.awtFont(size);
    while (g.getFontMetrics(font).stringWidth(text) > w - 30 && size > 12f) {
      size -= 1f;
      font = fonts.awtFont(size);
    }
    g.setFont(font);
    g.setColor(ink);
    int tw = g.getFontMetrics(font).stringWidth(text);
    int ascent = g.getFontMetrics(font).getAscent();
    int descent = g.getFontMetrics(font).getDescent();
    g.drawString(text, x + (w - tw) / 2, y + (h + ascent - descent) / 2);
  }

  private void crowd(Graphics2D g, Random rng) {
    int count = 7 + rng.nextInt(7);
    List<int[]> spots = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      spots.add(new int[] {30 + rng.nextInt(WIDTH - 60), 300 + rng.nextInt(150)});
    }
    spots.sort(Comparator.comparingInt(s -> s[1]));
    for (int[] s : spots) {
      double scale = 0.7 + (s[1] - 300) / 150.0 * 0.6;
      person(g, s[0], s[1] - (int) (120 * scale), scale, rng, rng.nextInt(10) < 6);
    }
  }

  private void audience(Graphics2D g, Random rng) {
    for (int row = 0; row < 3; row++) {
      int y = 340 + row * 48;
      double scale = 1.0 + row * 0.25;
      for (int x = 40 + rng.nextInt(20);
          x < WIDTH - 20;
          x += (int) (62 * scale) + rng.nextInt(10)) {
        g.setColor(CLOTHES[rng.nextInt(CLOTHES.length)]);
        g.fill(new RoundRectangle2D.Double(x - 24 * scale, y, 48 * scale, 60 * scale, 20, 20));
        g.setColor(new Color(30, 26, 24));
        g.fill(new Ellipse2D.Double(x - 13 * scale, y - 26 * scale, 26 * scale, 30 * scale));
      }
    }
  }

  /** A simple standing figure whose head top is at (x, top). */
  private void person(Graphics2D g, int x, int top, double s, Random rng, boolean volunteer) {
    Color skin = SKIN[rng.nextInt(SKIN.length)];
    Color clothes = CLOTHES[rng.nextInt(CLOTHES.length)];
    g.setColor(new Color(50, 50, 60));
    g.fill(new RoundRectangle2D.Double(x - 12 * s, top + 70 * s, 10 * s, 52 * s, 6, 6));
    g.fill(new RoundRectangle2D.Double(x + 2 * s, top + 70 * s, 10 * s, 52 * s, 6, 6));
    g.setColor(clothes);
    g.fill(new RoundRectangle2D.Double(x - 17 * s, top + 24 * s, 34 * s, 52 * s, 12 * s, 12 * s));
    if (volunteer) {
      g.setColor(VEST);
      g.fill(new RoundRectangle2D.Double(x - 15 * s, top + 26 * s, 30 * s, 44 * s, 8 * s, 8 * s));
      g.setColor(new Color(255, 230, 120));
      g.fill(new Ellipse2D.Double(x - 5 * s, top + 36 * s, 10 * s, 10 * s));
    }
    g.setColor(clothes.darker());
    g.fill(new RoundRectangle2D.Double(x - 24 * s, top + 28 * s, 8 * s, 40 * s, 6, 6));
    g.fill(new RoundRectangle2D.Double(x + 16 * s, top + 28 * s, 8 * s, 40 * s, 6, 6));
    g.setColor(skin);
    g.fill(new Ellipse2D.Double(x - 11 * s, top, 22 * s, 26 * s));
    g.setColor(new Color(28, 24, 22));
    g.fill(new Ellipse2D.Double(x - 12 * s, top - 2 * s, 24 * s, 12 * s));
  }
}
