package org.taizhang.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.access.Role;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.Basic;
import org.taizhang.support.ServiceTest;

/**
 * Accounts as a county office names them (张三), on every way in: the sign-in form, HTTP Basic in
 * UTF-8, API tokens, and the audit log; an administrator lifting the lock after repeated failed
 * sign-ins, by page and by API; and where a clerk lands after signing in.
 */
@ServiceTest
class AccountNamesTest {
  static final String ADMIN_PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final String CLERK = "张三";
  private static final String CLERK_PASSWORD = "zhang-san-password";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired AccountService accounts;
  @Autowired AuditLog audit;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeEach
  void units() throws IOException {
    if (accounts.find("审核员李四").isPresent()) {
      return;
    }
    Path dir = Files.createTempDirectory("units");
    Files.writeString(
        dir.resolve("units.csv"),
        """
        code,name,type,parent
        county,青禾县文明办,创建办,
        wjj,青禾县卫生健康局,文明单位,county
        """);
    importer.loadUnits(dir);
    accounts.create("test", "审核员李四", "李四", Role.REVIEWER, null, CLERK_PASSWORD);
  }

  @Test
  void anAdministratorCreatesAChineseNamedClerkWhoSignsInEveryWay() throws Exception {
    String newClerk = "赵六";
    // Created through the user page, as an administrator does it.
    HttpResponse<String> created =
        post(
            http,
            "/admin/users",
            Basic.auth("admin", ADMIN_PASSWORD),
            "username",
            newClerk,
            "displayName",
            "赵六",
            "role",
            "CLERK",
            "unit",
            "wjj",
            "password",
            CLERK_PASSWORD);
    assertThat(created.statusCode()).isEqualTo(302);
    assertThat(accounts.find(newClerk)).get().extracting(Account::unitCode).isEqualTo("wjj");
    HttpResponse<String> list = get(http, "/admin/users", Basic.auth("admin", ADMIN_PASSWORD));
    assertThat(list.body()).contains("data-username=\"赵六\"");

    // The sign-in form; a clerk lands on the to-do list with the unit's checklist.
    HttpClient browser = browser();
    HttpResponse<String> login = signIn(browser, newClerk, CLERK_PASSWORD);
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/todo");
    HttpResponse<String> todo = get(browser, "/todo");
    assertThat(todo.body())
        .contains("id=\"clerk-home\"", "青禾县卫生健康局", "查看本单位台账清单", "/units/wjj/completeness");

    // HTTP Basic in UTF-8, which the service announces.
    assertThat(get(http, "/api/todo", Basic.auth(newClerk, CLERK_PASSWORD)).statusCode())
        .isEqualTo(200);
    HttpResponse<String> anonymous = get(http, "/api/todo");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("charset=\"UTF-8\"");

    // A personal API token.
    String token = accounts.createToken(newClerk, "手机脚本");
    assertThat(get(http, "/api/todo", "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);

    // The audit log names the person.
    assertThat(audit.find(new AuditQuery(newClerk, AuditAction.LOGIN, null, null, null, 1, 10)))
        .isNotEmpty();
    assertThat(
            audit.find(new AuditQuery("admin", AuditAction.USER_CREATED, null, null, null, 1, 10)))
        .extracting(AuditEvent::target)
        .contains(newClerk);
  }

  @Test
  void otherRolesLandOnTheSearchPageAndASavedRequestIsHonoured() throws Exception {
    HttpResponse<String> reviewer = signIn(browser(), "审核员李四", CLERK_PASSWORD);
    assertThat(reviewer.headers().firstValue("Location").orElseThrow())
        .isEqualTo("http://localhost:" + port + "/");

    ensureClerk();
    // A clerk who asked for a particular page is taken there; opening the site's address is no such
    // request.
    HttpClient asked = browser();
    assertThat(get(asked, "/units/wjj").statusCode()).isEqualTo(302);
    assertThat(signIn(asked, CLERK, CLERK_PASSWORD).headers().firstValue("Location").orElseThrow())
        .contains("/units/wjj");
    HttpClient root = browser();
    assertThat(get(root, "/").statusCode()).isEqualTo(302);
    assertThat(signIn(root, CLERK, CLERK_PASSWORD).headers().firstValue("Location").orElseThrow())
        .endsWith("/todo");
  }

  @Test
  void userNamesAreWordsWithoutSpacesOrMarks() {
    for (String bad : new String[] {"张 三", "张", "a/b", "张三<script>", "x".repeat(65)}) {
      assertThatThrownBy(
              () -> accounts.create("test", bad, null, Role.REVIEWER, null, CLERK_PASSWORD))
          .as(bad)
          .isInstanceOf(AccountService.AccountException.class)
          .hasMessageContaining("用户名须为");
    }
    Account minority =
        accounts.create("test", "阿依古丽·买买提", null, Role.REVIEWER, null, CLERK_PASSWORD);
    assertThat(minority.username()).isEqualTo("阿依古丽·买买提");
  }

  @Test
  void anAdministratorUnlocksAThrottledAccountByPageAndByApi() throws Exception {
    ensureClerk();
    String user = "王五";
    if (accounts.find(user).isEmpty()) {
      accounts.create("test", user, "王五", Role.CLERK, "wjj", CLERK_PASSWORD);
    }
    lockOut(user);
    assertThat(get(http, "/api/todo", Basic.auth(user, CLERK_PASSWORD)).statusCode())
        .as("refused even with the right password")
        .isEqualTo(401);
    assertThat(get(http, "/admin/users", Basic.auth("admin", ADMIN_PASSWORD)).body())
        .contains("登录已锁定", "/admin/users/%E7%8E%8B%E4%BA%94/unlock");

    // Only administrators may unlock.
    assertThat(
            post(
                    http,
                    "/api/admin/users/" + enc(user) + "/unlock",
                    Basic.auth("审核员李四", CLERK_PASSWORD))
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> unlocked =
        post(
            http, "/api/admin/users/" + enc(user) + "/unlock", Basic.auth("admin", ADMIN_PASSWORD));
    assertThat(unlocked.statusCode()).isEqualTo(200);
    assertThat(unlocked.body()).contains("\"wasLocked\":true");
    assertThat(get(http, "/api/todo", Basic.auth(user, CLERK_PASSWORD)).statusCode())
        .isEqualTo(200);
    assertThat(
            post(
                    http,
                    "/api/admin/users/" + enc("无此人") + "/unlock",
                    Basic.auth("admin", ADMIN_PASSWORD))
                .statusCode())
        .isEqualTo(404);

    // Again, through the user page.
    lockOut(user);
    HttpResponse<String> page =
        post(http, "/admin/users/" + enc(user) + "/unlock", Basic.auth("admin", ADMIN_PASSWORD));
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(get(http, "/api/todo", Basic.auth(user, CLERK_PASSWORD)).statusCode())
        .isEqualTo(200);
    assertThat(
            audit.find(new AuditQuery("admin", AuditAction.USER_CHANGED, null, null, user, 1, 10)))
        .extracting(AuditEvent::detail)
        .contains("解除登录锁定");
  }

  private void lockOut(String user) throws Exception {
    for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
      get(http, "/api/todo", Basic.auth(user, "wrong-password-" + i));
    }
    assertThat(accounts.lockedFor(user)).isPositive();
  }

  private void ensureClerk() {
    if (accounts.find(CLERK).isEmpty()) {
      accounts.create("test", CLERK, "张三", Role.CLERK, "wjj", CLERK_PASSWORD);
    }
  }

  private HttpClient browser() {
    return HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  private HttpResponse<String> signIn(HttpClient browser, String username, String password)
      throws Exception {
    Matcher m = CSRF.matcher(get(browser, "/login").body());
    assertThat(m.find()).isTrue();
    return post(
        browser,
        "/login",
        new String[0],
        "username",
        username,
        "password",
        password,
        "_csrf",
        m.group(1));
  }

  private HttpResponse<String> get(HttpClient client, String path, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(
      HttpClient client, String path, String[] headers, String... pairs) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      sb.append(sb.length() == 0 ? "" : "&")
          .append(enc(pairs[i]))
          .append('=')
          .append(enc(pairs[i + 1]));
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(sb.toString()));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
