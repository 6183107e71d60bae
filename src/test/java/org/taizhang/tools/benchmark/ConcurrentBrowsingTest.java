package org.taizhang.tools.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.access.Scope;
import org.taizhang.catalog.Catalog;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentIndex;
import org.taizhang.index.Synonyms;
import org.taizhang.search.SearchRequest;
import org.taizhang.search.SearchResult;
import org.taizhang.search.SearchService;
import org.taizhang.search.SearchSlots;
import org.taizhang.search.SearchSort;
import org.taizhang.unit.Unit;

/**
 * Many reviewers opening the search page at once, without words or filters: they share the
 * whole-archive facet counts of the index's current state, and every one of them must get the
 * counts one reviewer alone gets. (The shared counts once held Lucene doc values, which threads
 * must not share, and failed with an exception inside the facets' term dictionary.)
 */
class ConcurrentBrowsingTest {
  private static final Path CONFIG = Path.of("index-config");

  @Test
  void everyoneBrowsingAtOnceGetsTheSameCounts(@TempDir Path dir) throws Exception {
    Catalog catalog = Catalog.load(CONFIG);
    ChineseAnalysis analysis = new ChineseAnalysis(CONFIG);
    Synonyms synonyms = Synonyms.load(CONFIG, analysis);
    // 600 units: the facet values span many blocks of the doc values' term dictionary.
    SearchBenchmarkCorpus corpus = new SearchBenchmarkCorpus(11L, 600, catalog, CONFIG);
    List<Unit> units = corpus.units().stream().map(SearchBenchmarkCorpus.BenchUnit::unit).toList();
    try (SearchBenchmarkDatabase db = new SearchBenchmarkDatabase(units);
        DocumentIndex index = new DocumentIndex(dir, analysis, Duration.ofSeconds(5))) {
      for (long id = 1; id <= 1500; id++) {
        SearchBenchmarkCorpus.Generated d = corpus.document(id);
        index.put(d.document(), d.text());
      }
      index.refresh();
      SearchService search =
          SearchBenchmark.embeddedSearch(
              index, analysis, synonyms, catalog, db.units(), new SearchSlots(16));
      SearchRequest browse =
          new SearchRequest("", null, null, null, null, 1, 10, SearchSort.RELEVANCE);

      SearchResult alone = search.search(browse, Scope.ALL);
      assertThat(alone.total()).isEqualTo(1500);
      assertThat(alone.facets().get("unit")).hasSizeGreaterThan(300);

      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<SearchResult>> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          results.add(pool.submit(() -> search.search(browse, Scope.ALL)));
        }
        for (Future<SearchResult> f : results) {
          assertThat(f.get().facets()).isEqualTo(alone.facets());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
