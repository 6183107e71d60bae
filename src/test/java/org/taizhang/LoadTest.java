package org.taizhang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.job.BackgroundPriority;
import org.taizhang.support.Basic;
import org.taizhang.support.DataDirectory;
import org.taizhang.support.Multipart;
import org.taizhang.support.ServiceProcess;
import org.taizhang.support.Slow;
import org.taizhang.support.TestFiles;

/**
 * A bounded load on loopback: 20 clients uploading and 20 searching at once, against the service
 * started as its own process while it imports the sample archive. Prints throughput and latency
 * percentiles; fails on any 5xx, on any upload not acknowledged, and on any acknowledged document
 * missing from the database or the index afterwards. All uploaders also send one identical file at
 * the same moment, which must be stored once.
 *
 * <p>{@code -Dtaizhang.load.seconds=120} runs the full two minutes (default 30, the CI setting).
 * {@code -Dtaizhang.load.warmup-seconds=N} runs the same load for N seconds more before, and leaves
 * those requests out of the figures: a service just started spends much of its first minute
 * compiling its code, on the cores the requests need.
 *
 * <p>By default each searcher asks again the moment it is answered: the searches' throughput is the
 * figure, and their mean latency is then at least 20 ÷ that throughput, whatever the service does.
 * {@code -Dtaizhang.load.search-every-ms=N} paces each searcher instead to one search every N ms
 * (reviewers reading their results between searches), from a random first moment, and counts each
 * search's latency from when it was due: a search held up by a slow one before it counts its wait.
 */
@Slow
class LoadTest {
  private static final int UPLOADERS = 20;
  private static final int SEARCHERS = 20;
  private static final int CLIENT_NICE = 5;
  private static final String[] ADMIN = Basic.auth("admin", "load-test-admin");
  private static final List<String> UNITS =
      List.of("qhx-wjj", "qhx-jyj", "hxz", "hxz-ltc", "cg-nhsq", "cg-yxsq", "qhx-yz");
  private static final List<String> QUERIES =
      List.of(
          "志愿服务",
          "台账",
          "会议记录",
          "文明创建 2025",
          "\"道德讲堂\"",
          "垃圾分类",
          "unit:qhx-wjj 会议",
          "year:2024 总结",
          "category:会议记录",
          "签到表",
          "负载测试",
          "活动记录 -照片",
          "date:2025-03");

  @TempDir Path work;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * One request's outcome; {@code id} is the acknowledged document, or -1; {@code began} when it
   * was sent or due (System.nanoTime).
   */
  private record Outcome(int status, long nanos, long id, long began) {}

