package org.taizhang.tools.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.FileSystemUtils;
import org.taizhang.access.Scope;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.CommandArguments;
import org.taizhang.config.CommandArguments.PositiveCount;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentIndex;
import org.taizhang.index.SolrConfigSet;
import org.taizhang.index.SolrIndex;
import org.taizhang.index.Synonyms;
import org.taizhang.search.QueryFactory;
import org.taizhang.search.SearchRequest;
import org.taizhang.search.SearchService;
import org.taizhang.search.SearchSlots;
import org.taizhang.search.SearchSort;
import org.taizhang.tools.benchmark.SearchBenchmark.KindResult;
import org.taizhang.tools.benchmark.SearchBenchmark.Latency;
import org.taizhang.tools.benchmark.SearchBenchmark.Measured;
import org.taizhang.tools.benchmark.SearchBenchmarkQueries.BenchQuery;
import org.taizhang.unit.Unit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@link SearchBenchmark} with the index in SolrCloud ({@code taizhang.search.engine=solr}): a
 * two-node {@link MiniSolrCloudCluster} with an embedded ZooKeeper in this JVM, as the Solr tests
 * run it. The same corpus (same seed, same documents) is written through {@link SolrIndex#put} on
 * several threads, into a collection behind an alias as the service creates it, and the same query
 * lists run through {@link SearchService#search} at each concurrency; the figures print in the same
 * form, so the two engines can be set side by side. Solr answers from its own threads here (Jetty,
 * the shard requests), so the searching thread's CPU time is only the client's share: the process's
 * CPU time per query is the figure to compare.
 *
 * <p>There is no {@code --reuse}: a restarted mini cluster listens on other ports, and the replicas
 * ZooKeeper knows would name nodes that no longer exist. {@code --keep} leaves the cluster's
 * directory for a look at its files.
 *
 * <pre>
 * nice mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp-test.txt -Dmdep.includeScope=test \
 *   &amp;&amp; java -Xmx3g -cp "target/test-classes:target/classes:$(cat /tmp/cp-test.txt)" \
 *     org.taizhang.tools.benchmark.SolrSearchBenchmark [--docs=100000] [--units=N] [--queries=2000]
 *     [--warmup=500] [--concurrency=1,8] [--index-threads=N] [--shards=2] [--replicas=1] [--keep]
 *     [--dir=DIR] [--config=index-config] [--seed=N]
 * </pre>
 */
public final class SolrSearchBenchmark {
  /** The alias, and the name of the configset, as {@code taizhang.search.solr.collection}. */
  static final String ALIAS = "taizhang_bench";

  /** The service's default {@code taizhang.search.solr.commit-within}. */
  static final Duration COMMIT_WITHIN = Duration.ofSeconds(1);

  static final int NODES = 2;

  /**
   * What to run; as {@link SearchBenchmark.Options}, with the collection's layout. {@code dir} null
   * means a temporary directory.
   */
  record Options(
      int docs,
      int units,
      int queries,
      int warmup,
      List<Integer> concurrency,
      int indexThreads,
      int shards,
      int replicas,
      boolean keep,
      Path dir,
      Path config,
      long seed) {

    int unitCount() {
      return SearchBenchmark.unitCount(docs, units);
    }

    static Options parse(String[] args) {
      Arguments a = CommandArguments.parse(new Arguments(), args);
      return new Options(
          a.corpus.docs,
          a.corpus.units,
          a.corpus.queries,
          a.corpus.warmup,
          List.copyOf(a.corpus.concurrency),
          a.corpus.indexThreads,
          a.shards,
          a.replicas,
          a.corpus.keep,
          a.corpus.dir,
          a.corpus.config,
          a.corpus.seed);
    }
  }

  /** The command line, read into {@link Options}; defaults as {@link SearchBenchmark}'s. */
  static final class Arguments {
    @Mixin CorpusArguments corpus = new CorpusArguments();

    @Option(names = "--shards", converter = PositiveCount.class)
    int shards = 2;

    @Option(names = "--replicas", converter = PositiveCount.class)
    int replicas = 1;
  }

  /** What the run measured; bytes are the cluster directory's. */
  record Report(
      int docs,
      double indexSeconds,
      long bytesOnDisk,
      long indexBytes,
      List<Latency> latencies,
      List<KindResult> kinds) {}

  private SolrSearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    Optional<Options> o =
        CommandArguments.read(
            Options::parse,
            args,
            System.err,
            "用法：SolrSearchBenchmark [--docs=N] [--units=N] [--queries=N] [--warmup=N] [--concurrency=1,8] "
                + "[--index-threads=N] [--shards=N] [--replicas=N] [--keep] [--dir=DIR] [--config=DIR] [--seed=N]");
    if (o.isEmpty()) {
      System.exit(CommandArguments.USAGE_ERROR);
      return;
    }
    quietLogging();
    run(o.get(), System.out);
    // Solr and ZooKeeper leave non-daemon threads behind after shutdown.
    System.exit(0);
  }

  static Report run(Options o, PrintStream out) throws Exception {
    SearchBenchmark.printMachine(out);
    Catalog catalog = Catalog.load(o.config());
    ChineseAnalysis analysis = new ChineseAnalysis(o.config());
    Synonyms synonyms = Synonyms.load(o.config(), analysis);
    SearchBenchmarkCorpus corpus =
        new SearchBenchmarkCorpus(o.seed(), o.unitCount(), catalog, o.config());
    List<Unit> units = corpus.units().stream().map(SearchBenchmarkCorpus.BenchUnit::unit).toList();

    boolean temporary = o.dir() == null;
    Path dir = temporary ? Files.createTempDirectory("taizhang-solr-benchmark") : o.dir();
    if (!temporary) {
      SearchBenchmark.requireEmpty(dir);
    }
    SearchBenchmark.printCorpus(out, o.docs(), units.size(), catalog, "cluster directory", dir);
    try {
      return measure(o, out, catalog, analysis, synonyms, corpus, units, dir);
    } finally {
      if (o.keep()) {
        out.println("cluster directory kept in " + dir);
      } else {
        FileSystemUtils.deleteRecursively(dir);
      }
    }
  }

  private static Report measure(
      Options o,
      PrintStream out,
      Catalog catalog,
      ChineseAnalysis analysis,
      Synonyms synonyms,
      SearchBenchmarkCorpus corpus,
      List<Unit> units,
      Path dir)
      throws Exception {
    long heapBaseline = SearchBenchmark.heapAfterGc();
    Path clusterDir = dir.resolve("solr");
    long c0 = System.nanoTime();
    MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(NODES, clusterDir).build();
    try {
      double startSeconds = (System.nanoTime() - c0) / 1e9;
      long i0 = System.nanoTime();
      // The product's own path: configset uploaded, collection created and the alias moved to it.
      try (SolrIndex solr =
          new SolrIndex(
              cluster.getZkServer().getZkAddress(),
              ALIAS,
              o.shards(),
              o.replicas(),
              COMMIT_WITHIN,
              SolrConfigSet.files(analysis))) {
        double createSeconds = (System.nanoTime() - i0) / 1e9;
        out.printf(
            Locale.ROOT,
            "SolrCloud: %d nodes and ZooKeeper in this JVM, started in %.1f s; alias %s → collection %s, "
                + "%d shards × %d replica%s, created in %.1f s; commit within %d ms%n",
            NODES,
            startSeconds,
            ALIAS,
            cluster.getSolrClient().getClusterStateProvider().resolveSimpleAlias(ALIAS),
            o.shards(),
            o.replicas(),
            o.replicas() == 1 ? "" : "s",
            createSeconds,
            COMMIT_WITHIN.toMillis());

        // Through the alias, as writers of the service index: one request per document.
        SearchBenchmark.Indexed ix =
            SearchBenchmark.index(
                out,
                o.docs(),
                o.indexThreads(),
                corpus,
                solr,
                System.nanoTime(),
                null,
                null,
                () -> DiskUse.of(clusterDir).index());
        long live =
            solr.read((c, collection) -> c.query(collection, new SolrQuery("*:*").setRows(0)))
                .getResults()
                .getNumFound();
        if (live != o.docs()) {
          throw new IllegalStateException(
              "collection holds " + live + " documents, expected " + o.docs());
        }
        DiskUse disk = DiskUse.of(clusterDir);
        out.printf(
            Locale.ROOT,
            "  (the index files of every shard and replica; the cluster directory holds %.1f MB more: "
                + "transaction logs %.1f MB, ZooKeeper and the rest %.1f MB)%n",
            (disk.tlog() + disk.other()) / 1048576.0,
            disk.tlog() / 1048576.0,
            disk.other() / 1048576.0);
        long heapIndexed = SearchBenchmark.heapAfterGc();
        out.printf(
            Locale.ROOT,
            "heap used after GC: %d MB before starting the cluster, %d MB with the collection indexed "
                + "(Solr's heap included: it runs in this JVM)%n",
            heapBaseline >> 20,
            heapIndexed >> 20);

        List<Latency> latencies = new ArrayList<>();
        List<KindResult> kinds = List.of();
        // SearchService needs an embedded index too; with Solr it is never read.
        try (SearchBenchmarkDatabase db = new SearchBenchmarkDatabase(units);
            DocumentIndex unused =
                new DocumentIndex(dir.resolve("embedded"), analysis, Duration.ofSeconds(5))) {
          QueryFactory queries =
              SearchBenchmark.create(
                  QueryFactory.class, analysis, synonyms, catalog, db.units(), unused);
          SearchService search =
              SearchBenchmark.create(
                  SearchService.class,
                  unused,
                  analysis,
                  queries,
                  catalog,
                  db.units(),
                  new SearchSlots(0),
                  new StaticListableBeanFactory(Map.of("solrIndex", solr))
                      .getBeanProvider(SolrIndex.class));
          long f0 = System.nanoTime();
          long all =
              search
                  .search(
                      new SearchRequest("", null, null, null, null, 1, 10, SearchSort.RELEVANCE),
                      Scope.ALL)
                  .total();
          if (all != o.docs()) {
            throw new IllegalStateException(
                "the search found " + all + " documents, not Solr's " + o.docs());
          }
          out.printf(
              Locale.ROOT,
              "first search %.0f ms (cold code, Solr's caches empty)%n",
              (System.nanoTime() - f0) / 1e6);

          List<String> unitCodes = units.stream().map(Unit::code).toList();
          List<BenchQuery> warmup =
              SearchBenchmarkQueries.generate(o.seed() + 1, o.warmup(), unitCodes);
          List<BenchQuery> timed =
              SearchBenchmarkQueries.generate(o.seed() + 2, o.queries(), unitCodes);
          for (int c : o.concurrency()) {
            Measured m = SearchBenchmark.measureAt(out, search, warmup, timed, c);
            latencies.add(m.latency());
            if (kinds.isEmpty()) {
              kinds = SearchBenchmark.byKind(timed, m.timings(), m.results());
            }
          }
          out.printf(
              Locale.ROOT,
              "heap used after GC: %d MB with the collection searched (max heap %d MB)%n",
              SearchBenchmark.heapAfterGc() >> 20,
              Runtime.getRuntime().maxMemory() >> 20);
          SearchBenchmark.printKinds(out, o.concurrency().get(0), kinds);
        }
        return new Report(
            o.docs(), ix.indexSeconds(), disk.total(), disk.index(), latencies, kinds);
      }
    } finally {
      cluster.shutdown();
    }
  }

  /** The cluster directory's bytes: Lucene index files, transaction logs, the rest. */
  record DiskUse(long index, long tlog, long other) {
    long total() {
      return index + tlog + other;
    }

    static DiskUse of(Path clusterDir) throws IOException {
      long[] sums = new long[3];
      try (Stream<Path> files = Files.walk(clusterDir)) {
        files
            .filter(Files::isRegularFile)
            .forEach(
                p -> {
                  String parent = p.getParent().getFileName().toString();
                  boolean inData =
                      p.getParent().getParent() != null
                          && p.getParent().getParent().getFileName().toString().equals("data");
                  int kind =
                      !inData ? 2 : parent.startsWith("index") ? 0 : parent.equals("tlog") ? 1 : 2;
                  try {
                    sums[kind] += Files.size(p);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
      return new DiskUse(sums[0], sums[1], sums[2]);
    }
  }

  /**
   * Without Spring Boot's logging set-up, logback prints Solr's and ZooKeeper's debug output, into
   * the report. The test harness's complaints about running outside a randomized test are noise.
   */
  private static void quietLogging() {
    level(org.slf4j.Logger.ROOT_LOGGER_NAME, ch.qos.logback.classic.Level.ERROR);
    level("org.apache.solr.cloud.ZkTestServer", ch.qos.logback.classic.Level.OFF);
    level("org.apache.solr.util.StartupLoggingUtils", ch.qos.logback.classic.Level.OFF);
  }

  private static void level(String logger, ch.qos.logback.classic.Level level) {
    if (LoggerFactory.getLogger(logger) instanceof ch.qos.logback.classic.Logger l) {
      l.setLevel(level);
    }
  }
}
