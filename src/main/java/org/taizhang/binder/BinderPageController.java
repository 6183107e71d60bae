package org.taizhang.binder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.taizhang.access.Caller;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.ReportRequests;
import org.taizhang.pdf.FontUnavailableException;
import org.taizhang.time.OfficeTime;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.web.NotFoundException;
import org.taizhang.web.Pages;

/**
 * The binder's pages: start a build (a unit's, or an office's whole county as a ZIP), watch its
 * progress, download the result. A unit outside the caller's scope answers 404 like one that does
 * not exist; every build and download is audited.
 */
@Controller
class BinderPageController {
  static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private final Binders binders;
  private final UnitRepository units;
  private final CompletenessService completeness;
  private final AuditLog audit;
  private final OfficeTime time;

  BinderPageController(
      Binders binders,
      UnitRepository units,
      CompletenessService completeness,
      AuditLog audit,
      OfficeTime time) {
    this.binders = binders;
    this.units = units;
    this.completeness = completeness;
    this.audit = audit;
    this.time = time;
  }

  @PostMapping("/units/{code}/binder")
  String build(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller) {
    Unit unit = visibleUnit(units, code, caller);
    int y = year(year, completeness);
    requireBuilder(caller);
    binders.requireFont();
    binders.start(unit, y, caller);
    return "redirect:/units/" + unit.code() + "/binder?year=" + y;
  }

  @GetMapping("/units/{code}/binder")
  ModelAndView page(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller) {
    Unit unit = visibleUnit(units, code, caller);
    int y = year(year, completeness);
    ModelAndView mv = new ModelAndView("binder");
    mv.addObject("unit", unit);
    mv.addObject("year", y);
    Binders.Status status = binders.status(unit, y);
    mv.addObject("status", status);
    mv.addObject("stale", status.state() == Binders.State.READY && binders.stale(unit, y));
    mv.addObject("canBuild", Binders.builds(caller));
    mv.addObject("base", "/units/" + unit.code() + "/binder");
    mv.addObject("api", "/api/units/" + unit.code() + "/binder?year=" + y);
    mv.addObject("download", "/units/" + unit.code() + "/binder.pdf?year=" + y);
    mv.addObject("time", time);
    return mv;
  }

  @GetMapping("/units/{code}/binder.pdf")
  ResponseEntity<Resource> pdf(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller) {
    Unit unit = visibleUnit(units, code, caller);
    int y = year(year, completeness);
    Path file =
        binders
            .pdf(unit, y)
            .orElseThrow(() -> new NotFoundException(unit.name() + " " + y + " 年度的迎检台账尚未生成，请先生成。"));
    audit.record(
        caller.username(),
        AuditAction.EXPORT,
        "迎检台账 " + unit.name() + "（" + unit.code() + "）" + y + "年度（PDF）",
        null);
    return file(file, MediaType.APPLICATION_PDF, unit.name() + y + "年度迎检台账.pdf");
  }

  @PostMapping("/binders")
  String buildCounty(@RequestParam(name = "year", required = false) String year, Caller caller) {
    int y = year(year, completeness);
    requireCountyBuilder(caller);
    binders.requireFont();
    binders.startCounty(visibleUnits(units, caller), y, caller);
    return "redirect:/binders?year=" + y;
  }

  @GetMapping("/binders")
  ModelAndView countyPage(
      @RequestParam(name = "year", required = false) String year, Caller caller) {
    int y = year(year, completeness);
    requireCountyBuilder(caller);
    ModelAndView mv = new ModelAndView("binder");
    mv.addObject("unit", null);
    mv.addObject("year", y);
    mv.addObject("units", visibleUnits(units, caller).size());
    mv.addObject("status", binders.countyStatus(y, caller));
    mv.addObject("stale", false);
    mv.addObject("canBuild", true);
    mv.addObject("base", "/binders");
    mv.addObject("api", "/api/binders?year=" + y);
    mv.addObject("download", "/binders.zip?year=" + y);
    mv.addObject("time", time);
    return mv;
  }

  @GetMapping("/binders.zip")
  ResponseEntity<Resource> zip(
      @RequestParam(name = "year", required = false) String year, Caller caller) {
    int y = year(year, completeness);
    requireCountyBuilder(caller);
    Path file =
        binders
            .countyZip(y, caller)
            .orElseThrow(() -> new NotFoundException(y + " 年度的迎检台账合集尚未生成，请先生成。"));
    audit.record(caller.username(), AuditAction.EXPORT, "迎检台账合集 " + y + "年度（ZIP）", null);
    return file(file, ZIP, y + "年度迎检台账合集.zip");
  }

  static Unit visibleUnit(UnitRepository units, String code, Caller caller) {
    return units
        .find(code)
        .filter(u -> caller.sees(u.code()))
        .orElseThrow(() -> new NotFoundException("没有找到单位代码为“" + code + "”的单位。"));
  }

  /** The units whose binders an office's ZIP holds: the active ones it sees. */
  static List<Unit> visibleUnits(UnitRepository units, Caller caller) {
    return units.findActive().stream().filter(u -> caller.sees(u.code())).toList();
  }

  static int year(String year, CompletenessService completeness) {
    return ReportRequests.year(year, completeness)
        .orElseThrow(() -> new NotFoundException("尚未配置任何年度的测评体系。"));
  }

  static void requireBuilder(Caller caller) {
    if (!Binders.builds(caller)) {
      throw new AccessDeniedException("只有创建办和本单位填报员可以生成迎检台账");
    }
  }

  static void requireCountyBuilder(Caller caller) {
    if (!Binders.buildsCounty(caller)) {
      throw new AccessDeniedException("只有创建办可以生成全部单位的迎检台账");
    }
  }

  private static ResponseEntity<Resource> file(Path file, MediaType type, String name) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setContentDisposition(
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
    headers.setCacheControl("no-store");
    return new ResponseEntity<>(new FileSystemResource(file), headers, HttpStatus.OK);
  }

  @ExceptionHandler(NotFoundException.class)
  ModelAndView notFound(NotFoundException e) {
    return Pages.notFound(e.getMessage());
  }

  /** No CJK font: 503 with a Chinese explanation, never a binder with missing characters. */
  @ExceptionHandler(FontUnavailableException.class)
  ModelAndView noFont(FontUnavailableException e) {
    ModelAndView mv = new ModelAndView("error");
    mv.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
    mv.addObject("status", 503);
    mv.addObject("detail", e.getMessage());
    return mv;
  }
}
