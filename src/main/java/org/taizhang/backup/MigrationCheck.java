package org.taizhang.backup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.taizhang.access.Scope;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.search.SearchRequest;
import org.taizhang.search.SearchResult;
import org.taizhang.search.SearchService;
import org.taizhang.search.SearchSort;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * Compares two instances that should hold the same archive — the embedded one a migration read and
 * the cluster it wrote — by what their users see: the answers of a set of searches (totals, the
 * first page in order, facet counts) and every unit's completeness verdict for every judged year.
 * The searches are drawn from the archive itself, so the check works on any county's data.
 */
final class MigrationCheck {
  /** What was compared and what differed, for people. */
  record Outcome(int queries, int verdicts, List<String> differences) {
    boolean identical() {
      return differences.isEmpty();
    }
  }

  private static final int SAMPLED_TITLES = 40;
  private static final int PAGE = 20;
  private static final int MAX_REPORTED = 20;

  private MigrationCheck() {}

  static Outcome compare(ApplicationContext source, ApplicationContext target) {
    List<String> differences = new ArrayList<>();
    List<SearchRequest> queries = queries(source);
    SearchService from = source.getBean(SearchService.class);
    SearchService to = target.getBean(SearchService.class);
    for (SearchRequest q : queries) {
      String a = describe(from.search(q, Scope.ALL));
      String b = describe(to.search(q, Scope.ALL));
      if (!a.equals(b)) {
        differences.add("搜索“" + q.q() + "”：原实例 " + a + "；新实例 " + b);
      }
    }
    CompletenessService was = source.getBean(CompletenessService.class);
    CompletenessService is = target.getBean(CompletenessService.class);
    int verdicts = 0;
    Set<Integer> years = new LinkedHashSet<>(was.years());
    years.addAll(is.years());
    for (int year : years) {
      List<String> a = was.units(year, null).stream().map(MigrationCheck::describe).toList();
      List<String> b = is.units(year, null).stream().map(MigrationCheck::describe).toList();
      verdicts += Math.max(a.size(), b.size());
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        String x = i < a.size() ? a.get(i) : "（无）";
        String y = i < b.size() ? b.get(i) : "（无）";
        if (!x.equals(y)) {
          differences.add(year + " 年完整性：原实例 " + x + "；新实例 " + y);
        }
      }
    }
    if (differences.size() > MAX_REPORTED) {
      int more = differences.size() - MAX_REPORTED;
      differences = new ArrayList<>(differences.subList(0, MAX_REPORTED));
      differences.add("……另有 " + more + " 处不同");
    }
    return new Outcome(queries.size(), verdicts, List.copyOf(differences));
  }

  /**
   * Browsing everything, each category by name, and, from a spread of documents, the first words of
   * their titles and whole titles as phrases: common, rare and exact searches alike.
   */
  private static List<SearchRequest> queries(ApplicationContext source) {
    Set<String> texts = new LinkedHashSet<>();
    texts.add("");
    for (Category c : source.getBean(Catalog.class).categories()) {
      texts.add(c.name());
    }
    DocumentRepository documents = source.getBean(DocumentRepository.class);
    List<Document> all = new ArrayList<>();
    for (Unit u : source.getBean(UnitRepository.class).findAll()) {
      all.addAll(documents.findByUnit(u.code()));
    }
    all.sort(Comparator.comparingLong(Document::id));
    int step = Math.max(1, all.size() / SAMPLED_TITLES);
    for (int i = 0; i < all.size(); i += step) {
      String title = all.get(i).title().strip();
      if (title.codePointCount(0, title.length()) >= 4) {
        texts.add(title.substring(0, title.offsetByCodePoints(0, 4)));
      }
      if (i % (2 * step) == 0 && !title.isEmpty() && title.indexOf('"') < 0) {
        texts.add('"' + title + '"');
      }
    }
    List<SearchRequest> out = new ArrayList<>();
    for (String q : texts) {
      out.add(new SearchRequest(q, null, null, null, null, 1, PAGE, SearchSort.RELEVANCE));
    }
    return out;
  }

  private static String describe(SearchResult r) {
    String ids = r.hits().stream().map(h -> Long.toString(h.id())).collect(Collectors.joining(","));
    String facets =
        r.facets().entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "="
                        + e.getValue().stream()
                            .map(f -> f.value() + ":" + f.count())
                            .sorted()
                            .collect(Collectors.joining(",")))
            .collect(Collectors.joining(" "));
    return "共 " + r.total() + " 篇 [" + ids + "] " + facets;
  }

  private static String describe(UnitCompleteness u) {
    StringBuilder sb = new StringBuilder();
    sb.append(u.unit()).append(' ').append(u.system()).append(' ');
    sb.append(String.format("%.2f/%.2f", u.score(), u.maxScore()));
    sb.append(" 名次 ").append(u.rank());
    for (IndicatorResult i : u.indicators()) {
      sb.append(' ').append(i.code()).append(':').append(i.status()).append(':');
      sb.append(i.grade()).append(':').append(String.format("%.2f", i.score()));
      sb.append(':').append(i.evidence()).append(':').append(i.missing().size());
    }
    return sb.toString();
  }
}
