package org.taizhang.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.Basic;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestFiles;

/**
 * A running service with a small unit tree and one account per role: county ─ east (district
 * office) ─ east-a, east-b; county ─ west.
 */
@ServiceTest
abstract class SecurityFixture {
  static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;

  /** The accounts of the fixture, one per role, plus a clerk of another unit. */
  enum Who {
    ANONYMOUS(null, null, null),
    CLERK("clerk-a", Role.CLERK, "east-a"),
    OTHER_CLERK("clerk-west", Role.CLERK, "west"),
    REVIEWER("reviewer", Role.REVIEWER, null),
    DISTRICT("district-east", Role.DISTRICT, "east"),
    ADMIN("admin", Role.ADMIN, null);

    final String username;
    final Role role;
    final String unit;

    Who(String username, Role role, String unit) {
      this.username = username;
      this.role = role;
      this.unit = unit;
    }

    String[] headers() {
      return username == null ? new String[0] : Basic.auth(username, PASSWORD);
    }
  }

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired AccountService accounts;
  @Autowired IngestService ingest;

  final HttpClient http = HttpClient.newHttpClient();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  void setUpTree() throws IOException {
    if (accounts.find("clerk-a").isPresent()) {
      return;
    }
    Path dir = Files.createTempDirectory("units");
    Files.writeString(
        dir.resolve("units.csv"),
        """
        code,name,type,parent
        county,青禾县文明办,创建办,
        east,城东街道办,创建办,county
        east-a,城东甲社区,文明社区,east
        east-b,城东乙社区,文明社区,east
        west,城西中学,文明校园,county
        """);
    importer.loadUnits(dir);
    for (Who w : Who.values()) {
      if (w.username != null && accounts.find(w.username).isEmpty()) {
        accounts.create("test", w.username, w.name(), w.role, w.unit, PASSWORD);
      }
    }
  }

  /** Stores a new document directly (as the import would), with content no other call uses. */
  Document document(String unit, String text) throws Exception {
    String content = text + " #" + SEQUENCE.incrementAndGet();
    return ingest
        .ingest(
            new IngestRequest(unit, null, null, null, 2025, "材料" + SEQUENCE.get() + ".txt", "test"),
            new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
        .document();
  }

  Document pdf(String unit) throws Exception {
    byte[] bytes = TestFiles.pdf("Ledger page " + SEQUENCE.incrementAndGet(), null);
    return ingest
        .ingest(
            new IngestRequest(unit, null, null, null, 2025, "扫描" + SEQUENCE.get() + ".pdf", "test"),
            new ByteArrayInputStream(bytes))
        .document();
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpResponse<String> send(HttpRequest.Builder request, Who who) throws Exception {
    // what this thread stored directly is searchable before it asks, as after an upload's answer
    ingest.awaitSearchable();
    if (who.username != null) {
      request.headers(who.headers());
    }
    return http.send(request.build(), READABLE);
  }

  /**
   * Every answer as the text a person would read: a PDF's text (PDFBox, white space removed), a
   * workbook's cell values (POI), anything else decoded as UTF-8. What a scope check must keep out
   * of a body must be kept out of its exports too, so the tests read them all the same way.
   */
  static final HttpResponse.BodyHandler<String> READABLE =
      info ->
          HttpResponse.BodySubscribers.mapping(
              HttpResponse.BodySubscribers.ofByteArray(),
              bytes -> readable(info.headers().firstValue("Content-Type").orElse(""), bytes));

  static String readable(String contentType, byte[] bytes) {
    String type = contentType.toLowerCase(Locale.ROOT);
    try {
      if (type.startsWith("application/pdf")) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
          // without white space: a word wrapped at the end of a line is still one word
          return new PDFTextStripper().getText(doc).replaceAll("[\\s\\u3000]+", "");
        }
      }
      if (type.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml")) {
        StringBuilder text = new StringBuilder();
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
          DataFormatter cells = new DataFormatter();
          for (Sheet sheet : wb) {
            text.append(sheet.getSheetName()).append('\n');
            for (Row row : sheet) {
              for (Cell cell : row) {
                text.append(cells.formatCellValue(cell)).append('\t');
                if (cell.getHyperlink() != null) {
                  text.append(cell.getHyperlink().getAddress()).append('\t');
                }
              }
              text.append('\n');
            }
          }
        }
        return text.toString();
      }
    } catch (IOException | RuntimeException e) {
      // not what it claims to be: read it as text, which still shows any leaked word
      return "[unreadable "
          + contentType
          + ": "
          + e
          + "]\n"
          + new String(bytes, StandardCharsets.UTF_8);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * A word that occurs only in west's material (titles and text): no answer to a user outside west
   * may carry it.
   */
  static final String WEST_WORD = "蓝鹭湾守望计划";

  /** The same for east-a's material. */
  static final String EAST_WORD = "银杏坡邻里节";

  /**
   * A half-year summary of the kind units copy from each other: long enough for the near-duplicate
   * check.
   */
  static String summaryText(String word) {
    return ("2025年上半年创建工作小结。上半年我单位在县文明委的领导下，认真落实创建工作各项任务，围绕"
                + word
                + "开展志愿服务活动十余次，"
                + "完善创建工作制度，健全工作台账，组织干部职工参加文明实践活动，群众满意度明显提升。")
            .repeat(2)
        + "下一步将继续巩固创建成果，对标测评体系查漏补缺，推动文明创建常态化长效化，以更高标准迎接年度测评。";
  }

  /**
   * West's half-year summary, and east-a's near copy of it filed later: east-a's flag concerns
   * west's document, which only readers who see west may have named. Each carries its own unit's
   * word. (Half-year, so that east-a's annual summary, which the route matrix explains, stays
   * missing.)
   */
  Document[] nearCopyPair() throws Exception {
    Document original =
        ingest
            .ingest(
                new IngestRequest(
                    "west",
                    "half-year-summary",
                    LocalDate.of(2025, 6, 30),
                    "城西中学2025年上半年" + WEST_WORD + "工作小结",
                    2025,
                    "总结" + SEQUENCE.incrementAndGet() + ".txt",
                    "test"),
                new ByteArrayInputStream(summaryText(WEST_WORD).getBytes(StandardCharsets.UTF_8)))
            .document();
    Document copy =
        ingest
            .ingest(
                new IngestRequest(
                    "east-a",
                    "half-year-summary",
                    LocalDate.of(2025, 7, 10),
                    "城东甲社区2025年上半年" + EAST_WORD + "工作小结",
                    2025,
                    "总结" + SEQUENCE.incrementAndGet() + ".txt",
                    "test"),
                new ByteArrayInputStream(summaryText(EAST_WORD).getBytes(StandardCharsets.UTF_8)))
            .document();
    return new Document[] {original, copy};
  }

  HttpResponse<String> get(String path, Who who) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), who);
  }

  static HttpRequest.BodyPublisher form(String... pairs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return HttpRequest.BodyPublishers.ofString(sb.toString());
  }

  HttpResponse<String> postForm(String path, Who who, String... pairs) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(pairs)),
        who);
  }
}
