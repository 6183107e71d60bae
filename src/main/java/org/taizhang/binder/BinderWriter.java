package org.taizhang.binder;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.util.Matrix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.archive.Document;
import org.taizhang.caption.PhotoCaption;
import org.taizhang.caption.PhotoCaptions;
import org.taizhang.job.Job;
import org.taizhang.pdf.ExportFont;
import org.taizhang.pdf.PdfLayout;

/**
 * Writes a {@link BinderPlan} as one PDF: the cover, the 总目录 with every item's pages, then per
 * section a divider page, the items' pages (PDFs as they are, renditions, photos one per page with
 * their captions, a page saying why for what cannot be shown) each with its 归档章 on its first page,
 * and a page for each explained gap; page numbers on every page and bookmarks per section and item.
 *
 * <p>The body is written first, since only then are all page counts known; the 总目录 is laid out
 * until its own length is stable and moved in after the cover. Pages and imported files live in
 * scratch files, not the heap, and the source PDFs stay open (their pages are shared, not copied)
 * until the binder is saved.
 */
final class BinderWriter {
  /** The height kept free at the top of an imported first page for the 归档章 and its 档号 line. */
  private static final float STAMP_BAND = 76;

  private static final Logger log = LoggerFactory.getLogger(BinderWriter.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final Color STAMP = new Color(0xc0, 0x1c, 0x1c);
  private static final float BODY = 10.5f;
  private static final float SMALL = 9;

  /** Where the items' files come from. */
  interface Sources {
    Optional<Document> document(long id);

    Optional<Path> original(Document d);

    /**
     * The photo as printed (upright, print size, JPEG).
     *
     * @throws ItemRenditions.Unavailable with the reason, for the placeholder page
     */
    Path printImage(Document d, Path original) throws ItemRenditions.Unavailable;
  }

  private final ExportFont fonts;
  private final Sources sources;
  private final ItemRenditions renditions;
  private final PhotoCaptions captions;
  private final ArchiveNumbering numbering;

  BinderWriter(
      ExportFont fonts,
      Sources sources,
      ItemRenditions renditions,
      PhotoCaptions captions,
      ArchiveNumbering numbering) {
    this.fonts = fonts;
    this.sources = sources;
    this.renditions = renditions;
    this.captions = captions;
    this.numbering = numbering;
  }

  /**
   * Writes the binder to {@code target} (replaced atomically) and says where everything went.
   *
   * @throws org.taizhang.pdf.FontUnavailableException without a CJK font, before anything is
   *     written
   */
  BinderLayout write(BinderPlan plan, Path target, Job job) throws IOException {
    try (ExportFont.Handle handle = fonts.open();
        Run run = new Run(plan, handle, job)) {
      return run.write(target);
    }
  }

  static String title(BinderPlan plan) {
    return plan.unitName() + plan.year() + "年度迎检台账";
  }

  /** Where a section's pages went while the body was written, as page indexes before the 总目录. */
  private static final class SectionMarks {
    PDPage divider;
    int dividerIndex;
    final List<Integer> gapIndexes = new ArrayList<>();
    final List<PDPage> gapPages = new ArrayList<>();
  }

  private record ItemMark(BinderPlan.Item item, PDPage first, int firstIndex, int pages) {}

  /** One binder being written. */
  private final class Run implements AutoCloseable {
    private final BinderPlan plan;
    private final ExportFont.Handle handle;
    private final Job job;
    private final PDDocument doc;
    private final PDFont font;
    private final PdfLayout measure;
    private final List<PDDocument> opened = new ArrayList<>();
    private final Map<Integer, SectionMarks> sections = new HashMap<>();
    private final Map<String, ItemMark> items = new HashMap<>();
    private int done;

    Run(BinderPlan plan, ExportFont.Handle handle, Job job) throws IOException {
      this.plan = plan;
      this.handle = handle;
      this.job = job;
      this.doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
      this.font = handle.embed(doc);
      this.measure = new PdfLayout(doc, font, title(plan));
    }

    BinderLayout write(Path target) throws IOException {
      int total = plan.itemCount() + 2;
      job.update(0, total);
      cover();
      for (BinderPlan.Section s : plan.sections()) {
        SectionMarks marks = new SectionMarks();
        sections.put(s.number(), marks);
        marks.dividerIndex = doc.getNumberOfPages();
        divider(s);
        marks.divider = doc.getPage(marks.dividerIndex);
        for (BinderPlan.Item item : s.items()) {
          int first = doc.getNumberOfPages();
          int pages = item(item);
          PDPage firstPage = doc.getPage(first);
          if (item.kind() == BinderPlan.Kind.PDF || item.kind() == BinderPlan.Kind.CONVERTED) {
            makeRoomForStamp(firstPage);
          }
          stamp(firstPage, item, pages);
          items.put(item.archiveCode(), new ItemMark(item, firstPage, first, pages));
          job.update(++done, total);
        }
        for (BinderPlan.Gap g : s.gaps()) {
          if (g.explained()) {
            int index = doc.getNumberOfPages();
            gap(s, g);
            marks.gapIndexes.add(index);
            marks.gapPages.add(doc.getPage(index));
          }
        }
      }
      int catalogue = catalogue();
      job.update(++done, total);
      BinderLayout layout = layout(catalogue);
      footers();
      outline(catalogue);
      info();
      Files.createDirectories(target.toAbsolutePath().getParent());
      Path tmp =
          Files.createTempFile(
              target.toAbsolutePath().getParent(), target.getFileName().toString(), ".part");
      try {
        doc.save(tmp.toFile(), CompressParameters.NO_COMPRESSION);
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      job.update(++done, total);
      return layout;
    }

    // ---------------------------------------------------------------- the pages written here

    private void cover() throws IOException {
      try (PdfLayout pdf = new PdfLayout(doc, font, title(plan))) {
        pdf.newPage();
        pdf.gap(150);
        pdf.centered(plan.unitName(), 24, PdfLayout.INK);
        pdf.gap(16);
        pdf.centered(plan.year() + "年度文明创建迎检台账", 20, PdfLayout.INK);
        pdf.gap(90);
        float indent = 90;
        pdf.text("单位类型：" + nz(plan.unitType()), 13, PdfLayout.INK, indent);
        pdf.gap(6);
        pdf.text("测评体系：" + nz(plan.system()), 13, PdfLayout.INK, indent, 13 * 5);
        pdf.gap(6);
        pdf.text("得　　分：" + nz(plan.verdict()), 13, PdfLayout.INK, indent);
        pdf.gap(6);
        pdf.text("归档材料：" + plan.itemCount() + " 件", 13, PdfLayout.INK, indent);
        pdf.gap(6);
        pdf.text("编制日期：" + day(plan.preparedOn()), 13, PdfLayout.INK, indent);
        pdf.gap(70);
        pdf.text("负责人签字：＿＿＿＿＿＿＿＿＿＿", 13, PdfLayout.INK, indent);
        pdf.gap(30);
        pdf.text("单位盖章：＿＿＿＿＿＿＿＿＿＿＿", 13, PdfLayout.INK, indent);
        pdf.gap(8);
        pdf.text("年　　月　　日", 13, PdfLayout.INK, indent + 140);
      }
    }

    private void divider(BinderPlan.Section s) throws IOException {
      try (PdfLayout pdf = new PdfLayout(doc, font, title(plan))) {
        pdf.newPage();
        pdf.gap(60);
        pdf.centered("第 " + s.number() + " 部分", 12, PdfLayout.MUTED);
        pdf.gap(6);
        pdf.centered(s.other() ? s.name() : s.code() + "　" + s.name(), 18, PdfLayout.INK);
        pdf.gap(14);
        pdf.rule(PdfLayout.RED);
        pdf.gap(6);
        if (!s.other()) {
          pdf.text("指标：" + s.path(), BODY, PdfLayout.INK, 0, BODY * 3);
          pdf.text("分值：" + points(s.points()) + " 分　　状态：" + nz(s.status()), BODY, PdfLayout.INK, 0);
        } else {
          pdf.text("本年度归档但不作为任何指标佐证的材料。", BODY, PdfLayout.INK, 0);
        }
        pdf.gap(8);
        pdf.heading("本部分材料（" + s.items().size() + " 件）", 12);
        if (s.items().isEmpty()) {
          pdf.text("本指标暂无归档材料。", BODY, PdfLayout.MUTED, 8);
        }
        for (BinderPlan.Item i : s.items()) {
          pdf.text(
              numbering.itemNumber(i.number())
                  + "　"
                  + i.archiveCode()
                  + "　《"
                  + i.title()
                  + "》"
                  + (i.date() == null ? "" : "　" + i.date()),
              BODY,
              PdfLayout.INK,
              8,
              BODY * 4);
        }
        if (!s.references().isEmpty()) {
          pdf.gap(6);
          pdf.text("另见（已归入前面指标的材料）：", BODY, PdfLayout.INK, 0);
          for (BinderPlan.Item i : s.references()) {
            pdf.text(
                numbering.itemNumber(i.number()) + "　" + i.archiveCode() + "　《" + i.title() + "》",
                BODY,
                PdfLayout.MUTED,
                8,
                BODY * 4);
          }
        }
        if (!s.gaps().isEmpty()) {
          pdf.gap(8);
          pdf.heading("尚缺（" + s.gaps().size() + " 项）", 12);
          for (BinderPlan.Gap g : s.gaps()) {
            pdf.text(
                "· " + g.text() + (g.explained() ? "（已作缺项说明，见本部分材料之后）" : "（未作缺项说明）"),
                BODY,
                g.explained() ? PdfLayout.INK : PdfLayout.RED,
                8,
                BODY);
          }
        }
      }
    }

    private void gap(BinderPlan.Section s, BinderPlan.Gap g) throws IOException {
      try (PdfLayout pdf = new PdfLayout(doc, font, title(plan))) {
        pdf.newPage();
        pdf.gap(40);
        pdf.centered("缺项说明", 20, PdfLayout.INK);
        pdf.gap(16);
        pdf.rule(PdfLayout.RED);
        pdf.gap(10);
        pdf.text("单　　位：" + plan.unitName(), 12, PdfLayout.INK, 0, 12 * 5);
        pdf.gap(4);
        pdf.text("指　　标：" + s.code() + "　" + s.path(), 12, PdfLayout.INK, 0, 12 * 5);
        pdf.gap(4);
        pdf.text("缺少材料：" + g.text(), 12, PdfLayout.INK, 0, 12 * 5);
        pdf.gap(4);
        pdf.text("原　　因：" + g.reason(), 12, PdfLayout.INK, 0, 12 * 5);
        pdf.gap(4);
        pdf.text("补齐期限：" + (g.deadline() == null ? "未定" : day(g.deadline())), 12, PdfLayout.INK, 0);
        pdf.gap(4);
        pdf.text("说 明 人：" + nz(g.explainedBy()), 12, PdfLayout.INK, 0);
        pdf.gap(40);
        pdf.text("（单位盖章）", 12, PdfLayout.INK, 300);
        pdf.gap(8);
        pdf.text(day(plan.preparedOn()), 12, PdfLayout.INK, 300);
      }
    }

    /** A page that stands for an item that cannot be shown, saying why. */
    private void placeholder(BinderPlan.Item item, String reason) throws IOException {
      try (PdfLayout pdf = new PdfLayout(doc, font, title(plan))) {
        pdf.newPage();
        pdf.gap(90);
        pdf.centered(item.title(), 16, PdfLayout.INK);
        pdf.gap(20);
        pdf.rule(PdfLayout.RULE);
        pdf.gap(10);
        pdf.text("档　　号：" + item.archiveCode(), 12, PdfLayout.INK, 0);
        pdf.text("原件文件：" + nz(item.fileName()), 12, PdfLayout.INK, 0, 12 * 5);
        if (item.date() != null) {
          pdf.text("日　　期：" + day(item.date()), 12, PdfLayout.INK, 0);
        }
        pdf.gap(12);
        pdf.text("说明：" + reason, 12, PdfLayout.RED, 0, 12 * 3);
      }
    }

    /** A page added so that an item has the pages the catalogues print for it. */
    private void filler(BinderPlan.Item item, int page) throws IOException {
      try (PdfLayout pdf = new PdfLayout(doc, font, title(plan))) {
        pdf.newPage();
        pdf.gap(200);
        pdf.centered(
            "《" + item.title() + "》第 " + page + " 页：原件无法在此完整显示，原件见文件包", 12, PdfLayout.MUTED);
      }
    }

    // ---------------------------------------------------------------- items

    /** Writes the item's pages; returns how many. */
    private int item(BinderPlan.Item item) throws IOException {
      int before = doc.getNumberOfPages();
      Optional<Document> d = sources.document(item.documentId());
      if (d.isEmpty()) {
        placeholder(item, "本件已不在档案中（已删除或被替换），请重新生成台账");
      } else {
        switch (item.kind()) {
          case PDF -> pdfItem(item, d.get());
          case CONVERTED -> converted(item, d.get());
          case PHOTO -> photo(item, d.get());
          case PLACEHOLDER ->
              placeholder(
                  item,
                  "本件为“"
                      + d.get().fileType()
                      + "”类文件，无法在纸质台账中显示，原件见文件包（"
                      + d.get().fileName()
                      + "）");
        }
      }
      int produced = doc.getNumberOfPages() - before;
      // The catalogues print the plan's page count: a shortfall is made up with pages saying so.
      if (item.pages() != null) {
        for (int p = produced + 1; p <= item.pages(); p++) {
          filler(item, p);
        }
        if (produced > item.pages()) {
          log.warn("台账件 {} 实际 {} 页，目录中为 {} 页", item.archiveCode(), produced, item.pages());
        }
      }
      return doc.getNumberOfPages() - before;
    }

    private void pdfItem(BinderPlan.Item item, Document d) throws IOException {
      Optional<Path> file = sources.original(d);
      if (file.isEmpty()) {
        placeholder(item, "原件文件缺失，请联系管理员");
        return;
      }
      importPdf(item, file.get(), "原件");
    }

    private void converted(BinderPlan.Item item, Document d) throws IOException {
      Path pdf;
      try {
        pdf = renditions.pdfOf(d);
      } catch (ItemRenditions.Unavailable e) {
        placeholder(item, e.getMessage());
        return;
      }
      importPdf(item, pdf, "转换后的PDF");
    }

    private void importPdf(BinderPlan.Item item, Path file, String what) throws IOException {
      PDDocument src;
      try {
        src = Loader.loadPDF(file.toFile(), IOUtils.createTempFileOnlyStreamCache());
      } catch (IOException e) {
        log.warn("台账件 {}：{}无法读取：{}", item.archiveCode(), what, e.toString());
        placeholder(item, what + "无法读取（" + e.getMessage() + "），原件见文件包");
        return;
      }
      opened.add(src);
      src.setAllSecurityToBeRemoved(true);
      if (src.getNumberOfPages() == 0) {
        placeholder(item, what + "没有页面，原件见文件包");
        return;
      }
      for (PDPage page : src.getPages()) {
        detach(doc.importPage(page));
      }
    }

    /**
     * Leaves out what would drag the source document's page tree into the binder: links to its
     * pages, annotations' back references, article beads.
     */
    private void detach(PDPage page) throws IOException {
      page.getCOSObject().removeItem(COSName.B);
      List<PDAnnotation> kept = new ArrayList<>();
      for (PDAnnotation a : page.getAnnotations()) {
        if (a instanceof PDAnnotationLink) {
          continue;
        }
        a.getCOSObject().removeItem(COSName.P);
        kept.add(a);
      }
      if (kept.isEmpty()) {
        page.getCOSObject().removeItem(COSName.ANNOTS);
      } else {
        page.setAnnotations(kept);
      }
    }

    private void photo(BinderPlan.Item item, Document d) throws IOException {
      Optional<Path> file = sources.original(d);
      if (file.isEmpty()) {
        placeholder(item, "原件文件缺失，请联系管理员");
        return;
      }
      Path printed;
      try {
        printed = sources.printImage(d, file.get());
      } catch (ItemRenditions.Unavailable e) {
        placeholder(item, e.getMessage());
        return;
      }
      PDImageXObject image = PDImageXObject.createFromFileByContent(printed.toFile(), doc);
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      float w = PdfLayout.PAGE_WIDTH;
      float h = PdfLayout.PAGE_HEIGHT;
      float left = PdfLayout.MARGIN_X;
      float width = measure.textWidth();
      PhotoCaption caption = captions.caption(d);
      List<String> lines = new ArrayList<>();
      for (String l : caption.lines().isEmpty() ? List.of("题名：" + item.title()) : caption.lines()) {
        lines.addAll(measure.wrap(measure.clean(l), BODY, width, width));
      }
      float lineHeight = BODY * PdfLayout.LINE_FACTOR;
      float titleTop = h - 100;
      float imageTop = titleTop - 30;
      float bottom = 70 + lines.size() * lineHeight + 12;
      float scale =
          Math.min(width / image.getWidth(), (imageTop - bottom) / (float) image.getHeight());
      float iw = image.getWidth() * scale;
      float ih = image.getHeight() * scale;
      float ix = left + (width - iw) / 2;
      float iy = imageTop - ih;
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        String title = measure.wrap(measure.clean(item.title()), 13, width, width).get(0);
        show(cs, title, left + (width - measure.width(title, 13)) / 2, titleTop, 13, PdfLayout.INK);
        cs.drawImage(image, ix, iy, iw, ih);
        float y = iy - 12 - BODY;
        for (String l : lines) {
          show(cs, l, ix, y, BODY, PdfLayout.INK);
          y -= lineHeight;
        }
      }
    }

    // ---------------------------------------------------------------- stamps, footers, outline

    /**
     * The 归档章 (DA/T 22-2015) in the first page's top-right corner: 全宗号, 年度, 件号 over 机构（问题）, 保管期限,
     * 页数, and the 档号 under it.
     */
    /**
     * Shrinks an imported first page's content toward its foot, so that the 归档章 stands in a blank
     * band above it instead of over a title or a seal: nothing of the evidence is hidden.
     */
    private void makeRoomForStamp(PDPage page) throws IOException {
      if (((page.getRotation() % 360) + 360) % 360 != 0) {
        return;
      }
      PDRectangle box = page.getCropBox();
      float s = (box.getHeight() - STAMP_BAND) / box.getHeight();
      float tx = box.getLowerLeftX() * (1 - s) + box.getWidth() * (1 - s) / 2;
      float ty = box.getLowerLeftY() * (1 - s);
      try (PDPageContentStream cs =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.PREPEND, true)) {
        cs.transform(new Matrix(s, 0, 0, s, tx, ty));
      }
    }

    private void stamp(PDPage page, BinderPlan.Item item, int pages) throws IOException {
      String[][] cells = {
        {"全宗号", numbering.fonds(plan.unitCode())},
        {"年度", String.valueOf(plan.year())},
        {"件号", numbering.itemNumber(item.number())},
        {"机构（问题）", numbering.organCode()},
        {"保管期限", item.retention().label()},
        {"页数", String.valueOf(pages)}
      };
      try (PDPageContentStream cs =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        float[] size = upright(cs, page);
        float cw = 46;
        float ch = 21;
        float x = size[0] - 16 - 3 * cw;
        float y = size[1] - 16 - 2 * ch;
        cs.setNonStrokingColor(Color.WHITE);
        cs.addRect(x - 3, y - 13, 3 * cw + 6, 2 * ch + 16);
        cs.fill();
        cs.setStrokingColor(STAMP);
        cs.setLineWidth(0.8f);
        cs.addRect(x, y, 3 * cw, 2 * ch);
        cs.moveTo(x, y + ch);
        cs.lineTo(x + 3 * cw, y + ch);
        cs.moveTo(x + cw, y);
        cs.lineTo(x + cw, y + 2 * ch);
        cs.moveTo(x + 2 * cw, y);
        cs.lineTo(x + 2 * cw, y + 2 * ch);
        cs.stroke();
        for (int i = 0; i < cells.length; i++) {
          float cx = x + (i % 3) * cw;
          float cy = y + (i < 3 ? ch : 0);
          show(cs, cells[i][0], cx + 2, cy + ch - 6.5f, 5, STAMP);
          String value = measure.clean(cells[i][1]);
          float vs = 8;
          float vw = measure.width(value, vs);
          if (vw > cw - 4) {
            vs = vs * (cw - 4) / vw;
            vw = measure.width(value, vs);
          }
          show(cs, value, cx + (cw - vw) / 2, cy + 3.5f, vs, STAMP);
        }
        show(cs, "档号：" + item.archiveCode(), x, y - 9, 6.5f, STAMP);
      }
    }

    /** “第 n 页 / 共 N 页” at the foot of every page, upright however the page is turned. */
    private void footers() throws IOException {
      int n = doc.getNumberOfPages();
      String left = measure.clean(title(plan));
      int i = 0;
      for (PDPage page : doc.getPages()) {
        i++;
        try (PDPageContentStream cs =
            new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
          float[] size = upright(cs, page);
          float margin = Math.min(PdfLayout.MARGIN_X, size[0] * 0.09f);
          String right = "第 " + i + " 页 / 共 " + n + " 页";
          float rw = measure.width(right, 8.5f);
          show(cs, right, size[0] - margin - rw, 26, 8.5f, PdfLayout.MUTED);
          if (measure.width(left, 8.5f) + rw + 20 < size[0] - 2 * margin) {
            show(cs, left, margin, 26, 8.5f, PdfLayout.MUTED);
          }
        }
      }
    }

    /**
     * Turns the stream's coordinates upright as the page is shown (its crop box, its /Rotate) and
     * returns the width and height it is shown at.
     */
    private float[] upright(PDPageContentStream cs, PDPage page) throws IOException {
      PDRectangle box = page.getCropBox();
      float w = box.getWidth();
      float h = box.getHeight();
      cs.transform(Matrix.getTranslateInstance(box.getLowerLeftX(), box.getLowerLeftY()));
      return switch (((page.getRotation() % 360) + 360) % 360) {
        case 90 -> {
          cs.transform(new Matrix(0, 1, -1, 0, w, 0));
          yield new float[] {h, w};
        }
        case 180 -> {
          cs.transform(new Matrix(-1, 0, 0, -1, w, h));
          yield new float[] {w, h};
        }
        case 270 -> {
          cs.transform(new Matrix(0, -1, 1, 0, 0, h));
          yield new float[] {h, w};
        }
        default -> new float[] {w, h};
      };
    }

    private void show(PDPageContentStream cs, String s, float x, float y, float size, Color color)
        throws IOException {
      String text = measure.clean(s);
      if (text.isEmpty()) {
        return;
      }
      cs.beginText();
      cs.setFont(font, size);
      cs.setNonStrokingColor(color);
      cs.newLineAtOffset(x, y);
      cs.showText(text);
      cs.endText();
    }

    private void outline(int catalogue) {
      PDDocumentOutline outline = new PDDocumentOutline();
      doc.getDocumentCatalog().setDocumentOutline(outline);
      outline.addLast(bookmark("封面", doc.getPage(0)));
      outline.addLast(bookmark("总目录", doc.getPage(1)));
      for (BinderPlan.Section s : plan.sections()) {
        SectionMarks marks = sections.get(s.number());
        PDOutlineItem section =
            bookmark(s.other() ? s.name() : s.code() + "　" + s.name(), marks.divider);
        for (BinderPlan.Item i : s.items()) {
          section.addLast(
              bookmark(
                  numbering.itemNumber(i.number()) + "　" + i.title(),
                  items.get(i.archiveCode()).first()));
        }
        int g = 0;
        for (BinderPlan.Gap gap : s.gaps()) {
          if (gap.explained()) {
            section.addLast(bookmark("缺项说明：" + gap.text(), marks.gapPages.get(g++)));
          }
        }
        section.closeNode();
        outline.addLast(section);
      }
      outline.openNode();
      doc.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
    }

    private static PDOutlineItem bookmark(String title, PDPage page) {
      PDOutlineItem item = new PDOutlineItem();
      item.setTitle(title);
      item.setDestination(page);
      return item;
    }

    private void info() {
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title(plan));
      info.setSubject(plan.unitName() + "（" + plan.unitCode() + "）" + plan.year() + "年度");
      info.setCreator("台账 Taizhang");
      info.setProducer("台账 Taizhang (Apache PDFBox)");
      info.setCreationDate(Calendar.getInstance());
      doc.getDocumentCatalog().setLanguage("zh-CN");
    }

