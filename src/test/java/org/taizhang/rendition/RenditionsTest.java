package org.taizhang.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.archive.Lifecycle;
import org.taizhang.archive.Review;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.store.FileStore;
import org.taizhang.store.StagedFile;
import org.taizhang.support.Basic;
import org.taizhang.support.CjkFont;
import org.taizhang.support.LibreOffice;
import org.taizhang.support.Multipart;
import org.taizhang.support.OfdTestFiles;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Uploads become PDFs for the inspection binder: Word, Excel and Kingsoft files through
 * LibreOffice, OFD drawn page by page, plain text in its own encoding; each read back with PDFBox.
 * Uploads are converted in the background after they are acknowledged, so catalogues learn their
 * page counts; a damaged file fails with a reason, once.
 */
@ServiceTest
class RenditionsTest {
  private static final String[] ADMIN = Basic.auth("admin", ServiceTest.ADMIN_PASSWORD);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired DocumentRepository documents;
  @Autowired Renditions renditions;
  @Autowired FileStore store;

  private final HttpClient http = HttpClient.newHttpClient();

  /** Originals this test put in the shared file store without a document. */
  private final List<String> storedHere = new ArrayList<>();

  @BeforeAll
  static void tools() {
    LibreOffice.assumeInstalled();
    CjkFont.assumeInstalled();
  }

