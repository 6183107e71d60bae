package org.taizhang.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service started as a separate JVM on the test class path, so it can be killed like a real
 * one.
 */
public final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private ServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static ServiceProcess start(Path log, String... properties) throws IOException {
    int port = freePort();
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
    // -Dtaizhang.test.service-jvm="-XX:StartFlightRecording=filename=/tmp/service.jfr" profiles the
    // service under test.
    String extra = System.getProperty("taizhang.test.service-jvm", "").strip();
    if (!extra.isEmpty()) {
      jvm.addAll(List.of(extra.split("\\s+")));
    }
    List<String> args = new ArrayList<>(List.of("--server.port=" + port));
    for (String p : properties) {
      args.add("--" + p);
    }
    // Its output goes to the log, never to a pipe that would fill up unless someone reads it.
    Process p =
        new ProcessBuilder(Command.taizhang(jvm, args))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new ServiceProcess(p, port);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Waits until the service answers HTTP requests. */
  public void awaitReady(HttpClient http, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("service exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(uri("/api/units")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 || r.statusCode() == 401) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("service not ready after " + timeout);
  }

  /**
   * Creates a personal API token the way a user does (我的账号 → 创建令牌) and returns it: scripts and load
   * tests authenticate with a token, which costs a hash lookup instead of a bcrypt check.
   */
  public String createToken(String[] basicAuth, String label) throws Exception {
    HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String form = "label=" + URLEncoder.encode(label, StandardCharsets.UTF_8);
    HttpResponse<String> created =
        session.send(
            HttpRequest.newBuilder(uri("/account/tokens"))
                .headers(basicAuth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 302) {
      throw new IllegalStateException("token not created: " + created.statusCode());
    }
    String page =
        session
            .send(
                HttpRequest.newBuilder(uri("/account")).headers(basicAuth).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = Pattern.compile("id=\"new-token\"[^>]*>(tz_[^<]+)<").matcher(page);
    if (!m.find()) {
      throw new IllegalStateException("no token on the account page");
    }
    return m.group(1);
  }

  /** SIGKILL: no shutdown hooks, no final commit; its parser process goes too. */
  public void kill() throws InterruptedException {
    Command.destroy(process);
  }

  /** SIGTERM: a normal shutdown, or SIGKILL after a minute. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
