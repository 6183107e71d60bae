package org.taizhang.tools.ocr;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.taizhang.extract.Preprocessing;

/**
 * Makes the OCR test set: images of what units photograph and screenshot (notices, minutes,
 * ledgers, sign-in sheets, stamped documents, activity banners, phone screenshots), each beside a
 * {@code .txt} file with its true text, and {@code set.tsv} naming each image's kind. Pages are
 * drawn, then "photographed": perspective, skew, uneven light, blur, sensor noise and JPEG; some
 * are turned sideways or upside down. Deterministic: the same seed draws the same set.
 *
 * <p>Usage: {@code OcrSetGenerator <directory>}; the committed set is {@code
 * src/test/resources/ocr-set}.
 */
public final class OcrSetGenerator {
  static final Path DEFAULT_DIR = Path.of("src/test/resources/ocr-set");
  private static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

  /** Page width in pixels of a page drawn at about 120 dpi. */
  private static final int PAGE_W = 1000;

  private static final int PAGE_H = 1414;

  private final Random random = new Random(20240312L);
  private final Font sans;
  private final Font mono;
  private final Path dir;
  private final List<String> index = new ArrayList<>();
  private int number;

  private OcrSetGenerator(Path dir) throws IOException, FontFormatException {
    this.dir = dir;
    Font[] fonts = Font.createFonts(WQY.toFile());
    this.sans = fonts[0];
    this.mono = fonts.length > 1 ? fonts[1] : fonts[0];
  }

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : DEFAULT_DIR;
    Files.createDirectories(dir);
    new OcrSetGenerator(dir).generate();
  }

  /** A drawn page and the text it shows, line by line. */
  private record Page(BufferedImage image, String text) {}

  private void generate() throws IOException {
    List<OcrSetTexts.Notice> notices = OcrSetTexts.NOTICES;
    List<OcrSetTexts.Minutes> minutes = OcrSetTexts.MINUTES;
    // scans: flat, grey, a little noise and skew
    for (int i = 0; i < 6; i++) {
      Page p = i % 2 == 0 ? notice(i / 2, false) : minutes(i / 2);
      save("scan", "扫描件", scanned(p.image(), i * 0.3 - 0.6), p.text(), "jpg");
    }
    // photographed pages
    for (int i = 0; i < 6; i++) {
      Page p = i % 2 == 0 ? notice(3 + i / 2, false) : minutes((i / 2 + 1) % minutes.size());
      save("photo", "手机拍摄的文件", photographed(p.image(), 1 + i % 3), p.text(), "jpg");
    }
    // stamped documents, scanned or photographed
    for (int i = 0; i < 6; i++) {
      Page p = notice(i % notices.size(), true);
      BufferedImage img = i < 3 ? scanned(p.image(), 0.4 - i * 0.4) : photographed(p.image(), 1);
      save("stamp", "盖章文件", img, p.text(), "jpg");
    }
    // ledgers in tables
    for (int i = 0; i < 6; i++) {
      Page p = ledger(i);
      BufferedImage img =
          i % 2 == 0 ? scanned(p.image(), 0.5 - i * 0.2) : photographed(p.image(), 2);
      save("table", "表格", img, p.text(), "jpg");
    }
    // sign-in sheets, photographed, names typed and signatures by hand
    for (int i = 0; i < 6; i++) {
      Page p = signIn(i);
      save("signin", "签到表照片", photographed(p.image(), 1 + i % 2), p.text(), "jpg");
    }
    // pages turned sideways or upside down
    int[] turns = {90, 180, 270, 180, 90, 270};
    for (int i = 0; i < 6; i++) {
      Page p = i % 2 == 0 ? notice((i + 1) % notices.size(), false) : minutes(i % minutes.size());
      BufferedImage img = i < 3 ? scanned(p.image(), 0.3) : photographed(p.image(), 1);
      save("rotated", "旋转" + turns[i] + "°", Preprocessing.turn(img, turns[i]), p.text(), "jpg");
    }
    // activity photos with a banner
    for (int i = 0; i < 8; i++) {
      OcrSetTexts.Banner b = OcrSetTexts.BANNERS.get(i);
      save("banner", "活动横幅照片", banner(b, i), bannerText(b), "jpg");
    }
    // phone screenshots of notices
    for (int i = 0; i < 6; i++) {
      OcrSetTexts.Notice n = OcrSetTexts.SCREENSHOTS.get(i);
      Page p = screenshot(n, i);
      save("screenshot", "通知截图", p.image(), p.text(), "png");
    }
    Files.writeString(
        dir.resolve("set.tsv"),
        "# 文件\t类型\t说明（由 OcrSetGenerator 生成，真值见同名 .txt）\n" + String.join("\n", index) + "\n",
        StandardCharsets.UTF_8);
  }

  private void save(String kind, String what, BufferedImage image, String truth, String format)
      throws IOException {
    number++;
    String name = String.format(Locale.ROOT, "%02d-%s.%s", number, kind, format);
    Path file = dir.resolve(name);
    if (format.equals("png")) {
      ImageIO.write(image, "png", file.toFile());
    } else {
      jpeg(image, file, kind.equals("scan") || kind.equals("rotated") ? 0.6f : 0.7f);
    }
    Files.writeString(
        dir.resolve(name.replaceAll("\\.[a-z]+$", ".txt")), truth + "\n", StandardCharsets.UTF_8);
    index.add(name + "\t" + kind + "\t" + what);
  }

  // ---- pages ----

  private Page notice(int which, boolean stamp) {
    OcrSetTexts.Notice n = OcrSetTexts.NOTICES.get(which % OcrSetTexts.NOTICES.size());
    int a = which % OcrSetTexts.AGENCIES.size();
    String agency = OcrSetTexts.AGENCIES.get(a);
    String number = OcrSetTexts.CODES.get(a) + "〔2024〕" + (3 + which * 7) + "号";
    String date = "2024年" + (3 + which) + "月" + (5 + which * 3) + "日";
    BufferedImage page = blank();
    Graphics2D g = graphics(page);
    List<String> lines = new ArrayList<>();
    int y = 120;
    g.setColor(Color.BLACK);
    y = centred(g, sans.deriveFont(Font.PLAIN, 30f), n.title(), y, lines, 880);
    y += 14;
    y = centred(g, sans.deriveFont(20f), number, y, lines, 880);
    y += 24;
    Font body = sans.deriveFont(22f);
    for (String para : n.body()) {
      boolean salutation = para.endsWith("：");
      y = wrapped(g, body, para, salutation ? 90 : 134, 90, y, lines, 820) + 8;
    }
    y += 40;
    int right = 910;
    for (String s : List.of(agency, date)) {
      g.setFont(body);
      int w = g.getFontMetrics().stringWidth(s);
      g.drawString(s, right - w, y);
      lines.add(s);
      y += 36;
    }
    if (stamp) {
      stamp(g, right - 140, y - 90, agency);
    }
    g.dispose();
    return new Page(page, String.join("\n", lines));
  }

  private Page minutes(int which) {
    OcrSetTexts.Minutes m = OcrSetTexts.MINUTES.get(which % OcrSetTexts.MINUTES.size());
    BufferedImage page = blank();
    Graphics2D g = graphics(page);
    g.setColor(Color.BLACK);
    List<String> lines = new ArrayList<>();
    int y = 120;
    y = centred(g, sans.deriveFont(28f), m.title(), y, lines, 880) + 20;
    Font body = sans.deriveFont(22f);
    for (String field :
        List.of(
            "时间：" + m.time(),
            "地点：" + m.place(),
            "主持人：" + m.host(),
            "记录人：" + m.recorder(),
            "参会人员：各科室负责人、各村（社区）文明创建专干")) {
      y = wrapped(g, body, field, 90, 90, y, lines, 820) + 6;
    }
    y += 10;
    y = wrapped(g, body, "会议内容：", 90, 90, y, lines, 820) + 6;
    for (String para : m.body()) {
      y = wrapped(g, body, para, 134, 90, y, lines, 820) + 6;
    }
    g.dispose();
    return new Page(page, String.join("\n", lines));
  }

  private Page ledger(int which) {
    BufferedImage page = blank();
    Graphics2D g = graphics(page);
    g.setColor(Color.BLACK);
    List<String> lines = new ArrayList<>();
    String title = List.of("东湖社区文明创建工作台账", "南坪镇人居环境整治任务清单", "石桥村创建工作推进表").get(which % 3);
    int y = centred(g, sans.deriveFont(28f), title, 110, lines, 880) + 20;
    String[] head = {"序号", "工作内容", "责任单位", "完成时限", "进展"};
    int[] cols = {70, 160, 520, 700, 840, 940};
    Font cell = sans.deriveFont(21f);
    int rowH = 54;
    List<List<String>> rows = new ArrayList<>();
    int start = which * 3 % OcrSetTexts.LEDGER_ROWS.size();
    for (int i = 0; i < 7; i++) {
      rows.add(OcrSetTexts.LEDGER_ROWS.get((start + i) % OcrSetTexts.LEDGER_ROWS.size()));
    }
    g.setStroke(new BasicStroke(2f));
    int top = y;
    for (int r = 0; r <= rows.size(); r++) {
      List<String> cells = new ArrayList<>();
      if (r == 0) {
        cells.addAll(List.of(head));
      } else {
        cells.add(Integer.toString(r));
        cells.addAll(rows.get(r - 1));
      }
      g.setFont(r == 0 ? cell.deriveFont(Font.BOLD) : cell);
      for (int c = 0; c < cells.size(); c++) {
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(cells.get(c));
        int x = cols[c] + (cols[c + 1] - cols[c] - w) / 2;
        g.drawString(cells.get(c), x, y + rowH / 2 + fm.getAscent() / 2 - 3);
      }
      lines.add(String.join(" ", cells));
      y += rowH;
    }
    for (int r = 0; r <= rows.size() + 1; r++) {
      g.drawLine(cols[0], top + r * rowH, cols[cols.length - 1], top + r * rowH);
    }
    for (int x : cols) {
      g.drawLine(x, top, x, top + (rows.size() + 1) * rowH);
    }
    y += 50;
    g.setFont(sans.deriveFont(20f));
    String note = "填报人：王振华　　审核人：李晓红";
    g.drawString(note, 90, y);
    lines.add(note);
    g.dispose();
    return new Page(page, String.join("\n", lines));
  }

  private Page signIn(int which) {
    BufferedImage page = blank();
    Graphics2D g = graphics(page);
    g.setColor(Color.BLACK);
    List<String> lines = new ArrayList<>();
    String title = OcrSetTexts.SIGN_IN_TITLES.get(which % OcrSetTexts.SIGN_IN_TITLES.size());
    int y = centred(g, sans.deriveFont(30f), title, 110, lines, 880) + 10;
    g.setFont(sans.deriveFont(20f));
    String when = "时间：2024年" + (4 + which) + "月" + (10 + which) + "日　　地点：镇政府三楼会议室";
    g.drawString(when, 90, y + 20);
    lines.add(when);
    y += 50;
    String[] head = {"序号", "姓名", "单位", "职务", "签到"};
    int[] cols = {70, 150, 290, 600, 760, 940};
    int rowH = 62;
    int top = y;
    Font cell = sans.deriveFont(21f);
    int rows = 9;
    g.setStroke(new BasicStroke(2f));
    for (int r = 0; r <= rows; r++) {
      List<String> cells = new ArrayList<>();
      if (r == 0) {
        cells.addAll(List.of(head));
      } else {
        List<String> a =
            OcrSetTexts.ATTENDEES.get((which * 5 + r - 1) % OcrSetTexts.ATTENDEES.size());
        cells.add(Integer.toString(r));
        cells.addAll(a);
      }
      g.setFont(r == 0 ? cell.deriveFont(Font.BOLD) : cell);
      FontMetrics fm = g.getFontMetrics();
      for (int c = 0; c < cells.size(); c++) {
        int w = fm.stringWidth(cells.get(c));
        g.drawString(
            cells.get(c),
            cols[c] + (cols[c + 1] - cols[c] - w) / 2,
            y + rowH / 2 + fm.getAscent() / 2 - 3);
      }
      if (r > 0) {
        scribble(g, cols[4] + 20, y + 12, cols[5] - cols[4] - 40, rowH - 24);
      }
      lines.add(String.join(" ", cells));
      y += rowH;
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(2f));
    for (int r = 0; r <= rows + 1; r++) {
      g.drawLine(cols[0], top + r * rowH, cols[cols.length - 1], top + r * rowH);
    }
    for (int x : cols) {
      g.drawLine(x, top, x, top + (rows + 1) * rowH);
    }
    g.dispose();
    return new Page(page, String.join("\n", lines));
  }

  /** A signature: not text anyone could check, so not in the truth. */
  private void scribble(Graphics2D g, int x, int y, int w, int h) {
    g.setColor(new Color(20, 30, 90));
    g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D path = new Path2D.Double();
    double px = x;
    double py = y + h * (0.3 + random.nextDouble() * 0.4);
    path.moveTo(px, py);
    int strokes = 3 + random.nextInt(3);
    for (int i = 0; i < strokes; i++) {
      double nx = px + w / (double) strokes;
      path.append(
          new CubicCurve2D.Double(
              px,
              py,
              px + random.nextDouble() * 20,
              y + random.nextDouble() * h,
              nx - random.nextDouble() * 20,
              y + random.nextDouble() * h,
              nx,
              y + h * (0.3 + random.nextDouble() * 0.4)),
          true);
      px = nx;
      py = path.getCurrentPoint().getY();
    }
    g.draw(path);
    g.setColor(Color.BLACK);
  }

  /** An office seal: red ring, star and the agency's name along the ring; its text is not truth. */
  private void stamp(Graphics2D g, int cx, int cy, String agency) {
    BufferedImage seal = new BufferedImage(300, 300, BufferedImage.TYPE_INT_ARGB);
    Graphics2D s = graphics(seal);
    Color red = new Color(215, 30, 35, 200);
    s.setColor(red);
    s.setStroke(new BasicStroke(7f));
    s.draw(new Ellipse2D.Double(15, 15, 270, 270));
    Path2D star = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? 42 : 17;
      double a = -Math.PI / 2 + i * Math.PI / 5;
      double x = 150 + r * Math.cos(a);
      double y = 150 + r * Math.sin(a);
      if (i == 0) {
        star.moveTo(x, y);
      } else {
        star.lineTo(x, y);
      }
    }
    star.closePath();
    s.fill(star);
    s.setFont(sans.deriveFont(Font.BOLD, 30f));
    double span = Math.toRadians(250);
    for (int i = 0; i < agency.length(); i++) {
      double a = -Math.PI / 2 - span / 2 + span * (i + 0.5) / agency.length();
      AffineTransform saved = s.getTransform();
      s.translate(150 + 108 * Math.cos(a), 150 + 108 * Math.sin(a));
      s.rotate(a + Math.PI / 2);
      s.drawString(agency.substring(i, i + 1), -15, 12);
      s.setTransform(saved);
    }
    s.dispose();
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.85f));
    g.drawImage(seal, cx - 150, cy - 150, null);
    g.setComposite(AlphaComposite.SrcOver);
  }

  private BufferedImage banner(OcrSetTexts.Banner b, int which) {
    int w = 1280;
    int h = 960;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(img);
    boolean indoor = which % 3 == 2;
    if (indoor) {
      g.setPaint(new GradientPaint(0, 0, new Color(225, 220, 205), 0, h, new Color(170, 160, 140)));
    } else {
      g.setPaint(
          new GradientPaint(0, 0, new Color(120, 170, 225), 0, h / 2f, new Color(210, 225, 240)));
    }
    g.fillRect(0, 0, w, h);
    if (!indoor) {
      g.setColor(new Color(110, 120, 100));
      g.fillRect(0, h * 11 / 20, w, h);
      for (int i = 0; i < 6; i++) {
        g.setColor(new Color(40 + random.nextInt(40), 100 + random.nextInt(60), 50));
        int tx = random.nextInt(w);
        g.fill(new Ellipse2D.Double(tx, h * 0.25 + random.nextInt(80), 160, 200));
      }
    }
    // the banner, hung a little crooked
    BufferedImage cloth = new BufferedImage(1000, 190, BufferedImage.TYPE_INT_RGB);
    Graphics2D c = graphics(cloth);
    c.setColor(new Color(200 + random.nextInt(30), 20, 25));
    c.fillRect(0, 0, 1000, 190);
    c.setColor(which % 2 == 0 ? new Color(255, 235, 120) : Color.WHITE);
    float size = Math.min(86f, 900f / b.slogan().length());
    Font slogan = sans.deriveFont(Font.BOLD, size);
    c.setFont(slogan);
    FontMetrics fm = c.getFontMetrics();
    int baseline = b.organiser().isEmpty() ? 95 + fm.getAscent() / 2 - 8 : 60 + fm.getAscent() / 2;
    c.drawString(b.slogan(), (1000 - fm.stringWidth(b.slogan())) / 2, baseline);
    if (!b.organiser().isEmpty()) {
      c.setFont(sans.deriveFont(32f));
      fm = c.getFontMetrics();
      c.drawString(b.organiser(), (1000 - fm.stringWidth(b.organiser())) / 2, 170);
    }
    c.dispose();
    double angle = Math.toRadians((random.nextDouble() - 0.5) * 10);
    AffineTransform t = new AffineTransform();
    t.translate(140, 120 + random.nextInt(60));
    t.rotate(angle);
    t.scale(1.0, 1.0 - random.nextDouble() * 0.1);
    g.drawImage(cloth, t, null);
    // people in front of it
    for (int i = 0; i < 9; i++) {
      int px = 60 + i * 135 + random.nextInt(30);
      int py = 470 + random.nextInt(60);
      g.setColor(i % 3 == 0 ? new Color(210, 30, 40) : new Color(40 + i * 15, 60, 110));
      g.fillRoundRect(px, py + 80, 100, 320, 40, 40);
      g.setColor(new Color(230, 190, 160));
      g.fill(new Ellipse2D.Double(px + 20, py, 60, 75));
      g.setColor(new Color(30, 25, 20));
      g.fill(new Ellipse2D.Double(px + 18, py - 6, 64, 36));
    }
    g.dispose();
    return camera(img, 1.0 + which % 3 * 0.4, 4);
  }

  private static String bannerText(OcrSetTexts.Banner b) {
    return b.organiser().isEmpty() ? b.slogan() : b.slogan() + "\n" + b.organiser();
  }

  private Page screenshot(OcrSetTexts.Notice n, int which) {
    int w = 720;
    boolean dark = false;
    BufferedImage img = new BufferedImage(w, 1280, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(img);
    g.setColor(new Color(245, 245, 245));
    g.fillRect(0, 0, w, 1280);
    List<String> lines = new ArrayList<>();
    // status bar and title bar: icons only, and the page name
    Color bar = which % 2 == 0 ? new Color(237, 237, 237) : new Color(200, 30, 40);
    g.setColor(bar);
    g.fillRect(0, 0, w, 150);
    Color barText = which % 2 == 0 ? Color.BLACK : Color.WHITE;
    g.setColor(barText);
    g.fillRect(600, 22, 40, 18);
    g.fillRect(650, 22, 40, 18);
    g.setStroke(new BasicStroke(4f));
    g.drawLine(40, 105, 25, 90);
    g.drawLine(25, 90, 40, 75);
    g.setFont(sans.deriveFont(32f));
    String app = which % 2 == 0 ? "工作群公告" : "通知公告";
    FontMetrics fm = g.getFontMetrics();
    g.drawString(app, (w - fm.stringWidth(app)) / 2, 102);
    lines.add(app);
    // the card
    g.setColor(dark ? Color.DARK_GRAY : Color.WHITE);
    g.fillRoundRect(20, 170, w - 40, 1060, 20, 20);
    g.setColor(new Color(20, 20, 20));
    int y = 240;
    y = wrapped(g, sans.deriveFont(Font.BOLD, 34f), n.title(), 50, 50, y, lines, 620) + 10;
    g.setColor(new Color(120, 120, 120));
    String meta = "发布时间：2024-0" + (which + 3) + "-1" + which + "　阅读 " + (120 + which * 37);
    g.setFont(sans.deriveFont(22f));
    g.drawString(meta, 50, y + 10);
    lines.add(meta);
    y += 60;
    g.setColor(new Color(30, 30, 30));
    for (String para : n.body()) {
      y = wrapped(g, sans.deriveFont(which < 3 ? 27f : 24f), para, 50, 50, y, lines, 620) + 16;
    }
    g.dispose();
    return new Page(img, String.join("\n", lines));
  }

  // ---- drawing helpers ----

  private static BufferedImage blank() {
    BufferedImage page = new BufferedImage(PAGE_W, PAGE_H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, PAGE_W, PAGE_H);
    g.dispose();
    return page;
  }

  private static Graphics2D graphics(BufferedImage img) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    return g;
  }

  private static int centred(Graphics2D g, Font f, String s, int y, List<String> lines, int width) {
    g.setFont(f);
    FontMetrics fm = g.getFontMetrics();
    if (fm.stringWidth(s) > width) {
      return wrapped(g, f, s, 60, 60, y, lines, width);
    }
    g.drawString(s, (PAGE_W - fm.stringWidth(s)) / 2, y + fm.getAscent());
    lines.add(s);
    return y + fm.getHeight() + 6;
  }

  /**
   * Draws a paragraph from {@code y} (top), first line at {@code first}, the others at {@code
   * left}, wrapped at {@code width}; adds each drawn line to {@code lines}; returns the next top.
   */
  private static int wrapped(
      Graphics2D g, Font f, String s, int first, int left, int y, List<String> lines, int width) {
    g.setFont(f);
    FontMetrics fm = g.getFontMetrics();
    int lineH = (int) (fm.getHeight() * 1.35);
    int start = 0;
    int x = first;
    while (start < s.length()) {
      int end = start + 1;
      while (end < s.length()
          && fm.stringWidth(s.substring(start, end + 1)) <= width - (x - left)) {
        end++;
      }
      String line = s.substring(start, end);
      g.drawString(line, x, y + fm.getAscent());
      lines.add(line);
      y += lineH;
      start = end;
      x = left;
    }
    return y;
  }

  // ---- what scanners and cameras do to a page ----

  /** A flatbed scan: grey, slightly rotated, a little speckle. */
  private BufferedImage scanned(BufferedImage page, double degrees) {
    BufferedImage out =
        new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = graphics(out);
    g.setColor(new Color(250, 250, 250));
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.rotate(Math.toRadians(degrees), out.getWidth() / 2.0, out.getHeight() / 2.0);
    g.drawImage(page, 0, 0, null);
    g.dispose();
    noise(out, 3, 0.0015);
    return out;
  }

  /** A phone photo of a page on a desk: perspective, rotation, uneven light, blur, noise. */
  private BufferedImage photographed(BufferedImage page, int blur) {
    int w = 1100;
    int h = 1500;
    double[] src = {
      0, 0, page.getWidth(), 0, page.getWidth(), page.getHeight(), 0, page.getHeight()
    };
    double skew = Math.toRadians((random.nextDouble() - 0.5) * 8);
    double cx = w / 2.0;
    double cy = h / 2.0;
    double[] dst = new double[8];
    double scale = 0.9 + random.nextDouble() * 0.06;
    for (int i = 0; i < 4; i++) {
      double x = (src[2 * i] - page.getWidth() / 2.0) * scale;
      double y = (src[2 * i + 1] - page.getHeight() / 2.0) * scale;
      // perspective: the far edge (top) is narrower
      double shrink = i < 2 ? 0.9 + random.nextDouble() * 0.06 : 1.0;
      x *= shrink;
      x += (random.nextDouble() - 0.5) * 30;
      y += (random.nextDouble() - 0.5) * 30;
      dst[2 * i] = cx + x * Math.cos(skew) - y * Math.sin(skew);
      dst[2 * i + 1] = cy + x * Math.sin(skew) + y * Math.cos(skew);
    }
    double[] hInv = homography(dst, src);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Color desk =
        List.of(new Color(120, 90, 60), new Color(90, 95, 100), new Color(160, 150, 135))
            .get(random.nextInt(3));
    double lightX = random.nextDouble() * w;
    double lightY = random.nextDouble() * h;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d = hInv[6] * x + hInv[7] * y + hInv[8];
        double sx = (hInv[0] * x + hInv[1] * y + hInv[2]) / d;
        double sy = (hInv[3] * x + hInv[4] * y + hInv[5]) / d;
        int rgb;
        if (sx >= 0 && sy >= 0 && sx < page.getWidth() - 1 && sy < page.getHeight() - 1) {
          rgb = bilinear(page, sx, sy);
        } else {
          rgb = desk.getRGB();
        }
        double dist = Math.hypot(x - lightX, y - lightY) / Math.hypot(w, h);
        double light = 1.02 - 0.35 * dist;
        int r = clamp((int) (((rgb >> 16) & 255) * light * 0.97));
        int gr = clamp((int) (((rgb >> 8) & 255) * light * 0.95));
        int b = clamp((int) ((rgb & 255) * light * 0.88));
        out.setRGB(x, y, (r << 16) | (gr << 8) | b);
      }
    }
    BufferedImage blurred = blur(out, blur);
    noise(blurred, 4, 0);
    return blurred;
  }

  /** A camera's softness and noise on a scene. */
  private BufferedImage camera(BufferedImage img, double blurRadius, int noise) {
    BufferedImage b = blur(img, (int) Math.round(blurRadius));
    noise(b, noise, 0);
    return b;
  }

  private static BufferedImage blur(BufferedImage img, int radius) {
    if (radius <= 0) {
      return img;
    }
    int size = radius * 2 + 1;
    float[] k = new float[size * size];
    double sigma = radius * 0.7;
    double sum = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double v =
            Math.exp(
                -((x - radius) * (x - radius) + (y - radius) * (y - radius)) / (2 * sigma * sigma));
        k[y * size + x] = (float) v;
        sum += v;
      }
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= (float) sum;
    }
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), img.getType());
    return new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null).filter(img, out);
  }

  /** Gaussian noise of {@code sigma} grey levels, and dark specks at {@code specks} density. */
  private void noise(BufferedImage img, int sigma, double specks) {
    boolean grey = img.getType() == BufferedImage.TYPE_BYTE_GRAY;
    var raster = img.getRaster();
    int bands = raster.getNumBands();
    int[] px = new int[bands];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        raster.getPixel(x, y, px);
        double n = random.nextGaussian() * sigma;
        boolean speck = specks > 0 && random.nextDouble() < specks;
        for (int b = 0; b < bands; b++) {
          px[b] = speck ? 60 : clamp((int) (px[b] + n + (grey ? 0 : random.nextGaussian() * 2)));
        }
        raster.setPixel(x, y, px);
      }
    }
  }

  private static int bilinear(BufferedImage img, double x, double y) {
    int x0 = (int) x;
    int y0 = (int) y;
    double fx = x - x0;
    double fy = y - y0;
    int a = img.getRGB(x0, y0);
    int b = img.getRGB(x0 + 1, y0);
    int c = img.getRGB(x0, y0 + 1);
    int d = img.getRGB(x0 + 1, y0 + 1);
    int out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      double v =
          ((a >> shift) & 255) * (1 - fx) * (1 - fy)
              + ((b >> shift) & 255) * fx * (1 - fy)
              + ((c >> shift) & 255) * (1 - fx) * fy
              + ((d >> shift) & 255) * fx * fy;
      out |= clamp((int) Math.round(v)) << shift;
    }
    return out;
  }

  /** The 3×3 projective map (row-major, h33 = 1) taking the 4 points {@code from} to {@code to}. */
  static double[] homography(double[] from, double[] to) {
    double[][] a = new double[8][9];
    for (int i = 0; i < 4; i++) {
      double x = from[2 * i];
      double y = from[2 * i + 1];
      double u = to[2 * i];
      double v = to[2 * i + 1];
      a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
      a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
    }
    for (int col = 0; col < 8; col++) {
      int pivot = col;
      for (int r = col + 1; r < 8; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      for (int r = 0; r < 8; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c < 9; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] h = new double[9];
    for (int i = 0; i < 8; i++) {
      h[i] = a[i][8] / a[i][i];
    }
    h[8] = 1;
    return h;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static void jpeg(BufferedImage img, Path file, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam p = writer.getDefaultWriteParam();
    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    p.setCompressionQuality(quality);
    File f = file.toFile();
    try (OutputStream os = Files.newOutputStream(f.toPath());
        ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(img, null, null), p);
    } finally {
      writer.dispose();
    }
  }
}