  @Test
  void aWordDocumentIsConvertedInTheBackgroundAfterItsUploadAndReadsBackInChinese()
      throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY);
    assertThat(renditions.converter().available()).isTrue();
    Document d =
        upload(
            "道德讲堂活动记录.docx",
            TestFiles.docx("青禾县星河社区道德讲堂活动记录", "时间：2025年3月12日", "邻里互助，志愿者为孤寡老人送去温暖。"));
    assertThat(Renditions.converts(d)).isTrue();
    long start = System.nanoTime();
    awaitConverted(d, Duration.ofMinutes(3));
    System.out.printf(
        "Word → PDF in the background, acknowledged to READY: %d ms%n",
        Duration.ofNanos(System.nanoTime() - start).toMillis());
    assertThat(renditions.state(d)).isEqualTo(RenditionState.READY);
    Rendition r = renditions.render(d);
    assertThat(r.converter()).isEqualTo("LibreOffice");
    assertThat(r.pages()).isGreaterThanOrEqualTo(1);
    assertThat(renditions.pages(d)).hasValue(r.pages());
    assertThat(text(r)).contains("青禾县星河社区道德讲堂活动记录", "志愿者为孤寡老人送去温暖");

    Document second = stored(TestFiles.docx("第二份会议记录", "议题：学雷锋志愿服务月"), "会议记录.docx", DOCX);
    long warm = System.nanoTime();
    Rendition r2 = renditions.render(second);
    System.out.printf(
        "Word → PDF on demand: %d ms%n", Duration.ofNanos(System.nanoTime() - warm).toMillis());
    assertThat(text(r2)).contains("学雷锋志愿服务月");
  }

  @Test
  void aSpreadsheetAndKingsoftFilesAreConverted() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      var row = wb.createSheet("签到表").createRow(0);
      row.createCell(0).setCellValue("志愿者签到表");
      row.createCell(1).setCellValue("张三");
      wb.write(out);
      xlsx = out.toByteArray();
    }
    Rendition excel =
        renditions.render(
            stored(
                xlsx,
                "签到表.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    assertThat(excel.pages()).isEqualTo(1);
    assertThat(text(excel)).contains("志愿者签到表", "张三");

    // Kingsoft's spreadsheet (.et) and presentation (.dps) are Excel and PowerPoint files renamed
    byte[] et;
    try (HSSFWorkbook wb = new HSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("台账").createRow(0).createCell(0).setCellValue("文明创建台账目录");
      wb.write(out);
      et = out.toByteArray();
    }
    Document etDoc = stored(et, "台账目录.et", "application/x-tika-msoffice");
    assertThat(Renditions.converts(etDoc)).isTrue();
    assertThat(text(renditions.render(etDoc))).contains("文明创建台账目录");

    byte[] dps;
    try (HSLFSlideShow show = new HSLFSlideShow();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      show.createSlide().addTitle().setText("文明创建工作汇报");
      show.createSlide().addTitle().setText("下一步工作打算");
      show.write(out);
      dps = out.toByteArray();
    }
    Rendition slides = renditions.render(stored(dps, "汇报.dps", "application/vnd.ms-powerpoint"));
    assertThat(slides.pages()).isEqualTo(2);
    assertThat(text(slides)).contains("文明创建工作汇报", "下一步工作打算");
  }

  @Test
  void plainTextInGbkComesOutInChinese() throws Exception {
    String line = "青禾县文明创建工作台账说明：本册收录2025年度会议记录、签到表与活动照片。";
    Rendition r =
        renditions.render(
            stored(TestFiles.text(line, Charset.forName("GBK")), "说明.txt", "text/plain"));
    assertThat(r.pages()).isEqualTo(1);
    assertThat(text(r).replaceAll("\\s", "")).contains(line);
  }

  @Test
  void anOfdIsDrawnWithItsPagesAndText() throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY);
    Document notice = upload("批复.ofd", OfdTestFiles.redHeadNotice());
    assertThat(notice.mediaType()).isEqualTo("application/ofd");
    Rendition r = renditions.render(notice);
    assertThat(r.converter()).isEqualTo("OFD");
    assertThat(r.pages()).isEqualTo(1).isEqualTo(notice.pageCount());
    assertThat(text(r)).contains(OfdTestFiles.DOCUMENT_NUMBER, "关于开展2025年学雷锋志愿服务月活动的通知");

    Document summary = upload("工作总结.ofd", OfdTestFiles.longSummary(120));
    Rendition all = renditions.render(summary);
    assertThat(all.pages()).isGreaterThan(2).isEqualTo(summary.pageCount());
    assertThat(renditions.pages(summary)).hasValue(all.pages());
  }

  @Test
  void aDamagedWordFileFailsWithAReasonOnceAndIsNotTriedAgain() throws Exception {
    byte[] whole = TestFiles.docx("这一份文件的内容会被截断");
    Document d = stored(Arrays.copyOf(whole, whole.length / 2), "损坏.docx", DOCX);
    assertThat(renditions.state(d)).isEqualTo(RenditionState.PENDING);
    assertThatThrownBy(() -> renditions.render(d))
        .isInstanceOfSatisfying(
            RenditionException.class, e -> assertThat(e.reason()).contains("LibreOffice"));
    assertThat(renditions.state(d)).isEqualTo(RenditionState.FAILED);
    assertThat(renditions.reason(d)).get().asString().contains("LibreOffice");
    assertThat(renditions.pages(d)).isEmpty();
    long again = System.nanoTime();
    assertThatThrownBy(() -> renditions.render(d)).isInstanceOf(RenditionException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - again))
        .as("the recorded failure answers; the file is not converted again")
        .isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void pagesOfPdfsImagesAndConvertedDocuments() throws Exception {
    Document pdf = document("a".repeat(64), "台账.pdf", "application/pdf", 7);
    assertThat(Renditions.converts(pdf)).isFalse();
    assertThat(renditions.state(pdf)).isEqualTo(RenditionState.NOT_NEEDED);
    assertThat(renditions.pages(pdf)).hasValue(7);
    assertThat(renditions.pages(document("b".repeat(64), "台账.pdf", "application/pdf", null)))
        .isEmpty();
    Document photo = document("c".repeat(64), "IMG_0001.jpg", "image/jpeg", null);
    assertThat(Renditions.converts(photo)).isFalse();
    assertThat(renditions.pages(photo)).hasValue(1);
    assertThatThrownBy(() -> renditions.render(photo)).isInstanceOf(RenditionException.class);

    Document word = stored(TestFiles.docx("页数测试"), "页数.docx", DOCX);
    assertThat(renditions.pages(word)).as("unknown until converted").isEmpty();
    int pages = renditions.render(word).pages();
    assertThat(renditions.pages(word)).hasValue(pages);
    // the PDF is derived data: deleted, the page count stays and the PDF is made again on demand
    Files.delete(renditions.render(word).pdf());
    assertThat(renditions.pages(word)).hasValue(pages);
    assertThat(renditions.state(word)).isEqualTo(RenditionState.READY);
    assertThat(renditions.render(word).pdf()).exists();
  }

  @Test
  void aRenditionGoesWhenItsOriginalIsPurged() throws Exception {
    Document d = stored(TestFiles.docx("将被彻底删除的材料"), "彻底删除.docx", DOCX);
    Rendition r = renditions.render(d);
    assertThat(r.pdf()).exists();
    Files.delete(store.path(d.sha256())); // what a purge does to an original nothing else refers to
    renditions.documentChanged(new DocumentChanged(0, "xinghe"));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (Files.exists(r.pdf()) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(r.pdf()).doesNotExist();
    assertThat(renditions.state(d)).isEqualTo(RenditionState.PENDING);
    assertThat(renditions.pages(d)).isEmpty();
  }

  @Test
  void theAdminJobsPageShowsTheConverterAndItsBacklog() throws Exception {
    JsonNode jobs = JSON.readTree(get("/api/admin/jobs").body());
    assertThat(jobs.get("converter").get("available").asBoolean()).isTrue();
    assertThat(jobs.has("renditionBacklog")).isTrue();
    assertThat(get("/admin/jobs").body()).contains("id=\"rendition-backlog\"", "份待转换");
  }

  /** The shared file store holds only what documents refer to (BadInputTest checks it). */
  @AfterEach
  void removeStoredOriginals() throws Exception {
    for (String sha : storedHere) {
      store.locked(sha, () -> store.deleteUnless(sha, () -> documents.isReferenced(sha)));
    }
  }

  /** A document over a file in the store, not in the archive: the service sees only its content. */
  private Document stored(byte[] content, String name, String mediaType) throws Exception {
    String sha;
    try (StagedFile staged = store.stage(new ByteArrayInputStream(content), 10_000_000)) {
      store.commit(staged);
      sha = staged.sha256();
    }
    storedHere.add(sha);
    return document(sha, name, mediaType, null);
  }

  private static Document document(String sha, String name, String mediaType, Integer pages) {
    return new Document(
        0,
        "xinghe",
        null,
        name,
        null,
        2025,
        name,
        mediaType,
        1,
        sha,
        pages,
        DocumentMetadata.EMPTY,
        0,
        false,
        "admin",
        Instant.now(),
        Review.SUBMITTED,
        Lifecycle.CURRENT);
  }

  private void awaitConverted(Document d, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (renditions.state(d) == RenditionState.PENDING && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  private static String text(Rendition r) throws Exception {
    try (PDDocument doc = Loader.loadPDF(r.pdf().toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private Document upload(String name, byte[] content) throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("unit", "xinghe")
            .file(name, content)
            .post(http, URI.create("http://localhost:" + port + "/api/documents"), ADMIN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return documents.find(JSON.readTree(r.body()).get("id").asLong()).orElseThrow();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .headers(ADMIN)
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
