package org.taizhang.remind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.access.Scope;
import org.taizhang.archive.Document;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.completeness.ItemPeriod;
import org.taizhang.completeness.MissingItem;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.review.ReviewService;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * Writes digests from what the service already knows: a unit's checklist (what is still missing),
 * the returned documents and their deadlines, and the red flags. A unit's digest reads only that
 * unit's material; an office digest only the units its reader sees.
 */
@Component
class Digests {
  /** Lines shown per section; the rest is counted. */
  static final int SHOWN = 5;

  private final CompletenessService completeness;
  private final ReviewService review;
  private final UnitRepository units;

  Digests(CompletenessService completeness, ReviewService review, UnitRepository units) {
    this.completeness = completeness;
    this.review = review;
    this.units = units;
  }

  /**
   * A unit's digest (for its clerks and its robot): the items still missing in the current year,
   * returns due within {@code dueDays} of {@code today}, and returns past their deadline.
   */
  Digest unit(String unitCode, LocalDate today, int dueDays) {
    Optional<Unit> unit = units.find(unitCode);
    String name = unit.map(Unit::name).orElse(unitCode);
    Caller reader = new Caller("提醒", "提醒", Role.CLERK, unitCode, Scope.of(Set.of(unitCode)));
    List<Digest.Section> sections = new ArrayList<>();

    Optional<UnitCompleteness> verdict =
        completeness.defaultYear().flatMap(y -> completeness.unit(unitCode, y));
    verdict.ifPresent(
        c -> {
          // What is due by the end of this quarter (earlier periods, this quarter, the whole
          // year) comes first; what belongs to later quarters is only counted.
          int quarter = (today.getMonthValue() + 2) / 3;
          List<String> due = new ArrayList<>();
          int later = 0;
          for (IndicatorResult r : c.indicators()) {
            for (MissingItem m : r.missing()) {
              boolean isLater =
                  ItemPeriod.ofKey(m.key())
                      .filter(p -> p.kind().subYear())
                      .filter(
                          p ->
                              p.year() > today.getYear()
                                  || (p.year() == today.getYear() && p.firstMonth() > quarter * 3))
                      .isPresent();
              if (isLater) {
                later++;
              } else {
                due.add(r.code() + " " + m.text());
              }
            }
          }
          if (!due.isEmpty() || later > 0) {
            String title =
                c.year()
                    + " 年度仍缺 "
                    + (due.size() + later)
                    + " 项"
                    + (later > 0 ? "，其中 " + due.size() + " 项应在本季度末前补齐" : "");
            sections.add(section(title, due));
          }
        });

    List<Document> returned = review.returned(reader);
    List<String> dueSoon = new ArrayList<>();
    List<String> overdue = new ArrayList<>();
    for (Document d : returned) {
      LocalDate deadline = d.review().deadline();
      if (deadline == null) {
        continue;
      }
      if (deadline.isBefore(today)) {
        overdue.add(
            "《"
                + d.title()
                + "》期限 "
                + deadline
                + "，已逾期 "
                + ChronoUnit.DAYS.between(deadline, today)
                + " 天");
      } else if (!deadline.isAfter(today.plusDays(dueDays))) {
        dueSoon.add("《" + d.title() + "》期限 " + deadline + "：" + reason(d));
      }
    }
    if (!dueSoon.isEmpty()) {
      sections.add(section("退回材料 " + dueSoon.size() + " 份将在 " + dueDays + " 天内到期", dueSoon));
    }
    if (!overdue.isEmpty()) {
      sections.add(section("已逾期未整改 " + overdue.size() + " 份", overdue));
    }
    return new Digest("台账提醒：" + name + "（" + today + "）", sections);
  }

  /**
   * An office digest for {@code reader} (an administrator, district office or reviewer, within its
   * scope): units with overdue returns, returns due within {@code dueDays}, returns made since the
   * last digest ({@code since}, up to {@code until}), and units with red flags.
   */
  Digest office(Caller reader, Instant since, Instant until, LocalDate today, int dueDays) {
    Function<String, String> name = code -> units.find(code).map(Unit::name).orElse(code);
    List<Digest.Section> sections = new ArrayList<>();
    List<Document> returned = review.returned(reader);

    Map<String, List<Document>> overdueByUnit = new LinkedHashMap<>();
    List<String> fresh = new ArrayList<>();
    List<String> dueSoon = new ArrayList<>();
    for (Document d : returned) {
      if (!reader.sees(d.unitCode())) {
        continue;
      }
      LocalDate deadline = d.review().deadline();
      if (deadline != null && deadline.isBefore(today)) {
        overdueByUnit.computeIfAbsent(d.unitCode(), k -> new ArrayList<>()).add(d);
      } else if (deadline != null && !deadline.isAfter(today.plusDays(dueDays))) {
        dueSoon.add(name.apply(d.unitCode()) + "《" + d.title() + "》期限 " + deadline);
      }
      Instant at = d.review().at();
      if (at != null && at.isAfter(since) && !at.isAfter(until)) {
        fresh.add(
            name.apply(d.unitCode())
                + "《"
                + d.title()
                + "》"
                + (deadline == null ? "" : "期限 " + deadline)
                + "："
                + reason(d));
      }
    }
    if (!overdueByUnit.isEmpty()) {
      List<String> lines = new ArrayList<>();
      overdueByUnit.forEach(
          (unit, docs) ->
              lines.add(
                  name.apply(unit)
                      + "："
                      + docs.size()
                      + " 份，最早期限 "
                      + docs.stream()
                          .map(d -> d.review().deadline())
                          .min(LocalDate::compareTo)
                          .orElseThrow()));
      sections.add(section("有逾期未整改材料的单位 " + lines.size() + " 个", lines));
    }
    if (!dueSoon.isEmpty()) {
      sections.add(section("退回材料 " + dueSoon.size() + " 份将在 " + dueDays + " 天内到期", dueSoon));
    }
    if (!fresh.isEmpty()) {
      sections.add(section("上次摘要以来新退回 " + fresh.size() + " 份", fresh));
    }

    Optional<Integer> year = completeness.defaultYear();
    if (year.isPresent()) {
      List<String> flagged = new ArrayList<>();
      for (UnitCompleteness c : completeness.units(year.get(), null)) {
        if (!reader.sees(c.unit()) || c.redFlags().isEmpty()) {
          continue;
        }
        UnitCompleteness seen = c.forReader(reader::sees);
        flagged.add(
            c.unitName()
                + "："
                + seen.redFlags().size()
                + " 条疑点（"
                + seen.redFlags().get(0).text()
                + (seen.redFlags().size() > 1 ? " 等" : "")
                + "）");
      }
      if (!flagged.isEmpty()) {
        sections.add(section(year.get() + " 年度存在疑点的单位 " + flagged.size() + " 个", flagged));
      }
    }
    return new Digest("台账提醒：创建办摘要（" + today + "）", sections);
  }

  private static Digest.Section section(String heading, List<String> lines) {
    return new Digest.Section(
        heading,
        lines.subList(0, Math.min(SHOWN, lines.size())),
        Math.max(0, lines.size() - SHOWN));
  }

  private static String reason(Document d) {
    String r = d.review().reason();
    return r == null ? "" : r.length() > 60 ? r.substring(0, 59) + "…" : r;
  }
}
