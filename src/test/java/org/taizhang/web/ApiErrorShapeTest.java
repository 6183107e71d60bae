package org.taizhang.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.support.ServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks the error cases of every API controller and of the layers in front of them (security,
 * unknown addresses, methods): each answers with an RFC 9457 problem detail of one shape, whose
 * {@code code} is the same for the same problem everywhere.
 */
@ServiceTest
class ApiErrorShapeTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ADMIN =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  ("admin:" + ServiceTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * One error case: who asks (null: nobody), how, and the status and code the answer must carry.
   */
  record Case(
      String controller,
      String auth,
      String method,
      String path,
      String contentType,
      String body,
      int status,
      String code) {}

  @Test
  void everyApiErrorIsAProblemDetailWithAStableCode() throws Exception {
    String json = "application/json";
    List<Case> cases =
        List.of(
            // security, unknown addresses and methods, before any controller
            new Case(
                "security", null, "GET", "/api/search?q=x", null, null, 401, "UNAUTHENTICATED"),
            new Case(
                "security",
                "Bearer no-such-token",
                "GET",
                "/api/search?q=x",
                null,
                null,
                401,
                "UNAUTHENTICATED"),
            new Case(
                "error endpoint", ADMIN, "GET", "/api/no-such-thing", null, null, 404, "NOT_FOUND"),
            new Case(
                "SearchApiController",
                ADMIN,
                "DELETE",
                "/api/search",
                null,
                null,
                405,
                "METHOD_NOT_ALLOWED"),
            // SearchApiController
            new Case(
                "SearchApiController",
                ADMIN,
                "GET",
                "/api/search?q=%E9%81%93%E5%BE%B7%E8%AE%B2%E5%A0%82%20OR",
                null,
                null,
                400,
                "BAD_QUERY"),
            new Case(
                "SearchApiController",
                ADMIN,
                "GET",
                "/api/search?q=x&sort=best",
                null,
                null,
                400,
                "INVALID_REQUEST"),
            new Case(
                "SearchApiController",
                ADMIN,
                "GET",
                "/api/search?q=x&page=first",
                null,
                null,
                400,
                "INVALID_REQUEST"),
            // DocumentApiController (review) and UploadApiController (ingest)
            new Case(
                "DocumentApiController",
                ADMIN,
                "GET",
                "/api/documents/987654321",
                null,
                null,
                404,
                "NOT_FOUND"),
            new Case(
                "DocumentApiController",
                ADMIN,
                "GET",
                "/api/documents/abc",
                null,
                null,
                400,
                "INVALID_REQUEST"),
            new Case(
                "DocumentApiController",
                ADMIN,
                "GET",
                "/api/documents/987654321/file",
                null,
                null,
                404,
                "NOT_FOUND"),
            new Case(
                "UploadApiController",
                ADMIN,
                "POST",
                "/api/documents?unit=no-such-unit",
                "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nx\r\n--b--\r\n",
                400,
                "UNKNOWN_UNIT"),
            new Case(
                "UploadApiController",
                ADMIN,
                "POST",
                "/api/documents",
                json,
                "{}",
                415,
                "UNSUPPORTED_MEDIA_TYPE"),
            // ReviewApiController
            new Case(
                "ReviewApiController",
                ADMIN,
                "POST",
                "/api/documents/987654321/review?decision=accept",
                null,
                null,
                404,
                "NOT_FOUND"),
            new Case(
                "ReviewApiController",
                ADMIN,
                "GET",
                "/api/todo?year=abc",
                null,
                null,
                400,
                "INVALID_REQUEST"),
            new Case(
                "ReviewApiController",
                ADMIN,
                "POST",
                "/api/todo/accept",
                json,
                "not json",
                400,
                "INVALID_REQUEST"),
            new Case(
                "ReviewApiController",
                ADMIN,
                "DELETE",
                "/api/admin/recycle-bin/987654321",
                null,
                null,
                404,
                "NOT_FOUND"),
            // CompletenessApiController and EvaluationSystemApiController
            new Case(
                "CompletenessApiController",
                ADMIN,
                "GET",
                "/api/units/no-such-unit/completeness",
                null,
                null,
                404,
                "NOT_FOUND"),
            new Case(
                "CompletenessApiController",
                ADMIN,
                "GET",
                "/api/completeness?year=abc",
                null,
                null,
                400,
                "INVALID_REQUEST"),
            new Case(
                "EvaluationSystemApiController",
                ADMIN,
                "GET",
                "/api/admin/lists/no-such-list.yaml",
                null,
                null,
                404,
                "NOT_FOUND"),
            new Case(
                "EvaluationSystemApiController",
                ADMIN,
                "POST",
                "/api/admin/lists/preview",
                json,
                "not json",
                400,
                "INVALID_REQUEST"),
            new Case(
                "EvaluationSystemApiController",
                ADMIN,
                "POST",
                "/api/admin/lists/yaml",
                json,
                "{\"draft\":{\"name\":\"\",\"from\":\"2025\",\"unitTypes\":[],\"gradePoints\":{},\"vetoes\":[],"
                    + "\"duplicateCheck\":[],\"indicators\":[]}}",
                400,
                "INVALID_CONFIG"),
            // AdminUserApiController, BackupApiController
            new Case(
                "AdminUserApiController",
                ADMIN,
                "POST",
                "/api/admin/users/no-such-user/unlock",
                null,
                null,
                404,
                "NOT_FOUND"),
            // a write without credentials is refused by the CSRF check before any authentication
            new Case(
                "AdminUserApiController",
                null,
                "POST",
                "/api/admin/users/admin/unlock",
                null,
                null,
                403,
                "FORBIDDEN"),
            new Case(
                "BackupApiController",
                ADMIN,
                "POST",
                "/api/admin/backups?dir=relative/path",
                null,
                null,
                400,
                "BACKUP_REFUSED"));

    SoftAssertions soft = new SoftAssertions();
    for (Case c : cases) {
      HttpResponse<String> r = send(c);
      String what =
          c.controller()
              + " "
              + c.method()
              + " "
              + c.path()
              + " → "
              + r.statusCode()
              + " "
              + r.body();
      soft.assertThat(r.statusCode()).as(what).isEqualTo(c.status());
      soft.assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).contains("json");
      JsonNode body;
      try {
        body = JSON.readTree(r.body());
      } catch (RuntimeException e) {
        soft.fail("not JSON: " + what);
        continue;
      }
      soft.assertThat(names(body))
          .as(what)
          .contains("title", "status", "detail", "instance", "code");
      soft.assertThat(names(body))
          .as(what)
          .doesNotContain("error", "message", "trace", "exception");
      soft.assertThat(body.path("status").asInt()).as(what).isEqualTo(r.statusCode());
      soft.assertThat(body.path("code").asString()).as(what).isEqualTo(c.code());
      soft.assertThat(body.path("instance").asString())
          .as(what)
          .isEqualTo(URI.create(c.path()).getPath());
      // the detail is for people, in Chinese
      soft.assertThat(body.path("detail").asString())
          .as(what)
          .isNotBlank()
          .containsPattern("\\p{IsHan}");
    }
    soft.assertAll();
  }

  private static List<String> names(JsonNode body) {
    return body.propertyNames().stream().toList();
  }

  private HttpResponse<String> send(Case c) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()));
    if (c.auth() != null) {
      b.header("Authorization", c.auth());
    }
    if (c.contentType() != null) {
      b.header("Content-Type", c.contentType());
    }
    b.method(
        c.method(),
        c.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(c.body()));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
