package org.taizhang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.index.DocumentIndex;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.Basic;
import org.taizhang.support.Multipart;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upload, duplicate detection, rejection of bad input and search, through the HTTP API of a running
 * service. Subclasses choose the database.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      // a small limit, so that FILE_TOO_LARGE is shown with a 3 MB file
      "taizhang.upload.max-file-size=2MB",
      "taizhang.admin.password=" + ArchiveFlowTests.ADMIN_PASSWORD
    })
abstract class ArchiveFlowTests {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final String ADMIN_PASSWORD = "flow-admin-password";
  static final String[] ADMIN = Basic.auth("admin", ADMIN_PASSWORD);

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired DocumentRepository documents;
  @Autowired DocumentIndex index;
  @Autowired TaizhangProperties properties;

  final HttpClient http = HttpClient.newHttpClient();

  static Path newDataDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void units() throws IOException {
    TestUnits.load(importer, TestUnits.COUNTY);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpResponse<String> upload(String unit, String fileName, byte[] content) throws Exception {
    return new Multipart()
        .field("unit", unit)
        .file(fileName, content)
        .post(http, uri("/api/documents"), ADMIN);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).headers(ADMIN).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  JsonNode json(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  JsonNode search(String query) throws Exception {
    HttpResponse<String> r = get("/api/search?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r);
  }

  static String snippetOf(JsonNode result, long id) {
    for (JsonNode hit : result.get("hits")) {
      if (hit.get("id").asLong() == id) {
        return hit.get("snippet").asString();
      }
    }
    throw new AssertionError("document " + id + " not among the hits: " + result);
  }

  static String q(String s) {
    return "q=" + URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  long storedObjects() throws IOException {
    Path objects = properties.filesDir().resolve("objects");
    try (Stream<Path> s = Files.walk(objects)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void uploadedDocumentIsFoundByAWordInIt() throws Exception {
    HttpResponse<String> r =
        upload(
            "edu",
            "2025年3月12日 第一季度创建工作会议记录.docx",
            TestFiles.docx("第一季度创建工作会议记录", "时间：2025年3月12日", "议题：研究部署道德讲堂和垃圾分类宣传活动"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode doc = json(r);
    assertThat(doc.get("unit").asString()).isEqualTo("edu");
    assertThat(doc.get("category").asString()).isEqualTo("meeting");
    assertThat(doc.get("date").asString()).isEqualTo("2025-03-12");
    assertThat(doc.get("year").asInt()).isEqualTo(2025);
    assertThat(doc.get("filing").get("categorySource").asString()).isEqualTo("TITLE");
    assertThat(doc.get("filing").get("dateSource").asString()).isEqualTo("FILE_NAME");
    assertThat(doc.get("filing").get("uncertain").asBoolean()).isFalse();
    assertThat(doc.get("filing").get("question").isNull()).isTrue();
    assertThat(doc.get("sha256").asString()).hasSize(64);
    assertThat(doc.get("duplicate").asBoolean()).isFalse();

    JsonNode result = search(q("垃圾分类"));
    assertThat(result.get("total").asLong()).isEqualTo(1);
    JsonNode hit = result.get("hits").get(0);
    assertThat(hit.get("id").asLong()).isEqualTo(doc.get("id").asLong());
    assertThat(hit.get("snippet").asString()).contains("<mark>垃圾分类</mark>");
    assertThat(result.get("facets").get("unit").get(0)).as(result.toString()).isNotNull();
    assertThat(result.get("facets").get("unit").get(0).get("value").asString()).isEqualTo("edu");
    assertThat(result.get("facets").get("year").get(0).get("value").asString()).isEqualTo("2025");
  }

  @Test
  void aNewVersionKeepsHowItsCategoryWasWorkedOut() throws Exception {
    JsonNode first =
        json(
            upload(
                "edu",
                "2025年5月8日 第二季度创建工作会议记录.docx",
                TestFiles.docx("第二季度创建工作会议记录", "时间：2025年5月8日", "议题：研究部署文明交通劝导")));
    assertThat(first.get("filing").get("categorySource").asString()).isEqualTo("TITLE");
    HttpResponse<String> r =
        new Multipart()
            .field("unit", "edu")
            .field("replaces", first.get("id").asString())
            .file("扫描版.txt", TestFiles.utf8("补充签字后的版本\n议题：研究部署文明交通劝导\n"))
            .post(http, uri("/api/documents"), ADMIN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode version = json(r);
    assertThat(version.get("category").asString())
        .as("the new version is filed where the old one was")
        .isEqualTo("meeting");
    assertThat(version.get("filing").get("categorySource").asString())
        .as("an inferred category stays inferred, not a person's choice")
        .isEqualTo("TITLE");
  }

  @Test
  void aDocumentThatStatesNoDateGetsNoneAndTheClerkIsAsked() throws Exception {
    // TestFiles.docx writes no date of its own; Word keeps a creation time, which is no date it
    // states
    HttpResponse<String> r =
        upload("edu", "创建工作例会.docx", TestFiles.docx("创建工作例会", "议题：研究志愿服务安排", "请于3月20日前报送"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode doc = json(r);
    assertThat(doc.get("date").isNull()).as(r.body()).isTrue();
    assertThat(doc.get("filing").get("dateSource").asString()).isEqualTo("NONE");
    assertThat(doc.get("filing").get("undated").asBoolean()).isTrue();
    assertThat(doc.get("filing").get("question").asString()).contains("没有写明日期");
  }

  @Test
  void materialThatIsNoEvidenceStaysUnfiledAndAPersonsChoiceIsCertain() throws Exception {
    HttpResponse<String> r =
        upload(
            "edu",
            "入党申请书.txt",
            TestFiles.utf8("入党申请书\n敬爱的党组织：\n我积极向先进同志学习，参加各项活动。\n申请人：张三\n二〇二四年三月五日\n"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode doc = json(r);
    assertThat(doc.get("category").isNull()).as(r.body()).isTrue();
    assertThat(doc.get("date").asString()).isEqualTo("2024-03-05");
    assertThat(doc.get("filing").get("categorySource").asString()).isEqualTo("NONE");
    assertThat(doc.get("filing").get("dateSource").asString()).isEqualTo("SIGNATURE");
    assertThat(doc.get("filing").get("uncertain").asBoolean()).isTrue();
    assertThat(doc.get("filing").get("question").asString()).contains("入党申请书");

    HttpResponse<String> corrected =
        http.send(
            HttpRequest.newBuilder(uri("/api/documents/" + doc.get("id").asLong() + "/description"))
                .headers(ADMIN)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("category=explanation"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
    JsonNode after = json(corrected);
    assertThat(after.get("category").asString()).isEqualTo("explanation");
    assertThat(after.get("filing").get("categorySource").asString()).isEqualTo("GIVEN");
    assertThat(after.get("filing").get("categoryConfidence").asDouble()).isEqualTo(1.0);
    assertThat(after.get("filing").get("uncertain").asBoolean()).isFalse();
    assertThat(after.get("filing").get("question").isNull()).isTrue();
  }

  @Test
  void identicalSecondUploadIsReportedAsDuplicateWithTheSameId() throws Exception {
    byte[] content = TestFiles.utf8("星河社区2025年志愿服务活动简报，创建文明社区，台账规范。");
    HttpResponse<String> first = upload("xinghe", "简报.txt", content);
    assertThat(first.statusCode()).isEqualTo(201);
    long objects = storedObjects();
    long rows = documents.count();
    HttpResponse<String> second = upload("xinghe", "简报（再次上传）.txt", content);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(json(second).get("duplicate").asBoolean()).isTrue();
    assertThat(json(second).get("id").asLong()).isEqualTo(json(first).get("id").asLong());
    assertThat(storedObjects()).isEqualTo(objects);
    assertThat(documents.count()).isEqualTo(rows);
  }

  @Test
  void theSameFileUploadedByManyClientsAtOnceIsStoredOnce() throws Exception {
    byte[] content = TestFiles.docx("星河社区同时上传的同一份会议记录", "时间：2025年6月3日", "编号 " + System.nanoTime());
    long objects = storedObjects();
    long rows = documents.count();
    int clients = 16;
    CyclicBarrier start = new CyclicBarrier(clients);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        int n = i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return upload("xinghe", "会议记录（第" + n + "次上传）.docx", content);
                }));
      }
      Map<Integer, Integer> statuses = new TreeMap<>();
      Set<Long> ids = new HashSet<>();
      for (var a : answers) {
        HttpResponse<String> r = a.get();
        statuses.merge(r.statusCode(), 1, Integer::sum);
        ids.add(json(r).get("id").asLong());
      }
      assertThat(statuses)
          .as("one 201, the rest 200 duplicates")
          .isEqualTo(Map.of(201, 1, 200, clients - 1));
      assertThat(ids).as("every client is told the same document").hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(documents.count()).isEqualTo(rows + 1);
    assertThat(storedObjects()).isEqualTo(objects + 1);
    try (Stream<Path> staging = Files.list(properties.filesDir().resolve("staging"))) {
      assertThat(staging).isEmpty();
    }
  }

  @Test
  void anAdministratorImportsAServerFolderAndWatchesItsProgress() throws Exception {
    Path folder = Files.createTempDirectory("admin-import");
    int files = 12;
    for (int i = 0; i < files; i++) {
      Path dir = Files.createDirectories(folder.resolve("xinghe/2025/活动记录"));
      Files.write(
          dir.resolve("活动" + i + ".txt"),
          TestFiles.utf8("星河社区后台导入第" + i + "号活动记录，敬老助残志愿服务。" + System.nanoTime()));
    }
    HttpResponse<String> started =
        http.send(
            HttpRequest.newBuilder(uri("/admin/jobs/import"))
                .headers(ADMIN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "dir=" + URLEncoder.encode(folder.toString(), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).isEqualTo(302);
    JsonNode job = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (JsonNode j : json(get("/api/admin/jobs")).get("jobs")) {
        if (j.get("name").asString().equals("导入目录")
            && !j.get("state").asString().equals("RUNNING")) {
          job = j;
        }
      }
      if (job != null) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(job).as("the import finished").isNotNull();
    assertThat(job.get("state").asString()).isEqualTo("DONE");
    assertThat(job.get("done").asLong()).isEqualTo(files);
    assertThat(job.get("total").asLong()).isEqualTo(files);
    assertThat(job.get("outcome").asString()).contains("新增 " + files);
    assertThat(search(q("后台导入")).get("total").asLong()).isEqualTo(files);
    assertThat(get("/admin/jobs").body()).contains("导入目录").contains("完成");
  }

  @Test
  void gb18030TextDecodes() throws Exception {
    byte[] gb = TestFiles.text("青禾县教育局工作简报：开展“文明校园”创建，志愿者走进社区。", Charset.forName("GB18030"));
    HttpResponse<String> r = upload("edu", "工作简报.txt", gb);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    long id = json(r).get("id").asLong();
    String text = get("/api/documents/" + id + "/text").body();
    assertThat(text).contains("青禾县教育局工作简报").contains("文明校园");
  }

  @Test
  void simplifiedQueryFindsTraditionalTextAndSnippetShowsTheOriginal() throws Exception {
    HttpResponse<String> r =
        upload("xinghe", "活動記錄.txt", TestFiles.utf8("星河社區志願服務活動記錄：本月組織居民整理臺賬，開展文明創建宣傳。"));
    assertThat(r.statusCode()).isEqualTo(201);
    long id = json(r).get("id").asLong();
    assertThat(snippetOf(search(q("志愿服务") + "&size=100"), id)).contains("<mark>志願服務</mark>");
    assertThat(snippetOf(search(q("台账") + "&size=100"), id)).contains("<mark>臺賬</mark>");
  }

  @Test
  void bothSpellingsOfLedgerFindEachOther() throws Exception {
    assertThat(upload("edu", "台帐管理制度.txt", TestFiles.utf8("教育局创建工作台帐管理制度：台帐由专人负责。")).statusCode())
        .isEqualTo(201);
    JsonNode result = search(q("台账管理"));
    assertThat(result.get("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(result.get("hits").toString()).contains("台帐管理制度");
  }

  @Test
  void snippetsEscapeHtmlExceptTheHighlight() throws Exception {
    HttpResponse<String> r =
        upload("edu", "escape.txt", TestFiles.utf8("道德讲堂 <script>alert(1)</script> 活动"));
    assertThat(r.statusCode()).isEqualTo(201);
    String snippet = snippetOf(search(q("道德讲堂") + "&size=100"), json(r).get("id").asLong());
    assertThat(snippet)
        .contains("<mark>道德讲堂</mark>")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>");
  }

  @Test
  void hostileFileNameIsReducedToItsLastComponent() throws Exception {
    HttpResponse<String> r = upload("edu", "../../../etc/创建计划.txt", TestFiles.utf8("年度创建工作计划"));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(json(r).get("fileName").asString()).isEqualTo("创建计划.txt");
    assertThat(properties.dataDir().getParent().resolve("etc")).doesNotExist();
  }

  @Test
  void badInputIsRejectedWithAReasonAndLeavesNothingBehind() throws Exception {
    assertRejected(upload("edu", "空文件.txt", new byte[0]), 400, "EMPTY_FILE");
    assertRejected(upload("nowhere", "计划.txt", TestFiles.utf8("计划")), 400, "UNKNOWN_UNIT");
    assertRejected(
        upload("edu", "大文件.bin", TestFiles.binaryNoise(3 * 1024 * 1024)), 413, "FILE_TOO_LARGE");
    assertRejected(upload("edu", "数据.bin", TestFiles.binaryNoise(4096)), 415, "UNSUPPORTED_TYPE");
    assertRejected(upload("edu", "截断.pdf", TestFiles.truncatedPdf()), 422, "CORRUPT_FILE");
    assertRejected(
        upload("edu", "加密.pdf", TestFiles.pdf("Secret ledger", "secret")), 422, "ENCRYPTED");
    assertRejected(upload("edu", "总结.docx", TestFiles.zipBombDocx(20)), 422, "ZIP_BOMB");
    HttpResponse<String> badDate =
        new Multipart()
            .field("unit", "edu")
            .field("date", "去年某天")
            .file("a.txt", TestFiles.utf8("内容"))
            .post(http, uri("/api/documents"), ADMIN);
    assertRejected(badDate, 400, "INVALID_DATE");
    HttpResponse<String> badCategory =
        new Multipart()
            .field("unit", "edu")
            .field("category", "不存在的类别")
            .file("a.txt", TestFiles.utf8("内容"))
            .post(http, uri("/api/documents"), ADMIN);
    assertRejected(badCategory, 400, "UNKNOWN_CATEGORY");
    // the service is still up and still accepts good files
    assertThat(upload("edu", "正常.txt", TestFiles.utf8("正常的创建工作简报")).statusCode()).isEqualTo(201);
  }

  private void assertRejected(HttpResponse<String> r, int status, String code) throws IOException {
    long rows = documents.count();
    long objects = storedObjects();
    int indexed = index.ids().size();
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = json(r);
    assertThat(body.get("code").asString()).isEqualTo(code);
    assertThat(body.get("detail").asString()).isNotBlank();
    assertThat(documents.count()).isEqualTo(rows);
    assertThat(storedObjects()).isEqualTo(objects);
    assertThat(index.ids()).hasSize(indexed);
    try (Stream<Path> staging = Files.list(properties.filesDir().resolve("staging"))) {
      assertThat(staging).isEmpty();
    }
  }

  @Test
  void unitsAreListed() throws Exception {
    JsonNode units = json(get("/api/units"));
    assertThat(units.toString())
        .contains("\"code\":\"xinghe\"")
        .contains("\"parentCode\":\"county\"")
        .contains("文明社区");
  }

  @Test
  void unknownDocumentIs404() throws Exception {
    HttpResponse<String> r = get("/api/documents/987654");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).get("code").asString()).isEqualTo("NOT_FOUND");
  }
}
