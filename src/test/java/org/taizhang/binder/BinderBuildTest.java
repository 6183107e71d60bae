package org.taizhang.binder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.MissingItem;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.Basic;
import org.taizhang.support.Multipart;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A unit's binder built the way its clerk builds it, over HTTP: started, watched to the end,
 * downloaded; with an uploaded Word document (its text when this server converts, else the page
 * saying why), a 缺项说明 page for an explained gap, a multi-page PDF kept whole. Also who may build
 * and see it, the audit trail, and an office's ZIP of all its units.
 */
@ServiceTest
class BinderBuildTest {
  private static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final String UNIT = "bnd-zcj";
  private static final String UNIT_NAME = "青禾县装订测试局";
  private static final String CHILD = "bnd-zcj-ks";
  private static final int YEAR = 2025;
  private static final String WORD_TEXT = "装订测试专用的工作计划段落";
  private static final String GAP_REASON = "第三季度会议记录正在补签";

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired FolderImporter importer;
  @Autowired CompletenessService completeness;
  @Autowired ItemRenditions renditions;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void unitWithMaterial() throws Exception {
    if (accounts.find("bnd-clerk").isPresent()) {
      return;
    }
    TestUnits.load(
        importer, UNIT + "," + UNIT_NAME + ",文明单位,\n" + CHILD + ",青禾县装订测试局科室,文明单位," + UNIT + "\n");
    accounts.create("test", "bnd-clerk", "装订测试局填报员", Role.CLERK, UNIT, PASSWORD);
    accounts.create("test", "bnd-child-clerk", "科室填报员", Role.CLERK, CHILD, PASSWORD);
    accounts.create("test", "bnd-office", "装订测试局创建办", Role.DISTRICT, UNIT, PASSWORD);
    accounts.create("test", "bnd-reviewer", "测评员", Role.REVIEWER, null, PASSWORD);

    upload("2025年度文明创建工作计划.docx", word(), "plan", "2025-02-10");
    upload("2025年第一季度创建工作会议记录.pdf", pdf(3), "meeting", "2025-03-20");
    upload(
        "2025-05-16 学雷锋志愿服务活动.jpg",
        TestFiles.jpeg(41, LocalDateTime.of(2025, 5, 16, 9, 30)),
        "photo",
        "2025-05-16");

    MissingItem gap =
        completeness.unit(UNIT, YEAR).orElseThrow().indicators().stream()
            .flatMap(i -> i.missing().stream())
            .findFirst()
            .orElseThrow();
    completeness.explain(
        Caller.system("test"), UNIT, YEAR, gap.key(), GAP_REASON, LocalDate.of(2099, 12, 31));
  }

  @Test
  void theClerkBuildsWatchesAndDownloadsItsBinder() throws Exception {
    HttpResponse<String> started =
        send("POST", "/api/units/" + UNIT + "/binder?year=" + YEAR, "bnd-clerk");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    JsonNode status = awaitReady("/api/units/" + UNIT + "/binder?year=" + YEAR, "bnd-clerk");
    assertThat(status.get("download").asString())
        .isEqualTo("/units/" + UNIT + "/binder.pdf?year=" + YEAR);

    HttpResponse<byte[]> file = bytes("/units/" + UNIT + "/binder.pdf?year=" + YEAR, "bnd-clerk");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    List<String> pages = pages(file.body());
    String all = String.join("\n", pages);
    assertThat(pages.get(0)).contains(UNIT_NAME, "2025年度文明创建迎检台账");

    // The explained gap has a page of its own.
    String gapPage = pages.stream().filter(p -> p.contains(GAP_REASON)).findFirst().orElseThrow();
    assertThat(gapPage).contains("缺项说明", "2099年12月31日", UNIT_NAME);

    // The three-page PDF is kept whole: its three pages follow each other, the stamp on the first.
    int first = indexOf(pages, "MEETING RECORD PAGE 1");
    assertThat(pages.get(first + 1)).contains("MEETING RECORD PAGE 2");
    assertThat(pages.get(first + 2)).contains("MEETING RECORD PAGE 3");
    assertThat(pages.get(first)).contains("档号：" + UNIT + "-WS·2025-");

    // The Word document: its text once this server converts, else the page that says why.
    if (renditions.available()) {
      assertThat(all).contains(WORD_TEXT);
    } else {
      assertThat(System.getenv("CI")).as("LibreOffice is installed on CI").isNotEqualTo("true");
      String wordPage =
          pages.stream()
              .filter(p -> p.contains("2025年度文明创建工作计划"))
              .filter(p -> p.contains("说明："))
              .findFirst()
              .orElseThrow();
      assertThat(wordPage.replaceAll("\\s+", "")).contains("LibreOffice");
      assertThat(all).doesNotContain(WORD_TEXT);
    }

    assertThat(audited("bnd-clerk", "BINDER_BUILT")).isEqualTo(1);
    assertThat(audited("bnd-clerk", "EXPORT")).isEqualTo(1);

    // It was printed from the archive as it was: a new upload makes it out of date, and its page
    // says so.
    String page = "/units/" + UNIT + "/binder?year=" + YEAR;
    assertThat(send("GET", page, "bnd-clerk").body()).doesNotContain("binder-stale");
    upload("2025年第二季度创建工作会议记录.pdf", pdf(1), "meeting", "2025-06-20");
    assertThat(send("GET", page, "bnd-clerk").body()).contains("binder-stale", "请重新生成");
  }

