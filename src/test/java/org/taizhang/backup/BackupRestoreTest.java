package org.taizhang.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.Grade;
import org.taizhang.completeness.MissingItem;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.index.IndexMaintenance;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.ImportSummary;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.job.Job;
import org.taizhang.ocr.TextRecognition;
import org.taizhang.review.RecycleBin;
import org.taizhang.review.ReviewService;
import org.taizhang.store.FileStore;
import org.taizhang.support.Basic;
import org.taizhang.support.Command;
import org.taizhang.support.Multipart;
import org.taizhang.support.Postgres;
import org.taizhang.support.ServiceProcess;
import org.taizhang.support.Slow;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample county, with review decisions, comments, a resubmission, the recycle bin and
 * completeness decisions on top, backed up through the API while uploads keep arriving; restored by
 * the {@code restore} command into a fresh data directory; and then, as a separate service, asked
 * the same searches and completeness questions as the original as of the snapshot. The same backup
 * restores into PostgreSQL row for row, and the {@code backup} command hands the work to the
 * running service.
 */
@Slow
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      "taizhang.admin.password=" + BackupRestoreTest.PASSWORD
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreTest {
  static final String PASSWORD = "backup-restore-pw";
  private static final String[] ADMIN = Basic.auth("admin", PASSWORD);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern INSTANT =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Path WORK = createWork();
  private static final List<String> QUERIES =
      List.of(
          "台账",
          "志愿服务",
          "会议记录",
          "垃圾分类 OR 志愿服务",
          "title:总结",
          "year:2025 志愿服务",
          "\"道德讲堂 活动\"",
          "category:会议记录",
          "date:2025-03",
          "文明 -草稿",
          "type:图片",
          "unit:教育局 年终总结",
          "备份演练",
          "修改稿",
          "");

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("taizhang.data-dir", () -> WORK.resolve("original").toString());
  }

  private static Path createWork() {
    try {
      return Files.createTempDirectory("taizhang-backup-restore");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired AccountService accounts;
  @Autowired IngestService ingest;
  @Autowired ReviewService reviews;
  @Autowired RecycleBin recycleBin;
  @Autowired CompletenessService completeness;
  @Autowired DocumentRepository documents;
  @Autowired IndexMaintenance maintenance;
  @Autowired FileStore store;
  @Autowired AuditLog audit;
  @Autowired TextRecognition recognition;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Caller admin = Caller.system("admin");
  private final Path backup = WORK.resolve("backup");
  private String token;

  @BeforeAll
  void sampleCountyWithHistory() throws Exception {
    ImportSummary summary = importer.importFolder(Path.of("sample-archive"), "test");
    assertThat(summary.rejected()).isEmpty();
    accounts.create("test", "reviewer", "测评员", Role.REVIEWER, null, PASSWORD);
    accounts.create("test", "clerk-wjj", "卫健局填报员", Role.CLERK, "qhx-wjj", PASSWORD);
    token = accounts.createToken("admin", "备份脚本");

    List<Document> wjj = documents.findByUnit("qhx-wjj");
    Document returned = wjj.get(0);
    reviews.returnForRework(admin, returned.id(), "缺少记录人", LocalDate.of(2099, 12, 31));
    reviews.comment(admin, returned.id(), "请补充记录人后重新提交");
    ingest.ingest(
        new IngestRequest(
            "qhx-wjj",
            returned.category(),
            returned.date(),
            returned.title() + "（修改稿）",
            returned.year(),
            "修改稿.txt",
            "clerk-wjj",
            returned.id()),
        new ByteArrayInputStream(TestFiles.utf8("修改稿 记录人：张三 " + returned.title())));
    reviews.accept(admin, wjj.get(1).id());
    recycleBin.delete(admin, wjj.get(2).id());

    UnitCompleteness jyj = completeness.unit("qhx-jyj", 2025).orElseThrow();
    completeness.override(admin, "qhx-jyj", 2025, jyj.indicators().get(0).code(), Grade.C, "现场核实");
    UnitCompleteness wjj2025 = completeness.unit("qhx-wjj", 2025).orElseThrow();
    MissingItem missing =
        wjj2025.indicators().stream().flatMap(i -> i.missing().stream()).findFirst().orElseThrow();
    completeness.explain(
        admin, "qhx-wjj", 2025, missing.key(), "会议记录待归档", LocalDate.of(2099, 6, 30));
    String yzSystem = completeness.unit("qhx-yz", 2025).orElseThrow().system();
    String veto =
        completeness.systems().stream()
            .filter(s -> s.name().equals(yzSystem))
            .findFirst()
            .orElseThrow()
            .vetoes()
            .get(0)
            .code();
    completeness.veto(admin, "qhx-yz", 2025, veto, "材料造假");
    // The sample county's scan is read in the background (OCR is on by default); once it is, both
    // instances hold its text and the restored one has nothing left to read that would change its
    // answers.
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (recognition.running() && recognition.backlog() > 0) {
      assertThat(System.nanoTime()).as("OCR of the sample scan finished").isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /**
   * The copies this test made; the original stays, held by the test's service until the JVM ends.
   */
  @AfterAll
  void removeCopies() throws IOException {
    try (Stream<Path> entries = Files.list(WORK)) {
      entries
          .filter(p -> !p.getFileName().toString().equals("original"))
          .forEach(Restorer::deleteTree);
    }
  }

  /** One upload of the concurrent uploader, with when it started and when it was acknowledged. */
  private record Upload(long id, long started, long finished) {}

  @Test
  @Order(1)
  void restoredInstanceAnswersLikeTheOriginalAsOfTheSnapshot() throws Exception {
    List<Upload> uploads = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    Thread uploader = new Thread(() -> upload(uploads, stop), "backup-test-uploader");
    uploader.start();
    awaitUploads(uploads, 3);

    long started = System.nanoTime();
    HttpResponse<String> response = post("/api/admin/backups", "dir", backup.toString());
    long finished = System.nanoTime();
    int afterBackup = uploads.size();
    awaitUploads(uploads, afterBackup + 3);
    stop.set(true);
    uploader.join(60_000);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode summary = JSON.readTree(response.body());
    assertThat(summary.get("dir").stringValue()).isEqualTo(backup.toString());
    assertThat(uploads)
        .as("uploads went on while the backup was written")
        .anyMatch(u -> u.started() < finished && u.finished() > started);
    assertThat(audit.find(new AuditQuery("admin", AuditAction.BACKUP, null, null, null, 1, 10)))
        .anyMatch(e -> backup.toString().equals(e.target()));

    Set<Long> snapshot = new HashSet<>();
    BackupRoundTripTest.rows(backup)
        .get("document")
        .forEach(row -> snapshot.add(row.get("id").longValue()));
    assertThat(summary.get("documents").longValue()).isEqualTo(snapshot.size());
    for (Upload u : uploads) {
      if (u.finished() < started) {
        assertThat(snapshot).as("acknowledged before the backup began").contains(u.id());
      } else if (u.started() > finished) {
        assertThat(snapshot).as("sent after the backup ended").doesNotContain(u.id());
      }
    }

    // The original as of the snapshot: what arrived after it goes. Its index is then rebuilt, as
    // the
    // restore builds one, because deleted documents stay in an index's statistics (and so in its
    // scores) until segments merge, and documents of equal score keep the order they were indexed
    // in.
    for (Upload u : uploads) {
      if (!snapshot.contains(u.id())) {
        recycleBin.delete(admin, u.id());
        recycleBin.purge(admin, u.id());
      }
    }
    maintenance.rebuild(Job.untracked("重建索引"));

    Path data = WORK.resolve("restored");
    Path config = WORK.resolve("restored-config");
    Command.Result restore =
        run(
            Map.of(),
            "restore",
            backup.toString(),
            "--taizhang.data-dir=" + data,
            "--taizhang.config-dir=" + config);
    assertThat(restore.exit()).as(restore.output()).isZero();
    assertThat(restore.output()).contains("恢复完成：").contains("配置目录 " + config + " 已由备份恢复");

    // complete when the command ends: the index holds every current document before any service
    // starts
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(data.resolve("index")))) {
      assertThat(reader.numDocs()).isEqualTo(documents.count());
    }

    try (ServiceProcess restored =
        ServiceProcess.start(
            WORK.resolve("restored.log"),
            "taizhang.data-dir=" + data,
            "taizhang.config-dir=" + config,
            TestSettings.OWN_ARCHIVE)) {
      restored.awaitReady(http, Duration.ofSeconds(120));
      assertSameAnswers(restored, snapshot);
    }
  }

  private void assertSameAnswers(ServiceProcess restored, Set<Long> snapshot) throws Exception {
    for (String q : QUERIES) {
      for (String extra : List.of("", "&sort=date", "&year=2025", "&unit=qhx-wjj")) {
        String path =
            "/api/search?size=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra;
        assertSame(path, getJson(uri(path)), getJson(restored.uri(path)));
      }
    }
    JsonNode all = getJson(uri("/api/search?size=100&sort=date"));
    assertThat(all.get("total").longValue()).isEqualTo(documents.count()).isGreaterThan(250);
    for (int page = 1; page <= all.get("total").longValue() / 100 + 1; page++) {
      String path = "/api/search?size=100&sort=date&page=" + page;
      assertSame(path, getJson(uri(path)), getJson(restored.uri(path)));
    }
    assertThat(
            getJson(uri("/api/search?q=" + URLEncoder.encode("备份演练", StandardCharsets.UTF_8)))
                .get("total")
                .longValue())
        .as("uploads of the snapshot are found")
        .isPositive();

    for (int year : completeness.years()) {
      String path = "/api/completeness?year=" + year;
      JsonNode original = getJson(uri(path));
      assertThat(original.size()).isPositive();
      assertSame(path, original, getJson(restored.uri(path)));
    }
    for (String path :
        List.of("/api/todo", "/api/recycle-bin", "/api/units", "/api/completeness/systems")) {
      assertSame(path, getJson(uri(path)), getJson(restored.uri(path)));
    }
    Document resubmitted =
        documents.findByUnit("qhx-wjj").stream()
            .filter(d -> d.title().endsWith("（修改稿）"))
            .findFirst()
            .orElseThrow();
    for (String path :
        List.of(
            "/api/documents/" + resubmitted.id() + "/versions",
            "/api/documents/" + resubmitted.lifecycle().supersedesId() + "/comments")) {
      assertSame(path, getJson(uri(path)), getJson(restored.uri(path)));
    }

    // originals byte for byte, for every document of the snapshot (current, older versions, recycle
    // bin)
    for (long id : new TreeSet<>(snapshot)) {
      Document d = documents.find(id).orElseThrow();
      HttpResponse<byte[]> file =
          http.send(
              HttpRequest.newBuilder(restored.uri("/api/documents/" + id + "/file"))
                  .headers(ADMIN)
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (file.statusCode() == 200) {
        assertThat(file.body())
            .as("document %d", id)
            .isEqualTo(Files.readAllBytes(store.find(d.sha256()).orElseThrow()));
      } else {
        assertThat(d.lifecycle().deleted())
            .as("only the recycle bin's originals are not served (%d)", id)
            .isTrue();
        assertThat(
                Files.readAllBytes(
                    WORK.resolve("restored/files/objects")
                        .resolve(d.sha256().substring(0, 2))
                        .resolve(d.sha256().substring(2, 4))
                        .resolve(d.sha256())))
            .isEqualTo(Files.readAllBytes(store.find(d.sha256()).orElseThrow()));
      }
    }

    // accounts and tokens came along, and new documents get ids past the restored ones
    HttpResponse<String> withToken =
        http.send(
            HttpRequest.newBuilder(restored.uri("/api/units"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).isEqualTo(200);
    HttpResponse<String> upload =
        new Multipart()
            .field("unit", "qhx-jyj")
            .file("恢复后上传.txt", TestFiles.utf8("恢复后的第一份材料 " + UUID.randomUUID()))
            .post(http, restored.uri("/api/documents"), ADMIN);
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
    assertThat(JSON.readTree(upload.body()).get("id").longValue())
        .isGreaterThan(snapshot.stream().mapToLong(Long::longValue).max().orElseThrow());
  }

  @Test
  @Order(2)
  void theSameBackupRestoresIntoPostgresRowForRow() throws Exception {
    Postgres.requireOrSkip();
    String schema = "restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String[] settings = {
      "--taizhang.data-dir=" + WORK.resolve("pg-data"),
      "--taizhang.config-dir=index-config",
      "--spring.datasource.url=" + Postgres.URL + "?currentSchema=" + schema,
      "--spring.datasource.username=postgres",
      "--spring.datasource.password=",
      "--spring.flyway.schemas=" + schema,
      "--spring.flyway.create-schemas=true"
    };
    try {
      Command.Result restore =
          run(Map.of(), concat(new String[] {"restore", backup.toString()}, settings));
      assertThat(restore.exit()).as(restore.output()).isZero();
      assertThat(restore.output()).contains("已有内容，未覆盖；与备份中的配置一致");

      // backed up again with the service stopped, the command reads the database itself
      Path again = WORK.resolve("pg-backup");
      Command.Result backUp =
          run(Map.of(), concat(new String[] {"backup", again.toString()}, settings));
      assertThat(backUp.exit()).as(backUp.output()).isZero();
      assertThat(backUp.output()).contains("备份完成：" + again);
      Map<String, List<JsonNode>> before = BackupRoundTripTest.rows(backup);
      Map<String, List<JsonNode>> after = BackupRoundTripTest.rows(again);
      assertThat(after.keySet()).isEqualTo(before.keySet());
      for (String table : before.keySet()) {
        assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
      }
    } finally {
      try (var c = DriverManager.getConnection(Postgres.URL, "postgres", "")) {
        c.createStatement().execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  @Test
  @Order(3)
  void theBackupCommandHandsTheWorkToTheRunningService() throws Exception {
    String dataDir = "--taizhang.data-dir=" + WORK.resolve("original");
    Command.Result withoutToken =
        run(Map.of("TAIZHANG_TOKEN", ""), "backup", WORK.resolve("via-cli-0").toString(), dataDir);
    assertThat(withoutToken.exit()).isEqualTo(1);
    assertThat(withoutToken.output()).contains("数据目录正被运行中的服务使用。要在服务运行时备份，请把管理员的 API 令牌");

    Path target = WORK.resolve("via-cli");
    Command.Result withToken =
        run(
            Map.of("TAIZHANG_TOKEN", token),
            "backup",
            target.toString(),
            dataDir,
            "--server=http://127.0.0.1:" + port);
    assertThat(withToken.exit()).as(withToken.output()).isZero();
    assertThat(withToken.output())
        .contains("改由服务 http://127.0.0.1:" + port)
        .contains("备份完成：" + target);
    assertThat(BackupReader.open(target).manifest().tables()).isNotEmpty();
  }

  // ---- helpers

  /**
   * Equal JSON answers, but for {@link #DERIVED} fields; on a difference, names the first place
   * they differ rather than printing both. Times compare to the microsecond: the database keeps the
   * nearest microsecond, while the original holds the decisions it recorded itself with its clock's
   * nanoseconds until it restarts.
   */
  private static void assertSame(String path, JsonNode original, JsonNode restored) {
    assertThat(firstDifference("", original, restored)).as(path).isEmpty();
  }

  private static String firstDifference(String at, JsonNode a, JsonNode b) {
    if (a.isString()
        && b.isString()
        && INSTANT.matcher(a.stringValue()).matches()
        && INSTANT.matcher(b.stringValue()).matches()) {
      return micros(a.stringValue()).equals(micros(b.stringValue()))
          ? ""
          : at + ": original " + a + ", restored " + b;
    }
    if (a.isContainer()
        && b.isContainer()
        && a.getNodeType() == b.getNodeType()
        && a.size() == b.size()) {
      if (a.isArray()) {
        for (int i = 0; i < a.size(); i++) {
          String d = firstDifference(at + "/" + i, a.get(i), b.get(i));
          if (!d.isEmpty()) {
            return d;
          }
        }
        return "";
      }
      for (String name : a.propertyNames()) {
        if (DERIVED.contains(name)) {
          continue;
        }
        String d =
            b.has(name)
                ? firstDifference(at + "/" + name, a.get(name), b.get(name))
                : at + "/" + name + " missing";
        if (!d.isEmpty()) {
          return d;
        }
      }
      return "";
    }
    return a.equals(b) ? "" : at + ": original " + abbreviate(a) + ", restored " + abbreviate(b);
  }

  /**
   * Fields about derived data a backup leaves out on purpose: thumbnails are rendered again on
   * demand.
   */
  private static final Set<String> DERIVED = Set.of("thumbnailState");

  private static Instant micros(String instant) {
    Instant t = OffsetDateTime.parse(instant).toInstant();
    return Instant.ofEpochSecond(t.getEpochSecond())
        .plus(Math.round(t.getNano() / 1000.0), ChronoUnit.MICROS);
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private void upload(List<Upload> uploads, AtomicBoolean stop) {
    for (int i = 0; !stop.get() && i < 10_000; i++) {
      long started = System.nanoTime();
      try {
        HttpResponse<String> r =
            new Multipart()
                .field("unit", "qhx-wjj")
                .file(
                    "备份演练第" + i + "份.txt",
                    TestFiles.utf8("备份演练 并发上传 第" + i + "份 时间：2025年6月1日 " + UUID.randomUUID()))
                .post(http, uri("/api/documents"), ADMIN);
        if (r.statusCode() == 201) {
          uploads.add(
              new Upload(
                  JSON.readTree(r.body()).get("id").longValue(), started, System.nanoTime()));
        }
      } catch (Exception e) {
        return;
      }
    }
  }

  private static void awaitUploads(List<Upload> uploads, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (uploads.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(uploads.size()).isGreaterThanOrEqualTo(count);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> post(String path, String... form) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < form.length; i += 2) {
      body.append(body.length() == 0 ? "" : "&")
          .append(form[i])
          .append('=')
          .append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private JsonNode getJson(URI uri) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri).headers(ADMIN).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(uri + " " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /**
   * A command in its own JVM, as an operator runs it; {@code env} is added to (or, where a value is
   * empty, removed from) the environment.
   */
  private static Command.Result run(Map<String, String> env, String... args) throws Exception {
    return Command.run(
        Command.taizhang(List.of("-Xmx512m"), List.of(args)), env, Duration.ofMinutes(5));
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
