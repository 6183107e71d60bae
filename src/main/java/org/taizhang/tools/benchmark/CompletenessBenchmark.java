package org.taizhang.tools.benchmark;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.taizhang.catalog.Catalog;
import org.taizhang.completeness.CompletenessModel;
import org.taizhang.completeness.EvidenceFact;
import org.taizhang.completeness.NearDuplicateIndex;
import org.taizhang.completeness.RequiredLists;
import org.taizhang.config.CommandArguments;
import org.taizhang.unit.Unit;
import picocli.CommandLine.Option;

/**
 * Measures the completeness model without Spring or a database: synthetic evidence facts for a
 * large county (default 2,000 units × 100 documents over two years), a full recompute several
 * times, then the incremental update after one new document. Targets: full under 2 s, incremental
 * under 50 ms.
 *
 * <pre>
 * java -cp "target/classes:$(cat /tmp/cp.txt)" org.taizhang.completeness.CompletenessBenchmark \
 *     [--units=2000] [--docs=100] [--full-runs=10] [--incremental-runs=200] [--config=index-config]
 * </pre>
 */
public final class CompletenessBenchmark {
  private static final int[] YEARS = {2024, 2025};
  private static final List<String> LABELS = List.of("时间", "地点", "主持人", "参会人员", "记录人", "议题");
  private static final List<String> ACTIVITY_LABELS = List.of("活动时间", "活动地点", "参加人员");

  /** Documents a unit files beyond the required ones, to reach the requested count. */
  private static final String[] EXTRA = {
    "briefing", "honor", "inspection", "award", "survey", "rules"
  };

  private static final String SENTENCES =
      "今年以来我单位深入推进文明创建工作扎实开展志愿服务活动群众满意度不断提升"
          + "坚持以习近平新时代中国特色社会主义思想为指导认真落实县委县政府关于精神文明建设的各项部署"
          + "组织干部职工参加学雷锋志愿服务清洁家园垃圾分类宣传文明交通劝导关爱空巢老人等活动"
          + "创建台账资料按月收集及时归档做到有计划有记录有总结下一步将继续巩固创建成果推动常态长效";

  private long nextId = 1;

  private CompletenessBenchmark() {}

  /** The command line. */
  static final class Arguments {
    @Option(names = "--units")
    int units = 2000;

    @Option(names = "--docs")
    int docs = 100;

    @Option(names = "--full-runs")
    int fullRuns = 10;

    @Option(names = "--incremental-runs")
    int incrementalRuns = 200;

    @Option(names = "--config")
    Path config = Path.of("index-config");
  }

  public static void main(String[] args) {
    Arguments a = new Arguments();
    if (!CommandArguments.read(
        a,
        args,
        System.err,
        "用法：benchmark-completeness [--units=N] [--docs=N] [--full-runs=N] [--incremental-runs=N] [--config=DIR]")) {
      System.exit(CommandArguments.USAGE_ERROR);
      return;
    }
    new CompletenessBenchmark().run(a.units, a.docs, a.fullRuns, a.incrementalRuns, a.config);
  }

