package org.taizhang.search;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.access.Caller;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/** Search and unit listing for scripts and the pages' own scripts. */
@RestController
class SearchApiController {
  private final SearchService search;
  private final UnitRepository units;

  SearchApiController(SearchService search, UnitRepository units) {
    this.search = search;
    this.units = units;
  }

  /**
   * {@code sort} is {@code relevance} (the default) or {@code date}; a malformed {@code q} answers
   * 400 BAD_QUERY.
   */
  @GetMapping("/api/search")
  SearchResult search(
      Caller caller,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "year", required = false) Integer year,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "sort", required = false) String sort,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "10") int size) {
    SearchSort order =
        SearchSort.parse(sort)
            .orElseThrow(() -> new IllegalArgumentException(SearchSort.invalid(sort)));
    return search.search(
        new SearchRequest(q, unit, category, year, type, page, size, order), caller.scope());
  }

  /** The units the caller may see. */
  @GetMapping("/api/units")
  List<Unit> units(Caller caller) {
    return units.findAll().stream().filter(u -> caller.sees(u.code())).toList();
  }
}
