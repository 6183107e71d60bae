package org.taizhang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.taizhang.account.Caller;
import org.taizhang.account.Scope;
import org.taizhang.archive.Document;
import org.taizhang.review.RecycleBin;
import org.taizhang.support.Multipart;
import org.taizhang.support.TestFiles;

/**
 * Every route the application maps, called by every role and by an anonymous client, against a
 * document of unit east-a. Expected outcomes per caller, in the order anonymous, clerk of east-a,
 * clerk of west, reviewer, district office of east, administrator:
 * A allowed (2xx/3xx), D denied (401, 403 or sent to the login page), N not found (404: outside
 * the caller's scope), R rejected as a bad request (400, e.g. a unit the caller may not upload to).
 *
 * <p>A route added to the application without an entry here fails {@link #everyRouteHasAnEntry}.
 */
class RouteMatrixTest extends SecurityFixture {
  /** Calls a route as a given caller. */
  @FunctionalInterface
  interface Call {
    HttpResponse<String> send(Who who) throws Exception;
  }

  record Route(String method, String pattern, String expected, Call call) {
    String key() {
      return method + " " + pattern;
    }
  }

  /** Framework endpoints that are not the application's routes. */
  private static final Set<String> NOT_APPLICATION_ROUTES = Set.of("GET /error", "POST /error", "PUT /error", "DELETE /error",
      "PATCH /error", "HEAD /error", "OPTIONS /error", "TRACE /error", "* /error");

  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  @Autowired RecycleBin recycleBin;
  @Autowired org.taizhang.completeness.CompletenessService completeness;

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private final Caller system = new Caller("test", "test", org.taizhang.account.Role.ADMIN, null, Scope.ALL);

