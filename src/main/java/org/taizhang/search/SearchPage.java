package org.taizhang.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The search page's state: what was asked, what was found, and the links that change exactly one
 * thing about it. Links are built here rather than in the template so that every link keeps the
 * query and the other filters, and drops the page number (a new filter starts at page 1).
 */
final class SearchPage {
  /**
   * Facet dimensions in display order; the keys of {@link SearchResult#facets()} and the URL
   * parameters.
   */
  static final Map<String, String> DIMENSIONS = dimensions();

  /** How many values a facet shows before the rest fold away under “更多”. */
  private static final int FACET_TOP = 10;

  /** Page numbers shown either side of the current page. */
  private static final int PAGER_SPAN = 2;

  /** A filter that is in force, with a link that lifts it. */
  record ActiveFilter(
      String dimension, String dimensionName, String value, String label, String removeLink) {}

  /** One facet value as a link that adds (or, when already active, removes) that filter. */
  record FacetLink(
      String dimension, String value, String label, long count, boolean active, String link) {}

  /** One facet box: the values shown at once, and those behind “更多”. */
  record Facet(String dimension, String name, List<FacetLink> top, List<FacetLink> more) {}

  private final String q;
  private final Map<String, String> filters;
  private final SearchResult result;
  private final BiFunction<String, String, String> labels;
  private final SearchSort sort;
  private final boolean byRelevance;
  private final String queryError;

  /**
   * @param queryError what is wrong with the query (then the result is empty), or null
   * @param labels the display label of a filter value (a unit code to its name …), for filters that
   *     may not appear among the facets, e.g. a unit with no matching document
   */
  SearchPage(
      SearchRequest request,
      SearchResult result,
      String queryError,
      BiFunction<String, String, String> labels) {
    this.q = request.q();
    this.sort = request.sort();
    this.byRelevance = request.ranksByRelevance();
    this.queryError = queryError;
    Map<String, String> f = new LinkedHashMap<>();
    put(f, "unit", request.unit());
    put(f, "category", request.category());
    put(f, "year", request.year() == null ? null : request.year().toString());
    put(f, "type", request.type());
    this.filters = f;
    this.result = result;
    this.labels = labels;
  }

  private static void put(Map<String, String> f, String key, String value) {
    if (value != null) {
      f.put(key, value);
    }
  }

  private static Map<String, String> dimensions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("unit", "单位");
    d.put("category", "类别");
    d.put("year", "年度");
    d.put("type", "文件类型");
    return Collections.unmodifiableMap(d);
  }

  public String getQ() {
    return q;
  }

  public String filter(String dimension) {
    return filters.get(dimension);
  }

  public boolean isBrowsing() {
    return q.isEmpty();
  }

  public boolean isFiltered() {
    return !filters.isEmpty();
  }

  /** What is wrong with the query, in Chinese; null when it parsed. */
  public String getQueryError() {
    return queryError;
  }

  /** The {@code sort} parameter as asked: {@code relevance} or {@code date}. */
  public String getSort() {
    return sort.parameter();
  }

  /** Whether the hits are in order of relevance; otherwise by date, newest first. */
  public boolean isByRelevance() {
    return byRelevance;
  }

  /** The current search in another order, from page 1. */
  public String sortedBy(String parameter) {
    SearchSort other = SearchSort.parse(parameter).orElse(SearchSort.RELEVANCE);
    return link(q, filters, other, 1);
  }

  public SearchResult getResult() {
    return result;
  }

  public List<ActiveFilter> getActiveFilters() {
    List<ActiveFilter> out = new ArrayList<>();
    filters.forEach(
        (dim, value) ->
            out.add(
                new ActiveFilter(
                    dim, DIMENSIONS.get(dim), value, labels.apply(dim, value), without(dim))));
    return out;
  }

  public List<Facet> getFacets() {
    List<Facet> out = new ArrayList<>();
    for (var dim : DIMENSIONS.entrySet()) {
      List<FacetLink> links = new ArrayList<>();
      for (SearchResult.FacetValue v : result.facets().getOrDefault(dim.getKey(), List.of())) {
        boolean active = v.value().equals(filters.get(dim.getKey()));
        links.add(
            new FacetLink(
                dim.getKey(),
                v.value(),
                v.label(),
                v.count(),
                active,
                active ? without(dim.getKey()) : with(dim.getKey(), v.value())));
      }
      // An active value stays visible even when it would rank below the fold.
      List<FacetLink> top = new ArrayList<>();
      List<FacetLink> more = new ArrayList<>();
      for (FacetLink l : links) {
        (top.size() < FACET_TOP || l.active() ? top : more).add(l);
      }
      out.add(new Facet(dim.getKey(), dim.getValue(), top, more));
    }
    return out;
  }

  /** The current search with one filter set (replacing any value it had). */
  public String with(String dimension, String value) {
    Map<String, String> f = new LinkedHashMap<>(filters);
    f.put(dimension, value);
    return link(q, f, sort, 1);
  }

  /** The current search without one filter. */
  public String without(String dimension) {
    Map<String, String> f = new LinkedHashMap<>(filters);
    f.remove(dimension);
    return link(q, f, sort, 1);
  }

  /** The same query with no filters at all. */
  public String getWithoutFilters() {
    return link(q, Map.of(), sort, 1);
  }

  public String page(int page) {
    return link(q, filters, sort, page);
  }

  /**
   * A hit's document page, carrying the query so that the page marks its hits and steps through
   * them (上一处 / 下一处); without a query, the plain document page.
   */
  public String documentLink(long id) {
    String path = "/documents/" + id;
    return q.isEmpty() ? path : path + "?q=" + encode(q);
  }

  /** This search (query, filters and order, every page) as an Excel workbook. */
  public String getExportLink() {
    String search = link(q, filters, sort, 1);
    return "/search.xlsx" + search.substring(1);
  }

  /**
   * Page numbers around the current page, with the first and last always present; a 0 stands for a
   * gap, which the template writes as an ellipsis.
   */
  public List<Integer> getPageNumbers() {
    int pages = result.pages();
    int current = result.page();
    List<Integer> out = new ArrayList<>();
    int last = 0;
    for (int n = 1; n <= pages; n++) {
      if (n == 1 || n == pages || Math.abs(n - current) <= PAGER_SPAN) {
        if (n - last > 1) {
          out.add(0);
        }
        out.add(n);
        last = n;
      }
    }
    return out;
  }

  /** Index of the first hit on this page counting from 1, for “第 11–20 条”. */
  public long getFirstIndex() {
    return (long) (result.page() - 1) * result.size() + 1;
  }

  public long getLastIndex() {
    return getFirstIndex() + result.hits().size() - 1;
  }

  private static String link(String q, Map<String, String> filters, SearchSort sort, int page) {
    Map<String, String> params = new LinkedHashMap<>();
    if (!q.isEmpty()) {
      params.put("q", q);
    }
    // Fixed order, so the same search always has the same address.
    for (String dim : DIMENSIONS.keySet()) {
      if (filters.containsKey(dim)) {
        params.put(dim, filters.get(dim));
      }
    }
    if (sort != SearchSort.RELEVANCE) {
      params.put("sort", sort.parameter());
    }
    if (page > 1) {
      params.put("page", Integer.toString(page));
    }
    StringBuilder sb = new StringBuilder("/");
    // Every value is encoded whole: a query may contain & + # or = and must come back unchanged.
    params.forEach(
        (k, v) -> sb.append(sb.length() == 1 ? '?' : '&').append(k).append('=').append(encode(v)));
    return sb.toString();
  }

  private static String encode(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
