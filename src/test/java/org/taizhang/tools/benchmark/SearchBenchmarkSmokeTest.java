package org.taizhang.tools.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.catalog.Catalog;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.support.Slow;
import org.taizhang.tools.benchmark.SearchBenchmark.KindResult;
import org.taizhang.tools.benchmark.SearchBenchmark.Latency;
import org.taizhang.tools.benchmark.SearchBenchmark.Options;
import org.taizhang.tools.benchmark.SearchBenchmark.Report;
import org.taizhang.tools.benchmark.SearchBenchmarkQueries.Kind;

/**
 * Runs the search benchmark on a small corpus: it must finish and report plausible figures (no
 * timing is asserted).
 */
class SearchBenchmarkSmokeTest {
  private static final Path CONFIG = Path.of("index-config");

  @Test
  @Slow
  void smallRunReportsSaneFigures(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("index");
    Options o =
        new Options(2000, 0, 120, 20, List.of(1, 2), 2, false, dir, CONFIG, 7L, true, false, 0);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Report r = SearchBenchmark.run(o, new PrintStream(printed, true, UTF_8));
    String text = printed.toString(UTF_8);

    assertThat(r.docs()).isEqualTo(2000);
    assertThat(r.units()).isEqualTo(500);
    assertThat(r.avgChars()).isBetween(300.0, 3000.0);
    assertThat(r.traditionalShare()).isBetween(0.01, 0.06);
    assertThat(r.bytesOnDisk()).isPositive();
    assertThat(r.segments()).isPositive();
    assertThat(r.docsPerSecond()).isPositive();
    assertThat(r.heapOpen()).isPositive();
    assertThat(Files.exists(dir)).as("the index directory is deleted without --keep").isFalse();

    assertThat(r.latencies()).extracting(Latency::concurrency).containsExactly(1, 2);
    for (Latency l : r.latencies()) {
      assertThat(l.queries()).isEqualTo(120);
      assertThat(l.p50()).isPositive().isLessThanOrEqualTo(l.p95());
      assertThat(l.p95()).isLessThanOrEqualTo(l.p99());
      assertThat(l.p99()).isLessThanOrEqualTo(l.max());
      assertThat(l.qps()).isPositive();
    }

    Map<Kind, KindResult> kinds =
        r.kinds().stream().collect(Collectors.toMap(KindResult::kind, Function.identity()));
    assertThat(kinds.keySet()).containsExactlyInAnyOrder(Kind.values());
    for (Kind k :
        List.of(
            Kind.WORD,
            Kind.AND,
            Kind.PHRASE,
            Kind.TRADITIONAL,
            Kind.SYNONYM,
            Kind.COMMON,
            Kind.EXCLUSION)) {
      assertThat(kinds.get(k).meanTotal()).as(k.label).isPositive();
      assertThat(kinds.get(k).markedShare())
          .as(k.label + ": snippets are highlighted")
          .isGreaterThan(0.9);
    }
    assertThat(kinds.get(Kind.COMMON).meanTotal())
        .as("创建/文明/工作 are in most documents")
        .isGreaterThan(1000);
    assertThat(kinds.get(Kind.BROWSE_ALL).minTotal()).isEqualTo(2000);
    assertThat(r.kinds())
        .allSatisfy(k -> assertThat(k.facetsEverywhere()).as(k.kind().label + ": facets").isTrue());

    if (r.profileSamples() > 0) {
      assertThat(r.profile().values().stream().mapToDouble(Double::doubleValue).sum())
          .isCloseTo(1.0, within(1e-6));
    }
    assertThat(text)
        .contains(
            "concurrency 1:",
            "concurrency 2:",
            "p95",
            "index on disk",
            "heap used after GC",
            "per kind of query");
  }

  @Test
  void optionsDefaultToAHundredThousandDocumentsAndAcceptAMillion() {
    Options d = Options.parse(new String[0]);
    assertThat(d.docs()).isEqualTo(100_000);
    assertThat(d.unitCount()).isEqualTo(1000);
    assertThat(d.concurrency()).containsExactly(1, 8);
    assertThat(d.keep()).isFalse();

    Options m =
        Options.parse(
            new String[] {"--docs=1000000", "--keep", "--concurrency=1,4", "--queries=500"});
    assertThat(m.docs()).isEqualTo(1_000_000);
    assertThat(m.unitCount()).isEqualTo(2000);
    assertThat(m.keep()).isTrue();
    assertThat(m.concurrency()).containsExactly(1, 4);
    assertThat(m.queries()).isEqualTo(500);
  }

  @Test
  void documentsAreRepeatableAndTraditionalOnesFoldToTheirSimplifiedText() {
    Catalog catalog = Catalog.load(CONFIG);
    ChineseAnalysis analysis = new ChineseAnalysis(CONFIG);
    SearchBenchmarkCorpus a = new SearchBenchmarkCorpus(3L, 500, catalog, CONFIG);
    SearchBenchmarkCorpus b = new SearchBenchmarkCorpus(3L, 500, catalog, CONFIG);
    int traditional = 0;
    for (long id = 1; id <= 400; id++) {
      SearchBenchmarkCorpus.Generated g = a.document(id);
      assertThat(b.document(id).text()).isEqualTo(g.text());
      assertThat(g.text().length())
          .isBetween(SearchBenchmarkTexts.MIN_CHARS, SearchBenchmarkTexts.MAX_CHARS);
      assertThat(g.text()).doesNotContain("{", "}");
      assertThat(g.document().year())
          .isBetween(SearchBenchmarkCorpus.FIRST_YEAR, SearchBenchmarkCorpus.LAST_YEAR);
      if (g.document().category() != null) {
        assertThat(catalog.category(g.document().category())).isPresent();
      }
      if (g.traditional()) {
        traditional++;
      }
    }
    assertThat(traditional).isPositive();

    String simplified = "创建台账资料按月收集、及时归档，关心关爱困难群众，开展志愿服务和文明交通劝导。";
    String converted = a.traditional(simplified);
    assertThat(converted).isNotEqualTo(simplified).contains("臺賬", "志願服務", "關心");
    assertThat(analysis.fold(converted)).isEqualTo(analysis.fold(simplified));
  }
}
