package org.taizhang.search;

import java.util.Locale;
import java.util.Optional;

/**
 * The order of the hits. {@link #RELEVANCE} ranks by score and breaks ties by date, newest first; a
 * query with no words to rank by (only filters or exclusions) is always in date order. {@link
 * #DATE} lists the newest first whatever the score, and by score within one day.
 */
public enum SearchSort {
  RELEVANCE("relevance"),
  DATE("date");

  private final String parameter;

  SearchSort(String parameter) {
    this.parameter = parameter;
  }

  /** The value of the {@code sort} parameter of the API and the page. */
  public String parameter() {
    return parameter;
  }

  /**
   * Reads the {@code sort} parameter: absent or blank is {@link #RELEVANCE}; empty for a value that
   * is neither.
   */
  public static Optional<SearchSort> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(RELEVANCE);
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (SearchSort s : values()) {
      if (s.parameter.equals(v)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** Why {@code value} is no sort order, for an API caller. */
  public static String invalid(String value) {
    return "排序方式“" + value + "”无效：sort 只能是 relevance（按相关度）或 date（按日期，新的在前）";
  }
}
