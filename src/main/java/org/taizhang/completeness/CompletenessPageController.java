package org.taizhang.completeness;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.caption.PhotoCaptions;
import org.taizhang.text.ChineseDates;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.web.Pages;
import tools.jackson.databind.json.JsonMapper;

/**
 * The completeness pages: the dashboard (units × indicators, charts, overdue explanations) and a
 * unit's checklist with its forms — 缺项说明 for those who hand material in, grade overrides and hand
 * grades (人工评定) for reviewers, 一票否决 for administrators. Results are written for the reader: a
 * near-copy's source in a unit the caller may not see stays unnamed. The forms POST and are
 * answered with a redirect and a flash message. Who may do what is the service's decision; this
 * class maps its refusals: outside the scope 404, a role that may not act 403, a bad input a
 * message on the page.
 */
@Controller
class CompletenessPageController {
  /**
   * Overdue explanations listed on the dashboard; more would make a page nobody scrolls through.
   */
  static final int MAX_OVERDUE = 200;

  private final CompletenessService completeness;
  private final UnitRepository units;
  private final Archive archive;
  private final JsonMapper json;
  private final Clock clock;
  private final PhotoCaptions captions;

  CompletenessPageController(
      CompletenessService completeness,
      UnitRepository units,
      Archive archive,
      JsonMapper json,
      Clock clock,
      PhotoCaptions captions) {
    this.captions = captions;
    this.completeness = completeness;
    this.units = units;
    this.archive = archive;
    this.json = json;
    this.clock = clock;
  }

  @ModelAttribute("cf")
  View view() {
    return View.INSTANCE;
  }

  /**
   * Helpers for the templates: links with encoded fragments, labels and numbers as the exports
   * write them.
   */
  static final class View {
    static final View INSTANCE = new View();

    /** The unit's checklist for the year, at the indicator's anchor (null: the top). */
    public String checklist(String unit, int year, String indicator) {
      UriComponentsBuilder b =
          UriComponentsBuilder.fromPath("/units/{code}/completeness").queryParam("year", year);
      if (indicator != null) {
        b.fragment("ind-" + indicator);
      }
      return b.buildAndExpand(unit).encode().toUriString();
    }

    public String points(double d) {
      return Labels.points(d);
    }

    public String rank(int rank, int of) {
      return Labels.rank(rank, of);
    }

    public String grade(Grade g) {
      return Labels.grade(g);
    }

    public String redFlagKind(String kind) {
      return Labels.redFlagKind(kind);
    }

    /** The score, or the veto in its place. */
    public String verdict(UnitCompleteness u) {
      return Labels.verdict(u);
    }

    /** The vetoes, each credited to whoever recorded it. */
    public String vetoes(UnitCompleteness u) {
      return Labels.vetoes(u);
    }

    /** “3 项：疑似雷同 2、模板未填写 1”. */
    public String redFlags(UnitCompleteness u) {
      return Labels.redFlags(u);
    }

    /** The unit's red flags on its checklist. */
    public String redFlagsLink(String unit, int year) {
      return UriComponentsBuilder.fromPath("/units/{code}/completeness")
          .queryParam("year", year)
          .fragment("red-flags")
          .buildAndExpand(unit)
          .encode()
          .toUriString();
    }

    /** “Ⅰ-3-1 每季度至少召开一次…：达标（A）” for a cell's tooltip. */
    public String cellTitle(IndicatorResult r) {
      return r.code()
          + " "
          + r.name()
          + "："
          + r.status().label()
          + "（等级 "
          + Labels.grade(r.grade())
          + "）";
    }

    public int percent(double score, double max) {
      return max <= 0 ? 0 : (int) Math.round(100 * score / max);
    }
  }

  // ---- dashboard

  /** An overdue 缺项说明 on the dashboard. */
  record OverdueItem(UnitCompleteness unit, IndicatorResult indicator, MissingItem item) {}

