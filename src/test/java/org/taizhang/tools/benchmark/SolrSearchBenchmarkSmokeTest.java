package org.taizhang.tools.benchmark;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.taizhang.support.Slow;
import org.taizhang.tools.benchmark.SearchBenchmark.KindResult;
import org.taizhang.tools.benchmark.SearchBenchmark.Latency;
import org.taizhang.tools.benchmark.SearchBenchmarkQueries.Kind;
import org.taizhang.tools.benchmark.SolrSearchBenchmark.Options;
import org.taizhang.tools.benchmark.SolrSearchBenchmark.Report;

/**
 * Runs the Solr search benchmark on a small corpus: the cluster starts, every document arrives and
 * the searches find what they find in the embedded index (no timing is asserted).
 */
class SolrSearchBenchmarkSmokeTest {
  @Test
  @Slow
  void smallRunReportsSaneFigures(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("cluster");
    Options o =
        new Options(
            500, 0, 40, 10, List.of(1, 2), 2, 2, 1, false, dir, Path.of("index-config"), 7L);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Report r = SolrSearchBenchmark.run(o, new PrintStream(printed, true, UTF_8));

    assertThat(r.docs()).isEqualTo(500);
    assertThat(r.indexBytes()).isPositive().isLessThan(r.bytesOnDisk());
    assertThat(Files.exists(dir)).as("the cluster directory is deleted without --keep").isFalse();
    assertThat(r.latencies()).extracting(Latency::concurrency).containsExactly(1, 2);
    for (Latency l : r.latencies()) {
      assertThat(l.queries()).isEqualTo(40);
      assertThat(l.p50()).isPositive().isLessThanOrEqualTo(l.p95());
      assertThat(l.qps()).isPositive();
    }
    Map<Kind, KindResult> kinds =
        r.kinds().stream().collect(Collectors.toMap(KindResult::kind, Function.identity()));
    assertThat(kinds.get(Kind.BROWSE_ALL).minTotal()).isEqualTo(500);
    assertThat(kinds.get(Kind.WORD).meanTotal()).isPositive();
    assertThat(kinds.get(Kind.WORD).markedShare()).isGreaterThan(0.9);
    assertThat(printed.toString(UTF_8))
        .contains("SolrCloud: 2 nodes", "2 shards × 1 replica", "concurrency 2:", "per kind");
  }

  @Test
  void optionsDefaultAsTheEmbeddedBenchmarksWithTwoShards() {
    Options d = Options.parse(new String[0]);
    assertThat(d.docs()).isEqualTo(100_000);
    assertThat(d.unitCount()).isEqualTo(1000);
    assertThat(d.concurrency()).containsExactly(1, 8);
    assertThat(d.shards()).isEqualTo(2);
    assertThat(d.replicas()).isEqualTo(1);
    assertThat(d.seed()).isEqualTo(SearchBenchmark.Options.defaults().seed());
  }
}
