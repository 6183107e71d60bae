package org.taizhang.completeness;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.taizhang.unit.Unit;

/**
 * The in-memory picture everything is computed from: units, every current document's evidence
 * facts, the near-duplicate index and people's decisions, plus the latest results. Writers are
 * serialised on this object; readers get an immutable snapshot and never wait.
 */
public final class CompletenessModel {
  static final double NEAR_DUPLICATE_THRESHOLD = 0.8;

  /**
   * Replaced as a whole when administrators change a list; read under the lock like everything
   * else.
   */
  private RequiredLists lists;

  private final Clock clock;
  private final CompletenessEngine engine = new CompletenessEngine();
  private final RedFlagFinder redFlags;

  private final Map<String, Unit> units = new HashMap<>();
  private final Map<Long, EvidenceFact> facts = new HashMap<>();
  private final Map<String, Map<Long, EvidenceFact>> factsByUnit = new HashMap<>();
  private final Map<String, UnitFacts> unitFacts = new HashMap<>();
  private final NearDuplicateIndex duplicates = new NearDuplicateIndex(NEAR_DUPLICATE_THRESHOLD);
  private Decisions decisions = new Decisions();

  /** Results by year and unit; replaced as a whole, never changed in place. */
  private record Snapshot(LocalDate day, Map<Integer, Map<String, UnitCompleteness>> byYear) {}

  private volatile Snapshot snapshot;

  public CompletenessModel(
      RequiredLists lists, Function<String, String> categoryName, Clock clock) {
    this(lists, new RedFlagFinder(categoryName), clock);
  }

  private CompletenessModel(RequiredLists lists, RedFlagFinder redFlags, Clock clock) {
    this.lists = lists;
    this.clock = clock;
    this.redFlags = redFlags;
    this.snapshot = new Snapshot(LocalDate.now(clock), Map.of());
  }

  synchronized RequiredLists lists() {
    return lists;
  }

  /** Puts other evaluation systems in force and recomputes everything with them. */
  synchronized void replaceLists(RequiredLists replacement) {
    this.lists = replacement;
    recomputeAll();
  }

  /**
   * A model of the same units, decisions and facts (or, when given, these facts instead) judged by
   * other systems: what the office would see if it put them in force. This model is not changed.
   */
  synchronized CompletenessModel withLists(
      RequiredLists candidate, Collection<EvidenceFact> replacementFacts) {
    CompletenessModel other = new CompletenessModel(candidate, redFlags, clock);
    other.decisions.putAll(decisions);
    other.load(units.values(), replacementFacts != null ? replacementFacts : facts.values());
    return other;
  }

  // ---- reading

  Optional<UnitCompleteness> unit(String code, int year) {
    return Optional.ofNullable(current().byYear().getOrDefault(year, Map.of()).get(code));
  }

  /** Covered units of a year (optionally of one type), best rank first, then by code. */
  public List<UnitCompleteness> units(int year, String type) {
    List<UnitCompleteness> out = new ArrayList<>();
    for (UnitCompleteness u : current().byYear().getOrDefault(year, Map.of()).values()) {
      if (type == null || type.equals(u.unitType())) {
        out.add(u);
      }
    }
    out.sort(Comparator.comparingInt(UnitCompleteness::rank).thenComparing(UnitCompleteness::unit));
    return out;
  }

  /**
   * Explanations turn overdue with the calendar, not with an event: a new day recomputes everything
   * once.
   */
  private Snapshot current() {
    Snapshot s = snapshot;
    if (!s.day().equals(LocalDate.now(clock))) {
      recomputeAll();
      s = snapshot;
    }
    return s;
  }

  synchronized Optional<Unit> knownUnit(String code) {
    return Optional.ofNullable(units.get(code));
  }

  public synchronized int factCount() {
    return facts.size();
  }

  // ---- writing

  /** Replaces units and facts wholesale (start-up load, benchmark) and recomputes everything. */
  public synchronized void load(Collection<Unit> allUnits, Collection<EvidenceFact> allFacts) {
    units.clear();
    allUnits.forEach(u -> units.put(u.code(), u));
    facts.clear();
    factsByUnit.clear();
    unitFacts.clear();
    for (EvidenceFact f : allFacts) {
      facts.put(f.id(), f);
      factsByUnit.computeIfAbsent(f.unit(), u -> new HashMap<>()).put(f.id(), f);
    }
    factsByUnit.forEach((u, m) -> unitFacts.put(u, new UnitFacts(m.values())));
    recomputeAll();
  }

  synchronized void replaceUnits(Collection<Unit> allUnits) {
    units.clear();
    allUnits.forEach(u -> units.put(u.code(), u));
  }

  synchronized void putUnit(Unit unit) {
    units.put(unit.code(), unit);
  }

  /**
   * Every unit of every covered year, from the facts in memory; rebuilds the near-duplicate index
   * too.
   */
  public synchronized void recomputeAll() {
    duplicates.clear();
    for (EvidenceFact f : facts.values()) {
      if (f.signature() != null) {
        duplicates.add(f.id(), f.unit(), f.signature());
      }
    }
    LocalDate today = LocalDate.now(clock);
    Map<Integer, Map<String, UnitCompleteness>> byYear = new HashMap<>();
    for (int year : lists.years(today.getYear())) {
      Map<String, UnitCompleteness> results = new HashMap<>();
      for (Unit u : units.values()) {
        evaluate(u, year, today).ifPresent(r -> results.put(u.code(), r));
      }
      rank(results, null);
      byYear.put(year, results);
    }
    snapshot = new Snapshot(today, freeze(byYear));
  }

