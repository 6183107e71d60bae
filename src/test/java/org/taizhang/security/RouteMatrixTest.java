package org.taizhang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.access.Scope;
import org.taizhang.archive.Document;
import org.taizhang.catalog.CategoryEditor;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.EvaluationSystems;
import org.taizhang.completeness.Grade;
import org.taizhang.completeness.SystemDraft;
import org.taizhang.config.ConfigVersions;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.review.RecycleBin;
import org.taizhang.support.Multipart;
import org.taizhang.support.TestFiles;
import org.taizhang.unit.UnitAdministration;

/**
 * Every route the application maps, called by every role and by an anonymous client, against a
 * document of unit east-a. Expected outcomes per caller, in the order anonymous, clerk of east-a,
 * clerk of west, reviewer, district office of east, administrator: A allowed (2xx/3xx), D denied
 * (401, 403 or sent to the login page), N not found (404: outside the caller's scope), R rejected
 * as a bad request (400, e.g. a unit the caller may not upload to).
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
  private static final Set<String> NOT_APPLICATION_ROUTES =
      Set.of(
          "GET /error",
          "POST /error",
          "PUT /error",
          "DELETE /error",
          "PATCH /error",
          "HEAD /error",
          "OPTIONS /error",
          "TRACE /error",
          "* /error");

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Autowired RecycleBin recycleBin;
  @Autowired CompletenessService completeness;
  @Autowired EvaluationSystems systems;
  @Autowired CategoryEditor categories;
  @Autowired UnitAdministration unitAdministration;
  @Autowired tools.jackson.databind.json.JsonMapper json;

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private final Caller system = new Caller("test", "test", Role.ADMIN, null, Scope.ALL);

  private List<Route> routes() throws Exception {
    setUpTree();
    Document doc = pdf("east-a");
    long id = doc.id();
    List<Route> r = new ArrayList<>();
    // ---- JSON API
    r.add(new Route("GET", "/api/search", "D A A A A A", w -> get("/api/search?q=Ledger", w)));
    r.add(new Route("GET", "/api/units", "D A A A A A", w -> get("/api/units", w)));
    r.add(
        new Route(
            "POST",
            "/api/documents",
            "D A R D D A",
            w ->
                new Multipart()
                    .field("unit", "east-a")
                    .file("上传.txt", TestFiles.utf8("矩阵上传 " + w + System.nanoTime()))
                    .post(http, uri("/api/documents"), w.headers())));
    r.add(
        new Route(
            "GET", "/api/documents/{id}", "D A N A A A", w -> get("/api/documents/" + id, w)));
    r.add(
        new Route(
            "GET",
            "/api/documents/{id}/text",
            "D A N A A A",
            w -> get("/api/documents/" + id + "/text", w)));
    r.add(
        new Route(
            "GET",
            "/api/documents/{id}/file",
            "D A N A A A",
            w -> get("/api/documents/" + id + "/file", w)));
    r.add(
        new Route(
            "GET",
            "/api/documents/{id}/thumbnail",
            "D A N A A A",
            w -> get("/api/documents/" + id + "/thumbnail", w)));
    r.add(
        new Route(
            "GET",
            "/api/documents/{id}/versions",
            "D A N A A A",
            w -> get("/api/documents/" + id + "/versions", w)));
    r.add(
        new Route(
            "POST",
            "/api/documents/{id}/review",
            "D D D A A A",
            w -> postForm("/api/documents/" + id + "/review", w, "decision", "accept")));
    r.add(
        new Route(
            "GET",
            "/api/documents/{id}/comments",
            "D A N A A A",
            w -> get("/api/documents/" + id + "/comments", w)));
    r.add(
        new Route(
            "POST",
            "/api/documents/{id}/comments",
            "D D D A A A",
            w -> postForm("/api/documents/" + id + "/comments", w, "body", "矩阵评论")));
    // A document of its own: the review route above accepts the shared one, after which its clerk
    // may no longer correct it.
    long described = document("east-a", "著录更正").id();
    r.add(
        new Route(
            "POST",
            "/api/documents/{id}/description",
            "D A N A A A",
            w ->
                postForm(
                    "/api/documents/" + described + "/description",
                    w,
                    "title",
                    "矩阵著录",
                    "period",
                    "2025年第三季度")));
    // A meeting record, whose rules ask for elements a reviewer may confirm.
    long minutes =
        ingest
            .ingest(
                new IngestRequest(
                    "east-a",
                    "meeting",
                    null,
                    null,
                    2025,
                    "会议记录" + System.nanoTime() + ".txt",
                    "test"),
                new ByteArrayInputStream(
                    ("会议记录 地点：二楼 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)))
            .document()
            .id();
    r.add(
        new Route(
            "GET",
            "/api/documents/{id}/elements",
            "D A N A A A",
            w -> get("/api/documents/" + minutes + "/elements", w)));
    r.add(
        new Route(
            "POST",
            "/api/documents/{id}/elements",
            "D D N A A A",
            w -> postForm("/api/documents/" + minutes + "/elements", w, "label", "地点")));
    // A photo, whose caption the unit's clerk and the offices that see the unit may write.
    long photo =
        ingest
            .ingest(
                new IngestRequest(
                    "east-a", "photo", null, null, 2025, "照片" + System.nanoTime() + ".jpg", "test"),
                new ByteArrayInputStream(TestFiles.jpeg((int) (System.nanoTime() % 10_000), null)))
            .document()
            .id();
    r.add(
        new Route(
            "GET",
            "/api/documents/{id}/caption",
            "D A N A A A",
            w -> get("/api/documents/" + photo + "/caption", w)));
    r.add(
        new Route(
            "PUT",
            "/api/documents/{id}/caption",
            "D A N A A A",
            w ->
                send(
                    HttpRequest.newBuilder(uri("/api/documents/" + photo + "/caption"))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"place\":\"矩阵地点 " + w + "\"}")),
                    w)));
    r.add(new Route("GET", "/api/todo", "D A A A A A", w -> get("/api/todo", w)));
    r.add(
        new Route(
            "POST",
            "/api/todo/accept",
            "D D D A A A",
            w -> postForm("/api/todo/accept", w, "ids", Long.toString(id))));
    r.add(
        new Route(
            "DELETE",
            "/api/documents/{id}",
            "D A N D D A",
            w ->
                send(
                    HttpRequest.newBuilder(uri("/api/documents/" + document("east-a", "待删除").id()))
                        .DELETE(),
                    w)));
    r.add(
        new Route(
            "POST",
            "/api/documents/{id}/restore",
            "D A N D D A",
            w -> postForm("/api/documents/" + deleted("east-a") + "/restore", w)));
    r.add(new Route("GET", "/api/recycle-bin", "D A A D D A", w -> get("/api/recycle-bin", w)));
    r.add(
        new Route(
            "DELETE",
            "/api/admin/recycle-bin/{id}",
            "D D D D D A",
            w ->
                send(
                    HttpRequest.newBuilder(uri("/api/admin/recycle-bin/" + deleted("east-a")))
                        .DELETE(),
                    w)));
    r.add(
        new Route(
            "POST",
            "/api/admin/backups",
            "D D D D D A",
            w ->
                postForm(
                    "/api/admin/backups",
                    w,
                    "dir",
                    Files.createTempDirectory("matrix-backup").toString())));
    // ---- completeness API
    r.add(
        new Route(
            "GET",
            "/api/units/{unit}/completeness",
            "D A N A A A",
            w -> get("/api/units/east-a/completeness?year=2025", w)));
    r.add(
        new Route(
            "GET", "/api/completeness", "D A A A A A", w -> get("/api/completeness?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/api/completeness/systems",
            "D A A A A A",
            w -> get("/api/completeness/systems", w)));
    r.add(
        new Route(
            "POST",
            "/api/units/{unit}/explanations",
            "D A N D D A",
            w ->
                postForm(
                    "/api/units/east-a/explanations",
                    w,
                    "itemKey",
                    "Ⅲ-1-2/annual-summary/2025",
                    "reason",
                    "年终总结正在撰写",
                    "deadline",
                    "2099-12-31")));
    r.add(
        new Route(
            "POST",
            "/api/units/{unit}/overrides",
            "D D N A A A",
            w ->
                postForm(
                    "/api/units/east-a/overrides",
                    w,
                    "year",
                    "2025",
                    "indicator",
                    "Ⅰ-1-1",
                    "grade",
                    "B",
                    "reason",
                    "矩阵调整")));
    r.add(
        new Route(
            "DELETE",
            "/api/units/{unit}/overrides",
            "D D N A A A",
            w -> {
              completeness.override(system, "east-a", 2025, "Ⅰ-1-1", Grade.C, "待撤销");
              return send(
                  HttpRequest.newBuilder(
                          uri("/api/units/east-a/overrides?year=2025&indicator=" + enc("Ⅰ-1-1")))
                      .DELETE(),
                  w);
            }));
    r.add(
        new Route(
            "POST",
            "/api/units/{unit}/hand-grades",
            "D D N A A A",
            w ->
                postForm(
                    "/api/units/east-a/hand-grades",
                    w,
                    "year",
                    "2025",
                    "indicator",
                    "Ⅱ-2-1",
                    "grade",
                    "B",
                    "note",
                    "矩阵实地考察",
                    "date",
                    "2025-10-12")));
    r.add(
        new Route(
            "DELETE",
            "/api/units/{unit}/hand-grades",
            "D D N A A A",
            w -> {
              completeness.handGrade(
                  system, "east-a", 2025, "Ⅱ-2-1", Grade.C, "待撤销", LocalDate.of(2025, 10, 1));
              return send(
                  HttpRequest.newBuilder(
                          uri("/api/units/east-a/hand-grades?year=2025&indicator=" + enc("Ⅱ-2-1")))
                      .DELETE(),
                  w);
            }));
    r.add(
        new Route(
            "POST",
            "/api/units/{unit}/vetoes",
            "D D N D D A",
            w ->
                postForm(
                    "/api/units/east-a/vetoes",
                    w,
                    "year",
                    "2025",
                    "code",
                    "F-3",
                    "reason",
                    "矩阵否决")));
    r.add(
        new Route(
            "DELETE",
            "/api/units/{unit}/vetoes",
            "D D N D D A",
            w -> {
              completeness.veto(system, "east-a", 2025, "F-3", "待撤销");
              return send(
                  HttpRequest.newBuilder(uri("/api/units/east-a/vetoes?year=2025&code=F-3"))
                      .DELETE(),
                  w);
            }));
    // ---- completeness pages and exports
    r.add(new Route("GET", "/completeness", "D A A A A A", w -> get("/completeness?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/completeness/matrix.xlsx",
            "D A A A A A",
            w -> get("/completeness/matrix.xlsx?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/units/{code}/completeness",
            "D A N A A A",
            w -> get("/units/east-a/completeness?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/units/{code}/completeness/report.pdf",
            "D A N A A A",
            w -> get("/units/east-a/completeness/report.pdf?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/units/{code}/catalogue.pdf",
            "D A N A A A",
            w -> get("/units/east-a/catalogue.pdf?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/units/{code}/catalogue.xlsx",
            "D A N A A A",
            w -> get("/units/east-a/catalogue.xlsx?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/units/{code}/bundle.zip",
            "D A N A A A",
            w -> get("/units/east-a/bundle.zip?year=2025", w)));
    // The binder: offices and the unit's own clerk build it; a reviewer reads but does not build.
    r.add(
        new Route(
            "POST",
            "/units/{code}/binder",
            "D A N D A A",
            w -> postForm("/units/east-a/binder?year=2025", w)));
    r.add(
        new Route(
            "POST",
            "/api/units/{code}/binder",
            "D A N D A A",
            w -> postForm("/api/units/east-a/binder?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/units/{code}/binder",
            "D A N A A A",
            w -> get("/units/east-a/binder?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/api/units/{code}/binder",
            "D A N A A A",
            w -> get("/api/units/east-a/binder?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/units/{code}/binder.pdf",
            "D A N A A A",
            w -> {
              built("/api/units/east-a/binder?year=2025", Who.ADMIN);
              return get("/units/east-a/binder.pdf?year=2025", w);
            }));
    // The county's binders: offices only, each its own ZIP of the units it sees.
    r.add(new Route("POST", "/binders", "D D D D A A", w -> postForm("/binders?year=2025", w)));
    r.add(
        new Route(
            "POST", "/api/binders", "D D D D A A", w -> postForm("/api/binders?year=2025", w)));
    r.add(new Route("GET", "/binders", "D D D D A A", w -> get("/binders?year=2025", w)));
    r.add(new Route("GET", "/api/binders", "D D D D A A", w -> get("/api/binders?year=2025", w)));
    r.add(
        new Route(
            "GET",
            "/binders.zip",
            "D D D D A A",
            w -> {
              if (w == Who.DISTRICT || w == Who.ADMIN) {
                built("/api/binders?year=2025", w);
              }
              return get("/binders.zip?year=2025", w);
            }));
    // A real missing item and a near deadline: an allowed caller's explanation is filed, not turned
    // back as invalid.
    r.add(
        new Route(
            "POST",
            "/units/{code}/explanations",
            "D A N D D A",
            w ->
                postForm(
                    "/units/east-a/explanations",
                    w,
                    "year",
                    "2025",
                    "itemKey",
                    "Ⅲ-1-2/annual-summary/2025",
                    "reason",
                    "正在补齐",
                    "deadline",
                    LocalDate.now().plusDays(10).toString())));
    r.add(
        new Route(
            "POST",
            "/units/{code}/overrides",
            "D D N A A A",
            w ->
                postForm(
                    "/units/east-a/overrides",
                    w,
                    "year",
                    "2025",
                    "indicator",
                    "Ⅰ-1-1",
                    "grade",
                    "B",
                    "reason",
                    "现场核实")));
    r.add(
        new Route(
            "POST",
            "/units/{code}/overrides/withdraw",
            "D D N A A A",
            w ->
                postForm(
                    "/units/east-a/overrides/withdraw", w, "year", "2025", "indicator", "Ⅰ-1-1")));
    r.add(
        new Route(
            "POST",
            "/units/{code}/hand-grades",
            "D D N A A A",
            w ->
                postForm(
                    "/units/east-a/hand-grades",
                    w,
                    "year",
                    "2025",
                    "indicator",
                    "Ⅱ-2-1",
                    "grade",
                    "A",
                    "note",
                    "现场整洁",
                    "date",
                    "2025-10-12")));
    r.add(
        new Route(
            "POST",
            "/units/{code}/hand-grades/withdraw",
            "D D N A A A",
            w ->
                postForm(
                    "/units/east-a/hand-grades/withdraw",
                    w,
                    "year",
                    "2025",
                    "indicator",
                    "Ⅱ-2-1")));
    r.add(
        new Route(
            "POST",
            "/units/{code}/vetoes",
            "D D N D D A",
            w ->
                postForm(
                    "/units/east-a/vetoes", w, "year", "2025", "code", "F-3", "reason", "材料造假")));
    r.add(
        new Route(
            "POST",
            "/units/{code}/vetoes/lift",
            "D D N D D A",
            w -> postForm("/units/east-a/vetoes/lift", w, "year", "2025", "code", "F-3")));
    // ---- pages
    r.add(new Route("GET", "/search.xlsx", "D A A A A A", w -> get("/search.xlsx?q=Ledger", w)));
    r.add(new Route("GET", "/login", "A A A A A A", w -> get("/login", w)));
    r.add(new Route("GET", "/", "D A A A A A", w -> get("/?q=Ledger", w)));
    r.add(new Route("GET", "/units", "D A A A A A", w -> get("/units", w)));
    r.add(new Route("GET", "/units/{code}", "D A N A A A", w -> get("/units/east-a", w)));
    r.add(new Route("GET", "/documents/{id}", "D A N A A A", w -> get("/documents/" + id, w)));
    r.add(new Route("GET", "/upload", "D A A D D A", w -> get("/upload", w)));
    r.add(
        new Route(
            "POST",
            "/upload",
            "D A R D D A",
            w ->
                new Multipart()
                    .field("unit", "east-a")
                    .file("网页.txt", TestFiles.utf8("网页上传 " + w + System.nanoTime()))
                    .post(http, uri("/upload"), w.headers())));
    r.add(new Route("GET", "/todo", "D A A A A A", w -> get("/todo", w)));
    r.add(
        new Route(
            "POST",
            "/todo/accept",
            "D D D A A A",
            w -> postForm("/todo/accept", w, "ids", Long.toString(id))));
    r.add(new Route("GET", "/recycle-bin", "D A A D D A", w -> get("/recycle-bin", w)));
    r.add(
        new Route(
            "POST",
            "/documents/{id}/review",
            "D D D A A A",
            w -> postForm("/documents/" + id + "/review", w, "decision", "accept")));
    r.add(
        new Route(
            "POST",
            "/documents/{id}/description",
            "D A N A A A",
            w ->
                postForm(
                    "/documents/" + described + "/description",
                    w,
                    "category",
                    "photo",
                    "year",
                    "2025")));
    r.add(
        new Route(
            "POST",
            "/documents/{id}/caption",
            "D A N A A A",
            w -> postForm("/documents/" + photo + "/caption", w, "place", "矩阵页面地点 " + w)));
    // A reviewer confirms required elements by looking at the page; the unit's clerk may not.
    r.add(
        new Route(
            "POST",
            "/documents/{id}/elements",
            "D D N A A A",
            w -> postForm("/documents/" + minutes + "/elements", w, "label", "时间")));
    r.add(
        new Route(
            "POST",
            "/documents/{id}/comments",
            "D D D A A A",
            w -> postForm("/documents/" + id + "/comments", w, "body", "页面评论")));
    r.add(
        new Route(
            "POST",
            "/documents/{id}/delete",
            "D A N D D A",
            w -> postForm("/documents/" + document("east-a", "页面删除").id() + "/delete", w)));
    r.add(
        new Route(
            "POST",
            "/documents/{id}/restore",
            "D A N D D A",
            w -> postForm("/documents/" + deleted("east-a") + "/restore", w)));
    r.add(
        new Route(
            "POST",
            "/admin/recycle-bin/{id}/purge",
            "D D D D D A",
            w -> postForm("/admin/recycle-bin/" + deleted("east-a") + "/purge", w)));
    r.add(new Route("GET", "/account", "D A A A A A", w -> get("/account", w)));
    r.add(
        new Route(
            "POST",
            "/account/password",
            "D A A A A A",
            w ->
                postForm(
                    "/account/password",
                    w,
                    "current",
                    "wrong-password",
                    "password",
                    "x",
                    "confirm",
                    "y")));
    r.add(
        new Route(
            "POST",
            "/account/tokens",
            "D A A A A A",
            w -> postForm("/account/tokens", w, "label", "矩阵")));
    r.add(
        new Route(
            "POST",
            "/account/tokens/{hash}/revoke",
            "D A A A A A",
            w -> postForm("/account/tokens/" + "0".repeat(64) + "/revoke", w)));
    r.add(
        new Route(
            "POST",
            "/account/email",
            "D A A A A A",
            w -> postForm("/account/email", w, "email", "")));
    // ---- the notification centre: everyone's own
    r.add(new Route("GET", "/notifications", "D A A A A A", w -> get("/notifications", w)));
    r.add(new Route("GET", "/api/notifications", "D A A A A A", w -> get("/api/notifications", w)));
    r.add(
        new Route(
            "POST",
            "/notifications/{id}/read",
            "D N N N N N",
            w -> postForm("/notifications/999999/read", w)));
    r.add(
        new Route(
            "POST",
            "/api/notifications/{id}/read",
            "D N N N N N",
            w -> postForm("/api/notifications/999999/read", w)));
    r.add(
        new Route(
            "POST",
            "/notifications/read-all",
            "D A A A A A",
            w -> postForm("/notifications/read-all", w)));
    r.add(
        new Route(
            "POST",
            "/api/notifications/read-all",
            "D A A A A A",
            w -> postForm("/api/notifications/read-all", w)));
    r.add(
        new Route(
            "POST",
            "/notifications/mutes",
            "D A A A A A",
            w ->
                postForm(
                    "/notifications/mutes",
                    w,
                    "receive",
                    "DIGEST",
                    "receive",
                    "DIGEST_MAIL",
                    "receive",
                    "DIGEST_ROBOT",
                    "receive",
                    "RETURNED")));
    r.add(new Route("GET", "/admin/users", "D D D D D A", w -> get("/admin/users", w)));
    r.add(
        new Route(
            "POST",
            "/admin/users",
            "D D D D D A",
            w ->
                postForm(
                    "/admin/users",
                    w,
                    "username",
                    "new-" + w.name().toLowerCase() + System.nanoTime() % 100000,
                    "displayName",
                    "新用户",
                    "role",
                    "REVIEWER",
                    "unit",
                    "",
                    "password",
                    "new-user-password")));
    r.add(
        new Route(
            "POST",
            "/admin/users/{username}",
            "D D D D D A",
            w ->
                postForm(
                    "/admin/users/clerk-west",
                    w,
                    "displayName",
                    "城西填报员",
                    "role",
                    "CLERK",
                    "unit",
                    "west",
                    "enabled",
                    "true")));
    r.add(
        new Route(
            "POST",
            "/admin/users/{username}/password",
            "D D D D D A",
            w -> postForm("/admin/users/clerk-west/password", w, "password", PASSWORD)));
    r.add(
        new Route(
            "POST",
            "/admin/users/{username}/unlock",
            "D D D D D A",
            w -> postForm("/admin/users/clerk-west/unlock", w)));
    r.add(
        new Route(
            "POST",
            "/api/admin/users/{username}/unlock",
            "D D D D D A",
            w -> postForm("/api/admin/users/clerk-west/unlock", w)));
    r.add(new Route("GET", "/admin/audit", "D D D D D A", w -> get("/admin/audit", w)));
    r.add(new Route("GET", "/admin/audit.csv", "D D D D D A", w -> get("/admin/audit.csv", w)));
    r.add(new Route("GET", "/admin/jobs", "D D D D D A", w -> get("/admin/jobs", w)));
    r.add(new Route("GET", "/api/admin/jobs", "D D D D D A", w -> get("/api/admin/jobs", w)));
    r.add(
        new Route(
            "POST",
            "/admin/jobs/import",
            "D D D D D A",
            w -> postForm("/admin/jobs/import", w, "dir", "/nonexistent/矩阵")));
    r.add(
        new Route(
            "POST", "/admin/jobs/reindex", "D D D D D A", w -> postForm("/admin/jobs/reindex", w)));
    r.add(new Route("GET", "/admin/reminders", "D D D D D A", w -> get("/admin/reminders", w)));
    r.add(
        new Route(
            "POST",
            "/admin/reminders/schedule",
            "D D D D D A",
            w -> postForm("/admin/reminders/schedule", w, "frequency", "OFF")));
    r.add(
        new Route(
            "POST",
            "/admin/reminders/robots",
            "D D D D D A",
            w -> postForm("/admin/reminders/robots", w, "kind", "矩阵")));
    r.add(
        new Route(
            "POST",
            "/admin/reminders/robots/{id}/enabled",
            "D D D D D A",
            w -> postForm("/admin/reminders/robots/999999/enabled", w, "enabled", "true")));
    r.add(
        new Route(
            "POST",
            "/admin/reminders/robots/{id}/delete",
            "D D D D D A",
            w -> postForm("/admin/reminders/robots/999999/delete", w)));
    r.add(
        new Route(
            "POST",
            "/admin/reminders/outbox/{id}/retry",
            "D D D D D A",
            w -> postForm("/admin/reminders/outbox/999999/retry", w)));
    // ---- configuration: evaluation systems, categories, units (administrators only)
    String list = "文明社区.yaml";
    r.add(new Route("GET", "/admin/lists", "D D D D D A", w -> get("/admin/lists", w)));
    r.add(
        new Route(
            "GET",
            "/admin/lists/edit",
            "D D D D D A",
            w -> get("/admin/lists/edit?file=" + enc(list), w)));
    r.add(
        new Route(
            "GET",
            "/admin/lists/history",
            "D D D D D A",
            w -> get("/admin/lists/history?file=" + enc(list) + "&preview=1", w)));
    r.add(
        new Route(
            "POST",
            "/admin/lists/rollback",
            "D D D D D A",
            w -> postForm("/admin/lists/rollback", w, "file", list, "version", "1")));
    r.add(
        new Route(
            "POST",
            "/admin/lists/remove",
            "D D D D D A",
            w -> {
              String file = w == Who.ADMIN ? throwawaySystem() : list;
              return postForm(
                  "/admin/lists/remove",
                  w,
                  "file",
                  file,
                  "base",
                  String.valueOf(systems.open(file).map(e -> e.version()).orElse(0)));
            }));
    r.add(
        new Route(
            "GET",
            "/admin/lists/export.yaml",
            "D D D D D A",
            w -> get("/admin/lists/export.yaml?file=" + enc(list), w)));
    r.add(
        new Route(
            "GET",
            "/admin/lists/export.xlsx",
            "D D D D D A",
            w -> get("/admin/lists/export.xlsx?file=" + enc(list), w)));
    r.add(
        new Route(
            "GET",
            "/admin/lists/template.xlsx",
            "D D D D D A",
            w -> get("/admin/lists/template.xlsx", w)));
    r.add(
        new Route(
            "GET",
            "/api/admin/lists/{file}",
            "D D D D D A",
            w -> get("/api/admin/lists/" + enc(list), w)));
    r.add(
        new Route(
            "POST",
            "/api/admin/lists/yaml",
            "D D D D D A",
            w -> postJson("/api/admin/lists/yaml", w, draftRequest(list))));
    r.add(
        new Route(
            "POST",
            "/api/admin/lists/preview",
            "D D D D D A",
            w -> postJson("/api/admin/lists/preview", w, draftRequest(list))));
    r.add(
        new Route(
            "POST",
            "/api/admin/lists/save",
            "D D D D D A",
            w -> postJson("/api/admin/lists/save", w, draftRequest(list))));
    r.add(
        new Route(
            "POST",
            "/api/admin/lists/import",
            "D D D D D A",
            w ->
                new Multipart()
                    .file("体系.xlsx", systems.workbook(list))
                    .post(http, uri("/api/admin/lists/import"), w.headers())));
    r.add(new Route("GET", "/admin/categories", "D D D D D A", w -> get("/admin/categories", w)));
    r.add(
        new Route(
            "POST",
            "/admin/categories",
            "D D D D D A",
            w -> {
              List<String> pairs =
                  new ArrayList<>(List.of("base", String.valueOf(categories.current().version())));
              categories
                  .current()
                  .categories()
                  .forEach(
                      c ->
                          pairs.addAll(
                              List.of(
                                  "code",
                                  c.code(),
                                  "name",
                                  c.name(),
                                  "keywords",
                                  String.join("、", c.keywords()))));
              return postForm("/admin/categories", w, pairs.toArray(String[]::new));
            }));
    r.add(
        new Route(
            "POST",
            "/admin/categories/rollback",
            "D D D D D A",
            w -> postForm("/admin/categories/rollback", w, "version", "1")));
    r.add(
        new Route(
            "GET",
            "/admin/categories/export.txt",
            "D D D D D A",
            w -> get("/admin/categories/export.txt", w)));
    r.add(new Route("GET", "/admin/units", "D D D D D A", w -> get("/admin/units?edit=east-b", w)));
    r.add(
        new Route(
            "POST",
            "/admin/units",
            "D D D D D A",
            w ->
                postForm(
                    "/admin/units",
                    w,
                    "code",
                    "m-" + System.nanoTime() % 1_000_000_000,
                    "name",
                    "矩阵新单位",
                    "type",
                    "文明社区",
                    "parent",
                    "east")));
    r.add(
        new Route(
            "POST",
            "/admin/units/{code}",
            "D D D D D A",
            w ->
                postForm(
                    "/admin/units/east-b", w, "name", "城东乙社区", "type", "文明社区", "parent", "east")));
    r.add(
        new Route(
            "POST",
            "/admin/units/{code}/deactivate",
            "D D D D D A",
            w ->
                postForm(
                    "/admin/units/" + throwawayUnit(false) + "/deactivate", w, "reason", "矩阵停用")));
    r.add(
        new Route(
            "POST",
            "/admin/units/{code}/reactivate",
            "D D D D D A",
            w -> postForm("/admin/units/" + throwawayUnit(true) + "/reactivate", w)));
    r.add(
        new Route(
            "POST",
            "/admin/units/import",
            "D D D D D A",
            w ->
                new Multipart()
                    .file(
                        "units.csv",
                        "code,name,type,parent\neast-b,城东乙社区,文明社区,east\n"
                            .getBytes(StandardCharsets.UTF_8))
                    .post(http, uri("/admin/units/import"), w.headers())));
    r.add(
        new Route(
            "GET",
            "/admin/units/export.csv",
            "D D D D D A",
            w -> get("/admin/units/export.csv", w)));
    r.add(
        new Route(
            "GET",
            "/admin/units/export.xlsx",
            "D D D D D A",
            w -> get("/admin/units/export.xlsx", w)));
    return r;
  }

  /** The editor's request for a system as it stands (saving it changes nothing). */
  private String draftRequest(String file) throws Exception {
    var editing = systems.open(file).orElseThrow();
    return json.writeValueAsString(
        Map.of("file", file, "base", editing.version(), "draft", editing.draft()));
  }

  private HttpResponse<String> postJson(String path, Who who, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
        who);
  }

  /**
   * A system of its own for the administrator's removal (removing a real one would change the other
   * routes' verdicts).
   */
  private String throwawaySystemName() {
    return "矩阵临时体系" + System.nanoTime() % 1_000_000_000;
  }

  private String throwawaySystem() {
    var d = systems.open("文明社区.yaml").orElseThrow().draft();
    var copy =
        new SystemDraft(
            throwawaySystemName(),
            "2024",
            List.of("创建办"),
            d.gradePoints(),
            d.vetoes(),
            d.duplicateCheck(),
            d.indicators());
    return systems.save("test", null, 0, copy, null, ConfigVersions.FROM_EDITOR).file();
  }

  /** A unit of its own, active or deactivated, for (de)activation by every caller. */
  private String throwawayUnit(boolean deactivated) {
    String code = "t-" + System.nanoTime() % 1_000_000_000;
    unitAdministration.create("test", code, "临时单位", "文明社区", "east");
    if (deactivated) {
      unitAdministration.deactivate("test", code, null);
    }
    return code;
  }

  private long deleted(String unit) throws Exception {
    Document d = document(unit, "回收站");
    recycleBin.delete(system, d.id());
    return d.id();
  }

  private Set<String> mappedRoutes() {
    Set<String> out = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<String> patterns =
          info.getPathPatternsCondition() == null
              ? info.getPatternValues()
              : info.getPathPatternsCondition().getPatternValues();
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
    assertThat(mappedRoutes())
        .as("matrix entries for routes that no longer exist")
        .containsAll(inMatrix);
  }

  /**
   * Also a sweep for leaks: west and east-a hold each a word of their own in titles and text, and
   * east-a's year-end summary is a near copy of west's. No answer of any route to a user outside a
   * unit (JSON, HTML, and the text of PDFs and workbooks) may carry that unit's word or name.
   */
  @Test
  void everyRoleGetsWhatTheMatrixSays() throws Exception {
    setUpTree();
    nearCopyPair();
    Map<String, String> wrong = new LinkedHashMap<>();
    Map<String, String> leaks = new LinkedHashMap<>();
    for (Route route : routes()) {
      String[] expected = route.expected().split(" ");
      StringBuilder actual = new StringBuilder();
      Who[] callers = Who.values();
      for (int i = 0; i < callers.length; i++) {
        Who caller = callers[i];
        HttpResponse<String> response = route.call().send(caller);
        leaks(route.key(), caller, response.body())
            .ifPresent(leak -> leaks.put(route.key() + " as " + caller, leak));
        char got = outcome(response);
        actual.append(got).append(i < callers.length - 1 ? " " : "");
        if (got != expected[i].charAt(0)) {
          wrong.put(
              route.key() + " as " + callers[i],
              "expected "
                  + expected[i]
                  + ", got "
                  + response.statusCode()
                  + " "
                  + response.headers().firstValue("Location").orElse("")
                  + " "
                  + abbreviate(response.body()));
        }
      }
    }
    assertThat(wrong).as("routes answering differently from the matrix").isEmpty();
    assertThat(leaks).as("answers carrying another unit's words").isEmpty();
  }

  /**
   * The near copy itself, read by everyone outside west in every form it takes: the completeness
   * API, the checklist, its PDF, the dashboard and its workbook, the copy's own pages, a search for
   * west's word; by a clerk signed in with a session and with an API token as well as HTTP Basic.
   */
  @Test
  void aNearCopyNamesItsSourceOnlyToReadersWhoSeeBothUnits() throws Exception {
    setUpTree();
    Document[] pair = nearCopyPair();
    long copy = pair[1].id();
    var flags =
        completeness.unit("east-a", 2025).orElseThrow().redFlags().stream()
            .filter(f -> f.kind().equals("NEAR_DUPLICATE") && f.documents().contains(copy))
            .toList();
    assertThat(flags).as("east-a's summary is flagged as a copy").isNotEmpty();
    assertThat(completeness.unit("west", 2025).orElseThrow().redFlags())
        .as("the source is not accused")
        .noneMatch(f -> f.documents().contains(pair[0].id()));
    List<String> paths =
        List.of(
            "/api/units/east-a/completeness?year=2025",
            "/api/completeness?year=2025",
            "/api/completeness?year=2025&type=" + enc("文明社区"),
            "/units/east-a/completeness?year=2025",
            "/units/east-a/completeness/report.pdf?year=2025",
            "/completeness?year=2025",
            "/completeness/matrix.xlsx?year=2025",
            "/documents/" + copy,
            "/api/documents/" + copy,
            "/api/documents/" + copy + "/text",
            // words both summaries share: a search must find east-a's only (a search for west's own
            // word would echo it)
            "/api/search?q=" + enc("上半年创建工作小结 志愿服务"),
            "/?q=" + enc("上半年创建工作小结"),
            "/search.xlsx?q=" + enc("志愿服务活动十余次"),
            "/api/todo",
            "/todo",
            "/units/east-a",
            "/units",
            "/api/units");
    Map<String, String> leaks = new LinkedHashMap<>();
    for (Who who : List.of(Who.CLERK, Who.DISTRICT)) {
      for (String path : paths) {
        HttpResponse<String> r = get(path, who);
        leaks(path, who, r.body()).ifPresent(leak -> leaks.put(path + " as " + who, leak));
      }
    }
    // The clerk signed in otherwise: a session (the pages) and an API token (scripts).
    HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String login = session.send(HttpRequest.newBuilder(uri("/login")).build(), READABLE).body();
    Matcher csrf =
        Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"")
            .matcher(login);
    assertThat(csrf.find()).isTrue();
    HttpResponse<String> signIn =
        session.send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    form(
                        "username",
                        Who.CLERK.username,
                        "password",
                        PASSWORD,
                        "_csrf",
                        csrf.group(1) != null ? csrf.group(1) : csrf.group(2)))
                .build(),
            READABLE);
    assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    String token = accounts.createToken(Who.CLERK.username, "泄漏检查");
    for (String path : paths) {
      HttpResponse<String> bySession =
          session.send(HttpRequest.newBuilder(uri(path)).build(), READABLE);
      assertThat(bySession.statusCode()).as("session GET %s", path).isLessThan(500);
      leaks(path, Who.CLERK, bySession.body())
          .ifPresent(leak -> leaks.put(path + " as clerk (session)", leak));
      HttpResponse<String> byToken =
          http.send(
              HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
              READABLE);
      leaks(path, Who.CLERK, byToken.body())
          .ifPresent(leak -> leaks.put(path + " as clerk (token)", leak));
    }
    assertThat(leaks).as("answers carrying another unit's words").isEmpty();

    // Whoever sees both units reads the pair: the other unit and the title of its document.
    for (Who who : List.of(Who.REVIEWER, Who.ADMIN)) {
      assertThat(get("/api/units/east-a/completeness?year=2025", who).body())
          .as("%s", who)
          .contains("城西中学（west）", WEST_WORD);
      assertThat(get("/units/east-a/completeness/report.pdf?year=2025", who).body())
          .as("%s", who)
          .contains(WEST_WORD);
    }
    // and the clerk reads that its summary is highly similar to another unit's material, no more
    assertThat(get("/api/units/east-a/completeness?year=2025", Who.CLERK).body())
        .contains("与其他单位的材料高度相似，相似度约 ");
  }

  /** The words a user outside a unit must never read: its own word and its name. */
  /** Starts a binder build as {@code who} unless one is ready, and waits until it is. */
  private void built(String api, Who who) throws Exception {
    if (!get(api, who).body().contains("\"READY\"")) {
      postForm(api, who);
    }
    for (int i = 0; i < 600 && !get(api, who).body().contains("\"READY\""); i++) {
      Thread.sleep(100);
    }
  }

  private static final Map<String, List<String>> WORDS_OF =
      Map.of(
          "west", List.of(WEST_WORD, "城西中学"),
          "east-a", List.of(EAST_WORD, "城东甲社区"));

  /** Which of the units above the caller is outside of. */
  private static List<String> outside(Who who) {
    return switch (who) {
      case ANONYMOUS -> List.of("west", "east-a");
      case CLERK, DISTRICT -> List.of("west");
      case OTHER_CLERK -> List.of("east-a");
      case REVIEWER, ADMIN -> List.of();
    };
  }

  /**
   * The first word of a unit outside the caller's scope found in a body, in any spelling a page or
   * a link may use.
   */
  private static Optional<String> leaks(String where, Who who, String body) {
    if (body == null) {
      return Optional.empty();
    }
    for (String unit : outside(who)) {
      for (String word : WORDS_OF.get(unit)) {
        for (String form :
            List.of(word, enc(word), enc(word).toLowerCase(Locale.ROOT), jsonEscaped(word))) {
          int at = body.indexOf(form);
          if (at >= 0) {
            return Optional.of(
                "“"
                    + word
                    + "” of "
                    + unit
                    + " in "
                    + where
                    + ": …"
                    + abbreviate(
                        body.substring(Math.max(0, at - 80), Math.min(body.length(), at + 80)))
                    + "…");
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String jsonEscaped(String word) {
    StringBuilder sb = new StringBuilder();
    word.chars().forEach(c -> sb.append(String.format("\\u%04x", c)));
    return sb.toString();
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