    // ---------------------------------------------------------------- the 总目录

    /**
     * Lays the 总目录 out until its length is stable (its own pages shift every page after it), then
     * writes it after the cover; returns its pages.
     */
    private int catalogue() throws IOException {
      int pages = 1;
      for (int attempt = 0; attempt < 6; attempt++) {
        int measured;
        try (PDDocument scratch = new PDDocument()) {
          measured = catalogue(scratch, handle.embed(scratch), pages);
        }
        if (measured == pages) {
          break;
        }
        pages = measured;
      }
      int before = doc.getNumberOfPages();
      int written = catalogue(doc, font, pages);
      List<PDPage> moved = new ArrayList<>();
      for (int i = before; i < before + written; i++) {
        moved.add(doc.getPage(i));
      }
      PDPage anchor = before > 1 ? doc.getPage(1) : null;
      if (anchor != null) {
        for (PDPage p : moved) {
          doc.getPages().remove(p);
          doc.getPages().insertBefore(p, anchor);
        }
      }
      return written;
    }

    /** Writes the 总目录 into {@code into}, numbering pages as if it had {@code pages}; its pages. */
    private int catalogue(PDDocument into, PDFont f, int pages) throws IOException {
      int before = into.getNumberOfPages();
      try (PdfLayout pdf = new PdfLayout(into, f, title(plan))) {
        pdf.newPage();
        pdf.centered(plan.unitName(), 16, PdfLayout.INK);
        pdf.centered(plan.year() + "年度文明创建迎检台账　总目录", 14, PdfLayout.INK);
        pdf.gap(4);
        pdf.text(
            "测评体系："
                + nz(plan.system())
                + "　得分："
                + nz(plan.verdict())
                + "　共 "
                + plan.sections().size()
                + " 部分 "
                + plan.itemCount()
                + " 件",
            SMALL,
            PdfLayout.MUTED,
            0);
        pdf.rule(PdfLayout.RED);
        for (BinderPlan.Section s : plan.sections()) {
          SectionMarks marks = sections.get(s.number());
          pdf.gap(6);
          pdf.text(
              s.number()
                  + ".　"
                  + (s.other() ? s.name() : s.code() + "　" + s.path())
                  + (s.other() ? "" : "（" + points(s.points()) + " 分，" + nz(s.status()) + "）")
                  + "　分隔页 第 "
                  + (marks.dividerIndex + pages + 1)
                  + " 页",
              BODY,
              PdfLayout.INK,
              0,
              BODY * 2);
          if (!s.items().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (BinderPlan.Item i : s.items()) {
              ItemMark m = items.get(i.archiveCode());
              int first = m.firstIndex() + pages + 1;
              rows.add(
                  List.of(
                      numbering.itemNumber(i.number()),
                      i.archiveCode(),
                      i.title()
                          + (i.documentNumber() == null ? "" : "（" + i.documentNumber() + "）"),
                      i.date() == null ? "" : i.date().toString(),
                      String.valueOf(m.pages()),
                      m.pages() == 1
                          ? String.valueOf(first)
                          : first + "-" + (first + m.pages() - 1)));
            }
            pdf.table(
                List.of(
                    new PdfLayout.Column("件号", 0.7f, false),
                    new PdfLayout.Column("档号", 3.3f, false),
                    new PdfLayout.Column("题名", 3.9f, false),
                    new PdfLayout.Column("日期", 1.4f, false),
                    new PdfLayout.Column("页数", 0.6f, true),
                    new PdfLayout.Column("起止页", 1.1f, true)),
                rows,
                SMALL);
          } else {
            pdf.text("本指标暂无归档材料。", SMALL, PdfLayout.MUTED, 12);
          }
          for (BinderPlan.Item i : s.references()) {
            ItemMark m = items.get(i.archiveCode());
            pdf.text(
                "另见：件号 "
                    + numbering.itemNumber(i.number())
                    + "（"
                    + i.archiveCode()
                    + "）《"
                    + i.title()
                    + "》，第 "
                    + (m.firstIndex() + pages + 1)
                    + " 页",
                SMALL,
                PdfLayout.MUTED,
                12,
                SMALL * 2);
          }
          int g = 0;
          for (BinderPlan.Gap gap : s.gaps()) {
            String where =
                gap.explained()
                    ? "（缺项说明 第 " + (marks.gapIndexes.get(g++) + pages + 1) + " 页）"
                    : "（未作缺项说明）";
            pdf.text(
                "缺项：" + gap.text() + where,
                SMALL,
                gap.explained() ? PdfLayout.MUTED : PdfLayout.RED,
                12,
                SMALL * 2);
          }
        }
      }
      return into.getNumberOfPages() - before;
    }