  private void run(int unitCount, int docsPerUnit, int fullRuns, int incrementalRuns, Path config) {
    Catalog catalog = Catalog.load(config);
    RequiredLists lists = RequiredLists.load(config, catalog);
    List<String> types =
        catalog.unitTypes().stream().filter(t -> lists.system(t, 2025).isPresent()).toList();
    if (types.isEmpty()) {
      throw new IllegalStateException(
          "no evaluation system in " + config.resolve(RequiredLists.DIRECTORY));
    }
    Random rng = new Random(20250101);

    long t0 = System.nanoTime();
    List<Unit> units = new ArrayList<>();
    List<EvidenceFact> facts = new ArrayList<>();
    for (int i = 0; i < unitCount; i++) {
      Unit u = new Unit(String.format("u%05d", i), "合成单位" + i, types.get(i % types.size()), null);
      units.add(u);
      for (int y = 0; y < YEARS.length; y++) {
        int share = docsPerUnit / YEARS.length + (y < docsPerUnit % YEARS.length ? 1 : 0);
        facts.addAll(year(u.code(), YEARS[y], share, rng));
      }
    }
    long built = System.nanoTime();

    CompletenessModel model =
        new CompletenessModel(lists, catalog::categoryName, Clock.systemDefaultZone());
    model.load(units, facts);
    long loaded = System.nanoTime();
    int evaluated = 0;
    List<Integer> years = lists.years(Year.now().getValue());
    for (int y : years) {
      evaluated += model.units(y, null).size();
    }
    System.out.printf(
        Locale.ROOT,
        "units %d, documents %d, evaluation systems %d, years %s, unit-years evaluated %d%n",
        unitCount,
        facts.size(),
        lists.systems().size(),
        years,
        evaluated);
    System.out.printf(
        Locale.ROOT,
        "synthetic facts built in %d ms; first load (near-duplicate index + full compute) %d ms%n",
        ms(built - t0),
        ms(loaded - built));

    for (int i = 0; i < 3; i++) {
      model.recomputeAll();
    }
    long[] full = new long[fullRuns];
    for (int i = 0; i < fullRuns; i++) {
      long s = System.nanoTime();
      model.recomputeAll();
      full[i] = System.nanoTime() - s;
    }
    System.out.printf(
        Locale.ROOT,
        "full recompute, %d runs: median %.1f ms, p95 %.1f ms%n",
        fullRuns,
        millis(percentile(full, 50)),
        millis(percentile(full, 95)));

    int warmup = 50;
    long[] incremental = new long[incrementalRuns];
    for (int i = 0; i < warmup + incrementalRuns; i++) {
      Unit u = units.get(rng.nextInt(units.size()));
      // every other new document is a summary, which also goes through the near-duplicate index
      EvidenceFact f =
          i % 2 == 0
              ? fact(
                      u.code(),
                      "meeting",
                      LocalDate.of(2025, 1 + rng.nextInt(12), 1 + rng.nextInt(28)),
                      2025)
                  .labels(LABELS)
                  .build()
              : fact(u.code(), "annual-summary", LocalDate.of(2025, 12, 20), 2025)
                  .signature(summary(rng, false))
                  .build();
      long s = System.nanoTime();
      model.recompute(model.apply(f.id(), f));
      long took = System.nanoTime() - s;
      if (i >= warmup) {
        incremental[i - warmup] = took;
      }
      model.recompute(model.apply(f.id(), null));
    }
    System.out.printf(
        Locale.ROOT,
        "incremental update after one new document (apply + recompute its unit + ranks of its type), "
            + "%d runs: median %.2f ms, p95 %.2f ms%n",
        incrementalRuns,
        millis(percentile(incremental, 50)),
        millis(percentile(incremental, 95)));

    facts = null;
    System.gc();
    Runtime rt = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "heap used after GC (model with %d facts held): %d MB (max heap %d MB)%n",
        model.factCount(),
        (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024),
        rt.maxMemory() / (1024 * 1024));
  }

  /**
   * One unit's year: what the sample generator files, with a few gaps, then extra material up to
   * the count.
   */
  private List<EvidenceFact> year(String unit, int year, int count, Random rng) {
    List<EvidenceFact> out = new ArrayList<>();
    out.add(
        fact(unit, "leading-group", LocalDate.of(year, 3, 6), year)
            .formal(rng.nextInt(20) != 0)
            .build());
    out.add(fact(unit, "plan", LocalDate.of(year, 3, 11), year).build());
    out.add(fact(unit, "responsibility", LocalDate.of(year, 3, 21), year).build());
    for (int q = 0; q < 4; q++) {
      if (rng.nextInt(30) == 0) {
        continue;
      }
      List<String> labels = rng.nextInt(25) == 0 ? LABELS.subList(0, 4) : LABELS;
      out.add(
          fact(
                  unit,
                  "meeting",
                  LocalDate.of(year, 3 * q + 1 + rng.nextInt(3), 1 + rng.nextInt(28)),
                  year)
              .labels(labels)
              .build());
    }
    out.add(fact(unit, "sign-in", LocalDate.of(year, 3, 4), year).build());
    for (int a = 0; a < 3; a++) {
      LocalDate d = LocalDate.of(year, 1 + rng.nextInt(12), 1 + rng.nextInt(28));
      out.add(
          fact(unit, "activity", d, year)
              .labels(ACTIVITY_LABELS)
              .placeholder(rng.nextInt(200) == 0)
              .build());
      LocalDateTime taken = d.atTime(9, 30).plusDays(rng.nextInt(40) == 0 ? 20 : 0);
      out.add(fact(unit, "photo", d, year).image().takenAt(taken).build());
      out.add(fact(unit, "photo", d, year).image().takenAt(taken.plusMinutes(5)).build());
    }
    out.add(
        fact(unit, "half-year-summary", LocalDate.of(year, 7, 1), year)
            .signature(summary(rng, false))
            .build());
    if (rng.nextInt(30) != 0) {
      out.add(
          fact(unit, "annual-summary", LocalDate.of(year, 12, 20), year)
              .signature(summary(rng, rng.nextInt(100) == 0))
              .build());
    }
    while (out.size() < count) {
      String category = EXTRA[rng.nextInt(EXTRA.length)];
      out.add(
          fact(unit, category, LocalDate.of(year, 1 + rng.nextInt(12), 1 + rng.nextInt(28)), year)
              .build());
    }
    return out.size() > count ? out.subList(0, count) : out;
  }

  /**
   * A summary-like text of random sentences; {@code copied} texts are all the same, so they are
   * found as copies.
   */
  private static int[] summary(Random rng, boolean copied) {
    if (copied) {
      return NearDuplicateIndex.signature(SENTENCES.repeat(3));
    }
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 400) {
      int from = rng.nextInt(SENTENCES.length() - 12);
      sb.append(SENTENCES, from, from + 6 + rng.nextInt(6)).append('，');
    }
    return NearDuplicateIndex.signature(sb.toString());
  }

  private FactBuilder fact(String unit, String category, LocalDate date, int year) {
    return new FactBuilder(nextId++, unit, category, date, year);
  }

  private static final class FactBuilder {
    private final long id;
    private final String unit;
    private final String category;
    private final LocalDate date;
    private final int year;
    private boolean image;
    private boolean formal;
    private List<String> labels = List.of();
    private boolean placeholder;
    private LocalDateTime takenAt;
    private int[] signature;

    FactBuilder(long id, String unit, String category, LocalDate date, int year) {
      this.id = id;
      this.unit = unit;
      this.category = category;
      this.date = date;
      this.year = year;
    }

    FactBuilder image() {
      image = true;
      return this;
    }

    FactBuilder formal(boolean f) {
      formal = f;
      return this;
    }

    FactBuilder labels(List<String> l) {
      labels = l;
      return this;
    }

    FactBuilder placeholder(boolean p) {
      placeholder = p;
      return this;
    }

    FactBuilder takenAt(LocalDateTime t) {
      takenAt = t;
      return this;
    }

    FactBuilder signature(int[] s) {
      signature = s;
      return this;
    }

    EvidenceFact build() {
      return new EvidenceFact(
          id,
          unit,
          category,
          category + " " + date,
          date,
          year,
          image,
          formal,
          Set.copyOf(labels),
          placeholder,
          takenAt,
          date,
          signature,
          null,
          null,
          null);
    }
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
