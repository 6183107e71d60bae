package org.taizhang.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;
import org.taizhang.support.S3Server;

/**
 * Prints what storing and reading originals costs in a local folder and in an S3 bucket (S3Proxy
 * over a folder on the same machine, so the figures are the protocol's and the SDK's cost, not a
 * network's): commits per second and MB/s, and reads from the bucket into an empty cache.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.taizhang.store.StoreBenchmark [files] [kb]
 * </pre>
 */
public final class StoreBenchmark {
  private StoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int kb = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    Path work = Files.createTempDirectory("store-benchmark");
    try (S3Server server = S3Server.start(work.resolve("server"))) {
      server.createBucket("bench");
      List<byte[]> contents = new ArrayList<>();
      Random random = new Random(42);
      for (int i = 0; i < files; i++) {
        byte[] b = new byte[kb * 1024];
        random.nextBytes(b);
        contents.add(b);
      }
      System.out.printf("%d files of %d KB%n", files, kb);
      try (FileStore local = new FileStore(work.resolve("local"))) {
        run("local", local, contents, null);
      }
      S3Settings settings =
          new S3Settings(
              "bench",
              server.endpoint(),
              "us-east-1",
              S3Server.ACCESS_KEY,
              S3Server.SECRET_KEY,
              true,
              "",
              DataSize.ofGigabytes(1),
              Duration.ofHours(1));
      Path root = work.resolve("s3");
      try (FileStore s3 = FileStore.s3(root, settings, Clock.systemUTC())) {
        run("s3", s3, contents, root.resolve("cache"));
      }
    } finally {
      FileSystemUtils.deleteRecursively(work);
    }
  }

  private static void run(String name, FileStore store, List<byte[]> contents, Path cache)
      throws IOException {
    List<String> shas = new ArrayList<>();
    long start = System.nanoTime();
    for (byte[] b : contents) {
      StagedFile staged = store.stage(new ByteArrayInputStream(b), Long.MAX_VALUE);
      store.locked(staged.sha256(), () -> store.commit(staged));
      shas.add(staged.sha256());
    }
    report(name + " stage+commit", contents, System.nanoTime() - start);
    if (cache != null) {
      FileSystemUtils.deleteRecursively(cache);
      Files.createDirectories(cache.resolve("tmp"));
    }
    // a fresh store: an empty cache, so every find downloads
    start = System.nanoTime();
    long read = 0;
    for (String sha : shas) {
      read += Files.size(store.find(sha).orElseThrow());
    }
    if (read != contents.stream().mapToLong(b -> b.length).sum()) {
      throw new IllegalStateException("read " + read + " bytes");
    }
    report(
        name + (cache == null ? " find" : " find (cold cache)"),
        contents,
        System.nanoTime() - start);
  }

  private static void report(String what, List<byte[]> contents, long nanos) {
    double seconds = nanos / 1e9;
    long bytes = contents.stream().mapToLong(b -> b.length).sum();
    System.out.printf(
        "%-24s %7.1f files/s %8.1f MB/s  (%.2f s)%n",
        what, contents.size() / seconds, bytes / 1048576.0 / seconds, seconds);
  }
}
