package org.taizhang.completeness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What people decided about units' results, kept in memory next to the facts so that recomputing
 * needs no database: 缺项说明 per missing item, grade overrides and hand grades per indicator, veto
 * items per year. The database (V4__completeness.sql, V6__verdicts.sql) is the durable copy. {@code
 * by} is a login name, {@code byName} the person's name at the time. Not thread-safe: the model
 * serialises access.
 */
final class Decisions {
  record ExplanationRow(
      long id,
      String unit,
      int year,
      String itemKey,
      String reason,
      LocalDate deadline,
      String by,
      Instant at) {}

  record OverrideRow(
      String unit,
      int year,
      String indicator,
      Grade grade,
      String reason,
      String by,
      String byName,
      Instant at) {}

  record VetoRow(
      String unit, int year, String code, String reason, String by, String byName, Instant at) {}

  record HandGradeRow(
      String unit,
      int year,
      String indicator,
      Grade grade,
      String note,
      LocalDate assessedOn,
      String by,
      String byName,
      Instant at) {}

  /** One unit's decisions for one year, as the engine reads them. */
  record ForUnit(
      Map<String, ExplanationRow> explanations,
      Map<String, OverrideRow> overrides,
      Map<String, VetoRow> vetoes,
      Map<String, HandGradeRow> handGrades) {
    static final ForUnit NONE = new ForUnit(Map.of(), Map.of(), Map.of(), Map.of());
  }

  private record Key(String unit, int year) {}

  private final Map<Key, Map<String, ExplanationRow>> explanations = new HashMap<>();
  private final Map<Key, Map<String, OverrideRow>> overrides = new HashMap<>();
  private final Map<Key, Map<String, VetoRow>> vetoes = new HashMap<>();
  private final Map<Key, Map<String, HandGradeRow>> handGrades = new HashMap<>();

  ForUnit of(String unit, int year) {
    Key k = new Key(unit, year);
    Map<String, ExplanationRow> e = explanations.get(k);
    Map<String, OverrideRow> o = overrides.get(k);
    Map<String, VetoRow> v = vetoes.get(k);
    Map<String, HandGradeRow> h = handGrades.get(k);
    if (e == null && o == null && v == null && h == null) {
      return ForUnit.NONE;
    }
    return new ForUnit(
        e == null ? Map.of() : Map.copyOf(e),
        o == null ? Map.of() : Map.copyOf(o),
        v == null ? Map.of() : new TreeMap<>(v),
        h == null ? Map.of() : Map.copyOf(h));
  }

  void put(ExplanationRow e) {
    explanations
        .computeIfAbsent(new Key(e.unit(), e.year()), k -> new HashMap<>())
        .put(e.itemKey(), e);
  }

  void put(OverrideRow o) {
    overrides
        .computeIfAbsent(new Key(o.unit(), o.year()), k -> new HashMap<>())
        .put(o.indicator(), o);
  }

  void put(VetoRow v) {
    vetoes.computeIfAbsent(new Key(v.unit(), v.year()), k -> new HashMap<>()).put(v.code(), v);
  }

  void put(HandGradeRow h) {
    handGrades
        .computeIfAbsent(new Key(h.unit(), h.year()), k -> new HashMap<>())
        .put(h.indicator(), h);
  }

  void removeHandGrade(String unit, int year, String indicator) {
    Map<String, HandGradeRow> m = handGrades.get(new Key(unit, year));
    if (m != null) {
      m.remove(indicator);
    }
  }

  void removeOverride(String unit, int year, String indicator) {
    Map<String, OverrideRow> m = overrides.get(new Key(unit, year));
    if (m != null) {
      m.remove(indicator);
    }
  }

  void removeVeto(String unit, int year, String code) {
    Map<String, VetoRow> m = vetoes.get(new Key(unit, year));
    if (m != null) {
      m.remove(code);
    }
  }

  /** Adds every decision of {@code other}: a copy for a model that must not share mutable state. */
  void putAll(Decisions other) {
    other.explanations.values().forEach(m -> m.values().forEach(this::put));
    other.overrides.values().forEach(m -> m.values().forEach(this::put));
    other.vetoes.values().forEach(m -> m.values().forEach(this::put));
    other.handGrades.values().forEach(m -> m.values().forEach(this::put));
  }
}
