package org.taizhang.tools.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.util.FileSystemUtils;
import org.taizhang.access.Scope;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.CommandArguments;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentIndex;
import org.taizhang.index.SearchIndex;
import org.taizhang.index.SolrIndex;
import org.taizhang.index.Synonyms;
import org.taizhang.search.QueryFactory;
import org.taizhang.search.SearchRequest;
import org.taizhang.search.SearchResult;
import org.taizhang.search.SearchService;
import org.taizhang.search.SearchSlots;
import org.taizhang.search.SearchSort;
import org.taizhang.tools.benchmark.SearchBenchmarkProfile.Sample;
import org.taizhang.tools.benchmark.SearchBenchmarkProfile.Stage;
import org.taizhang.tools.benchmark.SearchBenchmarkQueries.BenchQuery;
import org.taizhang.tools.benchmark.SearchBenchmarkQueries.Kind;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures search as reviewers use it, without Spring: a synthetic corpus of ledger documents
 * (100,000 by default) is indexed with the real {@link ChineseAnalysis} and {@link DocumentIndex}
 * into a temporary directory, then a mixed query set runs through {@link SearchService#search}
 * (query, exact total, four facets, ten highlighted snippets) at concurrency 1 and 8. Prints
 * indexing speed, index size, heap, p50/p95/p99 latency overall and per kind of query, and a CPU
 * profile of the search stages. Target: p95 ≤ 100 ms at 100,000 documents on two cores.
 *
 * <pre>
 * java -Xmx2g -cp "target/classes:$(cat /tmp/cp-bench.txt)" org.taizhang.tools.benchmark.SearchBenchmark \
 *     [--docs=100000] [--units=N] [--queries=2000] [--warmup=500] [--concurrency=1,8] [--index-threads=N]
 *     [--slots=N] [--keep] [--dir=DIR] [--reuse] [--config=index-config] [--seed=N] [--no-profile]
 * </pre>
 */
public final class SearchBenchmark {
  static final double TARGET_P95_MS = 100;

  /**
   * What to run. {@code units} 0 chooses docs/100 within 500–2,000; {@code dir} null means a
   * temporary directory; {@code reuse} searches an index a run with {@code --keep} left in {@code
   * dir}.
   */
  record Options(
      int docs,
      int units,
      int queries,
      int warmup,
      List<Integer> concurrency,
      int indexThreads,
      boolean keep,
      Path dir,
      Path config,
      long seed,
      boolean profile,
      boolean reuse,
      int slots) {

    static Options defaults() {
      return parse(new String[0]);
    }

    int unitCount() {
      return SearchBenchmark.unitCount(docs, units);
    }

    static Options parse(String[] args) {
      Arguments a = CommandArguments.parse(new Arguments(), args);
      if (a.reuse && a.corpus.dir == null) {
        throw new CommandArguments.Invalid("参数 --reuse 须与 --dir=DIR 同用（此前以 --keep 运行留下的索引）");
      }
      return new Options(
          a.corpus.docs,
          a.corpus.units,
          a.corpus.queries,
          a.corpus.warmup,
          List.copyOf(a.corpus.concurrency),
          a.corpus.indexThreads,
          a.corpus.keep || a.reuse,
          a.corpus.dir,
          a.corpus.config,
          a.corpus.seed,
          !a.noProfile,
          a.reuse,
          a.slots);
    }
  }

  /** The command line, read into {@link Options}. */
  static final class Arguments {
    @Mixin CorpusArguments corpus = new CorpusArguments();

    @Option(names = "--no-profile")
    boolean noProfile;

    @Option(names = "--reuse")
    boolean reuse;

    /**
     * Searches at once ({@link SearchSlots}); 0 for no limit; the service's default if not given.
     */
    @Option(names = "--slots")
    int slots = -1;
  }

  /** Latency of one concurrency setting, in milliseconds; throughput in queries per second. */
  record Latency(
      int concurrency,
      int queries,
      double p50,
      double p95,
      double p99,
      double max,
      double mean,
      double qps,
      double cpuP50,
      double cpuP95,
      double cpuP99) {}

  /** Wall-clock and CPU time of each query, in nanoseconds. */
  record Timings(long[] wall, long[] cpu) {}

  /** One concurrency setting's timed run: its latency, each query's timings and result. */
  record Measured(Latency latency, Timings timings, SearchResult[] results) {}

  /** Latency and sanity figures of one kind of query at concurrency 1. */
  record KindResult(
      Kind kind,
      int queries,
      double p50,
      double p95,
      double p99,
      double cpuP95,
      double meanTotal,
      long minTotal,
      double markedShare,
      boolean facetsEverywhere) {}

  /**
   * Everything the run measured. {@code profile}: share of the search thread's CPU samples per
   * stage, overall and per kind.
   */
  record Report(
      int docs,
      int units,
      double avgChars,
      double traditionalShare,
      int rareDocs,
      double indexSeconds,
      double closeSeconds,
      long bytesOnDisk,
      int segments,
      long heapBaseline,
      long heapOpen,
      double firstSearchMs,
      double unitListMs,
      List<Latency> latencies,
      List<KindResult> kinds,
      Map<Stage, Double> profile,
      Map<Kind, Map<Stage, Double>> profileByKind,
      int profileSamples) {

    double docsPerSecond() {
      return docs / (indexSeconds + closeSeconds);
    }

    double bytesPerDoc() {
      return (double) bytesOnDisk / docs;
    }

    Latency at(int concurrency) {
      return latencies.stream()
          .filter(l -> l.concurrency() == concurrency)
          .findFirst()
          .orElse(null);
    }
  }

  private SearchBenchmark() {}

  /**
   * Units of a corpus of {@code docs} documents: {@code units}, or 0 for docs/100 within 500–2,000.
   */
  static int unitCount(int docs, int units) {
    return units > 0 ? units : Math.max(500, Math.min(2000, docs / 100));
  }

  public static void main(String[] args) throws Exception {
    Optional<Options> o =
        CommandArguments.read(
            Options::parse,
            args,
            System.err,
            "用法：benchmark-search [--docs=N] [--units=N] [--queries=N] [--warmup=N] [--concurrency=1,8] "
                + "[--index-threads=N] [--slots=N] [--keep] [--dir=DIR] [--reuse] [--config=DIR] [--seed=N] [--no-profile]");
    if (o.isEmpty()) {
      System.exit(CommandArguments.USAGE_ERROR);
      return;
    }
    run(o.get(), System.out);
  }

  static Report run(Options o, PrintStream out) throws Exception {
    printMachine(out);

    Catalog catalog = Catalog.load(o.config());
    ChineseAnalysis analysis = new ChineseAnalysis(o.config());
    Synonyms synonyms = Synonyms.load(o.config(), analysis);
    SearchBenchmarkCorpus corpus =
        new SearchBenchmarkCorpus(o.seed(), o.unitCount(), catalog, o.config());
    List<Unit> units = corpus.units().stream().map(SearchBenchmarkCorpus.BenchUnit::unit).toList();

    boolean temporary = o.dir() == null;
    Path dir = temporary ? Files.createTempDirectory("taizhang-search-benchmark") : o.dir();
    if (o.reuse()) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.noneMatch(p -> p.getFileName().toString().startsWith("segments_"))) {
          throw new IllegalArgumentException("--reuse: no index in " + dir);
        }
      }
    } else if (!temporary) {
      requireEmpty(dir);
    }
    printCorpus(out, o.docs(), units.size(), catalog, "index directory", dir);
    try {
      return measure(o, out, catalog, analysis, synonyms, corpus, units, dir);
    } finally {
      if (o.keep()) {
        out.println("index kept in " + dir);
      } else {
        FileSystemUtils.deleteRecursively(dir);
      }
    }
  }

  static void printMachine(PrintStream out) {
    Runtime rt = Runtime.getRuntime();
    out.printf(
        Locale.ROOT,
        "machine: %d cores, %s %s, Java %s (%s), max heap %d MB; load average %s%n",
        rt.availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        rt.maxMemory() >> 20,
        load());
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
    Indexed ix =
        o.reuse()
            ? new Indexed(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0)
            : indexEmbedded(o, out, analysis, corpus, dir);
    long bytes = sizeOf(dir);
    if (o.reuse()) {
      out.printf(Locale.ROOT, "indexing skipped: reusing the index in %s%n", dir);
      out.printf(
          Locale.ROOT,
          "index on disk: %.1f MB = %.1f KB per document%n",
          bytes / 1048576.0,
          bytes / 1024.0 / o.docs());
    }

    // ---- searching ----
    long heapBaseline = heapAfterGc();
    try (SearchBenchmarkDatabase db = new SearchBenchmarkDatabase(units);
        DocumentIndex index = new DocumentIndex(dir, analysis, Duration.ofSeconds(5))) {
      SearchSlots slots = new SearchSlots(o.slots());
      SearchService search = embeddedSearch(index, analysis, synonyms, catalog, db.units(), slots);
      int liveDocs = index.read(v -> v.searcher().getIndexReader().numDocs());
      int segments = index.read(v -> v.searcher().getIndexReader().leaves().size());
      if (liveDocs != o.docs()) {
        throw new IllegalStateException(
            "index holds " + liveDocs + " documents, expected " + o.docs());
      }
      long f0 = System.nanoTime();
      search.search(
          new SearchRequest("", null, null, null, null, 1, 10, SearchSort.RELEVANCE), Scope.ALL);
      double firstMs = (System.nanoTime() - f0) / 1e6;
      out.printf(
          Locale.ROOT,
          "index opened: %d segments; first search %.0f ms (builds the facet ordinal state, cold code)%n",
          segments,
          firstMs);
      System.out.printf(
          Locale.ROOT,
          "searches at once (SearchSlots): %s%n",
          slots.slots() == 0 ? "no limit" : "at most " + slots.slots());

      List<String> unitCodes = units.stream().map(Unit::code).toList();
      List<BenchQuery> warmup =
          SearchBenchmarkQueries.generate(o.seed() + 1, o.warmup(), unitCodes);
      List<BenchQuery> timed =
          SearchBenchmarkQueries.generate(o.seed() + 2, o.queries(), unitCodes);
      List<Latency> latencies = new ArrayList<>();
      List<KindResult> kinds = List.of();
      for (int c : o.concurrency()) {
        Measured m = measureAt(out, search, warmup, timed, c);
        latencies.add(m.latency());
        if (kinds.isEmpty()) {
          kinds = byKind(timed, m.timings(), m.results());
        }
      }
      long heapOpen = heapAfterGc();
      out.printf(
          Locale.ROOT,
          "heap used after GC: %d MB before opening the index, %d MB with the index open and searched "
              + "(max heap %d MB; the index itself is memory-mapped, outside the heap)%n",
          heapBaseline >> 20,
          heapOpen >> 20,
          Runtime.getRuntime().maxMemory() >> 20);

      long u0 = System.nanoTime();
      int reps = 200;
      for (int i = 0; i < reps; i++) {
        db.units().findAll();
      }
      double unitListMs = (System.nanoTime() - u0) / 1e6 / reps;

      printKinds(out, o.concurrency().get(0), kinds);
      out.printf(
          Locale.ROOT,
          "unit list (UnitRepository.findAll, %d units, read on every search): %.2f ms%n",
          units.size(),
          unitListMs);

      Map<Stage, Double> profile = Map.of();
      Map<Kind, Map<Stage, Double>> profileByKind = Map.of();
      int samples = 0;
      if (o.profile()) {
        List<BenchQuery> grouped = new ArrayList<>(timed);
        grouped.sort(Comparator.comparing(BenchQuery::kind));
        Map<Kind, Instant[]> windows = new EnumMap<>(Kind.class);
        ExecutorService profiler =
            Executors.newSingleThreadExecutor(r -> new Thread(r, SearchBenchmarkProfile.THREAD));
        List<Sample> recorded;
        try {
          recorded =
              SearchBenchmarkProfile.record(
                  () -> {
                    try {
                      profiler
                          .submit(
                              () -> {
                                for (BenchQuery q : grouped) {
                                  Instant[] w =
                                      windows.computeIfAbsent(
                                          q.kind(), k -> new Instant[] {Instant.now(), null});
                                  search.search(q.request(), Scope.ALL);
                                  w[1] = Instant.now();
                                }
                              })
                          .get();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });
        } finally {
          profiler.shutdownNow();
        }
        samples = recorded.size();
        profile = shares(recorded);
        profileByKind = new EnumMap<>(Kind.class);
        for (Map.Entry<Kind, Instant[]> w : windows.entrySet()) {
          Instant from = w.getValue()[0];
          Instant to = w.getValue()[1];
          profileByKind.put(
              w.getKey(),
              shares(
                  recorded.stream()
                      .filter(s -> !s.time().isBefore(from) && !s.time().isAfter(to))
                      .toList()));
        }
        printProfile(out, profile, profileByKind, recorded);
      }

      Report report =
          new Report(
              o.docs(),
              units.size(),
              ix.avgChars(),
              ix.traditionalShare(),
              ix.rare(),
              ix.indexSeconds(),
              ix.closeSeconds(),
              bytes,
              segments,
              heapBaseline,
              heapOpen,
              firstMs,
              unitListMs,
              latencies,
              kinds,
              profile,
              profileByKind,
              samples);
      out.println();
      for (Latency l : latencies) {
        out.printf(
            Locale.ROOT,
            "target p95 ≤ %.0f ms at concurrency %d: %s (p95 %.1f ms; CPU time per query p95 %.1f ms)%n",
            TARGET_P95_MS,
            l.concurrency(),
            l.p95() <= TARGET_P95_MS ? "met" : "MISSED",
            l.p95(),
            l.cpuP95());
      }
      return report;
    }
  }

  /** What indexing measured; NaN where an earlier run's index is reused. */
  record Indexed(
      double indexSeconds,
      double closeSeconds,
      double avgChars,
      double traditionalShare,
      int rare) {}

  /**
   * Generates and indexes the corpus with the service's DocumentIndex, then closes it (waiting for
   * merges).
   */
  private static Indexed indexEmbedded(
      Options o, PrintStream out, ChineseAnalysis analysis, SearchBenchmarkCorpus corpus, Path dir)
      throws Exception {
    long t0 = System.nanoTime();
    DocumentIndex writerIndex = new DocumentIndex(dir, analysis, Duration.ofSeconds(5));
    // closing waits for background merges, as a service shutdown would
    return index(
        out,
        o.docs(),
        o.indexThreads(),
        corpus,
        writerIndex,
        t0,
        "closing the writer (waiting for merges)",
        writerIndex::close,
        () -> sizeOf(dir));
  }

  /** The last step of indexing, timed on its own: closing a writer, say. */
  @FunctionalInterface
  interface Finish {
    void run() throws Exception;
  }

  /**
   * Generates documents 1 to {@code docs} of the corpus and puts them into {@code writer} on {@code
   * threads} threads, makes them visible and commits; then runs {@code finish}, when not null,
   * timed apart. Prints the corpus's figures, the speed and the index's size on disk ({@code
   * bytesOnDisk}, read once all is done). Time counts from {@code t0}.
   */
  static Indexed index(
      PrintStream out,
      int docs,
      int threads,
      SearchBenchmarkCorpus corpus,
      SearchIndex writer,
      long t0,
      String finishing,
      Finish finish,
      Callable<Long> bytesOnDisk)
      throws Exception {
    LongAdder chars = new LongAdder();
    LongAdder traditional = new LongAdder();
    LongAdder rare = new LongAdder();
    AtomicLong minChars = new AtomicLong(Long.MAX_VALUE);
    AtomicLong maxChars = new AtomicLong();
    LongAdder generateNanos = new LongAdder();
    Map<String, LongAdder> categories = new ConcurrentHashMap<>();
    AtomicLong next = new AtomicLong(1);
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, docs / 10);
    ExecutorService indexers = Executors.newFixedThreadPool(threads, named("search-bench-index"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            indexers.submit(
                () -> {
                  for (long id = next.getAndIncrement(); id <= docs; id = next.getAndIncrement()) {
                    long g = System.nanoTime();
                    SearchBenchmarkCorpus.Generated d = corpus.document(id);
                    generateNanos.add(System.nanoTime() - g);
                    writer.put(d.document(), d.text());
                    int n = d.text().length();
                    chars.add(n);
                    minChars.accumulateAndGet(n, Math::min);
                    maxChars.accumulateAndGet(n, Math::max);
                    if (d.traditional()) {
                      traditional.increment();
                    }
                    if (d.rare()) {
                      rare.increment();
                    }
                    categories
                        .computeIfAbsent(
                            String.valueOf(d.document().category()), k -> new LongAdder())
                        .increment();
                    int c = done.incrementAndGet();
                    if (c % step == 0) {
                      double s = (System.nanoTime() - t0) / 1e9;
                      System.err.printf(
                          Locale.ROOT,
                          "  indexed %,d of %,d documents (%.0f s, %.0f docs/s)%n",
                          c,
                          docs,
                          s,
                          c / s);
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      indexers.shutdownNow();
    }
    writer.refresh();
    writer.commit();
    long indexed = System.nanoTime();
    if (finish != null) {
      finish.run();
    }
    long closed = System.nanoTime();
    double indexSeconds = (indexed - t0) / 1e9;
    double closeSeconds = (closed - indexed) / 1e9;
    long bytes = bytesOnDisk.call();
    double avgChars = chars.sum() / (double) docs;
    out.printf(
        Locale.ROOT,
        "texts: %.0f characters on average (min %d, max %d), %.1f %% in traditional characters, rare term in %d documents%n",
        avgChars,
        minChars.get(),
        maxChars.get(),
        100.0 * traditional.sum() / docs,
        rare.sum());
    out.printf(Locale.ROOT, "categories: %s%n", categorySummary(categories, docs));
    out.printf(
        Locale.ROOT,
        "indexing: %,d documents in %.1f s with %d threads%s = %.0f docs/s "
            + "(generating the texts took %.1f s of that, summed over threads; load average %s)%n",
        docs,
        indexSeconds,
        threads,
        finish == null ? "" : String.format(Locale.ROOT, " + %.1f s %s", closeSeconds, finishing),
        docs / (indexSeconds + closeSeconds),
        generateNanos.sum() / 1e9,
        load());
    out.printf(
        Locale.ROOT,
        "index on disk: %.1f MB = %.1f KB per document (%.2f bytes per text character)%n",
        bytes / 1048576.0,
        bytes / 1024.0 / docs,
        (double) bytes / chars.sum());

    return new Indexed(
        indexSeconds, closeSeconds, avgChars, (double) traditional.sum() / docs, (int) rare.sum());
  }

  /** Creates {@code dir} if missing; refuses one that holds anything. */
  static void requireEmpty(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(dir)) {
      if (s.findAny().isPresent()) {
        throw new IllegalArgumentException("--dir must be empty or missing: " + dir);
      }
    }
  }

  static void printCorpus(
      PrintStream out, int docs, int units, Catalog catalog, String dirLabel, Path dir) {
    out.printf(
        Locale.ROOT,
        "corpus: %,d documents, %,d units, years %d–%d, %d categories; %s %s%n",
        docs,
        units,
        SearchBenchmarkCorpus.FIRST_YEAR,
        SearchBenchmarkCorpus.LAST_YEAR,
        catalog.categories().size(),
        dirLabel,
        dir);
  }

  /** The service's search over {@code index}, as the application wires it without Solr. */
  static SearchService embeddedSearch(
      DocumentIndex index,
      ChineseAnalysis analysis,
      Synonyms synonyms,
      Catalog catalog,
      UnitRepository units,
      SearchSlots slots) {
    QueryFactory queries = create(QueryFactory.class, analysis, synonyms, catalog, units, index);
    return create(
        SearchService.class,
        index,
        analysis,
        queries,
        catalog,
        units,
        slots,
        new StaticListableBeanFactory().getBeanProvider(SolrIndex.class));
  }

  /**
   * Calls the constructor of {@code type} with the most parameters that {@code parts} can all fill,
   * matched by type. QueryFactory and SearchService are wired by Spring and their constructors
   * change as the search grows; this way the benchmark keeps building them without Spring and
   * without a change here.
   */
  static <T> T create(Class<T> type, Object... parts) {
    Constructor<?> best = null;
    Object[] bestArgs = null;
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      Class<?>[] params = c.getParameterTypes();
      Object[] args = new Object[params.length];
      boolean ok = true;
      for (int i = 0; i < params.length && ok; i++) {
        for (Object p : parts) {
          if (params[i].isInstance(p)) {
            args[i] = p;
            break;
          }
        }
        ok = args[i] != null;
      }
      if (ok && (best == null || params.length > best.getParameterCount())) {
        best = c;
        bestArgs = args;
      }
    }
    if (best == null) {
      throw new IllegalStateException(
          "no constructor of "
              + type.getName()
              + " can be called with "
              + Arrays.stream(parts).map(p -> p.getClass().getSimpleName()).toList());
    }
    try {
      best.setAccessible(true);
      return type.cast(best.newInstance(bestArgs));
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  /**
   * Runs the warm-up list, then the timed list, at {@code concurrency}; prints the latency, the
   * searching threads' CPU time and the whole process's.
   */
  static Measured measureAt(
      PrintStream out,
      SearchService search,
      List<BenchQuery> warmup,
      List<BenchQuery> timed,
      int concurrency)
      throws Exception {
    runQueries(search, warmup, concurrency, null);
    SearchResult[] results = new SearchResult[timed.size()];
    long p0 = processCpuNanos();
    long w0 = System.nanoTime();
    Timings t = runQueries(search, timed, concurrency, results);
    double wall = (System.nanoTime() - w0) / 1e9;
    long processCpu = processCpuNanos() - p0;
    Latency l = latency(concurrency, t, wall);
    out.printf(
        Locale.ROOT,
        "concurrency %d: %,d queries after %,d warm-up: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, "
            + "mean %.1f ms; %.1f queries/s (load average %s)%n",
        concurrency,
        timed.size(),
        warmup.size(),
        l.p50(),
        l.p95(),
        l.p99(),
        l.max(),
        l.mean(),
        l.qps(),
        load());
    out.printf(
        Locale.ROOT,
        "  CPU time of the searching thread per query: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms; "
            + "the benchmark process used %.2f of %d cores meanwhile, %.1f ms of CPU per query%n",
        l.cpuP50(),
        l.cpuP95(),
        l.cpuP99(),
        processCpu / 1e9 / wall,
        Runtime.getRuntime().availableProcessors(),
        processCpu / 1e6 / timed.size());
    return new Measured(l, t, results);
  }

  static void printKinds(PrintStream out, int concurrency, List<KindResult> kinds) {
    out.println();
    out.printf(Locale.ROOT, "per kind of query (timed run at concurrency %d):%n", concurrency);
    out.printf(
        Locale.ROOT,
        "  %-30s %6s %9s %9s %9s %11s %12s %10s%n",
        "kind",
        "n",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "CPU p95 ms",
        "mean hits",
        "marked");
    for (KindResult k : kinds) {
      out.printf(
          Locale.ROOT,
          "  %-30s %6d %9.1f %9.1f %9.1f %11.1f %,12.0f %9.0f%%%n",
          k.kind().label,
          k.queries(),
          k.p50(),
          k.p95(),
          k.p99(),
          k.cpuP95(),
          k.meanTotal(),
          100 * k.markedShare());
    }
    out.printf(
        Locale.ROOT,
        "  (marked: share of returned hits whose snippet has a <mark>; browsing has none by design)%n");
  }

  /**
   * Runs the queries on {@code concurrency} threads, each taking the next query when done; returns
   * each query's latency and the CPU time its thread spent on it (which, unlike the latency, does
   * not grow when other processes compete for the cores).
   */
  private static Timings runQueries(
      SearchService search, List<BenchQuery> queries, int concurrency, SearchResult[] results)
      throws Exception {
    long[] nanos = new long[queries.size()];
    long[] cpu = new long[queries.size()];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, named("search-bench-query"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement();
                      i < queries.size();
                      i = next.getAndIncrement()) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    SearchResult r = search.search(queries.get(i).request(), Scope.ALL);
                    nanos[i] = System.nanoTime() - s;
                    cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                    if (results != null) {
                      results[i] = r;
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return new Timings(nanos, cpu);
  }

  private static Latency latency(int concurrency, Timings t, double wallSeconds) {
    long[] sorted = t.wall().clone();
    Arrays.sort(sorted);
    long[] cpu = t.cpu().clone();
    Arrays.sort(cpu);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    return new Latency(
        concurrency,
        sorted.length,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted[sorted.length - 1] / 1e6,
        mean,
        sorted.length / wallSeconds,
        percentile(cpu, 50),
        percentile(cpu, 95),
        percentile(cpu, 99));
  }

  /** Nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  static List<KindResult> byKind(List<BenchQuery> queries, Timings t, SearchResult[] results) {
    List<KindResult> out = new ArrayList<>();
    for (Kind k : Kind.values()) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        if (queries.get(i).kind() == k) {
          idx.add(i);
        }
      }
      if (idx.isEmpty()) {
        continue;
      }
      long[] ns = idx.stream().mapToLong(i -> t.wall()[i]).sorted().toArray();
      long[] cpu = idx.stream().mapToLong(i -> t.cpu()[i]).sorted().toArray();
      long hits = 0;
      long marked = 0;
      long totalSum = 0;
      long minTotal = Long.MAX_VALUE;
      boolean facets = true;
      for (int i : idx) {
        SearchResult r = results[i];
        totalSum += r.total();
        minTotal = Math.min(minTotal, r.total());
        for (SearchResult.Hit h : r.hits()) {
          hits++;
          if (h.snippet() != null && h.snippet().contains("<mark>")) {
            marked++;
          }
        }
        if (r.total() > 0 && r.facets().values().stream().anyMatch(List::isEmpty)) {
          facets = false;
        }
      }
      out.add(
          new KindResult(
              k,
              idx.size(),
              percentile(ns, 50),
              percentile(ns, 95),
              percentile(ns, 99),
              percentile(cpu, 95),
              (double) totalSum / idx.size(),
              minTotal,
              hits == 0 ? 0 : (double) marked / hits,
              facets));
    }
    return out;
  }

  private static Map<Stage, Double> shares(List<Sample> samples) {
    Map<Stage, Double> out = new EnumMap<>(Stage.class);
    for (Stage s : Stage.values()) {
      out.put(s, 0.0);
    }
    if (samples.isEmpty()) {
      return out;
    }
    for (Sample s : samples) {
      out.merge(s.stage(), 1.0 / samples.size(), Double::sum);
    }
    return out;
  }

  private static void printProfile(
      PrintStream out,
      Map<Stage, Double> overall,
      Map<Kind, Map<Stage, Double>> byKind,
      List<Sample> samples) {
    long truncated = samples.stream().filter(Sample::truncated).count();
    out.println();
    out.printf(
        Locale.ROOT,
        "where the time goes (JFR CPU samples of the search thread, timed query list rerun at concurrency 1; "
            + "%,d samples, %d truncated stacks):%n",
        samples.size(),
        truncated);
    for (Stage s : Stage.values()) {
      out.printf(Locale.ROOT, "  %-45s %5.1f %%%n", s.label, 100 * overall.get(s));
    }
    long phrase = samples.stream().filter(x -> x.stage() == Stage.QUERY && x.phrase()).count();
    out.printf(
        Locale.ROOT,
        "  (of all samples, %.1f %% are query execution inside phrase queries: reading positions and matching them)%n",
        100.0 * phrase / Math.max(1, samples.size()));
    out.println("hottest methods (innermost Lucene frame, % of all samples):");
    samples.stream()
        .collect(Collectors.groupingBy(Sample::leaf, Collectors.counting()))
        .entrySet()
        .stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(12)
        .forEach(
            e ->
                out.printf(
                    Locale.ROOT,
                    "  %-60s %5.1f %%%n",
                    e.getKey(),
                    100.0 * e.getValue() / samples.size()));
    out.println("by kind of query (% of that kind's samples):");
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-30s", "kind"));
    for (Stage s : Stage.values()) {
      header.append(
          String.format(
              Locale.ROOT,
              " %9s",
              s.name()
                  .toLowerCase(Locale.ROOT)
                  .replace("_", " ")
                  .replace("facet ", "f.")
                  .replace("stored fields", "stored")
                  .replace("highlighting", "highlight")));
    }
    out.println(header);
    for (Map.Entry<Kind, Map<Stage, Double>> e : byKind.entrySet()) {
      StringBuilder row =
          new StringBuilder(String.format(Locale.ROOT, "  %-30s", e.getKey().label));
      for (Stage s : Stage.values()) {
        row.append(String.format(Locale.ROOT, " %8.0f%%", 100 * e.getValue().get(s)));
      }
      out.println(row);
    }
  }

  private static String categorySummary(Map<String, LongAdder> categories, int docs) {
    StringBuilder sb = new StringBuilder();
    categories.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(
            e ->
                sb.append(sb.length() == 0 ? "" : ", ")
                    .append(e.getKey().equals("null") ? "(none)" : e.getKey())
                    .append(
                        String.format(Locale.ROOT, " %.1f%%", 100.0 * e.getValue().sum() / docs)));
    return sb.toString();
  }

  /** CPU time of the whole process (all threads, GC included), or 0 where the JVM cannot tell. */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? Math.max(0, os.getProcessCpuTime())
        : 0;
  }

  /**
   * The 1-minute load average: anything else running on the machine shows here and skews the
   * figures.
   */
  static String load() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", l);
  }

  static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
