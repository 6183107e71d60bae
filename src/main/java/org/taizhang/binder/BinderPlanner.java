package org.taizhang.binder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.completeness.MissingItem;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.text.DocumentNumbers;
import org.taizhang.time.OfficeTime;
import org.taizhang.unit.Unit;

/**
 * Makes the {@link BinderPlan} of a unit-year from its completeness result and its archive: the
 * indicators in the order of the evaluation system, each with the current documents that prove it,
 * then the year's other current documents; returned documents are left out until a new version
 * replaces them. Items are numbered in that order within each 保管期限.
 */
@Service
public class BinderPlanner {
  /** How many first lines of a text may hold its 文号: the red head, the number, the title. */
  private static final int HEAD_LINES = 4;

  private final CompletenessService completeness;
  private final Archive archive;
  private final Catalog catalog;
  private final ItemPages pages;
  private final ArchiveNumbering numbering;
  private final OfficeTime time;

  BinderPlanner(
      CompletenessService completeness,
      Archive archive,
      Catalog catalog,
      ItemPages pages,
      ArchiveNumbering numbering,
      OfficeTime time) {
    this.completeness = completeness;
    this.archive = archive;
    this.catalog = catalog;
    this.pages = pages;
    this.numbering = numbering;
    this.time = time;
  }

  /** The plan of the unit's year; the caller has checked that its reader sees the unit. */
  public BinderPlan plan(Unit unit, int year) {
    Optional<UnitCompleteness> result = completeness.unit(unit.code(), year);
    return plan(unit, year, result.orElse(null), current(unit, year), archive::text);
  }

  /** The year's current documents that are not returned, by date then upload order. */
  private List<Document> current(Unit unit, int year) {
    List<String> order = catalog.categories().stream().map(Category::code).toList();
    List<Document> out = new ArrayList<>();
    for (Archive.Volume v : archive.volumes(unit.code(), order)) {
      if (v.year() == year) {
        v.byCategory().values().forEach(out::addAll);
      }
    }
    out.removeIf(d -> d.review().status() == ReviewStatus.RETURNED);
    out.sort(
        Comparator.comparing(Document::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Document::id));
    return out;
  }

  BinderPlan plan(
      Unit unit,
      int year,
      UnitCompleteness result,
      List<Document> documents,
      Function<Long, String> texts) {
    ArchiveNumbering rules = numbering;
    Map<Long, Document> byId = new LinkedHashMap<>();
    documents.forEach(d -> byId.put(d.id(), d));

    // Where each document is placed: under the first indicator it proves.
    Map<Long, String> placedUnder = new HashMap<>();
    Map<Long, List<String>> proves = new HashMap<>();
    List<IndicatorResult> indicators =
        result == null
            ? List.of()
            : result.indicators().stream().filter(IndicatorResult::documentReview).toList();
    for (IndicatorResult r : indicators) {
      for (long id : r.evidence()) {
        if (byId.containsKey(id)) {
          placedUnder.putIfAbsent(id, r.code());
          proves.computeIfAbsent(id, k -> new ArrayList<>()).add(r.code());
        }
      }
    }

    Map<Retention, Integer> counters = new HashMap<>();
    Map<Long, BinderPlan.Item> items = new HashMap<>();
    List<BinderPlan.Section> sections = new ArrayList<>();
    for (IndicatorResult r : indicators) {
      List<BinderPlan.Item> placed = new ArrayList<>();
      List<BinderPlan.Item> references = new ArrayList<>();
      for (Document d : ordered(r.evidence(), byId)) {
        if (r.code().equals(placedUnder.get(d.id()))) {
          BinderPlan.Item item = item(unit, year, d, proves.get(d.id()), rules, counters, texts);
          items.put(d.id(), item);
          placed.add(item);
        } else {
          references.add(items.get(d.id()));
        }
      }
      List<BinderPlan.Gap> gaps = r.missing().stream().map(BinderPlanner::gap).toList();
      String path =
          r.parentName() == null || r.parentName().isBlank()
              ? r.name()
              : r.parentName() + " › " + r.name();
      sections.add(
          new BinderPlan.Section(
              sections.size() + 1,
              r.code(),
              r.name(),
              path,
              r.points(),
              r.status().label(),
              placed,
              references,
              gaps));
    }
    List<BinderPlan.Item> others = new ArrayList<>();
    for (Document d : documents) {
      if (!placedUnder.containsKey(d.id())) {
        others.add(item(unit, year, d, List.of(), rules, counters, texts));
      }
    }
    if (!others.isEmpty()) {
      sections.add(
          new BinderPlan.Section(
              sections.size() + 1,
              BinderPlan.OTHER,
              "其他归档材料",
              "其他归档材料",
              0,
              "",
              others,
              List.of(),
              List.of()));
    }
    return new BinderPlan(
        unit.code(),
        unit.name(),
        unit.type(),
        year,
        result == null ? "" : result.system(),
        result == null ? "" : result.verdict(),
        time.today(),
        sections);
  }

  private static List<Document> ordered(List<Long> ids, Map<Long, Document> byId) {
    List<Document> out = new ArrayList<>();
    for (long id : ids) {
      Document d = byId.get(id);
      if (d != null && !out.contains(d)) {
        out.add(d);
      }
    }
    out.sort(
        Comparator.comparing(Document::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(Document::id));
    return out;
  }

  private BinderPlan.Item item(
      Unit unit,
      int year,
      Document d,
      List<String> indicators,
      ArchiveNumbering rules,
      Map<Retention, Integer> counters,
      Function<Long, String> texts) {
    Retention retention = rules.retention(d.category());
    int number = counters.merge(retention, 1, Integer::sum);
    BinderPlan.Kind kind = pages.kind(d);
    OptionalInt p = pages.pages(d);
    List<String> remarks = new ArrayList<>();
    if (indicators.size() > 1) {
      remarks.add("另证明指标 " + String.join("、", indicators.subList(1, indicators.size())));
    }
    pages.note(d).ifPresent(remarks::add);
    if (p.isEmpty()) {
      remarks.add("页数待转换后确定");
    }
    String text = texts.apply(d.id());
    text = text == null ? "" : text;
    // The 文号 stands under the red head, above the title: a number further down is one the text
    // cites (a summary quoting the notice it reports on).
    String head =
        text.lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .limit(HEAD_LINES)
            .reduce("", (a, b) -> a + b + "\n");
    return new BinderPlan.Item(
        number,
        rules.archiveCode(unit.code(), year, retention, number),
        d.id(),
        DocumentNumbers.find(head).orElse(null),
        unit.name(),
        d.date(),
        d.title(),
        p.isPresent() ? p.getAsInt() : null,
        retention,
        String.join("；", remarks),
        kind,
        d.fileName(),
        d.category(),
        d.category() == null || d.category().isEmpty()
            ? "未分类"
            : catalog.categoryName(d.category()));
  }

  private static BinderPlan.Gap gap(MissingItem m) {
    if (m.explanation() == null) {
      return new BinderPlan.Gap(m.text(), null, null, null);
    }
    return new BinderPlan.Gap(
        m.text(), m.explanation().reason(), m.explanation().deadline(), m.explanation().by());
  }
}
