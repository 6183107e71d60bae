package org.taizhang.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;
import org.taizhang.access.DisplayNames;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Attachments;
import org.taizhang.archive.Document;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.caption.PhotoCaptions;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.completeness.ElementConfirmations;
import org.taizhang.filing.Filing;
import org.taizhang.ocr.TextRecognition;
import org.taizhang.search.HitPreview;
import org.taizhang.search.SearchService;
import org.taizhang.search.SimilarDocuments;
import org.taizhang.text.ChineseDates;
import org.taizhang.thumbnail.Thumbnails;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.unit.UnitTree;
import org.taizhang.web.Pages;
import org.taizhang.web.Problem;

/** The archive as people browse it: the unit tree, a unit's volumes, a document. */
@Controller
class ArchivePageController {
  private static final String UNCATEGORIZED = "未分类";

  private final SearchService search;
  private final UnitRepository units;
  private final Archive archive;
  private final Catalog catalog;
  private final AuditLog audit;
  private final ReviewService reviews;
  private final DisplayNames accounts;
  private final HitPreview hitPreview;
  private final SimilarDocuments similarDocuments;
  private final TextRecognition recognition;
  private final DocumentEditor editor;
  private final ElementConfirmations elements;

  private final Attachments attachments;

  /** The office's clock: it decides whether a deadline has passed. */
  private final Clock clock;

  private final Filing filing;
  private final PhotoCaptions captions;

  ArchivePageController(
      SearchService search,
      UnitRepository units,
      Archive archive,
      Catalog catalog,
      AuditLog audit,
      ReviewService reviews,
      DisplayNames accounts,
      HitPreview hitPreview,
      SimilarDocuments similarDocuments,
      TextRecognition recognition,
      DocumentEditor editor,
      ElementConfirmations elements,
      Attachments attachments,
      Clock clock,
      Filing filing,
      PhotoCaptions captions) {
    this.filing = filing;
    this.captions = captions;
    this.attachments = attachments;
    this.search = search;
    this.units = units;
    this.archive = archive;
    this.catalog = catalog;
    this.audit = audit;
    this.reviews = reviews;
    this.accounts = accounts;
    this.hitPreview = hitPreview;
    this.similarDocuments = similarDocuments;
    this.recognition = recognition;
    this.editor = editor;
    this.elements = elements;
    this.clock = clock;
  }

  @GetMapping("/units")
  String units(Caller caller, Model model) {
    model.addAttribute("nodes", new UnitTree(visibleUnits(caller)).depthFirst());
    model.addAttribute("counts", search.documentCounts(caller.scope()));
    return "units";
  }

  @GetMapping("/units/{code}")
  ModelAndView unit(@PathVariable("code") String code, Caller caller) {
    Optional<Unit> found = units.find(code).filter(u -> caller.sees(u.code()));
    if (found.isEmpty()) {
      return Pages.notFound("没有找到单位代码为“" + code + "”的单位。");
    }
    Unit unit = found.get();
    List<Unit> all = visibleUnits(caller);
    Map<String, Unit> byCode = new LinkedHashMap<>();
    all.forEach(u -> byCode.put(u.code(), u));
    List<Unit> ancestors = new ArrayList<>();
    // Bounded walk: the file format forbids cycles, but a page must never loop on bad data.
    for (String p = unit.parentCode();
        p != null && byCode.containsKey(p) && ancestors.size() < all.size();
        p = byCode.get(p).parentCode()) {
      ancestors.add(0, byCode.get(p));
    }
    List<String> order = catalog.categories().stream().map(Category::code).toList();
    List<Archive.Volume> volumes = archive.volumes(code, order);
    ModelAndView mv = new ModelAndView("unit");
    mv.addObject("unit", unit);
    mv.addObject("ancestors", ancestors);
    mv.addObject("children", all.stream().filter(u -> code.equals(u.parentCode())).toList());
    mv.addObject("volumes", volumes);
    mv.addObject(
        "documentCount",
        volumes.stream().flatMap(v -> v.byCategory().values().stream()).mapToInt(List::size).sum());
    mv.addObject("categoryNames", categoryNames());
    mv.addObject("counts", search.documentCounts(caller.scope()));
    mv.addObject("canHandIn", caller.handsIn(code));
    return mv;
  }

