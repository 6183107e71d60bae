package org.taizhang.tools.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.Slow;

/**
 * The benchmark command on a small corpus: the three phases run on the same files and the report
 * carries their rates and both ratios. Its figures are not checked here; they are measured with the
 * full command (docs/ingest-benchmark.md).
 */
@Slow
class IngestBenchmarkSmokeTest {
  @TempDir Path work;

  @Test
  void measuresTheThreePhasesOnTheSameFilesAndPrintsTheRatios() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    List<IngestBenchmark.Rate> rates;
    try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      rates =
          IngestBenchmark.run(
              IngestBenchmark.Options.parse(
                  new String[] {"--files=60", "--clients=2", "--work=" + work}),
              out);
    }
    String report = buffer.toString(StandardCharsets.UTF_8);
    assertThat(rates)
        .extracting(IngestBenchmark.Rate::name)
        .satisfiesExactly(
            a -> assertThat(a).startsWith("(a)"),
            b -> assertThat(b).startsWith("(b)"),
            c -> assertThat(c).startsWith("(c)"));
    assertThat(rates)
        .allSatisfy(
            r -> {
              assertThat(r.documents()).as(r.name()).isEqualTo(60);
              assertThat(r.rejected()).as(r.name()).isZero();
              assertThat(r.docsPerSecond()).as(r.name()).isPositive();
              assertThat(r.megabytesPerSecond()).as(r.name()).isPositive();
            });
    assertThat(rates.get(2).backlog()).contains("statuses {201=60}");
    assertThat(report)
        .contains("corpus: 60 files")
        .contains("ratio (b)/(a): ")
        .contains("ratio (c)/(a): ")
        .contains("documents/s")
        .contains("MB/s")
        .contains("CPU");
  }
}