  @Test
  void twentyUploadersAndTwentySearchersWithoutAServerErrorOrALostDocument() throws Exception {
    int seconds = Integer.getInteger("taizhang.load.seconds", 30);
    int warmup = Integer.getInteger("taizhang.load.warmup-seconds", 0);
    Path data = work.resolve("data");
    Path log = Path.of("target", "load-test-service.log");
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(log);
    ConcurrentLinkedQueue<Outcome> uploads = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Outcome> searches = new ConcurrentLinkedQueue<>();
    Set<Long> sameFileIds = ConcurrentHashMap.newKeySet();
    Map<Integer, AtomicInteger> sameFileStatuses = new ConcurrentHashMap<>();
    double elapsed;
    try (ServiceProcess service =
        ServiceProcess.start(
            log,
            "taizhang.data-dir=" + data,
            "taizhang.config-dir=" + Path.of("index-config").toAbsolutePath(),
            "taizhang.admin.password=load-test-admin")) {
      service.awaitReady(http, Duration.ofSeconds(90));
      String token = service.createToken(ADMIN, "负载测试");
      awaitUnits(service, token);
      byte[] sameFile = TestFiles.docx("关于开展2025年文明创建台账集中检查的通知", "各参创单位：", "负载测试同一文件");
      CyclicBarrier together = new CyclicBarrier(UPLOADERS);
      long start = System.nanoTime();
      long measured = start + Duration.ofSeconds(warmup).toNanos();
      long deadline = measured + Duration.ofSeconds(seconds).toNanos();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < UPLOADERS; c++) {
        int client = c;
        clients.add(
            new Thread(
                () -> {
                  // The uploaders build their files at a lower priority: on the units' own
                  // computers that work would not take the server's cores.
                  BackgroundPriority.lowerCurrentThread(CLIENT_NICE);
                  try {
                    together.await();
                    Outcome o = upload(service, token, UNITS.get(0), "检查通知.docx", sameFile);
                    sameFileStatuses
                        .computeIfAbsent(o.status(), k -> new AtomicInteger())
                        .incrementAndGet();
                    sameFileIds.add(o.id());
                    Random random = new Random(client);
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                      String marker = String.format(Locale.ROOT, "fuzai%02dx%05d", client, i);
                      byte[] content =
                          i % 4 == 0
                              ? TestFiles.docx(
                                  "负载测试活动记录 " + marker,
                                  "时间：2025年9月" + (1 + i % 28) + "日",
                                  "参加人员：志愿者二十人。".repeat(10))
                              : TestFiles.utf8(
                                  "负载测试工作简报 "
                                      + marker
                                      + "，文明创建台账规范，志愿服务常态化。".repeat(1 + random.nextInt(20)));
                      uploads.add(
                          upload(
                              service,
                              token,
                              UNITS.get(random.nextInt(UNITS.size())),
                              marker + (i % 4 == 0 ? ".docx" : ".txt"),
                              content));
                    }
                  } catch (Exception e) {
                    uploads.add(new Outcome(-1, 0, -1, System.nanoTime()));
                    e.printStackTrace();
                  }
                },
                "uploader-" + c));
      }
      long every = Duration.ofMillis(Long.getLong("taizhang.load.search-every-ms", 0)).toNanos();
      for (int c = 0; c < SEARCHERS; c++) {
        int client = c;
        clients.add(
            new Thread(
                () -> {
                  Random random = new Random(1000 + client);
                  long due = start + (long) (random.nextDouble() * every);
                  while (due < deadline && System.nanoTime() < deadline) {
                    try {
                      long wait = due - System.nanoTime();
                      if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                      }
                      long from = every == 0 ? System.nanoTime() : due;
                      searches.add(
                          search(
                              service, token, QUERIES.get(random.nextInt(QUERIES.size())), from));
                      due = every == 0 ? System.nanoTime() : due + every;
                    } catch (Exception e) {
                      searches.add(new Outcome(-1, 0, -1, System.nanoTime()));
                      e.printStackTrace();
                    }
                  }
                },
                "searcher-" + c));
      }
      clients.forEach(Thread::start);
      for (Thread t : clients) {
        t.join();
      }
      elapsed = (System.nanoTime() - measured) / 1e9;
      report("uploads", uploads, measured, elapsed);
      report("searches", searches, measured, elapsed);
      awaitImportFinished(log);
      service.stop();
    }
    // What the service warned about is what explains a failure below.
    try (var lines = Files.lines(log)) {
      lines
          .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
          .limit(20)
          .forEach(l -> System.out.println("service log: " + l));
    }

    assertThat(statuses(uploads))
        .as("every upload acknowledged (201), none failed")
        .containsOnlyKeys(201);
    assertThat(statuses(searches)).as("every search answered").containsOnlyKeys(200);
    assertThat(sameFileStatuses.keySet())
        .as("identical uploads: one stored, the rest told it is a duplicate")
        .containsOnly(200, 201);
    assertThat(sameFileStatuses.get(201).get()).isEqualTo(1);
    assertThat(sameFileIds).hasSize(1);

    DataDirectory dir = new DataDirectory(data);
    Map<Long, String> rows = dir.documents();
    Set<Long> acknowledged = new HashSet<>();
    uploads.forEach(o -> acknowledged.add(o.id()));
    acknowledged.addAll(sameFileIds);
    assertThat(rows.keySet()).as("no acknowledged document lost").containsAll(acknowledged);
    assertThat(dir.indexDrift())
        .as("index holds exactly the database's current documents (missing, extra)")
        .isEqualTo(DataDirectory.IndexDrift.NONE);
    assertThat(dir.storedObjects()).isEqualTo(new HashSet<>(rows.values()));
    assertThat(dir.stagedFiles()).isZero();
  }

  private Outcome upload(
      ServiceProcess service, String token, String unit, String name, byte[] content)
      throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> r =
        new Multipart()
            .field("unit", unit)
            .file(name, content)
            .post(http, service.uri("/api/documents"), "Authorization", "Bearer " + token);
    long nanos = System.nanoTime() - t;
    long id = -1;
    if (r.statusCode() == 201 || r.statusCode() == 200) {
      int at = r.body().indexOf("\"id\":") + 5;
      id = Long.parseLong(r.body().substring(at, r.body().indexOf(',', at)));
    } else {
      System.out.println("upload " + name + " → " + r.statusCode() + " " + r.body());
    }
    return new Outcome(r.statusCode(), nanos, id, t);
  }

  /** A search; its latency counts from {@code from} (System.nanoTime), when it was due. */
  private Outcome search(ServiceProcess service, String token, String query, long from)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    service.uri(
                        "/api/search?size=10&q="
                            + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      System.out.println("search " + query + " → " + r.statusCode() + " " + r.body());
    }
    return new Outcome(r.statusCode(), System.nanoTime() - from, -1, from);
  }

  private void awaitUnits(ServiceProcess service, String token) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      String units =
          http.send(
                  HttpRequest.newBuilder(service.uri("/api/units"))
                      .header("Authorization", "Bearer " + token)
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      if (UNITS.stream().allMatch(units::contains)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the sample units were not loaded");
  }

  private static void awaitImportFinished(Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!Files.readString(log).contains("示例档案导入完成")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the sample import did not finish; see " + log);
      }
      Thread.sleep(500);
    }
  }

  private static Map<Integer, Integer> statuses(Collection<Outcome> outcomes) {
    Map<Integer, Integer> m = new TreeMap<>();
    outcomes.forEach(o -> m.merge(o.status(), 1, Integer::sum));
    return m;
  }

  /** The figures of the requests sent from {@code from} (System.nanoTime) on. */
  private static void report(
      String what, ConcurrentLinkedQueue<Outcome> all, long from, double seconds) {
    List<Outcome> outcomes = all.stream().filter(o -> o.began() >= from).toList();
    long[] ms =
        outcomes.stream()
            .filter(o -> o.status() > 0)
            .mapToLong(o -> o.nanos() / 1_000_000)
            .sorted()
            .toArray();
    System.out.printf(
        Locale.ROOT,
        "load test %-8s %6d in %.0f s = %6.1f/s; latency ms p50 %d, p95 %d, p99 %d, max %d; statuses %s%n",
        what,
        outcomes.size(),
        seconds,
        outcomes.size() / seconds,
        pct(ms, 50),
        pct(ms, 95),
        pct(ms, 99),
        ms.length == 0 ? 0 : ms[ms.length - 1],
        statuses(outcomes));
  }

  private static long pct(long[] sorted, int p) {
    return sorted.length == 0
        ? 0
        : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
