package org.taizhang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.Basic;
import org.taizhang.support.DataDirectory;
import org.taizhang.support.Multipart;
import org.taizhang.support.ServiceProcess;
import org.taizhang.support.Slow;
import org.taizhang.support.TestFiles;

/**
 * Kills the service with SIGKILL at random moments while it imports a folder and takes uploads from
 * several clients, round after round, starts it again, and checks that every acknowledged document
 * is in the database, the file store and the index, that no unreferenced file remains, and that the
 * index holds exactly what the database holds.
 *
 * <p>{@code -Dtaizhang.crash.rounds=N} (default 3) and {@code -Dtaizhang.crash.seed=S} choose how
 * many kills and when; the seed is printed so a failing run can be repeated.
 */
@Slow
class CrashRecoveryTest {
  private static final int FILES = 300;
  private static final int UPLOADERS = 3;
  private static final String[] ADMIN = Basic.auth("admin", "crash-test-admin");

  @TempDir Path work;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void acknowledgedDocumentsSurviveSigkillDuringImportAndUploads() throws Exception {
    int rounds = Integer.getInteger("taizhang.crash.rounds", 3);
    long seed = Long.getLong("taizhang.crash.seed", System.nanoTime());
    System.out.printf("crash test: %d rounds, seed %d%n", rounds, seed);
    Random random = new Random(seed);
    Path archive = work.resolve("archive");
    Path data = work.resolve("data");
    writeArchive(archive);
    // Kept in target/ so a failure can be read after the temporary directory is gone.
    Path log = Path.of("target", "crash-recovery-service.log");
    Files.createDirectories(log.getParent());
    Files.deleteIfExists(log);
    String[] props = {
      "taizhang.data-dir=" + data,
      "taizhang.config-dir=" + Path.of("index-config").toAbsolutePath(),
      "taizhang.sample.archive=" + archive,
      // frequent commits, so that kills land before, during and after them
      "taizhang.index.commit-interval=500ms",
      "taizhang.admin.password=crash-test-admin"
    };
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    String[] token = null;
    for (int round = 0; round < rounds; round++) {
      try (ServiceProcess service = ServiceProcess.start(log, props)) {
        service.awaitReady(http, Duration.ofSeconds(90));
        if (token == null) {
          // A token, as scripts use, rather than a password checked with bcrypt on every request.
          token = new String[] {"Authorization", "Bearer " + service.createToken(ADMIN, "崩溃测试")};
        }
        String[] auth = token;
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] uploaders = new Thread[UPLOADERS];
        for (int u = 0; u < UPLOADERS; u++) {
          String client = round + "-" + u;
          uploaders[u] = new Thread(() -> upload(service, auth, client, acknowledged, stop));
          uploaders[u].start();
        }
        Thread.sleep(500 + random.nextInt(4000));
        service.kill();
        stop.set(true);
        for (Thread t : uploaders) {
          t.join();
        }
      }
    }
    // A last, clean run: recovery at start, the interrupted import completes, then a normal stop.
    try (ServiceProcess service = ServiceProcess.start(log, props)) {
      service.awaitReady(http, Duration.ofSeconds(90));
      for (long id : acknowledged) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(service.uri("/api/documents/" + id)).headers(ADMIN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("acknowledged document %d after restart", id).isEqualTo(200);
      }
      awaitImportFinished(log);
      service.stop();
    }

    DataDirectory dir = new DataDirectory(data);
    Map<Long, String> rows = dir.documents();
    System.out.printf(
        "crash test: %d kills, %d uploads acknowledged before them, %d documents afterwards%n",
        rounds, acknowledged.size(), rows.size());
    assertThat(rows.keySet()).as("every acknowledged upload has its row").containsAll(acknowledged);
    assertThat(rows).hasSizeGreaterThanOrEqualTo(FILES);
    assertThat(dir.storedObjects())
        .as("file store holds exactly the referenced originals")
        .isEqualTo(new HashSet<>(rows.values()));
    assertThat(dir.stagedFiles()).isZero();
    assertThat(dir.indexDrift())
        .as("index holds exactly the database's current documents (missing, extra)")
        .isEqualTo(DataDirectory.IndexDrift.NONE);
    assertThat(Files.readString(log)).contains("示例档案导入完成");
  }

  private static void writeArchive(Path root) throws Exception {
    Files.createDirectories(root);
    Files.writeString(
        root.resolve("units.csv"),
        "code,name,type,parent\ncounty,青禾县文明办,创建办,\nedu,青禾县教育局,文明单位,county\n");
    for (int i = 0; i < FILES; i++) {
      Path dir = root.resolve("edu/2025/" + (i % 2 == 0 ? "会议记录" : "活动记录"));
      Files.createDirectories(dir);
      Files.write(
          dir.resolve(String.format("记录%03d.docx", i)),
          TestFiles.docx(
              "第" + i + "号创建工作记录", "时间：2025年3月" + (i % 28 + 1) + "日", "志愿服务与道德讲堂活动情况。".repeat(40)));
    }
  }

  private void upload(
      ServiceProcess service,
      String[] auth,
      String client,
      Set<Long> acknowledged,
      AtomicBoolean stop) {
    for (int i = 0; !stop.get(); i++) {
      try {
        byte[] content =
            i % 3 == 0
                ? TestFiles.docx("客户端" + client + "第" + i + "次上传的会议记录", "时间：2025年5月8日")
                : TestFiles.utf8("客户端" + client + "第" + i + "次上传的创建简报");
        HttpResponse<String> r =
            new Multipart()
                .field("unit", "edu")
                .file("上传" + client + "-" + i + (i % 3 == 0 ? ".docx" : ".txt"), content)
                .post(http, service.uri("/api/documents"), auth);
        if (r.statusCode() == 201) {
          String body = r.body();
          int at = body.indexOf("\"id\":") + 5;
          acknowledged.add(Long.parseLong(body.substring(at, body.indexOf(',', at))));
        }
      } catch (Exception e) {
        // the service went down mid-request: not acknowledged, nothing is owed
      }
    }
  }

  private static void awaitImportFinished(Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.readString(log).contains("示例档案导入完成")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("import did not finish; see " + log);
  }
}
