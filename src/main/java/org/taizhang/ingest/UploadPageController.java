package org.taizhang.ingest;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.catalog.Catalog;
import org.taizhang.text.ChineseDates;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.unit.UnitTree;
import org.taizhang.web.Pages;

/** The upload form: one file, several at once, or a new version of a returned document. */
@Controller
class UploadPageController {
  private static final String UNCATEGORIZED = "未分类";

  private final UnitRepository units;
  private final Archive archive;
  private final Catalog catalog;
  private final IngestService ingest;
  private final Uploads uploads;

  /** The office's clock: the years the form offers. */
  private final Clock clock;

  UploadPageController(
      UnitRepository units,
      Archive archive,
      Catalog catalog,
      IngestService ingest,
      Uploads uploads,
      Clock clock) {
    this.units = units;
    this.archive = archive;
    this.catalog = catalog;
    this.ingest = ingest;
    this.uploads = uploads;
    this.clock = clock;
  }

  @GetMapping("/upload")
  ModelAndView uploadForm(
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "replaces", required = false) Long replaces,
      Caller caller) {
    return uploadPage(caller, new UploadForm(unit, null, null, null, null, replaces));
  }

  /**
   * One file's outcome on the upload page: a document (new or already there), or the reason it was
   * refused.
   */
  record UploadOutcome(
      String fileName,
      Document doc,
      boolean duplicate,
      String error,
      String categoryName,
      String periodLabel,
      String question,
      List<UploadOutcome> members) {
    /** A bundle's outcome: no document of its own, only its members'. */
    public boolean bundle() {
      return doc == null && error == null;
    }
  }

  private UploadOutcome outcome(String fileName, IngestResult r, List<UploadOutcome> members) {
    Document d = r.document();
    return new UploadOutcome(
        fileName,
        d,
        r.duplicate(),
        null,
        d.category() == null ? UNCATEGORIZED : catalog.categoryName(d.category()),
        d.period() == null ? null : ChineseDates.label(d.period()),
        r.inference() == null ? null : r.inference().question(),
        members);
  }

  private static UploadOutcome refused(String fileName, String error, List<UploadOutcome> members) {
    return new UploadOutcome(fileName, null, false, error, null, null, null, members);
  }

  private UploadOutcome outcome(String fileName, Intake intake) {
    List<UploadOutcome> members = members(intake.members());
    return intake.bundle()
        ? new UploadOutcome(fileName, null, false, null, null, null, null, members)
        : outcome(fileName, intake.document(), members);
  }

  private List<UploadOutcome> members(List<MemberOutcome> members) {
    return members.stream()
        .map(
            m ->
                m.result() == null
                    ? refused(m.path(), m.message(), List.of())
                    : outcome(m.path(), m.result(), List.of()))
        .toList();
  }

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
      RedirectAttributes redirect)
      throws IOException {
    // A form submitted without choosing a file still sends an empty, nameless part: that is “no
    // file”, not an empty file.
    List<MultipartFile> given =
        files == null
            ? List.of()
            : files.stream()
                .filter(
                    f ->
                        !(f.isEmpty()
                            && (f.getOriginalFilename() == null
                                || f.getOriginalFilename().isBlank())))
                .toList();
    UploadForm form = new UploadForm(unit, category, date, title, year, replaces);
    if (given.size() > 1 && replaces == null) {
      List<UploadOutcome> outcomes = new ArrayList<>();
      for (MultipartFile f : given) {
        try {
          Intake r = uploads.take(caller, f, unit, category, date, null, year, null);
          outcomes.add(outcome(f.getOriginalFilename(), r));
        } catch (RejectedException e) {
          outcomes.add(refused(f.getOriginalFilename(), e.getMessage(), members(e.members())));
        }
      }
      ModelAndView mv = uploadPage(caller, form);
      mv.addObject("outcomes", outcomes);
      return mv;
    }
    MultipartFile file = given.isEmpty() ? null : given.get(0);
    try {
      Intake intake = uploads.take(caller, file, unit, category, date, title, year, replaces);
      if (intake.bundle()) {
        ModelAndView mv = uploadPage(caller, form);
        mv.addObject("outcomes", List.of(outcome(file.getOriginalFilename(), intake)));
        return mv;
      }
      IngestResult result = intake.document();
      if (result.duplicate() && replaces != null) {
        // The unchanged file again is no resubmission: stay on the form rather than show the old
        // document as if it were new.
        redirect.addFlashAttribute(
            "flash", "该文件与已有材料《" + result.document().title() + "》内容相同，未作为新版本提交。请上传整改后的文件。");
        redirect.addFlashAttribute("flashKind", "error");
        redirect.addAttribute("unit", unit);
        redirect.addAttribute("replaces", replaces);
        return new ModelAndView("redirect:/upload");
      }
      redirect.addFlashAttribute(
          "flash",
          (result.duplicate()
                  ? "该文件已存在（重复上传），未重复保存"
                  : replaces != null ? "已重新提交新版本，等待测评员审核" : "上传成功")
              + (intake.members().isEmpty()
                  ? ""
                  : "；附件 "
                      + intake.members().size()
                      + " 个：新增 "
                      + intake.stored()
                      + "，重复 "
                      + intake.duplicates()
                      + "，拒收 "
                      + intake.rejected()));
      redirect.addFlashAttribute("flashKind", result.duplicate() ? "notice" : "success");
      return new ModelAndView("redirect:/documents/" + result.document().id());
    } catch (RejectedException e) {
      ModelAndView mv = uploadPage(caller, form);
      mv.setStatus(HttpStatus.valueOf(e.reason().status()));
      mv.addObject("error", e.getMessage());
      mv.addObject("errorCode", e.reason().name());
      if (!e.members().isEmpty()) {
        mv.addObject(
            "outcomes",
            List.of(refused(file.getOriginalFilename(), e.getMessage(), members(e.members()))));
      }
      return mv;
    }
  }

  /**
   * What the person filled in, so a rejected upload does not make them start over (the file must be
   * chosen again).
   */
  record UploadForm(
      String unit, String category, String date, String title, String year, Long replaces) {}

  /**
   * How many years back the upload form offers; older material is rare and can be corrected
   * afterwards.
   */
  private static final int UPLOAD_YEARS_BACK = 5;

  private ModelAndView uploadPage(Caller caller, UploadForm form) {
    ModelAndView mv = new ModelAndView("upload");
    List<Unit> handIn = units.findActive().stream().filter(u -> caller.handsIn(u.code())).toList();
    // A clerk hands in for one unit only: it is chosen already and cannot be changed.
    if (caller.role() == Role.CLERK) {
      handIn = handIn.stream().filter(u -> u.code().equals(caller.unitCode())).toList();
      handIn.stream().findFirst().ifPresent(u -> mv.addObject("fixedUnit", u));
      form =
          new UploadForm(
              caller.unitCode(),
              form.category(),
              form.date(),
              form.title(),
              form.year(),
              form.replaces());
    }
    int thisYear = LocalDate.now(clock).getYear();
    List<Integer> years = new ArrayList<>();
    for (int y = thisYear + 1; y >= thisYear - UPLOAD_YEARS_BACK; y--) {
      years.add(y);
    }
    mv.addObject("years", years);
    if (form.replaces() != null) {
      // A resubmission belongs to the replaced document's unit; offering others would only lead to
      // NOT_REPLACEABLE.
      Optional<Document> replaced =
          archive
              .document(form.replaces(), caller.scope())
              .filter(d -> caller.handsIn(d.unitCode()));
      if (replaced.isEmpty()) {
        return Pages.notFound("没有找到编号为“" + form.replaces() + "”的材料，或您无权重新提交它。");
      }
      Document r = replaced.get();
      mv.addObject("replaced", r);
      if (!r.lifecycle().current()) {
        mv.addObject(
            "notReplaceable",
            r.lifecycle().deleted() ? "该材料在回收站中，不能重新提交。" : "该材料已有新版本，请对当前版本重新提交。");
        mv.addObject(
            "latest", archive.versions(r.id(), caller.scope()).stream().findFirst().orElse(r));
      }
      handIn = handIn.stream().filter(u -> u.code().equals(r.unitCode())).toList();
      form =
          new UploadForm(
              r.unitCode(),
              form.category() == null ? r.category() : form.category(),
              form.date(),
              form.title() == null ? r.title() : form.title(),
              form.year() == null ? String.valueOf(r.year()) : form.year(),
              r.id());
    }
    mv.addObject("form", form);
    mv.addObject("unitOptions", new UnitTree(handIn).depthFirst());
    mv.addObject("categories", catalog.categories());
    mv.addObject("maxBytes", ingest.maxBytes());
    return mv;
  }
}
