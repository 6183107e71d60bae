package org.taizhang.binder;

import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.access.Caller;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.pdf.FontUnavailableException;
import org.taizhang.time.OfficeTime;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.web.ProblemException;

/**
 * The binders for scripts and for the progress on the binder's page: start a build ({@code 202}),
 * read where it stands. Scope and roles as on the pages.
 */
@RestController
class BinderApiController {
  private final Binders binders;
  private final UnitRepository units;
  private final CompletenessService completeness;
  private final OfficeTime time;

  BinderApiController(
      Binders binders, UnitRepository units, CompletenessService completeness, OfficeTime time) {
    this.binders = binders;
    this.units = units;
    this.completeness = completeness;
    this.time = time;
  }

  /**
   * Where a build stands.
   *
   * @param state NONE, RUNNING, READY or FAILED
   * @param download where the finished file is, or null
   */
  record StatusJson(
      String state,
      long done,
      long total,
      int percent,
      String message,
      OffsetDateTime builtAt,
      long size,
      String download) {}

  @GetMapping("/api/units/{code}/binder")
  StatusJson status(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller) {
    Unit unit = BinderPageController.visibleUnit(units, code, caller);
    int y = BinderPageController.year(year, completeness);
    return json(binders.status(unit, y), "/units/" + unit.code() + "/binder.pdf?year=" + y);
  }

  @PostMapping("/api/units/{code}/binder")
  ResponseEntity<StatusJson> build(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller) {
    Unit unit = BinderPageController.visibleUnit(units, code, caller);
    int y = BinderPageController.year(year, completeness);
    BinderPageController.requireBuilder(caller);
    requireFont();
    binders.start(unit, y, caller);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(json(binders.status(unit, y), "/units/" + unit.code() + "/binder.pdf?year=" + y));
  }

  @GetMapping("/api/binders")
  StatusJson countyStatus(
      @RequestParam(name = "year", required = false) String year, Caller caller) {
    int y = BinderPageController.year(year, completeness);
    BinderPageController.requireCountyBuilder(caller);
    return json(binders.countyStatus(y, caller), "/binders.zip?year=" + y);
  }

  @PostMapping("/api/binders")
  ResponseEntity<StatusJson> buildCounty(
      @RequestParam(name = "year", required = false) String year, Caller caller) {
    int y = BinderPageController.year(year, completeness);
    BinderPageController.requireCountyBuilder(caller);
    requireFont();
    binders.startCounty(BinderPageController.visibleUnits(units, caller), y, caller);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(json(binders.countyStatus(y, caller), "/binders.zip?year=" + y));
  }

  private void requireFont() {
    try {
      binders.requireFont();
    } catch (FontUnavailableException e) {
      throw new ProblemException(
          HttpStatus.SERVICE_UNAVAILABLE, "FONT_UNAVAILABLE", e.getMessage());
    }
  }

  private StatusJson json(Binders.Status s, String download) {
    return new StatusJson(
        s.state().name(),
        s.done(),
        s.total(),
        s.percent(),
        s.message(),
        s.builtAt() == null ? null : time.offset(s.builtAt()),
        s.size(),
        s.builtAt() == null ? null : download);
  }
}
