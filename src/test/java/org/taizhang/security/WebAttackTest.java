package org.taizhang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taizhang.access.Role;
import org.taizhang.archive.Document;
import org.taizhang.support.Basic;
import org.taizhang.support.Multipart;
import org.taizhang.support.TestFiles;

/** CSRF on forms, stored XSS through every field a user controls, and the login throttle. */
class WebAttackTest extends SecurityFixture {
  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

  @BeforeEach
  void tree() throws Exception {
    setUpTree();
  }

  /** A browser-like client: cookies kept, no Authorization header. */
  private HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  private String csrfFrom(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("page has a CSRF token").isTrue();
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  private HttpResponse<String> formPost(HttpClient client, String path, String... pairs)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(pairs))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpClient signedIn(Who who) throws Exception {
    HttpClient client = browser();
    String loginPage =
        client
            .send(
                HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    HttpResponse<String> r =
        formPost(
            client,
            "/login",
            "username",
            who.username,
            "password",
            PASSWORD,
            "_csrf",
            csrfFrom(loginPage));
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return client;
  }

  @Test
  void formsWithoutTheCsrfTokenAreRefused() throws Exception {
    Document d = document("east-a", "需要评论的材料");
    HttpClient reviewer = signedIn(Who.REVIEWER);
    HttpResponse<String> forged =
        formPost(reviewer, "/documents/" + d.id() + "/comments", "body", "伪造的评论");
    assertThat(forged.statusCode()).isEqualTo(403);
    String page =
        reviewer
            .send(
                HttpRequest.newBuilder(uri("/documents/" + d.id())).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(page).doesNotContain("伪造的评论");
    HttpResponse<String> real =
        formPost(
            reviewer,
            "/documents/" + d.id() + "/comments",
            "body",
            "真实的评论",
            "_csrf",
            csrfFrom(page));
    assertThat(real.statusCode()).isEqualTo(302);
    String after =
        reviewer
            .send(
                HttpRequest.newBuilder(uri("/documents/" + d.id())).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(after).contains("真实的评论");
    // the session cookie alone does not authorise API writes either
    HttpResponse<String> api =
        reviewer.send(
            HttpRequest.newBuilder(uri("/api/documents/" + d.id() + "/review"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(form("decision", "accept"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(403);
  }

  @Test
  void userTextIsEscapedOnEveryPage() throws Exception {
    String evil = "<script>alert('xss')</script>";
    HttpResponse<String> up =
        new Multipart()
            .field("unit", "east-a")
            .field("title", "标题" + evil)
            .file("<img src=x onerror=alert(1)>.txt", TestFiles.utf8("正文 " + evil + " 道德讲堂"))
            .post(http, uri("/api/documents"), Who.CLERK.headers());
    assertThat(up.statusCode()).isEqualTo(201);
    long id = Long.parseLong(up.body().replaceAll(".*?\"id\":(\\d+).*", "$1"));
    assertThat(
            postForm("/api/documents/" + id + "/comments", Who.REVIEWER, "body", "评论" + evil)
                .statusCode())
        .isEqualTo(201);
    for (String page :
        new String[] {
          "/documents/" + id,
          "/?q=" + URLEncoder.encode("道德讲堂", StandardCharsets.UTF_8),
          "/units/east-a",
          "/todo"
        }) {
      String html = get(page, Who.ADMIN).body();
      assertThat(html)
          .as(page)
          .doesNotContain("<script>alert")
          .doesNotContain("<img src=x onerror");
    }
    String docPage = get("/documents/" + id, Who.ADMIN).body();
    assertThat(docPage).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
    // the download of uploaded HTML never renders in the browser
    HttpResponse<String> file = get("/api/documents/" + id + "/file", Who.ADMIN);
    assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment");
    assertThat(file.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
    assertThat(get("/", Who.ADMIN).headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'");
  }

  @Test
  void repeatedFailedLoginsAreThrottled() throws Exception {
    accounts.create("test", "throttled", "被限制的用户", Role.REVIEWER, null, PASSWORD);
    String[] wrong = Basic.auth("throttled", "not-the-password");
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri("/api/units")).headers(wrong).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(401);
    }
    // now even the right password is refused for a while
    HttpResponse<String> right =
        http.send(
            HttpRequest.newBuilder(uri("/api/units"))
                .headers(Basic.auth("throttled", PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(right.statusCode()).isEqualTo(401);
    // the form login says why
    HttpClient client = browser();
    String loginPage =
        client
            .send(
                HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    HttpResponse<String> form =
        formPost(
            client,
            "/login",
            "username",
            "throttled",
            "password",
            PASSWORD,
            "_csrf",
            csrfFrom(loginPage));
    assertThat(form.headers().firstValue("Location").orElse("")).contains("/login?error");
    String message =
        client
            .send(
                HttpRequest.newBuilder(uri("/login?error")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(message).contains("登录失败次数过多");
    // other accounts are not affected
    assertThat(get("/api/units", Who.REVIEWER).statusCode()).isEqualTo(200);
  }

  @Test
  void apiTokensAuthenticateScriptsAndRevokedOnesDoNot() throws Exception {
    String token = accounts.createToken("clerk-a", "攻击测试脚本");
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(uri("/api/units"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("east-a").doesNotContain("\"west\"");
    String hash =
        accounts.tokens("clerk-a").stream()
            .filter(t -> t.label().equals("攻击测试脚本"))
            .findFirst()
            .orElseThrow()
            .hash();
    assertThat(accounts.revokeToken("clerk-a", hash)).isTrue();
    HttpResponse<String> revoked =
        http.send(
            HttpRequest.newBuilder(uri("/api/units"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(revoked.statusCode()).isEqualTo(401);
  }
}