  private List<Route> routes() throws Exception {
    setUpTree();
    Document doc = pdf("east-a");
    long id = doc.id();
    List<Route> r = new ArrayList<>();
    // ---- JSON API
    r.add(new Route("GET", "/api/search", "D A A A A A", w -> get("/api/search?q=Ledger", w)));
    r.add(new Route("GET", "/api/units", "D A A A A A", w -> get("/api/units", w)));
    r.add(new Route("POST", "/api/documents", "D A R D D A", w -> new Multipart().field("unit", "east-a")
        .file("上传.txt", TestFiles.utf8("矩阵上传 " + w + System.nanoTime())).post(http, uri("/api/documents"), w.headers())));
    r.add(new Route("GET", "/api/documents/{id}", "D A N A A A", w -> get("/api/documents/" + id, w)));
    r.add(new Route("GET", "/api/documents/{id}/text", "D A N A A A", w -> get("/api/documents/" + id + "/text", w)));
    r.add(new Route("GET", "/api/documents/{id}/file", "D A N A A A", w -> get("/api/documents/" + id + "/file", w)));
    r.add(new Route("GET", "/api/documents/{id}/thumbnail", "D A N A A A", w -> get("/api/documents/" + id + "/thumbnail", w)));
    r.add(new Route("GET", "/api/documents/{id}/versions", "D A N A A A", w -> get("/api/documents/" + id + "/versions", w)));
    r.add(new Route("POST", "/api/documents/{id}/review", "D D D A A A",
        w -> postForm("/api/documents/" + id + "/review", w, "decision", "accept")));
    r.add(new Route("GET", "/api/documents/{id}/comments", "D A N A A A", w -> get("/api/documents/" + id + "/comments", w)));
    r.add(new Route("POST", "/api/documents/{id}/comments", "D D D A A A",
        w -> postForm("/api/documents/" + id + "/comments", w, "body", "矩阵评论")));
    r.add(new Route("POST", "/api/documents/{id}/description", "D A N A A A",
        w -> postForm("/api/documents/" + id + "/description", w, "title", "矩阵著录")));
    r.add(new Route("GET", "/api/todo", "D A A A A A", w -> get("/api/todo", w)));
    r.add(new Route("POST", "/api/todo/accept", "D D D A A A", w -> postForm("/api/todo/accept", w, "ids", Long.toString(id))));
    r.add(new Route("DELETE", "/api/documents/{id}", "D A N D D A",
        w -> send(HttpRequest.newBuilder(uri("/api/documents/" + document("east-a", "待删除").id())).DELETE(), w)));
    r.add(new Route("POST", "/api/documents/{id}/restore", "D A N D D A",
        w -> postForm("/api/documents/" + deleted("east-a") + "/restore", w)));
    r.add(new Route("GET", "/api/recycle-bin", "D A A D D A", w -> get("/api/recycle-bin", w)));
    r.add(new Route("DELETE", "/api/admin/recycle-bin/{id}", "D D D D D A",
        w -> send(HttpRequest.newBuilder(uri("/api/admin/recycle-bin/" + deleted("east-a"))).DELETE(), w)));
    r.add(new Route("POST", "/api/admin/backups", "D D D D D A", w -> postForm("/api/admin/backups", w,
        "dir", java.nio.file.Files.createTempDirectory("matrix-backup").toString())));
    // ---- completeness API
    r.add(new Route("GET", "/api/units/{unit}/completeness", "D A N A A A", w -> get("/api/units/east-a/completeness?year=2025", w)));
    r.add(new Route("GET", "/api/completeness", "D A A A A A", w -> get("/api/completeness?year=2025", w)));
    r.add(new Route("GET", "/api/completeness/systems", "D A A A A A", w -> get("/api/completeness/systems", w)));
    r.add(new Route("POST", "/api/units/{unit}/explanations", "D A N D D A", w -> postForm("/api/units/east-a/explanations", w,
        "itemKey", "Ⅲ-1-2/annual-summary/2025", "reason", "年终总结正在撰写", "deadline", "2099-12-31")));
    r.add(new Route("POST", "/api/units/{unit}/overrides", "D D N A A A", w -> postForm("/api/units/east-a/overrides", w,
        "year", "2025", "indicator", "Ⅰ-1-1", "grade", "B", "reason", "矩阵调整")));
    r.add(new Route("DELETE", "/api/units/{unit}/overrides", "D D N A A A", w -> {
      completeness.override(system, "east-a", 2025, "Ⅰ-1-1", org.taizhang.completeness.Grade.C, "待撤销");
      return send(HttpRequest.newBuilder(uri("/api/units/east-a/overrides?year=2025&indicator=" + enc("Ⅰ-1-1"))).DELETE(), w);
    }));
    r.add(new Route("POST", "/api/units/{unit}/vetoes", "D D N D D A", w -> postForm("/api/units/east-a/vetoes", w,
        "year", "2025", "code", "F-3", "reason", "矩阵否决")));
    r.add(new Route("DELETE", "/api/units/{unit}/vetoes", "D D N D D A", w -> {
      completeness.veto(system, "east-a", 2025, "F-3", "待撤销");
      return send(HttpRequest.newBuilder(uri("/api/units/east-a/vetoes?year=2025&code=F-3")).DELETE(), w);
    }));
    // ---- completeness pages and exports
    r.add(new Route("GET", "/completeness", "D A A A A A", w -> get("/completeness?year=2025", w)));
    r.add(new Route("GET", "/completeness/matrix.xlsx", "D A A A A A", w -> get("/completeness/matrix.xlsx?year=2025", w)));
    r.add(new Route("GET", "/units/{code}/completeness", "D A N A A A", w -> get("/units/east-a/completeness?year=2025", w)));
    r.add(new Route("GET", "/units/{code}/completeness/report.pdf", "D A N A A A",
        w -> get("/units/east-a/completeness/report.pdf?year=2025", w)));
    r.add(new Route("GET", "/units/{code}/catalogue.pdf", "D A N A A A", w -> get("/units/east-a/catalogue.pdf?year=2025", w)));
    r.add(new Route("GET", "/units/{code}/catalogue.xlsx", "D A N A A A", w -> get("/units/east-a/catalogue.xlsx?year=2025", w)));
    r.add(new Route("POST", "/units/{code}/explanations", "D A N D D A", w -> postForm("/units/east-a/explanations", w,
        "year", "2025", "itemKey", "x", "reason", "正在补齐", "deadline", "2099-01-01")));
    r.add(new Route("POST", "/units/{code}/overrides", "D D N A A A", w -> postForm("/units/east-a/overrides", w,
        "year", "2025", "indicator", "Ⅰ-1-1", "grade", "B", "reason", "现场核实")));
    r.add(new Route("POST", "/units/{code}/overrides/withdraw", "D D N A A A", w -> postForm("/units/east-a/overrides/withdraw", w,
        "year", "2025", "indicator", "Ⅰ-1-1")));
    r.add(new Route("POST", "/units/{code}/vetoes", "D D N D D A", w -> postForm("/units/east-a/vetoes", w,
        "year", "2025", "code", "F-3", "reason", "材料造假")));
    r.add(new Route("POST", "/units/{code}/vetoes/lift", "D D N D D A", w -> postForm("/units/east-a/vetoes/lift", w,
        "year", "2025", "code", "F-3")));
    // ---- pages
    r.add(new Route("GET", "/search.xlsx", "D A A A A A", w -> get("/search.xlsx?q=Ledger", w)));
    r.add(new Route("GET", "/login", "A A A A A A", w -> get("/login", w)));
    r.add(new Route("GET", "/", "D A A A A A", w -> get("/?q=Ledger", w)));
    r.add(new Route("GET", "/units", "D A A A A A", w -> get("/units", w)));
    r.add(new Route("GET", "/units/{code}", "D A N A A A", w -> get("/units/east-a", w)));
    r.add(new Route("GET", "/documents/{id}", "D A N A A A", w -> get("/documents/" + id, w)));
    r.add(new Route("GET", "/upload", "D A A D D A", w -> get("/upload", w)));
    r.add(new Route("POST", "/upload", "D A R D D A", w -> new Multipart().field("unit", "east-a")
        .file("网页.txt", TestFiles.utf8("网页上传 " + w + System.nanoTime())).post(http, uri("/upload"), w.headers())));
    r.add(new Route("GET", "/todo", "D A A A A A", w -> get("/todo", w)));
    r.add(new Route("POST", "/todo/accept", "D D D A A A", w -> postForm("/todo/accept", w, "ids", Long.toString(id))));
    r.add(new Route("GET", "/recycle-bin", "D A A D D A", w -> get("/recycle-bin", w)));
    r.add(new Route("POST", "/documents/{id}/review", "D D D A A A",
        w -> postForm("/documents/" + id + "/review", w, "decision", "accept")));
    r.add(new Route("POST", "/documents/{id}/comments", "D D D A A A",
        w -> postForm("/documents/" + id + "/comments", w, "body", "页面评论")));
    r.add(new Route("POST", "/documents/{id}/delete", "D A N D D A",
        w -> postForm("/documents/" + document("east-a", "页面删除").id() + "/delete", w)));
    r.add(new Route("POST", "/documents/{id}/restore", "D A N D D A",
        w -> postForm("/documents/" + deleted("east-a") + "/restore", w)));
    r.add(new Route("POST", "/admin/recycle-bin/{id}/purge", "D D D D D A",
        w -> postForm("/admin/recycle-bin/" + deleted("east-a") + "/purge", w)));
    r.add(new Route("GET", "/account", "D A A A A A", w -> get("/account", w)));
    r.add(new Route("POST", "/account/password", "D A A A A A",
        w -> postForm("/account/password", w, "current", "wrong-password", "password", "x", "confirm", "y")));
    r.add(new Route("POST", "/account/tokens", "D A A A A A", w -> postForm("/account/tokens", w, "label", "矩阵")));
    r.add(new Route("POST", "/account/tokens/{hash}/revoke", "D A A A A A",
        w -> postForm("/account/tokens/" + "0".repeat(64) + "/revoke", w)));
    r.add(new Route("GET", "/admin/users", "D D D D D A", w -> get("/admin/users", w)));
    r.add(new Route("POST", "/admin/users", "D D D D D A", w -> postForm("/admin/users", w,
        "username", "new-" + w.name().toLowerCase() + System.nanoTime() % 100000, "displayName", "新用户", "role", "REVIEWER",
        "unit", "", "password", "new-user-password")));
    r.add(new Route("POST", "/admin/users/{username}", "D D D D D A", w -> postForm("/admin/users/clerk-west", w,
        "displayName", "城西填报员", "role", "CLERK", "unit", "west", "enabled", "true")));
    r.add(new Route("POST", "/admin/users/{username}/password", "D D D D D A",
        w -> postForm("/admin/users/clerk-west/password", w, "password", PASSWORD)));
    r.add(new Route("GET", "/admin/audit", "D D D D D A", w -> get("/admin/audit", w)));
    r.add(new Route("GET", "/admin/audit.csv", "D D D D D A", w -> get("/admin/audit.csv", w)));
    r.add(new Route("GET", "/admin/jobs", "D D D D D A", w -> get("/admin/jobs", w)));
    r.add(new Route("GET", "/api/admin/jobs", "D D D D D A", w -> get("/api/admin/jobs", w)));
    r.add(new Route("POST", "/admin/jobs/import", "D D D D D A", w -> postForm("/admin/jobs/import", w, "dir", "/nonexistent/矩阵")));
    r.add(new Route("POST", "/admin/jobs/reindex", "D D D D D A", w -> postForm("/admin/jobs/reindex", w)));
    return r;
  }

