package org.taizhang.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.taizhang.access.Caller;
import org.taizhang.archive.FileType;
import org.taizhang.catalog.Catalog;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.unit.UnitTree;

/** The search page: the query, its filters and facets, one page of hits. */
@Controller
class SearchPageController {
  private static final int PAGE_SIZE = 10;
  // Far beyond any real archive; keeps a hand-edited ?page= from asking the index for millions of
  // hits.
  private static final int MAX_PAGE = 10_000;
  private static final String UNCATEGORIZED = "未分类";

  private final SearchService search;
  private final UnitRepository units;
  private final Catalog catalog;

  SearchPageController(SearchService search, UnitRepository units, Catalog catalog) {
    this.search = search;
    this.units = units;
    this.catalog = catalog;
  }

  @GetMapping("/")
  String search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam(name = "page", required = false) String page,
      Caller caller,
      Model model) {
    // Parameters are read leniently: a mistyped address should still show a search page, not a 400.
    List<String> warnings = new ArrayList<>();
    Integer parsedYear = parseInt(year).filter(y -> y >= 1900 && y <= 2999).orElse(null);
    if (parsedYear == null && year != null && !year.isBlank()) {
      warnings.add("年度“" + year.strip() + "”无效，已忽略该条件");
    }
    SearchSort order = SearchSort.parse(sort).orElse(null);
    if (order == null) {
      warnings.add("排序方式“" + sort.strip() + "”无效，已按相关度排列");
      order = SearchSort.RELEVANCE;
    }
    if (!warnings.isEmpty()) {
      model.addAttribute("warning", String.join("；", warnings));
    }
    int parsedPage = Math.min(MAX_PAGE, Math.max(1, parseInt(page).orElse(1)));
    SearchRequest request =
        new SearchRequest(q, unit, category, parsedYear, type, parsedPage, PAGE_SIZE, order);
    SearchResult result;
    String queryError = null;
    try {
      result = search.search(request, caller.scope());
    } catch (QueryParseException e) {
      // The message says what is wrong with the query; the page shows it instead of any hits.
      queryError = e.getMessage();
      Map<String, List<SearchResult.FacetValue>> noFacets = new LinkedHashMap<>();
      SearchPage.DIMENSIONS.keySet().forEach(dim -> noFacets.put(dim, List.of()));
      result = new SearchResult(0, request.page(), request.size(), List.of(), noFacets);
    }

    List<Unit> all = visibleUnits(caller);
    Map<String, String> unitNames = new HashMap<>();
    all.forEach(u -> unitNames.put(u.code(), u.name()));
    SearchPage view =
        new SearchPage(
            request,
            result,
            queryError,
            (dim, value) ->
                switch (dim) {
                  case "unit" -> unitNames.getOrDefault(value, value);
                  case "category" -> categoryLabel(value);
                  default -> value;
                });
    model.addAttribute("p", view);
    model.addAttribute("unitOptions", new UnitTree(all).depthFirst());
    model.addAttribute("categories", catalog.categories());
    // Years come from the whole archive, so the select offers every year even while another filter
    // narrows the facets.
    SearchResult everything =
        search.search(new SearchRequest("", null, null, null, null, 1, 1), caller.scope());
    List<String> years =
        new ArrayList<>(
            everything.facets().getOrDefault("year", List.of()).stream()
                .map(SearchResult.FacetValue::value)
                .toList());
    if (parsedYear != null && !years.contains(parsedYear.toString())) {
      years.add(0, parsedYear.toString());
    }
    model.addAttribute("years", years);
    List<String> types = new ArrayList<>(FileType.ALL);
    if (request.type() != null && !types.contains(request.type())) {
      types.add(request.type());
    }
    model.addAttribute("types", types);
    model.addAttribute("archiveTotal", everything.total());
    return "search";
  }

  private List<Unit> visibleUnits(Caller caller) {
    return units.findAll().stream().filter(u -> caller.sees(u.code())).toList();
  }

  private String categoryLabel(String value) {
    // Codes starting with “_” are the index's marker for documents without a category.
    return value.startsWith("_") ? UNCATEGORIZED : catalog.categoryName(value);
  }

  private static Optional<Integer> parseInt(String s) {
    try {
      return s == null || s.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
