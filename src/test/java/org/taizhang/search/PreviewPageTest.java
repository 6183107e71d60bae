package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.Basic;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.support.ServiceTest;

/**
 * The document page opened from a search ({@code /documents/{id}?q=…}), over HTTP in the sample
 * county: every hit marked and numbered in the text (traditional script, the other spelling 台帐),
 * nothing else let through as HTML, the similar documents of the caller's scope, and 404 for
 * another unit's document whatever the query.
 */
@SampleArchiveTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewPageTest {
  static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final Pattern MARK =
      Pattern.compile("<mark class=\"hit\" id=\"hit-(\\d+)\">(.*?)</mark>");

  @LocalServerPort int port;
  @Autowired SampleArchive sample;
  @Autowired AccountService accounts;
  @Autowired DocumentRepository documents;
  @Autowired IngestService ingest;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void sampleAndClerk() {
    assertThat(sample.imported().rejected()).isEmpty();
    accounts.create("test", "preview-clerk-yxsq", "银杏社区填报员", Role.CLERK, "cg-yxsq", PASSWORD);
  }

  private Document byFile(String unit, String fileName) {
    return documents.findByUnit(unit).stream()
        .filter(d -> d.fileName().equals(fileName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + fileName + " in " + unit));
  }

  private HttpResponse<String> page(long id, String q, String user) throws Exception {
    String path =
        "/documents/"
            + id
            + (q == null ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .headers(Basic.auth(user, PASSWORD))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String html(long id, String q, String user) throws Exception {
    HttpResponse<String> r = page(id, q, user);
    assertThat(r.statusCode()).as("GET /documents/%s?q=%s as %s", id, q, user).isEqualTo(200);
    return r.body();
  }

  /** The marked words in page order; asserts that they are numbered 1, 2, 3 …. */
  private static List<String> marks(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = MARK.matcher(html);
    while (m.find()) {
      assertThat(Integer.parseInt(m.group(1))).isEqualTo(out.size() + 1);
      out.add(m.group(2));
    }
    return out;
  }

  private static int occurrences(String text, String word) {
    int n = 0;
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
      n++;
    }
    return n;
  }

  @Test
  void traditionalTextIsMarkedForASimplifiedQuery() throws Exception {
    Document d = byFile("cg-yxsq", "2024-09-14 銀杏社區鄰里守望志願服務活動記錄.docx");
    String text = documents.text(d.id()).orElseThrow();
    String html = html(d.id(), "志愿服务", "admin");
    List<String> marks = marks(html);
    assertThat(marks).isNotEmpty().allSatisfy(m -> assertThat(m).isEqualTo("志願服務"));
    assertThat(marks).hasSize(occurrences(text, "志願服務"));
    assertThat(html)
        .contains("id=\"hit-summary\"")
        .contains("id=\"hit-nav\"")
        .contains("/js/preview.js")
        .contains("共 " + marks.size() + " 处");
    // Without JavaScript: plain links to every mark.
    for (int n = 1; n <= marks.size(); n++) {
      assertThat(html).contains("href=\"#hit-" + n + "\"");
    }
    assertThat(marks(html(d.id(), "台账", "admin")))
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m).isEqualTo("臺賬"));
  }

  @Test
  void theOtherSpellingIsMarked() throws Exception {
    // 银杏社区 writes 台帐 (sample-archive/README.md).
    Document d = byFile("cg-yxsq", "2025年第一季度创建工作会议记录.docx");
    String text = documents.text(d.id()).orElseThrow();
    assertThat(text).contains("台帐").doesNotContain("台账");
    List<String> marks = marks(html(d.id(), "台账", "admin"));
    assertThat(marks)
        .hasSize(occurrences(text, "台帐"))
        .allSatisfy(m -> assertThat(m).isEqualTo("台帐"));
  }

  @Test
  void nothingButTheMarksIsHtml() throws Exception {
    String text = "<script>alert('台账')</script>\n<img src=x onerror=alert(1)> 台账 & \"引号\"";
    Document d =
        ingest
            .ingest(
                new IngestRequest("cg-yxsq", null, null, "转义测试", 2025, "转义测试.txt", "test"),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
            .document();
    String html = html(d.id(), "台账", "admin");
    assertThat(marks(html)).containsExactly("台账", "台账");
    assertThat(html).doesNotContain("<script>alert", "<img src=x").contains("&lt;script&gt;alert(");
    // The query is shown, never interpreted.
    String evil = html(d.id(), "<script>alert(2)</script>", "admin");
    assertThat(evil)
        .doesNotContain("<script>alert(2)")
        .contains("&lt;script&gt;alert(2)&lt;/script&gt;");
  }

  @Test
  void withoutAQueryOrWithoutAHitThereAreNoMarks() throws Exception {
    Document d = byFile("cg-yxsq", "2025年第一季度创建工作会议记录.docx");
    String plain = html(d.id(), null, "admin");
    assertThat(marks(plain)).isEmpty();
    assertThat(plain).doesNotContain("id=\"hit-summary\"", "id=\"hit-nav\"", "/js/preview.js");
    String none = html(d.id(), "没有这个词组", "admin");
    assertThat(marks(none)).isEmpty();
    assertThat(none).contains("正文中没有找到").doesNotContain("id=\"hit-nav\"", "/js/preview.js");
    // A query that does not parse shows the plain text, as the search page shows what is wrong with
    // it.
    assertThat(marks(html(d.id(), "台账 OR", "admin"))).isEmpty();
  }

  @Test
  void similarDocumentsAreListedWithinTheCallersScope() throws Exception {
    Document copy = byFile("cg-yxsq", "2025年度文明创建工作总结.docx");
    Document original = byFile("cg-nhsq", "2025年度文明创建工作总结.pdf");
    String admin = html(copy.id(), null, "admin");
    Matcher first =
        Pattern.compile("<li class=\"similar near-copy\" data-id=\"(\\d+)\"").matcher(admin);
    assertThat(first.find()).as("a near copy is listed").isTrue();
    assertThat(Long.parseLong(first.group(1))).isEqualTo(original.id());
    assertThat(admin)
        .contains("href=\"/documents/" + original.id() + "\"")
        .contains("高度雷同：文字重合")
        .contains("青禾县城关街道南湖社区");

    String clerk = html(copy.id(), null, "preview-clerk-yxsq");
    assertThat(clerk)
        .contains("id=\"similar\"")
        .doesNotContain("/documents/" + original.id() + "\"")
        .doesNotContain("南湖社区");
  }

  @Test
  void anotherUnitsDocumentIsNotFoundWhateverTheQuery() throws Exception {
    Document other = byFile("cg-nhsq", "2025年第一季度创建工作会议记录.pdf");
    String text = documents.text(other.id()).orElseThrow();
    for (String q : new String[] {null, "台账", "会议"}) {
      HttpResponse<String> r = page(other.id(), q, "preview-clerk-yxsq");
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).doesNotContain("<mark").doesNotContain(text.strip().substring(0, 20));
    }
    assertThat(page(other.id(), "台账", "admin").statusCode()).isEqualTo(200);
  }
}
