package org.taizhang.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One page of hits with the exact total and facet counts over all matching documents. */
public record SearchResult(
    long total, int page, int size, List<Hit> hits, Map<String, List<FacetValue>> facets) {

  /**
   * A matching document; {@code snippet} is HTML with everything escaped except {@code <mark>}
   * around hits.
   */
  public record Hit(
      long id,
      String title,
      String unit,
      String unitName,
      String category,
      String categoryName,
      LocalDate date,
      int year,
      String fileType,
      String snippet) {}

  /** A facet value (code) with its display label and the number of matching documents. */
  public record FacetValue(String value, String label, long count) {}

  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }
}