  @GetMapping("/completeness")
  ModelAndView dashboard(
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "parent", required = false) String parent,
      @RequestParam(name = "sort", required = false) String sort,
      Caller caller)
      throws Exception {
    if (caller.role() == Role.CLERK) {
      // A unit's clerk has one unit to look after: its checklist is the dashboard.
      if (caller.unitCode() == null) {
        return Pages.notFound("当前账号没有所属单位。");
      }
      UriComponentsBuilder own =
          UriComponentsBuilder.fromPath("/units/{code}/completeness")
              .queryParamIfPresent("year", ReportRequests.parse(year));
      return new ModelAndView(
          "redirect:" + own.buildAndExpand(caller.unitCode()).encode().toUriString());
    }
    ModelAndView mv = new ModelAndView("completeness");
    List<Integer> years = completeness.years();
    LocalDate today = LocalDate.now(clock);
    mv.addObject("years", years);
    Optional<Integer> chosen = ReportRequests.year(year, completeness);
    if (year != null
        && !year.isBlank()
        && ReportRequests.parse(year).filter(years::contains).isEmpty()) {
      mv.addObject(
          "warning",
          "年度“" + year.strip() + "”没有适用的测评体系，已改为显示" + chosen.map(y -> y + "年度").orElse("默认年度"));
    }
    List<Unit> visible = units.findAll().stream().filter(u -> caller.sees(u.code())).toList();
    String t = ReportRequests.blankToNull(type);
    String asked = ReportRequests.blankToNull(parent);
    boolean known = asked != null && visible.stream().anyMatch(u -> u.code().equals(asked));
    if (asked != null && !known) {
      mv.addObject("warning", "没有找到上级单位“" + asked + "”，已忽略该条件");
    }
    String p = known ? asked : null;
    Matrix.Sort s = Matrix.Sort.of(sort);
    mv.addObject("type", t);
    mv.addObject("parent", p);
    mv.addObject("sort", s);
    mv.addObject("sorts", Matrix.Sort.values());
    mv.addObject("parents", ReportRequests.parents(visible));
    if (chosen.isEmpty()) {
      mv.addObject("year", null);
      mv.addObject("matrix", Matrix.of(List.of(), u -> false, null, null, s));
      mv.addObject("types", List.of());
      mv.addObject("overdue", List.of());
      mv.addObject("overdueTotal", 0);
      mv.addObject("chartJson", "");
      return mv;
    }
    int y = chosen.get();
    mv.addObject("year", y);
    List<UnitCompleteness> all = completeness.units(y, null);
    Set<String> types = new LinkedHashSet<>();
    all.stream()
        .filter(u -> caller.sees(u.unit()))
        .map(UnitCompleteness::unitType)
        .forEach(types::add);
    if (t != null) {
      types.add(t);
    }
    mv.addObject("types", types);
    Matrix matrix = ReportRequests.matrix(completeness, caller, visible, y, t, p, s);
    mv.addObject("matrix", matrix);

    Map<IndicatorStatus, Integer> statusCounts = new EnumMap<>(IndicatorStatus.class);
    List<OverdueItem> overdue = new ArrayList<>();
    for (UnitCompleteness u : matrix.rows()) {
      for (IndicatorResult r : u.indicators()) {
        statusCounts.merge(r.status(), 1, Integer::sum);
        for (MissingItem m : r.missing()) {
          if (m.explanation() != null && m.explanation().overdue()) {
            overdue.add(new OverdueItem(u, r, m));
          }
        }
      }
    }
    overdue.sort(
        Comparator.comparing((OverdueItem o) -> o.item().explanation().deadline())
            .thenComparing(o -> o.unit().unit()));
    mv.addObject("overdueTotal", overdue.size());
    mv.addObject("overdue", overdue.stream().limit(MAX_OVERDUE).toList());
    mv.addObject("maxOverdue", MAX_OVERDUE);
    mv.addObject("statusCounts", statusCounts);
    mv.addObject("statuses", IndicatorStatus.values());
    mv.addObject("vetoed", matrix.rows().stream().filter(UnitCompleteness::vetoed).count());
    mv.addObject("flagged", matrix.rows().stream().filter(u -> !u.redFlags().isEmpty()).count());
    mv.addObject(
        "chartJson",
        json.writeValueAsString(Charts.of(matrix.rows(), completeness.systems(), y, today)));
    mv.addObject(
        "exportUrl",
        UriComponentsBuilder.fromPath("/completeness/matrix.xlsx")
            .queryParam("year", y)
            .queryParamIfPresent("type", Optional.ofNullable(t))
            .queryParamIfPresent("parent", Optional.ofNullable(p))
            .queryParam("sort", s.param())
            .build()
            .encode()
            .toUriString());
    return mv;
  }

  // ---- a unit's checklist

  /**
   * A document used as evidence; {@code doc} is empty when the caller may not open it (it is still
   * counted).
   */
  record Evidence(long id, Optional<Document> doc) {}

  /** One indicator on the checklist with its evidence documents looked up. */
  record IndicatorView(IndicatorResult result, List<Evidence> evidence) {}

  /** A missing item with the indicator it belongs to, for the “本季度仍缺” box. */
  record DueItem(IndicatorResult indicator, MissingItem item) {}

  @GetMapping("/units/{code}/completeness")
  ModelAndView checklist(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      Caller caller) {
    Optional<Unit> found = units.find(code).filter(u -> caller.sees(u.code()));
    if (found.isEmpty()) {
      return Pages.notFound("没有找到单位代码为“" + code + "”的单位。");
    }
    Unit unit = found.get();
    List<Integer> years = completeness.years();
    LocalDate today = LocalDate.now(clock);
    Optional<Integer> chosen = ReportRequests.year(year, completeness);
    ModelAndView mv = new ModelAndView("unit-completeness");
    mv.addObject("unit", unit);
    mv.addObject("years", years);
    mv.addObject("year", chosen.orElse(null));
    mv.addObject("today", today);
    Optional<UnitCompleteness> result =
        chosen.flatMap(y -> completeness.unit(unit.code(), y)).map(u -> u.forReader(caller::sees));
    mv.addObject("c", result.orElse(null));
    mv.addObject("canExplain", caller.handsIn(unit.code()));
    // photos the binder would print without a full caption: the unit's own, never another's
    mv.addObject(
        "uncaptioned", chosen.map(y -> captions.uncaptioned(unit.code(), y)).orElse(List.of()));
    mv.addObject("canReview", caller.reviews(unit.code()));
    mv.addObject("isAdmin", caller.isAdmin());
    if (result.isEmpty()) {
      return mv;
    }
    UnitCompleteness c = result.get();
    int y = c.year();

    Map<String, List<IndicatorView>> groups = new LinkedHashMap<>();
    Map<IndicatorStatus, Integer> statusCounts = new EnumMap<>(IndicatorStatus.class);
    Map<Long, Optional<Document>> docs = new HashMap<>();
    for (IndicatorResult r : c.indicators()) {
      statusCounts.merge(r.status(), 1, Integer::sum);
      List<Evidence> evidence = new ArrayList<>();
      for (Long id : r.evidence()) {
        evidence.add(
            new Evidence(id, docs.computeIfAbsent(id, k -> archive.document(k, caller.scope()))));
      }
      groups
          .computeIfAbsent(r.parentName() == null ? "" : r.parentName(), k -> new ArrayList<>())
          .add(new IndicatorView(r, evidence));
    }
    Map<Long, String> docTitles = new HashMap<>();
    c.redFlags()
        .forEach(
            f ->
                f.documents()
                    .forEach(
                        id -> docs.computeIfAbsent(id, k -> archive.document(k, caller.scope()))));
    docs.forEach((id, d) -> d.ifPresent(x -> docTitles.put(id, x.title())));
    mv.addObject("docTitles", docTitles);
    mv.addObject("groups", groups);
    mv.addObject("statusCounts", statusCounts);
    mv.addObject("statuses", IndicatorStatus.values());
    mv.addObject("missingTotal", c.indicators().stream().mapToInt(r -> r.missing().size()).sum());

    // “本季度仍缺”: in the current year, what is due this quarter or by the year's end; a past year is
    // over, so everything still missing is listed.
    List<DueItem> due = new ArrayList<>();
    int quarter = (today.getMonthValue() - 1) / 3 + 1;
    boolean current = y == today.getYear();
    for (IndicatorResult r : c.indicators()) {
      for (MissingItem m : r.missing()) {
        boolean include =
            !current
                || ItemPeriod.ofKey(m.key())
                    .map(p -> p.dueInQuarterOrYear(y, quarter))
                    .orElse(true);
        if (include && y <= today.getYear()) {
          due.add(new DueItem(r, m));
        }
      }
    }
    mv.addObject("due", due);
    mv.addObject(
        "dueTitle",
        current
            ? "本季度仍缺（" + y + "年第" + "一二三四".charAt(quarter - 1) + "季度及全年）"
            : y < today.getYear() ? y + (due.isEmpty() ? "年度已结束" : "年度已结束，仍缺") : y + "年度尚未开始");

    List<EvaluationSystem.VetoItem> vetoChoices =
        completeness.systems().stream()
            .filter(s -> s.covers(unit.type(), y))
            .findFirst()
            .map(EvaluationSystem::vetoes)
            .orElse(List.of());
    mv.addObject("vetoChoices", vetoChoices);
    mv.addObject("grades", Grade.values());
    mv.addObject(
        "reportUrl",
        UriComponentsBuilder.fromPath("/units/{code}/completeness/report.pdf")
            .queryParam("year", y)
            .buildAndExpand(unit.code())
            .encode()
            .toUriString());
    return mv;
  }

  // ---- forms

  @PostMapping("/units/{code}/explanations")
  String explain(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "itemKey", required = false) String itemKey,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "deadline", required = false) String deadline,
      Caller caller,
      RedirectAttributes redirect) {
    int y = visibleYear(code, year, caller);
    String indicator = indicatorOf(code, y, itemKey);
    decide(
        redirect,
        () -> {
          LocalDate d = date(deadline, "补齐期限", "2025-12-31");
          completeness.explain(caller, code, y, itemKey, reason, d);
          return "已保存缺项说明，补齐期限 " + d;
        });
    return back(code, y, indicator);
  }

  @PostMapping("/units/{code}/overrides")
  String override(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "indicator", required = false) String indicator,
      @RequestParam(name = "grade", required = false) String grade,
      @RequestParam(name = "reason", required = false) String reason,
      Caller caller,
      RedirectAttributes redirect) {
    int y = visibleYear(code, year, caller);
    decide(
        redirect,
        () -> {
          completeness.override(caller, code, y, indicator, grade(grade), reason);
          return "已将指标 " + indicator + " 的等级调整为 " + grade.strip().toUpperCase(Locale.ROOT);
        });
    return back(code, y, indicator);
  }

  @PostMapping("/units/{code}/overrides/withdraw")
  String withdraw(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "indicator", required = false) String indicator,
      Caller caller,
      RedirectAttributes redirect) {
    int y = visibleYear(code, year, caller);
    decide(
        redirect,
        () -> {
          completeness.withdrawOverride(caller, code, y, indicator);
          return "已撤销指标 " + indicator + " 的等级调整，恢复计算等级";
        });
    return back(code, y, indicator);
  }

  @PostMapping("/units/{code}/hand-grades")
  String handGrade(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "indicator", required = false) String indicator,
      @RequestParam(name = "grade", required = false) String grade,
      @RequestParam(name = "note", required = false) String note,
      @RequestParam(name = "date", required = false) String date,
      Caller caller,
      RedirectAttributes redirect) {
    int y = visibleYear(code, year, caller);
    decide(
        redirect,
        () -> {
          LocalDate d = date(date, "考察日期", "2025-10-12");
          completeness.handGrade(caller, code, y, indicator, grade(grade), note, d);
          return "已录入指标 " + indicator + " 的人工评定：" + grade.strip().toUpperCase(Locale.ROOT);
        });
    return back(code, y, indicator);
  }

  @PostMapping("/units/{code}/hand-grades/withdraw")
  String withdrawHandGrade(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "indicator", required = false) String indicator,
      Caller caller,
      RedirectAttributes redirect) {
    int y = visibleYear(code, year, caller);
    decide(
        redirect,
        () -> {
          completeness.withdrawHandGrade(caller, code, y, indicator);
          return "已撤销指标 " + indicator + " 的人工评定，恢复待评";
        });
    return back(code, y, indicator);
  }

  @PostMapping("/units/{code}/vetoes")
  String veto(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "code", required = false) String vetoCode,
      @RequestParam(name = "reason", required = false) String reason,
      Caller caller,
      RedirectAttributes redirect) {
    int y = visibleYear(code, year, caller);
    decide(
        redirect,
        () -> {
          completeness.veto(caller, code, y, vetoCode, reason);
          return "已记录一票否决项 " + vetoCode;
        });
    return back(code, y, null) + "#vetoes";
  }

  @PostMapping("/units/{code}/vetoes/lift")
  String liftVeto(
      @PathVariable("code") String code,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "code", required = false) String vetoCode,
      Caller caller,
      RedirectAttributes redirect) {
    int y = visibleYear(code, year, caller);
    decide(
        redirect,
        () -> {
          completeness.liftVeto(caller, code, y, vetoCode);
          return "已解除一票否决项 " + vetoCode;
        });
    return back(code, y, null) + "#vetoes";
  }

  /** A decision taken from a form: done, its message is shown; refused, the reason is. */
  @FunctionalInterface
  private interface Decision {
    /** Takes the decision and returns what to tell the person. */
    String take();
  }

  private void decide(RedirectAttributes redirect, Decision decision) {
    try {
      Pages.flash(redirect, "success", decision.take());
    } catch (CompletenessException e) {
      refusedUnlessInvalid(e, redirect);
    }
  }

  /** A date typed into a form, or null when left empty; {@code what} names it in the refusal. */
  private static LocalDate date(String value, String what, String example) {
    return value == null || value.isBlank()
        ? null
        : ChineseDates.parse(value.strip())
            .orElseThrow(
                () ->
                    new CompletenessException(
                        CompletenessException.Kind.INVALID_REQUEST,
                        what + "格式有误，应为 " + example + " 这样的日期"));
  }

  /** The year of a form, after checking the unit is one the caller sees (404 otherwise). */
  private int visibleYear(String code, String year, Caller caller) {
    if (code == null || !caller.sees(code) || units.find(code).isEmpty()) {
      throw new CompletenessException(CompletenessException.Kind.NOT_FOUND, "没有找到");
    }
    return ReportRequests.year(year, completeness)
        .orElseThrow(() -> new CompletenessException(CompletenessException.Kind.NOT_FOUND, "没有找到"));
  }

  /** The indicator a missing item belongs to, for the anchor to return to. */
  private String indicatorOf(String unit, int year, String itemKey) {
    if (itemKey == null) {
      return null;
    }
    return completeness
        .unit(unit, year)
        .flatMap(
            c ->
                c.indicators().stream()
                    .filter(r -> r.missing().stream().anyMatch(m -> m.key().equals(itemKey)))
                    .map(IndicatorResult::code)
                    .findFirst())
        .orElse(null);
  }

  private static Grade grade(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Grade.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CompletenessException(CompletenessException.Kind.INVALID_REQUEST, "等级只能是 A、B、C、D");
    }
  }

  /**
   * A bad input goes back to the page as a message; a refusal (404, 403) is rethrown to its
   * handler.
   */
  private static void refusedUnlessInvalid(CompletenessException e, RedirectAttributes redirect) {
    if (e.kind() != CompletenessException.Kind.INVALID_REQUEST) {
      throw e;
    }
    Pages.flash(redirect, "error", e.getMessage());
  }

  private static String back(String code, int year, String indicator) {
    return "redirect:" + View.INSTANCE.checklist(code, year, indicator);
  }

  @ExceptionHandler(CompletenessException.class)
  ModelAndView refused(CompletenessException e) {
    if (e.kind() == CompletenessException.Kind.FORBIDDEN) {
      ModelAndView mv = new ModelAndView("error");
      mv.setStatus(HttpStatus.FORBIDDEN);
      mv.addObject("status", 403);
      mv.addObject("detail", e.getMessage());
      return mv;
    }
    if (e.kind() == CompletenessException.Kind.NOT_FOUND) {
      return Pages.notFound("没有找到该单位或该年度的完整性结果，可能地址有误，或您无权查看。");
    }
    ModelAndView mv = new ModelAndView("error");
    mv.setStatus(HttpStatus.BAD_REQUEST);
    mv.addObject("status", 400);
    mv.addObject("detail", e.getMessage());
    return mv;
  }

  /** Spring Security's refusal, should the service use it: the 403 page. */
  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView denied(AccessDeniedException e) {
    ModelAndView mv = new ModelAndView("error");
    mv.setStatus(HttpStatus.FORBIDDEN);
    mv.addObject("status", 403);
    return mv;
  }
}
