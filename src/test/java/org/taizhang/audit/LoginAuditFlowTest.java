package org.taizhang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.taizhang.support.Basic;
import org.taizhang.support.ServiceTest;

/**
 * Logins and logouts through the running service's real security filters, as a browser and a script
 * make them: the listener must see form logins, and must not see per-request HTTP Basic.
 */
@ServiceTest
class LoginAuditFlowTest {
  static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyTrail() {
    jdbc.sql("delete from audit_event").update();
  }

  @Test
  void formLoginAndLogoutAreRecordedWithTheClientAddress() throws Exception {
    HttpClient browser = browser();
    HttpResponse<String> login =
        post(
            browser,
            "/login",
            "username",
            "admin",
            "password",
            PASSWORD,
            "_csrf",
            csrf(get(browser, "/login").body()));
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location")).get().asString().doesNotContain("error");

    List<AuditEvent> afterLogin = audit.find(AuditTestSupport.all());
    assertThat(afterLogin)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.LOGIN);
              assertThat(e.actor()).isEqualTo("admin");
              assertThat(e.address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            });

    // The administrator reaches the page through the real security chain and sees the login.
    HttpResponse<String> page = get(browser, "/admin/audit?action=LOGIN");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<span class=\"badge\">登录</span>", "共 <strong>1</strong> 条记录");

    HttpResponse<String> logout = post(browser, "/logout", "_csrf", csrf(page.body()));
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(audit.find(AuditTestSupport.all()))
        .extracting(AuditEvent::action, AuditEvent::actor)
        .first()
        .isEqualTo(Tuple.tuple(AuditAction.LOGOUT, "admin"));
  }

  @Test
  void httpBasicRequestsAreNotLogins() throws Exception {
    HttpClient script = HttpClient.newHttpClient();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r =
          script.send(
              HttpRequest.newBuilder(uri("/api/units"))
                  .headers(Basic.auth("admin", PASSWORD))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(200);
    }
    assertThat(audit.count(new AuditQuery(null, AuditAction.LOGIN, null, null, null, 1, 50)))
        .isZero();
  }

  @Test
  void failedFormLoginIsRecordedWithTheAttemptedName() throws Exception {
    HttpClient browser = browser();
    HttpResponse<String> login =
        post(
            browser,
            "/login",
            "username",
            "nosuchuser",
            "password",
            "wrong",
            "_csrf",
            csrf(get(browser, "/login").body()));
    assertThat(login.headers().firstValue("Location")).get().asString().contains("error");

    assertThat(audit.find(AuditTestSupport.all()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(AuditAction.LOGIN_FAILED);
              assertThat(e.actor()).isEqualTo("nosuchuser");
              assertThat(e.detail()).isEqualTo("BadCredentialsException");
              assertThat(e.address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            });
  }

  @Test
  void throttledLoginAttemptsAreRecordedToo() throws Exception {
    HttpClient browser = browser();
    for (int i = 0; i < 6; i++) {
      post(
          browser,
          "/login",
          "username",
          "guesser",
          "password",
          "guess-" + i,
          "_csrf",
          csrf(get(browser, "/login").body()));
    }

    List<AuditEvent> trail = audit.find(AuditTestSupport.all());
    assertThat(trail).extracting(AuditEvent::action).containsOnly(AuditAction.LOGIN_FAILED);
    assertThat(trail).extracting(AuditEvent::actor).containsOnly("guesser");
    // Five wrong passwords, then the throttle refuses to check the sixth: a guessing attack shows
    // as such.
    assertThat(trail)
        .extracting(AuditEvent::detail)
        .containsExactly(
            "TooManyAttemptsException",
            "BadCredentialsException",
            "BadCredentialsException",
            "BadCredentialsException",
            "BadCredentialsException",
            "BadCredentialsException");
  }

  private HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(HttpClient client, String path, String... pairs)
      throws Exception {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&")
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    // Accept says “browser”: Spring Security answers a script's logout with 204 instead of a
    // redirect.
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("the page carries a CSRF token").isTrue();
    return m.group(1);
  }
}