  /**
   * A document. Opened from a search ({@code ?q=…}) the text shows every hit of the query marked
   * and numbered; every document lists the documents most like it within the caller's scope.
   */
  @GetMapping("/documents/{id}")
  ModelAndView document(
      @PathVariable("id") String id,
      @RequestParam(name = "q", required = false) String q,
      Caller caller) {
    Optional<Document> found = parseLong(id).flatMap(n -> archive.document(n, caller.scope()));
    if (found.isEmpty()) {
      return Pages.notFound("没有找到编号为“" + id + "”的材料，可能已被删除或地址有误。");
    }
    Document d = found.get();
    audit.record(
        caller.username(),
        AuditAction.VIEW,
        "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）",
        null);
    String text = archive.text(d.id());
    ModelAndView mv = new ModelAndView("document");
    mv.addObject("doc", d);
    mv.addObject(
        "unit", units.find(d.unitCode()).orElse(new Unit(d.unitCode(), d.unitCode(), null, null)));
    mv.addObject(
        "categoryName", d.category() == null ? UNCATEGORIZED : catalog.categoryName(d.category()));
    mv.addObject("hasThumbnail", Thumbnails.supports(d.mediaType()));
    mv.addObject("text", text);
    mv.addObject("ocr", recognition.status(d));
    mv.addObject("ocrRunning", recognition.running());
    // Every occurrence of the search in the text, numbered for 上一处 / 下一处 (static/js/preview.js);
    // the five most similar documents.
    mv.addObject("preview", hitPreview.preview(text, q).orElse(null));
    mv.addObject("similar", similarDocuments.similar(d.id(), caller.scope(), 5));
    // A mail's attachments, and the mail an attachment came with, as far as the caller sees them.
    mv.addObject(
        "attachments",
        attachments.of(d.id()).stream()
            .flatMap(a -> archive.document(a, caller.scope()).stream())
            .toList());
    mv.addObject(
        "message",
        attachments.message(d.id()).flatMap(m -> archive.document(m, caller.scope())).orElse(null));

    // Newest first; the first is the head of the chain, which is what “当前版本” links to from an old
    // one.
    List<Document> versions = archive.versions(d.id(), caller.scope());
    var comments = reviews.comments(caller, d.id());
    boolean current = d.lifecycle().current();
    boolean returned = d.review().status() == ReviewStatus.RETURNED;
    mv.addObject("versions", versions);
    mv.addObject("latest", versions.isEmpty() ? d : versions.get(0));
    mv.addObject("comments", comments);
    // The forms follow the service's rules, so a person is never offered a button that can only
    // fail.
    mv.addObject("canReview", current && caller.reviews(d.unitCode()));
    mv.addObject("canComment", caller.reviews(d.unitCode()));
    mv.addObject("canDelete", current && caller.handsIn(d.unitCode()));
    mv.addObject("canRestore", d.lifecycle().deleted() && caller.handsIn(d.unitCode()));
    mv.addObject("canResubmit", current && returned && caller.handsIn(d.unitCode()));
    mv.addObject("canDescribe", editor.mayDescribe(caller, d));
    mv.addObject(
        "describeLocked",
        current
            && caller.handsIn(d.unitCode())
            && !caller.reviews(d.unitCode())
            && d.review().status() == ReviewStatus.ACCEPTED);
    mv.addObject("categories", catalog.categories());
    mv.addObject("elements", elements.sheet(caller, d).orElse(null));
    mv.addObject("periodLabel", d.period() == null ? null : ChineseDates.label(d.period()));
    // a guessed or missing category or date is asked about until a person settles it
    mv.addObject("inference", filing.inference(d.id()).orElse(null));
    mv.addObject(
        "overdue",
        returned
            && d.review().deadline() != null
            && d.review().deadline().isBefore(LocalDate.now(clock)));
    mv.addObject("today", LocalDate.now(clock));
    // a photo's 时间, 地点, 人物 and 事由, inferred or written, and the form to write them
    mv.addObject("caption", PhotoCaptions.isPhoto(d) ? captions.sheet(caller, d.id()) : null);
    List<String> people =
        new ArrayList<>(
            List.of(
                nullToEmpty(d.uploadedBy()),
                nullToEmpty(d.review().by()),
                nullToEmpty(d.lifecycle().deletedBy())));
    comments.forEach(c -> people.add(c.author()));
    mv.addObject("names", accounts.of(people));
    return mv;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /**
   * Corrects what a document is from the document page: category, title, date, stated period and
   * archive year. Who may do so when is {@link DocumentEditor}'s rule; a refusal comes back as a
   * message on the page, a document outside the caller's reach as 404.
   */
  @PostMapping("/documents/{id}/description")
  ModelAndView describe(
      @PathVariable("id") String id,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "year", required = false) String year,
      Caller caller,
      RedirectAttributes redirect) {
    Optional<Long> n = parseLong(id);
    if (n.isEmpty()) {
      return Pages.notFound("没有找到编号为“" + id + "”的材料，可能已被删除或地址有误。");
    }
    try {
      Document d =
          editor.describe(caller, n.get(), Corrections.of(category, title, date, period, year));
      Pages.flash(
          redirect,
          "success",
          "已更正著录："
              + (d.category() == null ? UNCATEGORIZED : catalog.categoryName(d.category()))
              + "，"
              + d.year()
              + " 年度"
              + (d.period() == null ? "" : "，" + ChineseDates.label(d.period())));
    } catch (NotVisibleException e) {
      return Pages.notFound("没有找到编号为“" + id + "”的材料，可能已被删除或地址有误。");
    } catch (ReviewException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return new ModelAndView("redirect:/documents/" + n.get());
  }

  /**
   * A reviewer confirms, by looking at the document, the required elements its text cannot prove
   * (handwriting, a blurred photo): the ticked labels become its confirmed elements, the others are
   * withdrawn. A unit's clerk is refused (403), a document outside the caller's scope is 404.
   */
  @PostMapping("/documents/{id}/elements")
  ModelAndView confirmElements(
      @PathVariable("id") String id,
      @RequestParam(name = "label", required = false) List<String> labels,
      Caller caller,
      RedirectAttributes redirect) {
    Optional<Long> n = parseLong(id);
    if (n.isEmpty()) {
      return Pages.notFound("没有找到编号为“" + id + "”的材料，可能已被删除或地址有误。");
    }
    try {
      ElementConfirmations.Change c =
          elements.confirm(caller, n.get(), labels == null ? List.of() : labels);
      List<String> parts = new ArrayList<>();
      if (!c.confirmed().isEmpty()) {
        parts.add("已确认 " + String.join("、", c.confirmed()));
      }
      if (!c.withdrawn().isEmpty()) {
        parts.add("已撤销确认 " + String.join("、", c.withdrawn()));
      }
      Pages.flash(
          redirect,
          "success",
          parts.isEmpty() ? "要素确认没有变化" : String.join("；", parts) + "；完整性核查随即更新");
    } catch (RuntimeException e) {
      if (!(e instanceof Problem p)) {
        throw e;
      }
      if (p.status() == HttpStatus.NOT_FOUND) {
        return Pages.notFound("没有找到编号为“" + id + "”的材料，可能已被删除或地址有误。");
      }
      if (p.status() == HttpStatus.FORBIDDEN) {
        throw new AccessDeniedException(p.detail(), e);
      }
      Pages.flash(redirect, "error", p.detail());
    }
    return new ModelAndView("redirect:/documents/" + n.get() + "#elements");
  }

  private List<Unit> visibleUnits(Caller caller) {
    return units.findAll().stream().filter(u -> caller.sees(u.code())).toList();
  }

  private Map<String, String> categoryNames() {
    Map<String, String> names = new HashMap<>();
    catalog.categories().forEach(c -> names.put(c.code(), c.name()));
    names.put("", UNCATEGORIZED);
    return names;
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
