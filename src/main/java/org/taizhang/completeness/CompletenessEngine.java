package org.taizhang.completeness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.taizhang.completeness.EvaluationSystem.EvidenceKind;
import org.taizhang.completeness.EvaluationSystem.EvidenceRule;
import org.taizhang.completeness.EvaluationSystem.EvidenceWindow;
import org.taizhang.completeness.EvaluationSystem.Indicator;
import org.taizhang.completeness.EvaluationSystem.Leaf;
import org.taizhang.completeness.EvaluationSystem.Period;
import org.taizhang.unit.Unit;

/**
 * Judges one unit's archive for one year against its evaluation system, from evidence facts alone.
 * Pure: the same facts, decisions and day always give the same verdict, which is what lets the
 * model recompute any unit at any time.
 */
final class CompletenessEngine {
  private static final String[] QUARTERS = {"第一季度", "第二季度", "第三季度", "第四季度"};

  /** The verdict without its rank, which depends on the other units. */
  UnitCompleteness evaluate(
      Unit unit,
      int year,
      EvaluationSystem system,
      UnitFacts facts,
      Decisions.ForUnit decisions,
      List<RedFlag> redFlags,
      LocalDate today) {
    List<IndicatorResult> results = new ArrayList<>();
    double score = 0;
    double max = 0;
    int ungraded = 0;
    double ungradedPoints = 0;
    for (Leaf leaf : system.leaves()) {
      IndicatorResult r = indicator(leaf, year, system, facts, decisions, today);
      results.add(r);
      score += r.score();
      max += leaf.indicator().points();
      if (r.status() == IndicatorStatus.NOT_REVIEWED) {
        ungraded++;
        ungradedPoints += leaf.indicator().points();
      }
    }
    List<Veto> vetoes = new ArrayList<>();
    for (Decisions.VetoRow v : decisions.vetoes().values()) {
      String name = system.veto(v.code()).map(EvaluationSystem.VetoItem::name).orElse("");
      vetoes.add(new Veto(v.code(), name, v.reason(), v.by(), v.byName(), v.at()));
    }
    return new UnitCompleteness(
        unit.code(),
        unit.name(),
        unit.type(),
        unit.parentCode(),
        year,
        system.name(),
        results,
        round(score),
        round(max),
        ungraded,
        round(ungradedPoints),
        0,
        0,
        vetoes,
        redFlags);
  }

  private IndicatorResult indicator(
      Leaf leaf,
      int year,
      EvaluationSystem system,
      UnitFacts facts,
      Decisions.ForUnit decisions,
      LocalDate today) {
    Indicator ind = leaf.indicator();
    if (!ind.documentReview()) {
      // judged in the field or by survey: only a reviewer's hand grade earns points, nothing in the
      // archive does
      Decisions.HandGradeRow h = decisions.handGrades().get(ind.code());
      if (h == null) {
        return new IndicatorResult(
            ind.code(),
            ind.name(),
            leaf.parentName(),
            ind.points(),
            ind.method(),
            IndicatorStatus.NOT_REVIEWED,
            null,
            null,
            null,
            null,
            0,
            List.of(),
            List.of());
      }
      HandGrade hand =
          new HandGrade(h.grade(), h.note(), h.assessedOn(), h.by(), h.byName(), h.at());
      return new IndicatorResult(
          ind.code(),
          ind.name(),
          leaf.parentName(),
          ind.points(),
          ind.method(),
          IndicatorStatus.HAND_GRADED,
          null,
          h.grade(),
          null,
          hand,
          round(ind.points() * system.percent(h.grade()) / 100.0),
          List.of(),
          List.of());
    }
    Decisions.OverrideRow o = decisions.overrides().get(ind.code());
    GradeOverride override =
        o == null ? null : new GradeOverride(o.grade(), o.reason(), o.by(), o.byName(), o.at());
    Set<Long> evidence = new LinkedHashSet<>();
    List<MissingItem> missing = new ArrayList<>();
    boolean anything = false;
    for (EvidenceRule rule : ind.evidence()) {
      anything |=
          rule(
              ind.code(),
              rule,
              year,
              facts.category(rule.category()),
              evidence,
              missing,
              decisions,
              today);
    }
    // The grading rule counts the sub-items that fall short; with nothing at all there is nothing
    // to
    // grade leniently: a year without a single one of three required meetings is not a B.
    Grade computed =
        !missing.isEmpty() && !anything ? Grade.D : ind.grading().grade(missing.size());
    Grade effective = override != null ? override.grade() : computed;
    IndicatorStatus status;
    if (missing.isEmpty()) {
      status = IndicatorStatus.MET;
    } else if (missing.stream()
        .anyMatch(m -> m.explanation() != null && m.explanation().overdue())) {
      status = IndicatorStatus.OVERDUE;
    } else if (missing.stream().allMatch(m -> m.explanation() != null)) {
      status = IndicatorStatus.EXPLAINED;
    } else if (missing.stream().anyMatch(m -> !m.pending().isEmpty())) {
      status = IndicatorStatus.PENDING;
    } else {
      status = anything ? IndicatorStatus.PARTIAL : IndicatorStatus.MISSING;
    }
    double score = round(ind.points() * system.percent(effective) / 100.0);
    return new IndicatorResult(
        ind.code(),
        ind.name(),
        leaf.parentName(),
        ind.points(),
        ind.method(),
        status,
        computed,
        effective,
        override,
        null,
        score,
        List.copyOf(evidence),
        missing);
  }

