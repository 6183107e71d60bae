package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.account.AccountService;
import org.taizhang.access.Role;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.Basic;
import org.taizhang.support.TestSettings;

/**
 * The completeness pages, forms and exports called by every role, on the unit tree of the security
 * tests (county → east → east-a, east-b; county → west): A allowed (2xx/3xx), D denied (401/403 or
 * sent to the login page), N not found (outside the scope). Callers in the order anonymous, clerk
 * of east-a, clerk of west, reviewer, district office of east, administrator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestSettings.OWN_ARCHIVE)
class CompletenessRoutesTest {
  private static final String PASSWORD = "routes-test-pw";
  private static final String[][] WHO = {
      {null, null, null}, {"clerk-a", "CLERK", "east-a"}, {"clerk-west", "CLERK", "west"}, {"reviewer", "REVIEWER", null},
      {"district-east", "DISTRICT", "east"}, {"admin2", "ADMIN", null}};

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Path.of("target", "report-test");
    Files.createDirectories(dir);
    Path data = Files.createTempDirectory(dir.toAbsolutePath(), "routes-");
    registry.add("taizhang.data-dir", data::toString);
  }

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired AccountService accounts;
  @Autowired IngestService ingest;
  @Autowired CompletenessService completeness;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyRoleGetsWhatItMay() throws Exception {
    Path dir = Files.createTempDirectory(Path.of("target", "report-test").toAbsolutePath(), "units-");
    Files.writeString(dir.resolve("units.csv"), """
        code,name,type,parent
        county,青禾县文明办,创建办,
        east,城东街道办,创建办,county
        east-a,城东甲社区,文明社区,east
        east-b,城东乙社区,文明社区,east
        west,城西中学,文明校园,county
        """);
    importer.loadUnits(dir);
    for (String[] w : WHO) {
      if (w[0] != null) {
        accounts.create("test", w[0], w[0], Role.valueOf(w[1]), w[2], PASSWORD);
      }
    }
    ingest.ingest(new IngestRequest("east-a", null, null, null, 2025, "材料.txt", "test"),
        new ByteArrayInputStream("城东甲社区创建工作台账".getBytes(StandardCharsets.UTF_8)));
    String key = completeness.unit("east-a", 2025).orElseThrow().indicators().stream().flatMap(i -> i.missing().stream())
        .findFirst().orElseThrow().key();
    String indicator = key.substring(0, key.indexOf('/'));
    String deadline = LocalDate.now().plusDays(10).toString();

    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, Call> calls = new LinkedHashMap<>();
    route(expected, calls, "GET /completeness", "D A A A A A", w -> get("/completeness?year=2025", w));
    route(expected, calls, "GET /completeness/matrix.xlsx", "D A A A A A", w -> get("/completeness/matrix.xlsx?year=2025", w));
    route(expected, calls, "GET /units/{code}/completeness", "D A N A A A", w -> get("/units/east-a/completeness?year=2025", w));
    if (ExportFont.of("").locate().isPresent()) {
      route(expected, calls, "GET /units/{code}/completeness/report.pdf", "D A N A A A",
          w -> get("/units/east-a/completeness/report.pdf?year=2025", w));
      route(expected, calls, "GET /units/{code}/catalogue.pdf", "D A N A A A", w -> get("/units/east-a/catalogue.pdf?year=2025", w));
    }
    route(expected, calls, "GET /units/{code}/catalogue.xlsx", "D A N A A A", w -> get("/units/east-a/catalogue.xlsx?year=2025", w));
    route(expected, calls, "POST /units/{code}/explanations", "D A N D D A", w -> post("/units/east-a/explanations", w,
        "year", "2025", "itemKey", key, "reason", "正在补齐", "deadline", deadline));
    route(expected, calls, "POST /units/{code}/overrides", "D D N A A A", w -> post("/units/east-a/overrides", w,
        "year", "2025", "indicator", indicator, "grade", "B", "reason", "现场核实"));
    route(expected, calls, "POST /units/{code}/overrides/withdraw", "D D N A A A", w -> post("/units/east-a/overrides/withdraw", w,
        "year", "2025", "indicator", indicator));
    route(expected, calls, "POST /units/{code}/hand-grades", "D D N A A A", w -> post("/units/east-a/hand-grades", w,
        "year", "2025", "indicator", "Ⅱ-2-1", "grade", "B", "note", "现场整洁", "date", "2025-10-12"));
    route(expected, calls, "POST /units/{code}/hand-grades/withdraw", "D D N A A A", w -> post("/units/east-a/hand-grades/withdraw", w,
        "year", "2025", "indicator", "Ⅱ-2-1"));
    route(expected, calls, "POST /units/{code}/vetoes", "D D N D D A", w -> post("/units/east-a/vetoes", w,
        "year", "2025", "code", "F-3", "reason", "材料造假"));
    route(expected, calls, "POST /units/{code}/vetoes/lift", "D D N D D A", w -> post("/units/east-a/vetoes/lift", w,
        "year", "2025", "code", "F-3"));

    Map<String, String> actual = new LinkedHashMap<>();
    for (String route : calls.keySet()) {
      StringBuilder got = new StringBuilder();
      for (String[] w : WHO) {
        HttpResponse<String> r = calls.get(route).send(w[0]);
        got.append(got.isEmpty() ? "" : " ").append(outcome(r));
      }
      actual.put(route, got.toString());
    }
    assertThat(actual).isEqualTo(expected);
  }

  @FunctionalInterface
  interface Call {
    HttpResponse<String> send(String user) throws Exception;
  }

  private static void route(Map<String, String> expected, Map<String, Call> calls, String key, String outcome, Call call) {
    expected.put(key, outcome);
    calls.put(key, call);
  }

  private static char outcome(HttpResponse<String> r) {
    int s = r.statusCode();
    String location = r.headers().firstValue("Location").orElse("");
    if (s == 401 || s == 403 || (s == 302 && location.contains("/login"))) {
      return 'D';
    }
    if (s == 404) {
      return 'N';
    }
    return s >= 200 && s < 400 ? 'A' : '?';
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      b.headers(Basic.auth(user, PASSWORD));
    }
    return b;
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(request(path, user).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String... pairs) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.isEmpty() ? "" : "&").append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return http.send(request(path, user).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
  }

}