  /**
   * Stores a document's new facts (null: it is gone) and returns the units whose results may have
   * changed: its own, and those of documents it duplicated before or duplicates now.
   */
  public synchronized Set<String> apply(long id, EvidenceFact fact) {
    Set<String> affected = new HashSet<>();
    EvidenceFact old = facts.remove(id);
    if (old != null) {
      affected.add(old.unit());
      Map<Long, EvidenceFact> m = factsByUnit.get(old.unit());
      if (m != null) {
        m.remove(id);
      }
      for (long p : duplicates.remove(id)) {
        EvidenceFact pf = facts.get(p);
        if (pf != null) {
          affected.add(pf.unit());
        }
      }
    }
    if (fact != null) {
      facts.put(id, fact);
      affected.add(fact.unit());
      factsByUnit.computeIfAbsent(fact.unit(), u -> new HashMap<>()).put(id, fact);
      if (fact.signature() != null) {
        for (long p : duplicates.add(id, fact.unit(), fact.signature())) {
          affected.add(facts.get(p).unit());
        }
      }
    }
    for (String u : affected) {
      Map<Long, EvidenceFact> m = factsByUnit.get(u);
      unitFacts.put(u, m == null ? UnitFacts.EMPTY : new UnitFacts(m.values()));
    }
    return affected;
  }

  /** Recomputes the given units in every covered year, and the ranks of their types. */
  public synchronized void recompute(Set<String> codes) {
    LocalDate today = LocalDate.now(clock);
    if (!snapshot.day().equals(today)) {
      recomputeAll();
      return;
    }
    Map<Integer, Map<String, UnitCompleteness>> byYear = new HashMap<>(snapshot.byYear());
    for (int year : lists.years(today.getYear())) {
      Map<String, UnitCompleteness> results = new HashMap<>(byYear.getOrDefault(year, Map.of()));
      Set<String> types = new HashSet<>();
      for (String code : codes) {
        UnitCompleteness before = results.remove(code);
        if (before != null) {
          types.add(before.unitType());
        }
        Unit u = units.get(code);
        if (u != null) {
          evaluate(u, year, today)
              .ifPresent(
                  r -> {
                    results.put(code, r);
                    types.add(r.unitType());
                  });
        }
      }
      if (!types.isEmpty()) {
        rank(results, types);
        byYear.put(year, Map.copyOf(results));
      }
    }
    snapshot = new Snapshot(today, Map.copyOf(byYear));
  }

  synchronized void put(Decisions.ExplanationRow e) {
    decisions.put(e);
  }

  synchronized void put(Decisions.OverrideRow o) {
    decisions.put(o);
  }

  synchronized void put(Decisions.VetoRow v) {
    decisions.put(v);
  }

  synchronized void put(Decisions.HandGradeRow h) {
    decisions.put(h);
  }

  /** Every decision anew, as another node left them. */
  synchronized void replaceDecisions(Decisions all) {
    decisions = all;
  }

  synchronized void removeHandGrade(String unit, int year, String indicator) {
    decisions.removeHandGrade(unit, year, indicator);
  }

  synchronized void removeOverride(String unit, int year, String indicator) {
    decisions.removeOverride(unit, year, indicator);
  }

  synchronized void removeVeto(String unit, int year, String code) {
    decisions.removeVeto(unit, year, code);
  }

  private Optional<UnitCompleteness> evaluate(Unit u, int year, LocalDate today) {
    Optional<EvaluationSystem> system = lists.system(u.type(), year);
    if (system.isEmpty()) {
      return Optional.empty();
    }
    UnitFacts uf = unitFacts.getOrDefault(u.code(), UnitFacts.EMPTY);
    List<RedFlag> flags = redFlags.find(uf, year, duplicates::partners, facts::get, units::get);
    return Optional.of(
        engine.evaluate(u, year, system.get(), uf, decisions.of(u.code(), year), flags, today));
  }

  /**
   * Competition ranking within each unit type (1, 1, 3): equal scores share a rank. A vetoed unit
   * ranks below every unit of its type without a veto, whatever its score.
   */
  private static void rank(Map<String, UnitCompleteness> results, Set<String> onlyTypes) {
    Map<String, List<UnitCompleteness>> byType = new LinkedHashMap<>();
    for (UnitCompleteness r : results.values()) {
      if (onlyTypes == null || onlyTypes.contains(r.unitType())) {
        byType.computeIfAbsent(r.unitType(), t -> new ArrayList<>()).add(r);
      }
    }
    for (List<UnitCompleteness> group : byType.values()) {
      group.sort(STANDING.thenComparing(UnitCompleteness::unit));
      int rank = 0;
      UnitCompleteness previous = null;
      for (int i = 0; i < group.size(); i++) {
        UnitCompleteness r = group.get(i);
        if (previous == null || STANDING.compare(previous, r) != 0) {
          rank = i + 1;
          previous = r;
        }
        results.put(
            r.unit(),
            r.rank() == rank && r.rankOf() == group.size() ? r : r.withRank(rank, group.size()));
      }
    }
  }

  /** Best first: units without a veto before vetoed ones, then by score. */
  static final Comparator<UnitCompleteness> STANDING =
      Comparator.comparing(UnitCompleteness::vetoed)
          .thenComparing(Comparator.comparingDouble(UnitCompleteness::score).reversed());

  private static Map<Integer, Map<String, UnitCompleteness>> freeze(
      Map<Integer, Map<String, UnitCompleteness>> byYear) {
    Map<Integer, Map<String, UnitCompleteness>> out = new HashMap<>();
    byYear.forEach((y, m) -> out.put(y, Map.copyOf(m)));
    return Map.copyOf(out);
  }
}
