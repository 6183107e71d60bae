package org.taizhang.completeness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One unit's evidence facts, grouped by category once so that every rule reads only its own
 * category.
 */
final class UnitFacts {
  static final UnitFacts EMPTY = new UnitFacts(List.of());

  private static final Comparator<EvidenceFact> ORDER =
      Comparator.comparing(EvidenceFact::date, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparingLong(EvidenceFact::id);

  private final List<EvidenceFact> all;
  private final Map<String, List<EvidenceFact>> byCategory = new HashMap<>();

  UnitFacts(Collection<EvidenceFact> facts) {
    List<EvidenceFact> sorted = new ArrayList<>(facts);
    sorted.sort(ORDER);
    this.all = List.copyOf(sorted);
    for (EvidenceFact f : all) {
      if (f.category() != null) {
        byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f);
      }
    }
  }

  List<EvidenceFact> all() {
    return all;
  }

  /** The unit's documents of a category, by date (undated last), then id. */
  List<EvidenceFact> category(String category) {
    return byCategory.getOrDefault(category, List.of());
  }
}
