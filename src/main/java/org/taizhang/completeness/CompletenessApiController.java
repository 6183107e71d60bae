package org.taizhang.completeness;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.access.Caller;
import org.taizhang.text.ChineseDates;

/**
 * Completeness verdicts, explanations, grade overrides, hand grades and vetoes, for scripts and
 * pages. Every verdict is written for its reader: a near-copy's source in a unit the caller may not
 * see stays unnamed.
 */
@RestController
class CompletenessApiController {
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");

  private final CompletenessService completeness;

  CompletenessApiController(CompletenessService completeness) {
    this.completeness = completeness;
  }

  /**
   * One unit's verdict; {@code year} defaults to the current year (or the newest judged year before
   * it).
   */
  @GetMapping("/api/units/{unit}/completeness")
  UnitCompleteness unit(
      Caller caller,
      @PathVariable("unit") String unit,
      @RequestParam(name = "year", required = false) Integer year) {
    if (!caller.sees(unit)) {
      throw CompletenessException.notFound();
    }
    return completeness
        .unit(unit, year(year))
        .orElseThrow(CompletenessException::notFound)
        .forReader(caller::sees);
  }

  /** Every covered unit the caller may see, optionally of one type, by rank. */
  @GetMapping("/api/completeness")
  List<UnitCompleteness> units(
      Caller caller,
      @RequestParam(name = "year", required = false) Integer year,
      @RequestParam(name = "type", required = false) String type) {
    return completeness.units(year(year), type).stream()
        .filter(u -> caller.sees(u.unit()))
        .map(u -> u.forReader(caller::sees))
        .toList();
  }

  @GetMapping("/api/completeness/systems")
  List<EvaluationSystem> systems() {
    return completeness.systems();
  }

  /**
   * {@code itemKey} as in a missing item's {@code key}; {@code year} defaults to the one the key
   * names.
   */
  @PostMapping("/api/units/{unit}/explanations")
  ResponseEntity<Explanation> explain(
      Caller caller,
      @PathVariable("unit") String unit,
      @RequestParam("itemKey") String itemKey,
      @RequestParam("reason") String reason,
      @RequestParam("deadline") String deadline,
      @RequestParam(name = "year", required = false) Integer year) {
    int y = year != null ? year : yearOf(itemKey);
    Explanation e = completeness.explain(caller, unit, y, itemKey, reason, date(deadline));
    return ResponseEntity.status(HttpStatus.CREATED).body(e);
  }

  @PostMapping("/api/units/{unit}/overrides")
  UnitCompleteness override(
      Caller caller,
      @PathVariable("unit") String unit,
      @RequestParam("year") int year,
      @RequestParam("indicator") String indicator,
      @RequestParam("grade") String grade,
      @RequestParam("reason") String reason) {
    completeness.override(caller, unit, year, indicator, grade(grade), reason);
    return after(caller, unit, year);
  }

  @DeleteMapping("/api/units/{unit}/overrides")
  UnitCompleteness withdrawOverride(
      Caller caller,
      @PathVariable("unit") String unit,
      @RequestParam("year") int year,
      @RequestParam("indicator") String indicator) {
    completeness.withdrawOverride(caller, unit, year, indicator);
    return after(caller, unit, year);
  }

  /** The hand grade (人工评定) of a 实地考察 or 问卷调查 indicator; {@code date} is the day it was assessed. */
  @PostMapping("/api/units/{unit}/hand-grades")
  UnitCompleteness handGrade(
      Caller caller,
      @PathVariable("unit") String unit,
      @RequestParam("year") int year,
      @RequestParam("indicator") String indicator,
      @RequestParam("grade") String grade,
      @RequestParam("note") String note,
      @RequestParam("date") String date) {
    completeness.handGrade(caller, unit, year, indicator, grade(grade), note, date(date));
    return after(caller, unit, year);
  }

  @DeleteMapping("/api/units/{unit}/hand-grades")
  UnitCompleteness withdrawHandGrade(
      Caller caller,
      @PathVariable("unit") String unit,
      @RequestParam("year") int year,
      @RequestParam("indicator") String indicator) {
    completeness.withdrawHandGrade(caller, unit, year, indicator);
    return after(caller, unit, year);
  }

  @PostMapping("/api/units/{unit}/vetoes")
  UnitCompleteness veto(
      Caller caller,
      @PathVariable("unit") String unit,
      @RequestParam("year") int year,
      @RequestParam("code") String code,
      @RequestParam("reason") String reason) {
    completeness.veto(caller, unit, year, code, reason);
    return after(caller, unit, year);
  }

  @DeleteMapping("/api/units/{unit}/vetoes")
  UnitCompleteness liftVeto(
      Caller caller,
      @PathVariable("unit") String unit,
      @RequestParam("year") int year,
      @RequestParam("code") String code) {
    completeness.liftVeto(caller, unit, year, code);
    return after(caller, unit, year);
  }

  private UnitCompleteness after(Caller caller, String unit, int year) {
    return completeness
        .unit(unit, year)
        .orElseThrow(CompletenessException::notFound)
        .forReader(caller::sees);
  }

  private int year(Integer year) {
    return year != null
        ? year
        : completeness.defaultYear().orElseThrow(CompletenessException::notFound);
  }

  /** The evaluated year is the last year a key's period names (2025-Q3, 2023-2025, upto-2025). */
  private static int yearOf(String itemKey) {
    String period = itemKey.substring(itemKey.lastIndexOf('/') + 1);
    Matcher m = YEAR.matcher(period);
    Integer found = null;
    while (m.find()) {
      found = Integer.parseInt(m.group());
    }
    if (found == null) {
      throw CompletenessException.invalid("无法从缺项编号判断年度，请同时给出 year：" + itemKey);
    }
    return found;
  }

  private static LocalDate date(String s) {
    return ChineseDates.parse(s).orElseThrow(() -> CompletenessException.invalid("日期无法识别：" + s));
  }

  private static Grade grade(String s) {
    try {
      return Grade.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw CompletenessException.invalid("等级只能是 A、B、C、D，实际为“" + s + "”");
    }
  }
}
