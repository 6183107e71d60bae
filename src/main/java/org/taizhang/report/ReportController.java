package org.taizhang.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.taizhang.access.Caller;
import org.taizhang.archive.Archive;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.binder.BinderPlan;
import org.taizhang.binder.BinderPlanner;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.Labels;
import org.taizhang.completeness.Matrix;
import org.taizhang.completeness.ReportRequests;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.pdf.FontUnavailableException;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * The exports: the dashboard's matrix as Excel, a unit's completeness report as PDF, and a unit's
 * archive catalogue (总目录, 卷内目录, in the order of its binder) as PDF and Excel. Each answers 404 for
 * a unit outside the caller's scope, exactly as for one that does not exist, and is recorded in the
 * audit log.
 */
@Controller
class ReportController {
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final CompletenessService completeness;
  private final UnitRepository units;
  private final Archive archive;
  private final BinderPlanner planner;
  private final AuditLog audit;
  private final PdfReports pdf;
  private final Clock clock;

  ReportController(
      CompletenessService completeness,
      UnitRepository units,
      Archive archive,
      BinderPlanner planner,
      AuditLog audit,
      PdfReports pdf,
      Clock clock) {
    this.completeness = completeness;
    this.units = units;
    this.archive = archive;
    this.planner = planner;
    this.audit = audit;
    this.pdf = pdf;
    this.clock = clock;
  }

  /** Not found, or outside the caller's scope: the same 404 either way. */
  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message, null, false, false);
    }
  }

  @GetMapping("/completeness/matrix.xlsx")
  ResponseEntity<byte[]> matrix(
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "parent", required = false) String parent,
      @RequestParam(name = "sort", required = false) String sort,
      Caller caller) {
    int y =
        ReportRequests.year(year, completeness).orElseThrow(() -> new NotFound("尚未配置任何年度的测评体系。"));
    List<Unit> visible = units.findAll().stream().filter(u -> caller.sees(u.code())).toList();
    String t = ReportRequests.blankToNull(type);
    String p = ReportRequests.blankToNull(parent);
    if (p != null && visible.stream().noneMatch(u -> u.code().equals(p))) {
      throw new NotFound("没有找到单位代码为“" + p + "”的单位。");
    }
    Matrix.Sort s = Matrix.Sort.of(sort);
    Matrix matrix = ReportRequests.matrix(completeness, caller, visible, y, t, p, s);
    Map<String, String> names = new HashMap<>();
    visible.forEach(u -> names.put(u.code(), u.name()));
    String filters = ReportRequests.describe(t, p, s, names);
    byte[] body = Workbooks.matrix(y, matrix, filters, LocalDateTime.now(clock));
    audit.record(
        caller.username(),
        AuditAction.EXPORT,
        "完整性矩阵 " + y + "年度（Excel）",
        filters + "；" + matrix.rows().size() + " 个单位");
    return file(body, XLSX, y + "年度台账完整性矩阵.xlsx");
  }

  @GetMapping("/units/{code}/completeness/report.pdf")
  ResponseEntity<byte[]> report(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller) {
    Unit unit = visibleUnit(code, caller);
    int y =
        ReportRequests.year(year, completeness).orElseThrow(() -> new NotFound("尚未配置任何年度的测评体系。"));
    UnitCompleteness c =
        completeness
            .unit(unit.code(), y)
            .orElseThrow(
                () -> new NotFound(unit.name() + "（" + unit.type() + "）在 " + y + " 年度没有适用的测评体系。"))
            .forReader(caller::sees);
    byte[] body =
        pdf.completeness(c, id -> archive.document(id, caller.scope()), LocalDateTime.now(clock));
    audit.record(
        caller.username(),
        AuditAction.EXPORT,
        "完整性报告 " + unit.name() + "（" + unit.code() + "）" + y + "年度（PDF）",
        "得分 " + Labels.verdict(c) + "，排名 " + Labels.rank(c.rank(), c.rankOf()));
    return file(body, MediaType.APPLICATION_PDF, unit.name() + y + "年度台账完整性报告.pdf");
  }

  @GetMapping("/units/{code}/catalogue.pdf")
  ResponseEntity<byte[]> cataloguePdf(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller) {
    BinderPlan plan = plan(code, year, caller);
    byte[] body = pdf.catalogue(plan, LocalDateTime.now(clock));
    recordCatalogue(caller, plan, "PDF");
    return file(body, MediaType.APPLICATION_PDF, plan.unitName() + plan.year() + "年度档案目录.pdf");
  }

  @GetMapping("/units/{code}/catalogue.xlsx")
  ResponseEntity<byte[]> catalogueXlsx(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller) {
    BinderPlan plan = plan(code, year, caller);
    byte[] body = Workbooks.catalogue(plan, LocalDateTime.now(clock));
    recordCatalogue(caller, plan, "Excel");
    return file(body, XLSX, plan.unitName() + plan.year() + "年度档案目录.xlsx");
  }

  private BinderPlan plan(String code, String year, Caller caller) {
    Unit unit = visibleUnit(code, caller);
    // Without a year: the newest year the unit has filed anything for.
    int y =
        ReportRequests.parse(year)
            .filter(v -> v >= 1900 && v <= 2999)
            .orElseGet(
                () ->
                    archive.volumes(unit.code(), List.of()).stream()
                        .map(Archive.Volume::year)
                        .findFirst()
                        .orElse(LocalDate.now(clock).getYear()));
    return planner.plan(unit, y);
  }

  private void recordCatalogue(Caller caller, BinderPlan plan, String format) {
    audit.record(
        caller.username(),
        AuditAction.EXPORT,
        "档案目录 "
            + plan.unitName()
            + "（"
            + plan.unitCode()
            + "）"
            + plan.year()
            + "年度（"
            + format
            + "）",
        plan.sections().size() + " 个部分 " + plan.itemCount() + " 件");
  }

  private Unit visibleUnit(String code, Caller caller) {
    return units
        .find(code)
        .filter(u -> caller.sees(u.code()))
        .orElseThrow(() -> new NotFound("没有找到单位代码为“" + code + "”的单位。"));
  }

  private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setContentDisposition(
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
    headers.setCacheControl("no-store");
    return new ResponseEntity<>(body, headers, HttpStatus.OK);
  }

  @ExceptionHandler(NotFound.class)
  ModelAndView notFound(NotFound e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /** No CJK font: 503 with a Chinese explanation, never a PDF with missing characters. */
  @ExceptionHandler(FontUnavailableException.class)
  ModelAndView noFont(FontUnavailableException e) {
    return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  private static ModelAndView error(HttpStatus status, String detail) {
    ModelAndView mv = new ModelAndView("error");
    mv.setStatus(status);
    mv.addObject("status", status.value());
    mv.addObject("detail", detail);
    return mv;
  }
}
