package org.taizhang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.Basic;
import org.taizhang.support.Multipart;
import org.taizhang.support.ServiceProcess;
import org.taizhang.support.TestFiles;

/**
 * Kills the service with SIGKILL while it imports a folder and takes uploads, starts it again, and
 * checks that nothing acknowledged was lost, no unreferenced file remains, and the index holds
 * exactly what the database holds.
 */
class CrashRecoveryTest {
  private static final int FILES = 300;
  private static final int ROUNDS = 2;
  private static final String[] ADMIN = Basic.auth("admin", "crash-test-admin");

  @TempDir Path work;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void acknowledgedDocumentsSurviveSigkillDuringImport() throws Exception {
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
        "taizhang.index.commit-interval=500ms",
        "taizhang.admin.password=crash-test-admin"};
    Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    Random random = new Random(7);
    for (int round = 0; round < ROUNDS; round++) {
      try (ServiceProcess service = ServiceProcess.start(log, props)) {
        service.awaitReady(http, Duration.ofSeconds(90));
        AtomicBoolean stop = new AtomicBoolean();
        int roundNo = round;
        Thread uploader = new Thread(() -> upload(service, roundNo, acknowledged, stop));
        uploader.start();
        Thread.sleep(300 + random.nextInt(1500));
        service.kill();
        stop.set(true);
        uploader.join();
      }
    }
    // A last, clean run: recovery at start, the interrupted import completes, then a normal stop.
    try (ServiceProcess service = ServiceProcess.start(log, props)) {
      service.awaitReady(http, Duration.ofSeconds(90));
      for (long id : acknowledged) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(service.uri("/api/documents/" + id)).headers(ADMIN).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("acknowledged document %d after restart", id).isEqualTo(200);
      }
      awaitImportFinished(log);
      service.stop();
    }

    Set<Long> dbIds = new HashSet<>();
    Set<String> referenced = new HashSet<>();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/taizhang") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
        ResultSet rs = c.createStatement().executeQuery("select id, sha256 from document")) {
      while (rs.next()) {
        dbIds.add(rs.getLong(1));
        referenced.add(rs.getString(2).strip());
      }
    }
    assertThat(dbIds).containsAll(acknowledged);
    assertThat(dbIds).hasSizeGreaterThanOrEqualTo(FILES);

    Set<String> stored = new HashSet<>();
    try (Stream<Path> files = Files.walk(data.resolve("files/objects"))) {
      files.filter(Files::isRegularFile).forEach(p -> stored.add(p.getFileName().toString()));
    }
    assertThat(stored).as("file store holds exactly the referenced originals").isEqualTo(referenced);
    try (Stream<Path> staging = Files.list(data.resolve("files/staging"))) {
      assertThat(staging).isEmpty();
    }
    assertThat(indexedIds(data.resolve("index"))).as("index holds exactly the database's documents").isEqualTo(dbIds);
    assertThat(Files.readString(log)).contains("示例档案导入完成");
  }

  private static void writeArchive(Path root) throws Exception {
    Files.createDirectories(root);
    Files.writeString(root.resolve("units.csv"), "code,name,type,parent\ncounty,青禾县文明办,创建办,\nedu,青禾县教育局,文明单位,county\n");
    for (int i = 0; i < FILES; i++) {
      Path dir = root.resolve("edu/2025/" + (i % 2 == 0 ? "会议记录" : "活动记录"));
      Files.createDirectories(dir);
      Files.write(dir.resolve(String.format("记录%03d.docx", i)),
          TestFiles.docx("第" + i + "号创建工作记录", "时间：2025年3月" + (i % 28 + 1) + "日", "志愿服务与道德讲堂活动情况。".repeat(40)));
    }
  }

  private void upload(ServiceProcess service, int round, Set<Long> acknowledged, AtomicBoolean stop) {
    for (int i = 0; !stop.get(); i++) {
      try {
        HttpResponse<String> r = new Multipart().field("unit", "edu")
            .file("上传" + round + "-" + i + ".txt", TestFiles.utf8("第" + round + "轮第" + i + "次上传的创建简报"))
            .post(http, service.uri("/api/documents"), ADMIN);
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

  private static Set<Long> indexedIds(Path index) throws Exception {
    Set<Long> ids = new HashSet<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        NumericDocValues values = leaf.reader().getNumericDocValues("id");
        if (values == null) {
          continue;
        }
        var live = leaf.reader().getLiveDocs();
        for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
          if (live == null || live.get(d)) {
            ids.add(values.longValue());
          }
        }
      }
    }
    return ids;
  }
}
