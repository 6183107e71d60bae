package org.taizhang.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server for tests: S3Proxy over a folder, started as a child process from the jar
 * Maven copies to {@code target/s3proxy} (its Jetty is not the test class path's). Skipped without
 * the jar on a developer machine; with {@code CI=true} a missing jar fails.
 */
public final class S3Server implements AutoCloseable {
  public static final String ACCESS_KEY = "taizhang-test";
  public static final String SECRET_KEY = "taizhang-test-secret";
  private static final Path JAR = Path.of("target", "s3proxy", "s3proxy.jar");

  private final Process process;
  private final URI endpoint;
  private final Path log;

  private S3Server(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** Starts a server keeping its buckets under {@code dir} and waits until it answers. */
  public static S3Server start(Path dir) throws Exception {
    if (!Files.isRegularFile(JAR)) {
      String message =
          "S3Proxy jar missing at "
              + JAR.toAbsolutePath()
              + " (mvn process-test-resources copies it)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(message);
      }
      Assumptions.abort(message);
    }
    Path data = Files.createDirectories(dir.resolve("buckets"));
    int port = ServiceProcess.freePort();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    Path conf = dir.resolve("s3proxy.properties");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.endpoint=" + endpoint,
            "s3proxy.identity=" + ACCESS_KEY,
            "s3proxy.credential=" + SECRET_KEY,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + data.toAbsolutePath(),
            ""),
        StandardCharsets.UTF_8);
    Path log = dir.resolve("s3proxy.log");
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-jar",
                    JAR.toAbsolutePath().toString(),
                    "--properties",
                    conf.toAbsolutePath().toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    S3Server server = new S3Server(p, endpoint, log);
    try {
      server.awaitReady(Duration.ofSeconds(60));
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady(Duration timeout) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "S3Proxy exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        // anonymous: any HTTP answer (403) means it listens
        http.send(
            HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "S3Proxy not ready after " + timeout + ":\n" + Files.readString(log));
  }

  public URI endpoint() {
    return endpoint;
  }

  /** A client for checking what the bucket holds, configured as the store configures its own. */
  public S3Client client() {
    return S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  public void createBucket(String bucket) {
    try (S3Client s3 = client()) {
      s3.createBucket(r -> r.bucket(bucket));
    }
  }

  /** The service's settings for a store in {@code bucket} of this server. */
  public Map<String, String> settings(String bucket) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("taizhang.store", "s3");
    s.put("taizhang.store.s3.bucket", bucket);
    s.put("taizhang.store.s3.endpoint", endpoint.toString());
    s.put("taizhang.store.s3.access-key", ACCESS_KEY);
    s.put("taizhang.store.s3.secret-key", SECRET_KEY);
    return s;
  }

  /** Stops the server, as an outage would; {@link #close} after this does nothing more. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        Command.destroy(process);
      }
    }
  }
}
