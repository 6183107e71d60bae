package org.taizhang.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.archive.Attachments;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.support.Basic;
import org.taizhang.support.BundleFiles;
import org.taizhang.support.Multipart;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bundles (ZIP with GBK and with UTF-8 names, 7z) and mail (.eml, .msg) through the upload API and
 * through the folder import: each member or attachment a document of its own, filed by the bundle's
 * folders, mail attachments linked to their message both ways on the document page.
 */
@ServiceTest
class BundleAndMailTest {
  private static final String[] ADMIN = Basic.auth("admin", ServiceTest.ADMIN_PASSWORD);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String UPLOAD_UNIT = "bundle-upload";
  private static final String IMPORT_UNIT = "bundle-import";

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired DocumentRepository documents;
  @Autowired Attachments attachments;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void units() throws Exception {
    TestUnits.load(
        importer,
        TestUnits.COUNTY
            + UPLOAD_UNIT
            + ",压缩包上传局,文明单位,county\n"
            + IMPORT_UNIT
            + ",压缩包导入社区,文明社区,county\n");
  }

  private static byte[] gbkZip(String tag) throws Exception {
    return BundleFiles.gbkZip(
        BundleFiles.members(
            "2023年度/会议记录/" + tag + "党支部会议.txt",
            TestFiles.utf8(tag + " 党支部会议：研究文明创建工作。"),
            "规划与计划/" + tag + "年度工作安排.docx",
            TestFiles.docx(tag + " 年度工作安排：全年开展八项活动。"),
            "2024/" + tag + "说明.txt",
            TestFiles.utf8(tag + " 一份没有类别文件夹的说明。")));
  }

  private HttpResponse<String> upload(String name, byte[] content) throws Exception {
    return new Multipart()
        .field("unit", UPLOAD_UNIT)
        .file(name, content)
        .post(http, URI.create("http://localhost:" + port + "/api/documents"), ADMIN);
  }

  private Document doc(JsonNode member) {
    return documents.find(member.get("document").get("id").asLong()).orElseThrow();
  }

  @Test
  void aGbkZipIsUnpackedIntoItsDocumentsFiledByItsFolders() throws Exception {
    byte[] zip = gbkZip("甲");
    HttpResponse<String> r = upload("台账-GBK.zip", zip);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("bundle").asBoolean()).isTrue();
    assertThat(body.get("stored").asInt()).isEqualTo(3);
    List<String> paths = new ArrayList<>();
    body.get("members").forEach(m -> paths.add(m.get("path").asString()));
    assertThat(paths)
        .containsExactly("2023年度/会议记录/甲党支部会议.txt", "规划与计划/甲年度工作安排.docx", "2024/甲说明.txt");
    Document meeting = doc(body.get("members").get(0));
    assertThat(meeting.fileName()).isEqualTo("甲党支部会议.txt");
    assertThat(meeting.year()).isEqualTo(2023);
    assertThat(meeting.category()).isEqualTo("meeting");
    assertThat(documents.text(meeting.id()).orElseThrow()).contains("研究文明创建工作");
    assertThat(doc(body.get("members").get(1)).category()).isEqualTo("plan");
    assertThat(doc(body.get("members").get(2)).year()).isEqualTo(2024);
    assertThat(body.get("members").get(0).get("outcome").asString()).isEqualTo("STORED");

