package org.taizhang.tools.benchmark;

import java.nio.file.Path;
import java.util.List;
import org.taizhang.config.CommandArguments.PositiveCount;
import picocli.CommandLine.Option;

/**
 * The options the search benchmarks share, for either engine: the corpus, the query lists and how
 * they run. Both benchmarks take the same values to the same documents and queries.
 */
final class CorpusArguments {
  @Option(names = "--docs", converter = PositiveCount.class)
  int docs = 100_000;

  @Option(names = "--units", converter = PositiveCount.class)
  int units;

  @Option(names = "--queries", converter = PositiveCount.class)
  int queries = 2000;

  @Option(names = "--warmup")
  int warmup = 500;

  @Option(names = "--concurrency", split = ",", converter = PositiveCount.class)
  List<Integer> concurrency = List.of(1, 8);

  @Option(names = "--index-threads", converter = PositiveCount.class)
  int indexThreads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--keep")
  boolean keep;

  @Option(names = "--dir")
  Path dir;

  @Option(names = "--config")
  Path config = Path.of("index-config");

  @Option(names = "--seed")
  long seed = 20250101L;
}
