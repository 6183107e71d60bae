package org.taizhang.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.Basic;
import org.taizhang.support.Multipart;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.Tesseract;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scanned PDF (page images, no text layer) is acknowledged at once, with no text and its OCR
 * pending; in the background its pages are read with Tesseract, after which its text is stored,
 * searchable and shown as recognised. A PDF with a text layer is never queued.
 */
@ServiceTest
class TextRecognitionTest {
  static final String ADMIN_PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final String[] ADMIN = Basic.auth("admin", ADMIN_PASSWORD);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The sample archive's scan: a signed and stamped 目标责任书 put through a 100 dpi office scanner. */
  static final Path SCAN =
      Path.of("sample-archive/hxz-xqc/2025/目标责任书/2025年度文明创建目标责任书（签字盖章扫描件）.pdf");

  /** Words of the scan's body, not of its file name. */
  static final String BODY_WORDS = "村规民约";

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired TextRecognition recognition;
  @Autowired DocumentRepository documents;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void tesseract() {
    Tesseract.assumeInstalled();
  }

  @Test
  void aScanIsAcknowledgedAtOnceThenReadInTheBackgroundAndFoundByWhatItSays() throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY);
    assertThat(recognition.running()).isTrue();

    JsonNode typed =
        upload("会议记录.pdf", TestFiles.pdf("Meeting minutes of the creation office, typed", null));
    assertThat(typed.get("ocrState").asString())
        .as("a PDF with a text layer is not queued")
        .isEqualTo("NONE");

    JsonNode scan = upload(SCAN.getFileName().toString(), Files.readAllBytes(SCAN));
    long id = scan.get("id").asLong();
    assertThat(scan.get("textChars").asInt()).as("acknowledged before any OCR").isZero();
    assertThat(scan.get("ocrState").asString()).isEqualTo("PENDING");
    assertThat(hits(BODY_WORDS)).isZero();

    JsonNode done = awaitOcr(id, Duration.ofMinutes(3));
    assertThat(done.get("ocrState").asString()).isEqualTo("DONE");
    assertThat(done.get("textChars").asInt()).isGreaterThan(300);
    assertThat(get("/api/documents/" + id + "/text").body()).contains("目标责任书", BODY_WORDS, "美丽庭院");
    assertThat(hits(BODY_WORDS)).as("found by the words of the scan").isEqualTo(1);
    assertThat(get("/documents/" + id).body())
        .contains("id=\"ocr-done\"")
        .doesNotContain("id=\"no-text\"");
    assertThat(recognition.backlog()).isZero();
  }

  /** A phone photo of a sign-in sheet (perspective, blur, handwritten signatures). */
  static final Path SIGN_IN_PHOTO = Path.of("src/test/resources/ocr-set/26-signin.jpg");

  /** A phone screenshot of a notice. */
  static final Path NOTICE_SCREENSHOT = Path.of("src/test/resources/ocr-set/47-screenshot.png");

  @Test
  void aPhotographedSignInSheetAndAScreenshotOfANoticeAreFoundByTheirWords() throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY);
    // what the archive holds already with these words (other tests' documents), before the upload
    int title = hits("垃圾分类工作推进会");
    int signed = hits("郑海波");
    int notice = hits("第三季度创建台账资料");
    JsonNode photo = upload("IMG_20240511_093012.jpg", Files.readAllBytes(SIGN_IN_PHOTO));
    JsonNode shot = upload("Screenshot_20240403_182544.png", Files.readAllBytes(NOTICE_SCREENSHOT));
    assertThat(photo.get("ocrState").asString())
        .as("acknowledged before any OCR")
        .isEqualTo("PENDING");
    assertThat(shot.get("ocrState").asString()).isEqualTo("PENDING");
    assertThat(photo.get("category").asString())
        .as("an image is first filed as a photo")
        .isEqualTo("photo");

    JsonNode photoDone = awaitOcr(photo.get("id").asLong(), Duration.ofMinutes(4));
    JsonNode shotDone = awaitOcr(shot.get("id").asLong(), Duration.ofMinutes(4));
    assertThat(photoDone.get("ocrState").asString()).isEqualTo("DONE");
    assertThat(shotDone.get("ocrState").asString()).isEqualTo("DONE");
    // words of the sheet's title and of its rows, and of the screenshot's body
    assertThat(hits("垃圾分类工作推进会")).as("the sign-in sheet's title").isEqualTo(title + 1);
    assertThat(hits("郑海波")).as("a person who signed in on the sheet").isEqualTo(signed + 1);
    assertThat(hits("第三季度创建台账资料")).as("the notice in the screenshot").isEqualTo(notice + 1);
    assertThat(photoDone.get("category").asString())
        .as("a photo whose text is a sign-in sheet is filed as one")
        .isEqualTo("sign-in");
    assertThat(recognition.lowConfidence(photo.get("id").asLong())).isFalse();
    TextRecognition.Status status =
        recognition.status(documents.find(shot.get("id").asLong()).orElseThrow());
    assertThat(status.engine()).isIn("rapidocr", "tesseract");
    assertThat(status.confidence()).isGreaterThan(0.5);
  }

  @Test
  void anActivityPhotoCarriesItsBannerTextAndStaysAPhoto() throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY);
    String words = Files.readString(BANNER).strip().replaceAll("\\s", "");
    int before = hits(words);
    JsonNode photo =
        upload(
            "IMG_20240305_101500_banner.jpg",
            Files.readAllBytes(Path.of("src/test/resources/ocr-set/37-banner.jpg")));
    JsonNode done = awaitOcr(photo.get("id").asLong(), Duration.ofMinutes(4));
    assertThat(done.get("ocrState").asString()).isEqualTo("DONE");
    assertThat(hits(words)).as("the banner's words find the photo").isEqualTo(before + 1);
    assertThat(done.get("category").asString())
        .as("a banner does not make the photo a document")
        .isEqualTo("photo");
    assertThat(done.get("filing").get("categorySource").asString())
        .as("nobody chose the category: it stays inferred")
        .isNotEqualTo("GIVEN");
  }

  /** A red banner of an activity (学雷锋志愿服务活动 and the like); its true text beside it. */
  static final Path BANNER = Path.of("src/test/resources/ocr-set/37-banner.txt");

  private JsonNode awaitOcr(long id, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      JsonNode d = JSON.readTree(get("/api/documents/" + id).body());
      if (!d.get("ocrState").asString().equals("PENDING") || System.nanoTime() > deadline) {
        return d;
      }
      Thread.sleep(500);
    }
  }

  private JsonNode upload(String name, byte[] content) throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("unit", "xinghe")
            .file(name, content)
            .post(http, uri("/api/documents"), ADMIN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body());
  }

  private int hits(String q) throws Exception {
    return JSON.readTree(
            get("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body())
        .get("total")
        .asInt();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri(path)).headers(ADMIN).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