  /**
   * Sorts the documents of the rule's category into the periods of its window, keeps those of the
   * accepted kind with the required content as evidence, and reports every period short of
   * evidence. A document lies in one period only, so it is never counted twice. A returned document
   * (退回) is no evidence until a new version replaces it; the item names it. Neither is a document
   * something about which waits for confirmation (待确认, see {@link #doubt}); the item names it too,
   * and one that states no date is named in every period it might belong to.
   *
   * @return whether there is anything at all: a satisfied period, or a document that falls short
   */
  private boolean rule(
      String indicator,
      EvidenceRule rule,
      int year,
      List<EvidenceFact> docs,
      Set<Long> evidence,
      List<MissingItem> missing,
      Decisions.ForUnit decisions,
      LocalDate today) {
    int periods = periods(rule.period());
    List<List<EvidenceFact>> valid = new ArrayList<>(periods);
    List<List<String>> flaws = new ArrayList<>(periods);
    List<List<EvidenceFact>> returned = new ArrayList<>(periods);
    List<List<PendingDocument>> pending = new ArrayList<>(periods);
    for (int i = 0; i < periods; i++) {
      valid.add(new ArrayList<>());
      flaws.add(new ArrayList<>());
      returned.add(new ArrayList<>());
      pending.add(new ArrayList<>());
    }
    List<PendingDocument> undated = new ArrayList<>();
    for (EvidenceFact f : docs) {
      if (!inWindow(rule.window(), f.year(), year)) {
        continue;
      }
      int p = periodOf(rule.period(), f, year);
      if (p < 0) {
        if (f.doubts().undated() && !f.returned() && f.year() == year) {
          undated.add(
              new PendingDocument(
                  f.id(), f.title(), "未注明日期，无法确定所属" + periodWord(rule.period()) + "，请补填日期"));
        }
        continue;
      }
      if (f.returned()) {
        returned.get(p).add(f);
        flaws.get(p).add(rule.categoryName() + f.reference() + returnedText(f));
        continue;
      }
      String flaw = flaw(rule, f);
      String doubt = flaw == null ? doubt(rule, f) : null;
      if (flaw != null) {
        flaws.get(p).add(flaw);
      } else if (doubt != null) {
        pending.get(p).add(new PendingDocument(f.id(), f.title(), doubt));
      } else {
        valid.get(p).add(f);
      }
    }
    boolean anything = !undated.isEmpty();
    for (int p = 0; p < periods; p++) {
      int have = valid.get(p).size();
      valid.get(p).forEach(f -> evidence.add(f.id()));
      anything |= have > 0 || !flaws.get(p).isEmpty() || !pending.get(p).isEmpty();
      if (have >= rule.min()) {
        continue;
      }
      List<PendingDocument> waiting = new ArrayList<>(pending.get(p));
      waiting.addAll(undated);
      String key = indicator + "/" + rule.category() + "/" + periodKey(rule, year, p);
      String text = missingText(rule, year, p, have, flaws.get(p), pending.get(p).size(), waiting);
      Decisions.ExplanationRow e = decisions.explanations().get(key);
      Explanation explanation =
          e == null
              ? null
              : new Explanation(
                  e.id(), e.reason(), e.deadline(), e.by(), e.at(), today.isAfter(e.deadline()));
      List<ReturnedDocument> back =
          returned.get(p).stream()
              .map(
                  f ->
                      new ReturnedDocument(
                          f.id(),
                          f.title(),
                          f.review().reason(),
                          f.review().deadline(),
                          f.review().deadline() != null && today.isAfter(f.review().deadline())))
              .toList();
      missing.add(new MissingItem(key, text, explanation, back, waiting));
    }
    return anything;
  }