    // The same bundle again: every member is a duplicate, nothing new is stored.
    HttpResponse<String> again = upload("台账-GBK-再次.zip", zip);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("duplicates").asInt()).isEqualTo(3);
    // The bundle itself is not kept as a document.
    assertThat(documents.findByUnit(UPLOAD_UNIT))
        .extracting(Document::fileName)
        .doesNotContain("台账-GBK.zip", "台账-GBK-再次.zip");
  }

  @Test
  void utf8ZipAndSevenZipAreUnpacked() throws Exception {
    Map<String, byte[]> members =
        BundleFiles.members("2025年/活动记录/乙学雷锋志愿服务.txt", TestFiles.utf8("乙 学雷锋志愿服务活动。"));
    JsonNode zip = JSON.readTree(upload("材料.zip", BundleFiles.utf8Zip(members)).body());
    assertThat(zip.get("members").get(0).get("path").asString())
        .isEqualTo("2025年/活动记录/乙学雷锋志愿服务.txt");
    Document d = doc(zip.get("members").get(0));
    assertThat(d.year()).isEqualTo(2025);
    assertThat(d.category()).isEqualTo("activity");

    HttpResponse<String> seven =
        upload(
            "材料.7z",
            BundleFiles.sevenZ(BundleFiles.members("管理制度/丙考勤制度.txt", TestFiles.utf8("丙 考勤制度全文。"))));
    assertThat(seven.statusCode()).as(seven.body()).isEqualTo(201);
    Document rules = doc(JSON.readTree(seven.body()).get("members").get(0));
    assertThat(rules.fileName()).isEqualTo("丙考勤制度.txt");
    assertThat(rules.category()).isEqualTo("rules");
  }

  @Test
  void anEmlIsAMessageWithItsAttachmentsLinked() throws Exception {
    byte[] eml =
        BundleFiles.eml(
            "丁关于报送创建材料的通知",
            "县文明办 <wmb@example.gov.cn>",
            "Tue, 10 Jun 2025 09:30:00 +0800",
            "丁 各单位：请按附件要求报送材料。",
            BundleFiles.members(
                "丁创建工作实施方案.docx", TestFiles.docx("丁 创建工作实施方案正文"),
                "丁材料.zip",
                    BundleFiles.gbkZip(
                        BundleFiles.members("丁报送表.txt", TestFiles.utf8("丁 报送表正文")))));
    HttpResponse<String> r = upload("通知.eml", eml);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(r.body());
    Document message = documents.find(body.get("id").asLong()).orElseThrow();
    checkMessage(message, "丁关于报送创建材料的通知", LocalDate.of(2025, 6, 10), "县文明办");
    assertThat(documents.text(message.id()).orElseThrow())
        .contains("请按附件要求报送材料")
        .doesNotContain("创建工作实施方案正文");
    List<String> paths = new ArrayList<>();
    body.get("attachments").forEach(m -> paths.add(m.get("path").asString()));
    assertThat(paths).containsExactly("丁创建工作实施方案.docx", "丁材料.zip/丁报送表.txt");
    List<Long> linked = attachments.of(message.id());
    assertThat(linked).hasSize(2);
    Document plan = documents.find(linked.get(0)).orElseThrow();
    assertThat(plan.category()).isEqualTo("plan");
    assertThat(attachments.message(plan.id())).contains(message.id());

    String page = page("/documents/" + message.id());
    assertThat(page).contains("邮件附件").contains("/documents/" + plan.id()).contains("丁创建工作实施方案");
    String back = page("/documents/" + plan.id());
    assertThat(back).contains("id=\"attachment-of\"").contains("/documents/" + message.id());
  }

  @Test
  void aMsgIsAMessageWithItsAttachmentsLinked() throws Exception {
    HttpResponse<String> r = upload("安排.msg", msg("戊"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(r.body());
    Document message = documents.find(body.get("id").asLong()).orElseThrow();
    checkMessage(message, "戊转发：志愿服务活动安排", LocalDate.of(2025, 6, 11), "街道文明办");
    assertThat(message.mediaType()).isEqualTo("application/vnd.ms-outlook");
    assertThat(body.get("attachments")).hasSize(2);
    assertThat(attachments.of(message.id())).hasSize(2);
  }

  @Test
  void theFolderImportUnpacksBundlesAndMailAlike() throws Exception {
    Path root = Files.createTempDirectory("bundle-import");
    Path year = Files.createDirectories(root.resolve(IMPORT_UNIT).resolve("2022"));
    Files.write(year.resolve("台账.zip"), gbkZip("己"));
    Files.write(
        year.resolve("材料.7z"),
        BundleFiles.sevenZ(BundleFiles.members("己考勤制度.txt", TestFiles.utf8("己 考勤制度"))));
    Files.write(
        year.resolve("通知.eml"),
        BundleFiles.eml(
            "己关于报送创建材料的通知",
            "县文明办 <wmb@example.gov.cn>",
            "Tue, 10 Jun 2025 09:30:00 +0800",
            "己 请按附件要求报送材料。",
            BundleFiles.members(
                "己方案.docx", TestFiles.docx("己 实施方案"), "己报送表.txt", TestFiles.utf8("己 报送表"))));
    Files.write(year.resolve("安排.msg"), msg("己"));
    Files.write(
        year.resolve("坏.zip"),
        BundleFiles.utf8Zip(BundleFiles.members("../../己逃逸.txt", TestFiles.utf8("x"))));

    ImportSummary s = importer.importFolder(root, "压缩包测试");

    // 3 + 1 members, 2 messages with 2 attachments each
    assertThat(s.imported()).as(s.outcome()).isEqualTo(4 + 1 + 2 + 1 + 2);
    assertThat(s.rejected())
        .extracting(ImportSummary.Rejected::name, ImportSummary.Rejected::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                IMPORT_UNIT + "/2022/坏.zip!/../../己逃逸.txt", Rejection.PATH_TRAVERSAL));
    Map<String, Document> byName = new java.util.HashMap<>();
    documents.findByUnit(IMPORT_UNIT).forEach(d -> byName.put(d.fileName(), d));
    assertThat(byName.get("己党支部会议.txt").year()).as("the bundle's own folder wins").isEqualTo(2023);
    assertThat(byName.get("己党支部会议.txt").category()).isEqualTo("meeting");
    assertThat(byName.get("己年度工作安排.docx").year())
        .as("else the import folder's year")
        .isEqualTo(2022);
    assertThat(byName.get("己考勤制度.txt")).isNotNull();
    Document eml = byName.get("通知.eml");
    assertThat(eml.title()).isEqualTo("己关于报送创建材料的通知");
    assertThat(attachments.of(eml.id())).hasSize(2);
    assertThat(attachments.of(byName.get("安排.msg").id())).hasSize(2);
  }

  @Test
  void theUploadPageListsEveryMemberWithItsOutcome() throws Exception {
    byte[] zip =
        BundleFiles.gbkZip(
            BundleFiles.members(
                "2025/庚工作简报.txt", TestFiles.utf8("庚 工作简报第一期。"),
                "../../庚逃逸.txt", TestFiles.utf8("x")));
    HttpResponse<String> r =
        new Multipart()
            .field("unit", UPLOAD_UNIT)
            .file("庚材料.zip", zip)
            .post(http, URI.create("http://localhost:" + port + "/upload"), ADMIN);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("压缩包已解压：共 2 个文件，新增 1，重复 0，拒收 1")
        .contains("2025/庚工作简报.txt")
        .contains("../../庚逃逸.txt")
        .contains("拒收：" + Rejection.PATH_TRAVERSAL.message());

    HttpResponse<String> refused =
        new Multipart()
            .field("unit", UPLOAD_UNIT)
            .file(
                "庚坏.zip",
                BundleFiles.utf8Zip(BundleFiles.members("/etc/庚.txt", TestFiles.utf8("x"))))
            .post(http, URI.create("http://localhost:" + port + "/upload"), ADMIN);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("PATH_TRAVERSAL").contains("etc/庚.txt");
  }

  private static byte[] msg(String tag) throws Exception {
    return BundleFiles.msg(
        tag + "转发：志愿服务活动安排",
        "街道文明办",
        "星河社区",
        "Wed, 11 Jun 2025 14:00:00 +0800",
        tag + " 请社区按安排组织志愿服务活动。",
        BundleFiles.members(
            tag + "志愿服务活动安排.docx", TestFiles.docx(tag + " 志愿服务活动安排正文"),
            tag + "签到表.txt", TestFiles.utf8(tag + " 签到表正文")));
  }

  private void checkMessage(Document message, String subject, LocalDate date, String sender) {
    assertThat(message.title()).isEqualTo(subject);
    assertThat(message.date()).isEqualTo(date);
    assertThat(documents.text(message.id()).orElseThrow()).contains("发件人：" + sender);
  }

  private String page(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .headers(ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