  private long deleted(String unit) throws Exception {
    Document d = document(unit, "回收站");
    recycleBin.delete(system, d.id());
    return d.id();
  }

  private Set<String> mappedRoutes() {
    Set<String> out = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<String> patterns = info.getPathPatternsCondition() == null ? info.getPatternValues() : info.getPathPatternsCondition().getPatternValues();
      var methods = info.getMethodsCondition().getMethods();
      for (String p : patterns) {
        if (methods.isEmpty()) {
          out.add("* " + p);
        }
        methods.forEach(m -> out.add(m.name() + " " + p));
      }
    }
    out.removeAll(NOT_APPLICATION_ROUTES);
    return out;
  }

  @Test
  void everyRouteHasAnEntry() throws Exception {
    Set<String> inMatrix = new TreeSet<>();
    routes().forEach(r -> inMatrix.add(r.key()));
    assertThat(inMatrix).as("routes without an entry in the matrix").containsAll(mappedRoutes());
    assertThat(mappedRoutes()).as("matrix entries for routes that no longer exist").containsAll(inMatrix);
  }

  @Test
  void everyRoleGetsWhatTheMatrixSays() throws Exception {
    Map<String, String> wrong = new LinkedHashMap<>();
    for (Route route : routes()) {
      String[] expected = route.expected().split(" ");
      StringBuilder actual = new StringBuilder();
      Who[] callers = Who.values();
      for (int i = 0; i < callers.length; i++) {
        HttpResponse<String> response = route.call().send(callers[i]);
        char got = outcome(response);
        actual.append(got).append(i < callers.length - 1 ? " " : "");
        if (got != expected[i].charAt(0)) {
          wrong.put(route.key() + " as " + callers[i], "expected " + expected[i] + ", got " + response.statusCode() + " "
              + response.headers().firstValue("Location").orElse("") + " " + abbreviate(response.body()));
        }
      }
    }
    assertThat(wrong).as("routes answering differently from the matrix").isEmpty();
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
    if (s == 400) {
      return 'R';
    }
    return s >= 200 && s < 400 ? 'A' : '?';
  }

  private static String abbreviate(String body) {
    String b = body == null ? "" : body.replaceAll("\\s+", " ");
    return b.length() > 160 ? b.substring(0, 160) + "…" : b;
  }
}