  /** “已退回（原因：…；整改期限 2025-12-31），重新提交前不计入”. */
  private static String returnedText(EvidenceFact f) {
    // a reason written as a sentence ends in 。, which must not meet the ；that follows
    String reason =
        f.review().reason() == null
            ? ""
            : "原因：" + f.review().reason().strip().replaceAll("[。；;，,.]+$", "");
    String deadline = f.review().deadline() == null ? "" : "整改期限 " + f.review().deadline();
    String why =
        reason.isEmpty() || deadline.isEmpty() ? reason + deadline : reason + "；" + deadline;
    return "已退回" + (why.isEmpty() ? "" : "（" + why + "）") + "，重新提交前不计入";
  }

  private static boolean inWindow(EvidenceWindow window, int docYear, int year) {
    return switch (window) {
      case THIS_YEAR -> docYear == year;
      case THREE_YEARS -> docYear >= year - 2 && docYear <= year;
      case STANDING -> docYear <= year;
    };
  }

  private static int periods(Period period) {
    return switch (period) {
      case YEAR -> 1;
      case HALF_YEAR -> 2;
      case QUARTER -> 4;
      case MONTH -> 12;
    };
  }

  /**
   * The period a document falls in, or -1. Below a year, the period the document states (2025年第三季度)
   * places it when it lies within one period of the rule; otherwise its own date does, but only a
   * date within the stated period, if any, and only in the evaluated year.
   */
  private static int periodOf(Period period, EvidenceFact f, int year) {
    if (period == Period.YEAR) {
      return 0;
    }
    if (f.period() != null) {
      int first = periodOf(period, f.period().first(), year);
      if (first >= 0 && first == periodOf(period, f.period().last(), year)) {
        return first;
      }
      return f.period().contains(f.date()) ? periodOf(period, f.date(), year) : -1;
    }
    return periodOf(period, f.date(), year);
  }

  private static int periodOf(Period period, LocalDate date, int year) {
    if (date == null || date.getYear() != year) {
      return -1;
    }
    int month = date.getMonthValue();
    return switch (period) {
      case HALF_YEAR -> month <= 6 ? 0 : 1;
      case QUARTER -> (month - 1) / 3;
      case MONTH -> month - 1;
      case YEAR -> 0;
    };
  }

