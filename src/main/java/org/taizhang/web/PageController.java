package org.taizhang.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.account.Account;
import org.taizhang.account.AccountService;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.archive.FileType;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.ingest.IngestResult;
import org.taizhang.ingest.IngestService;
import org.taizhang.ingest.RejectedException;
import org.taizhang.ocr.TextRecognition;
import org.taizhang.review.DocumentEditor;
import org.taizhang.review.NotVisibleException;
import org.taizhang.review.ReviewException;
import org.taizhang.review.ReviewService;
import org.taizhang.search.HitPreview;
import org.taizhang.search.QueryParseException;
import org.taizhang.search.SearchRequest;
import org.taizhang.search.SearchResult;
import org.taizhang.search.SearchService;
import org.taizhang.search.SearchSort;
import org.taizhang.search.SimilarDocuments;
import org.taizhang.text.ChineseDates;
import org.taizhang.thumbnail.Thumbnails;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.unit.UnitTree;

/** The Chinese web pages: search, unit archives, a document, and the upload form. */
@Controller
class PageController {
  private static final int PAGE_SIZE = 10;
  // Far beyond any real archive; keeps a hand-edited ?page= from asking the index for millions of hits.
  private static final int MAX_PAGE = 10_000;
  private static final String UNCATEGORIZED = "未分类";

  private final SearchService search;
  private final UnitRepository units;
  private final Archive archive;
  private final Catalog catalog;
  private final IngestService ingest;
  private final AuditLog audit;
  private final ReviewService reviews;
  private final AccountService accounts;
  private final HitPreview hitPreview;
  private final SimilarDocuments similarDocuments;
  private final TextRecognition recognition;
  private final DocumentEditor editor;
  /** The office's clock: it decides whether a deadline has passed. */
  private final Clock clock;

  PageController(SearchService search, UnitRepository units, Archive archive, Catalog catalog, IngestService ingest, AuditLog audit,
      ReviewService reviews, AccountService accounts, HitPreview hitPreview, SimilarDocuments similarDocuments,
      TextRecognition recognition, DocumentEditor editor, Clock clock) {
    this.search = search;
    this.units = units;
    this.archive = archive;
    this.catalog = catalog;
    this.ingest = ingest;
    this.audit = audit;
    this.reviews = reviews;
    this.accounts = accounts;
    this.hitPreview = hitPreview;
    this.similarDocuments = similarDocuments;
    this.recognition = recognition;
    this.editor = editor;
    this.clock = clock;
  }


