package org.taizhang.bundle;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.taizhang.access.Caller;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.binder.BinderPlan;
import org.taizhang.binder.BinderPlanner;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.ReportRequests;
import org.taizhang.time.OfficeTime;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.web.Pages;

/**
 * {@code GET /units/{code}/bundle.zip?year=}: the unit-year's bundle of originals, streamed to the
 * response as it is written (nothing held whole in memory). A unit outside the caller's scope is
 * 404, exactly as one that does not exist; the export is audited.
 */
@Controller
class BundleController {
  private final UnitRepository units;
  private final CompletenessService completeness;
  private final BinderPlanner planner;
  private final OriginalsBundle bundle;
  private final AuditLog audit;
  private final OfficeTime time;

  BundleController(
      UnitRepository units,
      CompletenessService completeness,
      BinderPlanner planner,
      OriginalsBundle bundle,
      AuditLog audit,
      OfficeTime time) {
    this.units = units;
    this.completeness = completeness;
    this.planner = planner;
    this.bundle = bundle;
    this.audit = audit;
    this.time = time;
  }

  @GetMapping("/units/{code}/bundle.zip")
  ModelAndView bundle(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller,
      HttpServletResponse response)
      throws IOException {
    Optional<Unit> unit = units.find(code).filter(u -> caller.sees(u.code()));
    if (unit.isEmpty()) {
      return Pages.notFound("没有找到单位代码为“" + code + "”的单位。");
    }
    // Without a year (or one no system judges): the year the dashboard shows; with none judged at
    // all, the current year.
    int y =
        ReportRequests.parse(year)
            .filter(v -> v >= 1990 && v <= 2100)
            .or(() -> ReportRequests.year(null, completeness))
            .orElse(time.today().getYear());
    BinderPlan plan = planner.plan(unit.get(), y);
    audit.record(
        caller.username(),
        AuditAction.EXPORT,
        "台账原件包 " + unit.get().name() + "（" + unit.get().code() + "）" + y + "年度（ZIP）",
        plan.sections().size() + " 个部分 " + plan.itemCount() + " 件");
    response.setContentType("application/zip");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename(unit.get().name() + y + "年度台账原件.zip", StandardCharsets.UTF_8)
            .build()
            .toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    bundle.write(plan, caller.scope(), response.getOutputStream());
    response.flushBuffer();
    return null;
  }
}