  /** Why a document of the right category and period does not count, or null when it does. */
  private static String flaw(EvidenceRule rule, EvidenceFact f) {
    List<String> parts = new ArrayList<>();
    if (rule.kind() == EvidenceKind.IMAGE && !f.image()) {
      parts.add("不是图片");
    }
    if (rule.kind() == EvidenceKind.FORMAL && !f.formal()) {
      parts.add("不是正式文件（未见文号）");
    }
    List<String> lacking =
        rule.content().stream().filter(l -> !f.filledLabels().contains(l)).toList();
    if (!lacking.isEmpty() && f.doubts().unsureText()) {
      // Text read with low confidence proves nothing by itself: not a lack but a wait for a
      // reviewer
      // (see doubt), unless the document falls short anyway.
      if (!parts.isEmpty()) {
        parts.add("文字识别置信度低，" + String.join("、", lacking) + "待测评员确认");
      }
    } else if (!lacking.isEmpty() && f.image() && f.filledLabels().isEmpty()) {
      // A photo of a paper record: its text is not read, so what it shows cannot be checked — which
      // is not the same as the record lacking it.
      parts.add("是图片，其中文字未能识别，无法核对" + String.join("、", lacking) + "（请上传文字版或扫描件）");
    } else if (!lacking.isEmpty()) {
      parts.add("缺少" + String.join("、", lacking));
    }
    return parts.isEmpty() ? null : rule.categoryName() + f.reference() + String.join("，", parts);
  }

  /**
   * What a person must confirm before a document without flaws counts, or null when nothing: the
   * required elements of text recognised with low confidence (a reviewer ticks them on the document
   * page), a category inferred with low confidence (confirmed by correcting the description).
   */
  private static String doubt(EvidenceRule rule, EvidenceFact f) {
    List<String> parts = new ArrayList<>();
    List<String> lacking =
        rule.content().stream().filter(l -> !f.filledLabels().contains(l)).toList();
    if (f.doubts().unsureText() && !lacking.isEmpty()) {
      parts.add("文字识别置信度低，" + String.join("、", lacking) + "待测评员在材料页确认");
    }
    if (f.doubts().categoryConfidence() != null) {
      parts.add("类别为自动推断（把握 " + Math.round(f.doubts().categoryConfidence() * 100) + "%），待确认类别");
    }
    return parts.isEmpty() ? null : String.join("；", parts);
  }

  private static String periodWord(Period period) {
    return switch (period) {
      case YEAR -> "年度";
      case HALF_YEAR -> "半年";
      case QUARTER -> "季度";
      case MONTH -> "月份";
    };
  }

  private static String missingText(
      EvidenceRule rule,
      int year,
      int period,
      int have,
      List<String> flaws,
      int pendingHere,
      List<PendingDocument> pending) {
    String when = periodName(rule, year, period);
    String name = rule.categoryName();
    String shortfall;
    int counted = have + flaws.size() + pendingHere;
    if (counted >= rule.min()) {
      shortfall = null;
    } else if (counted == 0) {
      shortfall = when + "缺少" + name + (rule.min() > 1 ? "（应至少" + rule.min() + "份）" : "");
    } else {
      shortfall = when + name + "不足" + rule.min() + "份（现有" + counted + "份）";
    }
    List<String> parts = new ArrayList<>(flaws);
    for (PendingDocument d : pending) {
      parts.add(name + "《" + d.title() + "》待确认（" + d.reason() + "）");
    }
    if (shortfall != null) {
      parts.add(shortfall);
    }
    return String.join("；", parts);
  }

  static String periodName(EvidenceRule rule, int year, int period) {
    return switch (rule.window()) {
      case STANDING -> "";
      case THREE_YEARS -> (year - 2) + "—" + year + "年";
      case THIS_YEAR ->
          switch (rule.period()) {
            case YEAR -> year + "年";
            case HALF_YEAR -> year + "年" + (period == 0 ? "上半年" : "下半年");
            case QUARTER -> year + "年" + QUARTERS[period];
            case MONTH -> year + "年" + (period + 1) + "月";
          };
    };
  }

  /**
   * A stable id of the period: an explanation filed for it stays attached across recomputations.
   */
  private static String periodKey(EvidenceRule rule, int year, int period) {
    return switch (rule.window()) {
      case STANDING -> "upto-" + year;
      case THREE_YEARS -> (year - 2) + "-" + year;
      case THIS_YEAR ->
          switch (rule.period()) {
            case YEAR -> String.valueOf(year);
            case HALF_YEAR -> year + "-H" + (period + 1);
            case QUARTER -> year + "-Q" + (period + 1);
            case MONTH -> String.format("%d-%02d", year, period + 1);
          };
    };
  }

  static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }
}