  @GetMapping("/")
  String search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam(name = "page", required = false) String page,
      Caller caller,
      Model model) {
    // Parameters are read leniently: a mistyped address should still show a search page, not a 400.
    List<String> warnings = new ArrayList<>();
    Integer parsedYear = parseInt(year).filter(y -> y >= 1900 && y <= 2999).orElse(null);
    if (parsedYear == null && year != null && !year.isBlank()) {
      warnings.add("年度“" + year.strip() + "”无效，已忽略该条件");
    }
    SearchSort order = SearchSort.parse(sort).orElse(null);
    if (order == null) {
      warnings.add("排序方式“" + sort.strip() + "”无效，已按相关度排列");
      order = SearchSort.RELEVANCE;
    }
    if (!warnings.isEmpty()) {
      model.addAttribute("warning", String.join("；", warnings));
    }
    int parsedPage = Math.min(MAX_PAGE, Math.max(1, parseInt(page).orElse(1)));
    SearchRequest request = new SearchRequest(q, unit, category, parsedYear, type, parsedPage, PAGE_SIZE, order);
    SearchResult result;
    String queryError = null;
    try {
      result = search.search(request, caller.scope());
    } catch (QueryParseException e) {
      // The message says what is wrong with the query; the page shows it instead of any hits.
      queryError = e.getMessage();
      Map<String, List<SearchResult.FacetValue>> noFacets = new LinkedHashMap<>();
      SearchPage.DIMENSIONS.keySet().forEach(dim -> noFacets.put(dim, List.of()));
      result = new SearchResult(0, request.page(), request.size(), List.of(), noFacets);
    }

    List<Unit> all = visibleUnits(caller);
    Map<String, String> unitNames = new HashMap<>();
    all.forEach(u -> unitNames.put(u.code(), u.name()));
    SearchPage view = new SearchPage(request, result, queryError, (dim, value) -> switch (dim) {
      case "unit" -> unitNames.getOrDefault(value, value);
      case "category" -> categoryLabel(value);
      default -> value;
    });
    model.addAttribute("p", view);
    model.addAttribute("unitOptions", new UnitTree(all).depthFirst());
    model.addAttribute("categories", catalog.categories());
    // Years come from the whole archive, so the select offers every year even while another filter narrows the facets.
    SearchResult everything = search.search(new SearchRequest("", null, null, null, null, 1, 1), caller.scope());
    List<String> years = new ArrayList<>(everything.facets().getOrDefault("year", List.of()).stream()
        .map(SearchResult.FacetValue::value).toList());
    if (parsedYear != null && !years.contains(parsedYear.toString())) {
      years.add(0, parsedYear.toString());
    }
    model.addAttribute("years", years);
    List<String> types = new ArrayList<>(FileType.ALL);
    if (request.type() != null && !types.contains(request.type())) {
      types.add(request.type());
    }
    model.addAttribute("types", types);
    model.addAttribute("archiveTotal", everything.total());
    return "search";
  }

  @GetMapping("/units")
  String units(Caller caller, Model model) {
    model.addAttribute("nodes", new UnitTree(visibleUnits(caller)).depthFirst());
    model.addAttribute("counts", documentCounts(caller));
    return "units";
  }

  @GetMapping("/units/{code}")
  ModelAndView unit(@PathVariable("code") String code, Caller caller) {
    Optional<Unit> found = units.find(code).filter(u -> caller.sees(u.code()));
    if (found.isEmpty()) {
      return notFound("没有找到单位代码为“" + code + "”的单位。");
    }
    Unit unit = found.get();
    List<Unit> all = visibleUnits(caller);
    Map<String, Unit> byCode = new LinkedHashMap<>();
    all.forEach(u -> byCode.put(u.code(), u));
    List<Unit> ancestors = new ArrayList<>();
    // Bounded walk: the file format forbids cycles, but a page must never loop on bad data.
    for (String p = unit.parentCode(); p != null && byCode.containsKey(p) && ancestors.size() < all.size(); p = byCode.get(p).parentCode()) {
      ancestors.add(0, byCode.get(p));
    }
    List<String> order = catalog.categories().stream().map(Category::code).toList();
    List<Archive.Volume> volumes = archive.volumes(code, order);
    ModelAndView mv = new ModelAndView("unit");
    mv.addObject("unit", unit);
    mv.addObject("ancestors", ancestors);
    mv.addObject("children", all.stream().filter(u -> code.equals(u.parentCode())).toList());
    mv.addObject("volumes", volumes);
    mv.addObject("documentCount", volumes.stream().flatMap(v -> v.byCategory().values().stream()).mapToInt(List::size).sum());
    mv.addObject("categoryNames", categoryNames());
    mv.addObject("counts", documentCounts(caller));
    mv.addObject("canHandIn", caller.handsIn(code));
    return mv;
  }

  /**
   * A document. Opened from a search ({@code ?q=…}) the text shows every hit of the query marked
   * and numbered; every document lists the documents most like it within the caller's scope.
   */
  @GetMapping("/documents/{id}")
  ModelAndView document(@PathVariable("id") String id, @RequestParam(name = "q", required = false) String q, Caller caller) {
    Optional<Document> found = parseLong(id).flatMap(n -> archive.document(n, caller.scope()));
    if (found.isEmpty()) {
      return notFound("没有找到编号为“" + id + "”的材料，可能已被删除或地址有误。");
    }
    Document d = found.get();
    audit.record(caller.username(), AuditAction.VIEW, "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）", null);
    String text = archive.text(d.id());
    ModelAndView mv = new ModelAndView("document");
    mv.addObject("doc", d);
    mv.addObject("unit", units.find(d.unitCode()).orElse(new Unit(d.unitCode(), d.unitCode(), null, null)));
    mv.addObject("categoryName", d.category() == null ? UNCATEGORIZED : catalog.categoryName(d.category()));
    mv.addObject("hasThumbnail", Thumbnails.supports(d.mediaType()));
    mv.addObject("text", text);
    mv.addObject("ocr", recognition.status(d));
    mv.addObject("ocrRunning", recognition.running());
    // Every occurrence of the search in the text, numbered for 上一处 / 下一处 (static/js/preview.js); the five most similar documents.
    mv.addObject("preview", hitPreview.preview(text, q).orElse(null));
    mv.addObject("similar", similarDocuments.similar(d.id(), caller.scope(), 5));

    // Newest first; the first is the head of the chain, which is what “当前版本” links to from an old one.
    List<Document> versions = archive.versions(d.id(), caller.scope());
    var comments = reviews.comments(caller, d.id());
    boolean current = d.lifecycle().current();
    boolean returned = d.review().status() == ReviewStatus.RETURNED;
    mv.addObject("versions", versions);
    mv.addObject("latest", versions.isEmpty() ? d : versions.get(0));
    mv.addObject("comments", comments);
    // The forms follow the service's rules, so a person is never offered a button that can only fail.
    mv.addObject("canReview", current && caller.reviews(d.unitCode()));
    mv.addObject("canComment", caller.reviews(d.unitCode()));
    mv.addObject("canDelete", current && caller.handsIn(d.unitCode()));
    mv.addObject("canRestore", d.lifecycle().deleted() && caller.handsIn(d.unitCode()));
    mv.addObject("canResubmit", current && returned && caller.handsIn(d.unitCode()));
    mv.addObject("canDescribe", editor.mayDescribe(caller, d));
    mv.addObject("describeLocked", current && caller.handsIn(d.unitCode()) && !caller.reviews(d.unitCode())
        && d.review().status() == ReviewStatus.ACCEPTED);
    mv.addObject("categories", catalog.categories());
    mv.addObject("periodLabel", d.period() == null ? null : ChineseDates.label(d.period()));
    mv.addObject("overdue", returned && d.review().deadline() != null && d.review().deadline().isBefore(LocalDate.now(clock)));
    mv.addObject("today", LocalDate.now(clock));
    List<String> people = new ArrayList<>(List.of(nullToEmpty(d.uploadedBy()), nullToEmpty(d.review().by()),
        nullToEmpty(d.lifecycle().deletedBy())));
    comments.forEach(c -> people.add(c.author()));
    mv.addObject("names", displayNames(accounts, people));
    return mv;
  }

  /**
   * Display names for user names, for “退回人：王芳” rather than a login name. Names that are no
   * account (the importer, “系统”, an account since renamed away) stay as they are.
   */
  static Map<String, String> displayNames(AccountService accounts, Collection<String> usernames) {
    Map<String, String> names = new HashMap<>();
    for (String u : usernames) {
      if (u != null && !u.isEmpty() && !names.containsKey(u)) {
        names.put(u, accounts.find(u).map(Account::displayName).orElse(u));
      }
    }
    return names;
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
  ModelAndView describe(@PathVariable("id") String id,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "year", required = false) String year,
      Caller caller, RedirectAttributes redirect) {
    Optional<Long> n = parseLong(id);
    if (n.isEmpty()) {
      return notFound("没有找到编号为“" + id + "”的材料，可能已被删除或地址有误。");
    }
    try {
      Document d = editor.describe(caller, n.get(), Corrections.of(category, title, date, period, year));
      ReviewPageController.flash(redirect, "success", "已更正著录：" + (d.category() == null ? UNCATEGORIZED : catalog.categoryName(d.category()))
          + "，" + d.year() + " 年度" + (d.period() == null ? "" : "，" + ChineseDates.label(d.period())));
    } catch (NotVisibleException e) {
      return notFound("没有找到编号为“" + id + "”的材料，可能已被删除或地址有误。");
    } catch (ReviewException e) {
      ReviewPageController.flash(redirect, "error", e.getMessage());
    }
    return new ModelAndView("redirect:/documents/" + n.get());
  }

  @GetMapping("/upload")
  ModelAndView uploadForm(@RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "replaces", required = false) Long replaces, Caller caller) {
    return uploadPage(caller, new UploadForm(unit, null, null, null, null, replaces));
  }

  /** One file's outcome on the upload page: a document (new or already there), or the reason it was refused. */
  record UploadOutcome(String fileName, Document doc, boolean duplicate, String error, String categoryName, String periodLabel) {}

  /**
   * Without JavaScript the form posts here. One file (or a resubmission) goes on to its document as
   * before; several files are answered with the page listing each one's outcome. With JavaScript
   * the page sends each file to {@code POST /api/documents} itself (static/js/upload.js).
   */
  @PostMapping("/upload")
  ModelAndView upload(
      @RequestParam(name = "file", required = false) List<MultipartFile> files,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "replaces", required = false) Long replaces,
      Caller caller,
      RedirectAttributes redirect) throws IOException {
    // A form submitted without choosing a file still sends an empty, nameless part: that is “no file”, not an empty file.
    List<MultipartFile> given = files == null ? List.of() : files.stream()
        .filter(f -> !(f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank()))).toList();
    UploadForm form = new UploadForm(unit, category, date, title, year, replaces);
    if (given.size() > 1 && replaces == null) {
      List<UploadOutcome> outcomes = new ArrayList<>();
      for (MultipartFile f : given) {
        try {
          IngestResult r = DocumentApiController.ingest(ingest, audit, caller, f, unit, category, date, null, year, null);
          Document d = r.document();
          outcomes.add(new UploadOutcome(f.getOriginalFilename(), d, r.duplicate(), null,
              d.category() == null ? UNCATEGORIZED : catalog.categoryName(d.category()), d.period() == null ? null : ChineseDates.label(d.period())));
        } catch (RejectedException e) {
          outcomes.add(new UploadOutcome(f.getOriginalFilename(), null, false, e.getMessage(), null, null));
        }
      }
      ModelAndView mv = uploadPage(caller, form);
      mv.addObject("outcomes", outcomes);
      return mv;
    }
    MultipartFile file = given.isEmpty() ? null : given.get(0);
    try {
      IngestResult result = DocumentApiController.ingest(ingest, audit, caller, file, unit, category, date, title, year, replaces);
      if (result.duplicate() && replaces != null) {
        // The unchanged file again is no resubmission: stay on the form rather than show the old document as if it were new.
        redirect.addFlashAttribute("flash", "该文件与已有材料《" + result.document().title() + "》内容相同，未作为新版本提交。请上传整改后的文件。");
        redirect.addFlashAttribute("flashKind", "error");
        redirect.addAttribute("unit", unit);
        redirect.addAttribute("replaces", replaces);
        return new ModelAndView("redirect:/upload");
      }
      redirect.addFlashAttribute("flash", result.duplicate() ? "该文件已存在（重复上传），未重复保存"
          : replaces != null ? "已重新提交新版本，等待测评员审核" : "上传成功");
      redirect.addFlashAttribute("flashKind", result.duplicate() ? "notice" : "success");
      return new ModelAndView("redirect:/documents/" + result.document().id());
    } catch (RejectedException e) {
      ModelAndView mv = uploadPage(caller, form);
      mv.setStatus(HttpStatus.valueOf(e.reason().status()));
      mv.addObject("error", e.getMessage());
      mv.addObject("errorCode", e.reason().name());
      return mv;
    }
  }

  /** What the person filled in, so a rejected upload does not make them start over (the file must be chosen again). */
  record UploadForm(String unit, String category, String date, String title, String year, Long replaces) {}

  /** How many years back the upload form offers; older material is rare and can be corrected afterwards. */
  private static final int UPLOAD_YEARS_BACK = 5;

  private ModelAndView uploadPage(Caller caller, UploadForm form) {
    ModelAndView mv = new ModelAndView("upload");
    List<Unit> handIn = units.findActive().stream().filter(u -> caller.handsIn(u.code())).toList();
    // A clerk hands in for one unit only: it is chosen already and cannot be changed.
    if (caller.role() == Role.CLERK) {
      handIn = handIn.stream().filter(u -> u.code().equals(caller.unitCode())).toList();
      handIn.stream().findFirst().ifPresent(u -> mv.addObject("fixedUnit", u));
      form = new UploadForm(caller.unitCode(), form.category(), form.date(), form.title(), form.year(), form.replaces());
    }
    int thisYear = LocalDate.now(clock).getYear();
    List<Integer> years = new ArrayList<>();
    for (int y = thisYear + 1; y >= thisYear - UPLOAD_YEARS_BACK; y--) {
      years.add(y);
    }
    mv.addObject("years", years);
    if (form.replaces() != null) {
      // A resubmission belongs to the replaced document's unit; offering others would only lead to NOT_REPLACEABLE.
      Optional<Document> replaced = archive.document(form.replaces(), caller.scope()).filter(d -> caller.handsIn(d.unitCode()));
      if (replaced.isEmpty()) {
        return notFound("没有找到编号为“" + form.replaces() + "”的材料，或您无权重新提交它。");
      }
      Document r = replaced.get();
      mv.addObject("replaced", r);
      if (!r.lifecycle().current()) {
        mv.addObject("notReplaceable", r.lifecycle().deleted() ? "该材料在回收站中，不能重新提交。" : "该材料已有新版本，请对当前版本重新提交。");
        mv.addObject("latest", archive.versions(r.id(), caller.scope()).stream().findFirst().orElse(r));
      }
      handIn = handIn.stream().filter(u -> u.code().equals(r.unitCode())).toList();
      form = new UploadForm(r.unitCode(), form.category() == null ? r.category() : form.category(), form.date(),
          form.title() == null ? r.title() : form.title(), form.year() == null ? String.valueOf(r.year()) : form.year(), r.id());
    }
    mv.addObject("form", form);
    mv.addObject("unitOptions", new UnitTree(handIn).depthFirst());
    mv.addObject("categories", catalog.categories());
    mv.addObject("maxBytes", ingest.maxBytes());
    return mv;
  }

  /** The error page with 404, for what does not exist or is outside the caller's scope (the two look the same). */
  static ModelAndView notFound(String detail) {
    ModelAndView mv = new ModelAndView("error");
    mv.setStatus(HttpStatus.NOT_FOUND);
    mv.addObject("status", 404);
    mv.addObject("detail", detail);
    return mv;
  }

  /** Documents per unit code, from the index's unit facet (one query instead of a count per unit). */
  private Map<String, Long> documentCounts(Caller caller) {
    return documentCounts(search, caller);
  }

  static Map<String, Long> documentCounts(SearchService search, Caller caller) {
    Map<String, Long> counts = new HashMap<>();
    search.search(new SearchRequest("", null, null, null, null, 1, 1), caller.scope()).facets().getOrDefault("unit", List.of())
        .forEach(f -> counts.put(f.value(), f.count()));
    return counts;
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

  private String categoryLabel(String value) {
    // Codes starting with “_” are the index's marker for documents without a category.
    return value.startsWith("_") ? UNCATEGORIZED : catalog.categoryName(value);
  }

  private static Optional<Integer> parseInt(String s) {
    try {
      return s == null || s.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
