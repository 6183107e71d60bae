package org.taizhang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taizhang.support.Basic;
import org.taizhang.support.Command;
import org.taizhang.support.Multipart;
import org.taizhang.support.Tesseract;
import org.taizhang.support.TestFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar, started as an office starts it — shipped defaults, so the sample county is
 * imported on the first start and scans are read with Tesseract — and left running for minutes with
 * what a quiet office does: every 30 seconds someone signs in, uploads a file and searches for it.
 * Fails if any request fails or takes longer than {@link #SLOW}, if the connection pool does not
 * return to no active connections between rounds, or if the service logs a connection leak.
 *
 * <p>Runs in {@code mvn verify} after the jar is built (failsafe). {@code -Dtaizhang.soak.minutes}
 * changes its length (6.5 by default: longer than the five idle minutes after which a leaked
 * connection once ran the pool dry).
 */
class SoakIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path JAR = Path.of("target", "taizhang.jar");
  private static final String PASSWORD = "soak-admin-password";
  private static final String[] ADMIN = Basic.auth("admin", PASSWORD);
  private static final Duration ROUND = Duration.ofSeconds(30);

  /** Slower than this is a failure: people give up long before. */
  private static final Duration SLOW = Duration.ofSeconds(5);

  /** How long the pool may take to have no active connection after a round. */
  private static final Duration IDLE_WITHIN = Duration.ofSeconds(10);

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private Process service;
  private Path data;
  private Path log;
  private int port;

  @AfterEach
  void stop() throws InterruptedException {
    if (service != null && service.isAlive()) {
      service.destroy();
      if (!service.waitFor(60, TimeUnit.SECONDS)) {
        Command.destroy(service);
      }
    }
  }

  @Test
  void staysUpWithShippedDefaults() throws Exception {
    Tesseract.assumeInstalled();
    assertThat(JAR).as("mvn package builds the jar before the soak test").isRegularFile();
    Duration length =
        Duration.ofSeconds(
            Math.round(
                Double.parseDouble(System.getProperty("taizhang.soak.minutes", "6.5")) * 60));
    start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    awaitReady(http, Duration.ofMinutes(3));
    awaitUnit(http, "qhx-jyj", Duration.ofMinutes(2));

    Map<String, List<Long>> millis = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    List<Integer> idleActive = new ArrayList<>();
    int maxActive = 0;
    long end = System.nanoTime() + length.toNanos();
    int round = 0;
    while (System.nanoTime() < end) {
      long roundStart = System.nanoTime();
      round++;
      String word = "浸泡" + round + "轮" + Long.toString(System.nanoTime(), 36);
      timed(millis, failures, round, "sign-in", () -> signIn(http));
      timed(
          millis,
          failures,
          round,
          "upload",
          () -> {
            HttpResponse<String> r =
                new Multipart()
                    .field("unit", "qhx-jyj")
                    .file(
                        "创建工作例会记录（" + word + "）.txt",
                        TestFiles.utf8("会议记录\n时间：2026年12月1日\n议题：" + word + " 创建工作推进"))
                    .post(http, uri("/api/documents"), ADMIN);
            return r.statusCode() == 201
                ? null
                : "upload answered " + r.statusCode() + " " + r.body();
          });
      timed(
          millis,
          failures,
          round,
          "search",
          () -> {
            HttpResponse<String> r =
                get(http, "/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
              return "search answered " + r.statusCode();
            }
            return JSON.readTree(r.body()).path("total").asLong() >= 1
                ? null
                : "search did not find the upload " + word;
          });
      int[] seen = activeUntilIdle(http);
      maxActive = Math.max(maxActive, seen[1]);
      idleActive.add(seen[0]);
      if (seen[0] > 0) {
        failures.add(
            "round "
                + round
                + ": "
                + seen[0]
                + " connections still active "
                + IDLE_WITHIN.toSeconds()
                + " s after the round");
      }
      if (!failures.isEmpty()) {
        break;
      }
      long sleep = ROUND.toNanos() - (System.nanoTime() - roundStart);
      if (sleep > 0) {
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(sleep));
      }
    }

    JsonNode jobs = JSON.readTree(get(http, "/api/admin/jobs").body());
    String leaks =
        Files.readString(log)
            .lines()
            .filter(l -> l.contains("leak detection triggered"))
            .findFirst()
            .orElse(null);
    StringBuilder report =
        new StringBuilder(
            "Soak test: "
                + round
                + " rounds over "
                + length.toSeconds()
                + " s (one sign-in, upload and search every "
                + ROUND.toSeconds()
                + " s)\n");
    millis.forEach(
        (kind, ms) ->
            report.append(
                String.format(
                    "  %-8s n=%d  p50 %d ms  p95 %d ms  max %d ms%n",
                    kind,
                    ms.size(),
                    percentile(ms, 50),
                    percentile(ms, 95),
                    ms.stream().mapToLong(Long::longValue).max().orElse(0))));
    report
        .append("  pool active connections: max seen ")
        .append(maxActive)
        .append(", after each round ")
        .append(idleActive)
        .append('\n');
    report
        .append("  OCR running ")
        .append(jobs.path("ocrRunning").asBoolean())
        .append(", OCR backlog ")
        .append(jobs.path("ocrBacklog"))
        .append(", sample import ")
        .append(jobs.path("jobs").toString().contains("\"RUNNING\"") ? "still running" : "done")
        .append('\n');
    report
        .append("  service threads ")
        .append(threads())
        .append(", resident ")
        .append(residentMegabytes())
        .append(" MB\n");
    System.out.print(report);
    Files.writeString(
        Path.of("target", "soak-report.txt"), report + String.join("\n", failures) + "\n");

    assertThat(failures).as("failed or slow requests, or connections not returned").isEmpty();
    assertThat(leaks).as("the service logged a connection leak").isNull();
    assertThat(jobs.path("ocrRunning").asBoolean())
        .as("OCR runs with the shipped defaults when Tesseract is installed")
        .isTrue();
  }

  private void start() throws IOException {
    port = freePort();
    data = Files.createTempDirectory("taizhang-soak");
    log = Files.createDirectories(Path.of("target")).resolve("soak-service.log");
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toString(),
            "--server.port=" + port,
            "--taizhang.data-dir=" + data,
            "--taizhang.admin.password=" + PASSWORD);
    // The project directory is the working directory, as in the README: ./index-config and
    // ./sample-archive are the defaults.
    service =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private void awaitReady(HttpClient http, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(service.isAlive()).as("service exited; see " + log).isTrue();
      try {
        if (http.send(
                    HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("service not ready after " + timeout + "; see " + log);
  }

  /** The first start imports the sample county in the background; its units come first. */
  private void awaitUnit(HttpClient http, String unit, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!get(http, "/api/units").body().contains("\"" + unit + "\"")) {
      assertThat(System.nanoTime())
          .as("sample unit " + unit + " imported; see " + log)
          .isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  /** Signs in through the login form, as a person does, and opens the page it lands on. */
  private String signIn(HttpClient base) throws Exception {
    HttpClient session =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> form =
        session.send(
            HttpRequest.newBuilder(uri("/login")).timeout(SLOW.multipliedBy(2)).build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher csrf = CSRF.matcher(form.body());
    if (form.statusCode() != 200 || !csrf.find()) {
      return "login page answered " + form.statusCode();
    }
    String body =
        "username=admin&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> posted =
        session.send(
            HttpRequest.newBuilder(uri("/login"))
                .timeout(SLOW.multipliedBy(2))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = posted.headers().firstValue("Location").orElse("");
    if (posted.statusCode() != 302 || location.contains("error")) {
      return "sign-in refused: " + posted.statusCode() + " " + location;
    }
    HttpResponse<String> landing =
        session.send(
            HttpRequest.newBuilder(URI.create(uri("/").resolve(location).toString()))
                .timeout(SLOW.multipliedBy(2))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return landing.statusCode() == 200
        ? null
        : "page after sign-in answered " + landing.statusCode();
  }

  /**
   * {@code [active connections at the end, most seen]}: polls until none is active or {@link
   * #IDLE_WITHIN} has passed.
   */
  private int[] activeUntilIdle(HttpClient http) throws Exception {
    long deadline = System.nanoTime() + IDLE_WITHIN.toNanos();
    int most = 0;
    while (true) {
      int active =
          (int)
              JSON.readTree(get(http, "/actuator/metrics/hikaricp.connections.active").body())
                  .path("measurements")
                  .path(0)
                  .path("value")
                  .asDouble(-1);
      assertThat(active).as("pool metrics available").isGreaterThanOrEqualTo(0);
      most = Math.max(most, active);
      if (active == 0 || System.nanoTime() > deadline) {
        return new int[] {active, most};
      }
      Thread.sleep(200);
    }
  }

  @FunctionalInterface
  private interface Step {
    /** Null when the step went right, else what went wrong. */
    String run() throws Exception;
  }

  private static void timed(
      Map<String, List<Long>> millis, List<String> failures, int round, String kind, Step step) {
    long start = System.nanoTime();
    String problem;
    try {
      problem = step.run();
    } catch (Exception e) {
      problem = e.toString();
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    millis.computeIfAbsent(kind, k -> new ArrayList<>()).add(ms);
    if (problem != null) {
      failures.add("round " + round + " " + kind + ": " + problem);
    } else if (ms > SLOW.toMillis()) {
      failures.add("round " + round + " " + kind + " took " + ms + " ms");
    }
  }

  private HttpResponse<String> get(HttpClient http, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).headers(ADMIN).timeout(SLOW.multipliedBy(2)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty()
        ? 0
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  private String threads() throws IOException {
    return procStatus("Threads");
  }

  private String residentMegabytes() throws IOException {
    String kb = procStatus("VmRSS").replace("kB", "").strip();
    return kb.isEmpty() ? "?" : String.valueOf(Long.parseLong(kb) / 1024);
  }

  private String procStatus(String field) throws IOException {
    Path status = Path.of("/proc", String.valueOf(service.pid()), "status");
    if (!Files.exists(status)) {
      return "";
    }
    return Files.readAllLines(status).stream()
        .filter(l -> l.startsWith(field + ":"))
        .map(l -> l.substring(field.length() + 1).strip())
        .findFirst()
        .orElse("");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