  @Test
  void outsideItsScopeABinderDoesNotExistAndAReviewerDoesNotBuild() throws Exception {
    assertThat(
            send("GET", "/api/units/" + UNIT + "/binder?year=" + YEAR, "bnd-child-clerk")
                .statusCode())
        .isEqualTo(404);
    assertThat(
            send("POST", "/api/units/" + UNIT + "/binder?year=" + YEAR, "bnd-child-clerk")
                .statusCode())
        .isEqualTo(404);
    assertThat(bytes("/units/" + UNIT + "/binder.pdf?year=" + YEAR, "bnd-child-clerk").statusCode())
        .isEqualTo(404);
    assertThat(
            send("POST", "/api/units/" + UNIT + "/binder?year=" + YEAR, "bnd-reviewer")
                .statusCode())
        .isEqualTo(403);
    assertThat(send("POST", "/api/binders?year=" + YEAR, "bnd-clerk").statusCode()).isEqualTo(403);
  }

  @Test
  void anOfficeGetsTheBindersOfItsUnitsAsOneZip() throws Exception {
    assertThat(send("POST", "/api/binders?year=" + YEAR, "bnd-office").statusCode()).isEqualTo(202);
    awaitReady("/api/binders?year=" + YEAR, "bnd-office");
    HttpResponse<byte[]> zip = bytes("/binders.zip?year=" + YEAR, "bnd-office");
    assertThat(zip.statusCode()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
        byte[] body = in.readAllBytes();
        assertThat(new String(body, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
            .isEqualTo("%PDF-");
        if (e.getName().startsWith(UNIT_NAME + "（")) {
          assertThat(String.join("", pages(body))).contains(UNIT_NAME);
        }
      }
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            UNIT_NAME + "（" + UNIT + "）2025年度迎检台账.pdf", "青禾县装订测试局科室（" + CHILD + "）2025年度迎检台账.pdf");
    assertThat(audited("bnd-office", "EXPORT")).isEqualTo(1);
  }

  private JsonNode awaitReady(String path, String who) throws Exception {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (true) {
      HttpResponse<String> r = send("GET", path, who);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode s = json.readTree(r.body());
      String state = s.get("state").asString();
      assertThat(state).as(r.body()).isNotEqualTo("FAILED");
      if (state.equals("READY")) {
        return s;
      }
      assertThat(System.nanoTime()).as("built within 3 minutes").isLessThan(deadline);
      Thread.sleep(300);
    }
  }

  private long audited(String actor, String action) {
    return jdbc.sql("select count(*) from audit_event where actor = ? and action_code = ?")
        .params(actor, action)
        .query(Long.class)
        .single();
  }

  private static int indexOf(List<String> pages, String text) {
    for (int i = 0; i < pages.size(); i++) {
      if (pages.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no page with " + text);
  }

  static List<String> pages(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper text = new PDFTextStripper();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        text.setStartPage(i);
        text.setEndPage(i);
        out.add(text.getText(doc));
      }
      return out;
    }
  }

  private void upload(String name, byte[] content, String category, String date) throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("unit", UNIT)
            .field("year", String.valueOf(YEAR))
            .field("category", category)
            .field("date", date)
            .file(name, content)
            .post(
                http,
                URI.create("http://localhost:" + port + "/api/documents"),
                Basic.auth("admin", PASSWORD));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }

  private HttpResponse<String> send(String method, String path, String who) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .headers(Basic.auth(who, PASSWORD))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> bytes(String path, String who) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .headers(Basic.auth(who, PASSWORD))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] word() throws Exception {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.createParagraph().createRun().setText("2025年度文明创建工作计划");
      doc.createParagraph().createRun().setText(WORD_TEXT);
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] pdf(int pages) throws Exception {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
          cs.newLineAtOffset(72, 600);
          cs.showText("MEETING RECORD PAGE " + i);
          cs.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }
}
