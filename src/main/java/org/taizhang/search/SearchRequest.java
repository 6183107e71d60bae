package org.taizhang.search;

/**
 * A search: free text (may be empty to browse), optional filters, and a page. Pages count from 1.
 */
public record SearchRequest(String q, String unit, String category, Integer year, String type, int page, int size) {
  public static final int MAX_SIZE = 100;

  public SearchRequest {
    q = q == null ? "" : q.strip();
    unit = blankToNull(unit);
    category = blankToNull(category);
    type = blankToNull(type);
    page = Math.max(1, page);
    size = size <= 0 ? 10 : Math.min(size, MAX_SIZE);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
