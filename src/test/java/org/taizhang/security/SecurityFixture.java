package org.taizhang.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.account.AccountService;
import org.taizhang.account.Role;
import org.taizhang.archive.Document;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.Basic;
import org.taizhang.support.TestFiles;

/**
 * A running service with a small unit tree and one account per role:
 * county ─ east (district office) ─ east-a, east-b; county ─ west.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "taizhang.sample.import-on-first-start=false",
    "taizhang.admin.password=" + SecurityFixture.PASSWORD})
abstract class SecurityFixture {
  static final String PASSWORD = "security-test-pw";

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

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("taizhang-security");
    registry.add("taizhang.data-dir", dir::toString);
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
    Files.writeString(dir.resolve("units.csv"), """
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
    return ingest.ingest(new IngestRequest(unit, null, null, null, 2025, "材料" + SEQUENCE.get() + ".txt", "test"),
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))).document();
  }

  Document pdf(String unit) throws Exception {
    byte[] bytes = TestFiles.pdf("Ledger page " + SEQUENCE.incrementAndGet(), null);
    return ingest.ingest(new IngestRequest(unit, null, null, null, 2025, "扫描" + SEQUENCE.get() + ".pdf", "test"),
        new ByteArrayInputStream(bytes)).document();
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpResponse<String> send(HttpRequest.Builder request, Who who) throws Exception {
    if (who.username != null) {
      request.headers(who.headers());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
      sb.append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
          .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return HttpRequest.BodyPublishers.ofString(sb.toString());
  }

  HttpResponse<String> postForm(String path, Who who, String... pairs) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded").POST(form(pairs)), who);
  }
}