    private BinderLayout layout(int catalogue) {
      List<BinderLayout.SectionPlacement> s = new ArrayList<>();
      List<BinderLayout.ItemPlacement> i = new ArrayList<>();
      for (BinderPlan.Section section : plan.sections()) {
        SectionMarks marks = sections.get(section.number());
        s.add(
            new BinderLayout.SectionPlacement(
                section.number(),
                section.code(),
                marks.dividerIndex + catalogue + 1,
                marks.gapIndexes.stream().map(x -> x + catalogue + 1).toList()));
        for (BinderPlan.Item item : section.items()) {
          ItemMark m = items.get(item.archiveCode());
          i.add(
              new BinderLayout.ItemPlacement(
                  item.number(),
                  item.archiveCode(),
                  item.documentId(),
                  m.firstIndex() + catalogue + 1,
                  m.pages()));
        }
      }
      return new BinderLayout(
          plan.unitCode(), plan.year(), doc.getNumberOfPages(), catalogue, s, i);
    }

    @Override
    public void close() throws IOException {
      IOException failure = null;
      for (PDDocument d : opened) {
        try {
          d.close();
        } catch (IOException e) {
          failure = e;
        }
      }
      doc.close();
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static String day(LocalDate d) {
    return d == null ? "" : DAY.format(d);
  }

  private static String points(double p) {
    return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
