package org.taizhang.search;

/**
 * A search: a query in the query language of {@link QuerySyntax} (may be empty to browse), optional
 * filters, a page and an order. Pages count from 1. The filters apply on top of any that the query
 * itself contains ({@code unit:}, {@code year:} …).
 */
public record SearchRequest(
    String q,
    String unit,
    String category,
    Integer year,
    String type,
    int page,
    int size,
    SearchSort sort) {
  public static final int MAX_SIZE = 100;

  public SearchRequest {
    q = q == null ? "" : q.strip();
    unit = blankToNull(unit);
    category = blankToNull(category);
    type = blankToNull(type);
    page = Math.max(1, page);
    size = size <= 0 ? 10 : Math.min(size, MAX_SIZE);
    sort = sort == null ? SearchSort.RELEVANCE : sort;
  }

  /** A search in the default order (by relevance when the query has words, else by date). */
  public SearchRequest(
      String q, String unit, String category, Integer year, String type, int page, int size) {
    this(q, unit, category, year, type, page, size, SearchSort.RELEVANCE);
  }

  /**
   * Whether the hits come in order of relevance: asked for, and the query has words to rank by.
   * Otherwise they come by date, newest first. False for a query that does not parse.
   */
  public boolean ranksByRelevance() {
    if (sort != SearchSort.RELEVANCE) {
      return false;
    }
    try {
      return QuerySyntax.parse(q).ranked();
    } catch (QueryParseException e) {
      return false;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
