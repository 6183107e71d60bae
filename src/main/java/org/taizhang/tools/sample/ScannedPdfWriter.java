package org.taizhang.tools.sample;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.taizhang.pdf.ExportFont;

/**
 * Writes a document the way it reaches the archive after being printed, signed, stamped and put
 * through an office scanner: each page is a slightly rotated, speckled grayscale image and the PDF
 * has no text layer at all, so only OCR could read it.
 */
final class ScannedPdfWriter {

  private static final int DPI = 100;
  private static final double SCALE = DPI / 72.0;

  private final ExportFont.Handle fonts;

  ScannedPdfWriter(ExportFont.Handle fonts) {
    this.fonts = fonts;
  }

  void write(PlannedFile file, DocumentContent content, Path target) throws IOException {
    Random rng = new Random(file.relativePath().hashCode());
    ImageCanvas canvas = new ImageCanvas(fonts, rng);
    PageLayout.render(content, canvas);
    try (PDDocument doc = new PDDocument()) {
      for (BufferedImage clean : canvas.pages) {
        BufferedImage scanned = scan(clean, rng);
        PDImageXObject image = JPEGFactory.createFromByteArray(doc, Jpeg.encode(scanned, 0.5f));
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream stream = new PDPageContentStream(doc, page)) {
          stream.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      // Scanners name no title; the creation date is when the paper went through the machine.
      PdfMetadata.apply(doc, file, null, "Scan to PDF");
      doc.save(target.toFile());
    }
  }

  /** Rotates the clean page by under a degree, adds a scanner-lid border, shading and speckles. */
  private static BufferedImage scan(BufferedImage clean, Random rng) {
    int w = clean.getWidth();
    int h = clean.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(new Color(214, 214, 214));
    g.fillRect(0, 0, w, h);
    double angle = Math.toRadians(0.4 + rng.nextDouble() * 0.6) * (rng.nextBoolean() ? 1 : -1);
    AffineTransform t = new AffineTransform();
    t.translate(w / 2.0 + 3, h / 2.0 + 5);
    t.rotate(angle);
    t.translate(-w / 2.0, -h / 2.0);
    g.drawImage(clean, t, null);
    g.dispose();

    // A darker strip where the page did not lie flat against the glass.
    for (int x = 0; x < 18; x++) {
      int shade = 60 - x * 3;
      for (int y = 0; y < h; y++) {
        int v = out.getRaster().getSample(x, y, 0);
        out.getRaster().setSample(x, y, 0, Math.max(0, v - shade));
      }
    }
    int speckles = w * h / 400;
    for (int i = 0; i < speckles; i++) {
      int x = rng.nextInt(w);
      int y = rng.nextInt(h);
      int v = out.getRaster().getSample(x, y, 0);
      out.getRaster().setSample(x, y, 0, Math.max(0, v - 25 - rng.nextInt(70)));
    }
    for (int i = 0; i < 6; i++) {
      int x = rng.nextInt(w - 4);
      int y = rng.nextInt(h - 4);
      for (int dx = 0; dx < 2; dx++) {
        for (int dy = 0; dy < 2; dy++) {
          out.getRaster().setSample(x + dx, y + dy, 0, 40);
        }
      }
    }
    return out;
  }

  private static final class ImageCanvas implements PageLayout.Canvas {
    private final ExportFont.Handle fonts;
    private final Random rng;
    private final List<BufferedImage> pages = new ArrayList<>();
    private final BufferedImage measuring = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    private Graphics2D g;

    ImageCanvas(ExportFont.Handle fonts, Random rng) {
      this.fonts = fonts;
      this.rng = rng;
    }

    @Override
    public void startPage() {
      BufferedImage page =
          new BufferedImage(
              (int) Math.round(PageLayout.PAGE_WIDTH * SCALE),
              (int) Math.round(PageLayout.PAGE_HEIGHT * SCALE),
              BufferedImage.TYPE_BYTE_GRAY);
      pages.add(page);
      g = page.createGraphics();
      g.setColor(new Color(247, 247, 247));
      g.fillRect(0, 0, page.getWidth(), page.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.scale(SCALE, SCALE);
    }

    @Override
    public void endPage(int pageNumber) {
      String footer = PageLayout.pageNumberText(pageNumber);
      text(
          footer,
          (PageLayout.PAGE_WIDTH - width(footer, 10.5f)) / 2,
          PageLayout.pageNumberBaseline(),
          10.5f,
          false);
      g.dispose();
    }

    @Override
    public double width(String text, float size) {
      Graphics2D m = measuring.createGraphics();
      try {
        return m.getFontMetrics(fonts.awtFont(size)).stringWidth(text) * 1.0;
      } finally {
        m.dispose();
      }
    }

    @Override
    public void text(String text, double x, double baseline, float size, boolean red) {
      g.setFont(fonts.awtFont(size));
      // A red masthead prints mid-grey on a grayscale scan.
      g.setColor(red ? new Color(105, 105, 105) : new Color(30, 30, 30));
      g.drawString(text, (float) x, (float) baseline);
      double end = x + width(text, size);
      if (text.endsWith("（签字）：")) {
        signature(end + 6, baseline);
      } else if (text.contains("（盖章）：")) {
        stamp(text.substring(text.indexOf("：") + 1), end - 40, baseline - 20);
      }
    }

    @Override
    public void redRule(double x1, double x2, double y) {
      g.setColor(new Color(105, 105, 105));
      g.setStroke(new BasicStroke(1.5f));
      g.draw(new Line2D.Double(x1, y, x2, y));
    }

    /** A pen scribble where the person signed. */
    private void signature(double x, double baseline) {
      GeneralPath path = new GeneralPath();
      double cx = x;
      double cy = baseline - 4;
      path.moveTo(cx, cy);
      for (int i = 0; i < 4; i++) {
        double nx = cx + 12 + rng.nextDouble() * 10;
        path.curveTo(
            cx + 4,
            cy - 12 - rng.nextDouble() * 6,
            nx - 4,
            cy + 8 + rng.nextDouble() * 4,
            nx,
            cy - rng.nextDouble() * 4);
        cx = nx;
      }
      path.lineTo(cx + 10, cy - 6);
      g.setColor(new Color(45, 45, 45));
      g.setStroke(new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.draw(path);
    }

    /** The round official seal of {@code owner}, grey in a grayscale scan. */
    private void stamp(String owner, double x, double y) {
      double r = 34;
      g.setColor(new Color(125, 125, 125));
      g.setStroke(new BasicStroke(2.2f));
      g.draw(new Ellipse2D.Double(x, y, 2 * r, 2 * r));
      String star = "★";
      g.setFont(fonts.awtFont(16f));
      g.drawString(star, (float) (x + r - width(star, 16f) / 2), (float) (y + r + 6));
      float size = 8f;
      while (width(owner, size) > 1.6 * r && size > 4f) {
        size -= 0.5f;
      }
      Font font = fonts.awtFont(size);
      g.setFont(font);
      g.drawString(owner, (float) (x + r - width(owner, size) / 2), (float) (y + r + 20));
    }
  }
}
