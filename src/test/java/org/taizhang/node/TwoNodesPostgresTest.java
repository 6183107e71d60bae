package org.taizhang.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.taizhang.TaizhangApplication;
import org.taizhang.account.AccountService;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.Basic;
import org.taizhang.support.Postgres;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.SolrTestCluster;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;

/**
 * Two nodes of the service over one PostgreSQL schema, each with its own data directory, as a load
 * balancer would spread requests over them: a session begun on one is good on the other, sign-in
 * failures count on both, completeness results follow changes made through the other, and a node
 * with the embedded index is refused beside them.
 */
class TwoNodesPostgresTest {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private static Map<String, Object> database;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    Postgres.requireOrSkip();
    database = new HashMap<>(Postgres.freshSchema("tz_nodes_"));
    // both nodes share one SolrCloud collection, as a cluster's nodes do
    database.put("taizhang.search.solr.zk-host", SolrTestCluster.zkHost());
    database.put("taizhang.search.solr.collection", SolrTestCluster.newCollection());
    a = start("solr");
    b = start("solr");
  }

  @AfterAll
  static void stopNodes() {
    for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {b, a}) {
      if (c != null) {
        c.close();
      }
    }
  }

  private static ConfigurableApplicationContext start(String engine) throws Exception {
    Map<String, Object> p = new HashMap<>(database);
    p.put(
        "taizhang.data-dir",
        Files.createTempDirectory("taizhang-node-").resolve("data").toString());
    p.put("server.port", "0");
    p.put("taizhang.admin.password", ServiceTest.ADMIN_PASSWORD);
    String[] own = TestSettings.OWN_ARCHIVE.split("=", 2);
    p.put(own[0], own[1]);
    p.put("taizhang.search.engine", engine);
    // neither node needs to read scans or send reminders here
    p.put("taizhang.ocr.enabled", "false");
    p.put("taizhang.reminders.sweep-every", "0");
    // arguments, not default properties: those would give way to application.properties
    return new SpringApplicationBuilder(TaizhangApplication.class)
        .run(
            p.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  private static URI uri(ConfigurableApplicationContext node, String path) {
    return URI.create(
        "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
  }

  private static HttpResponse<String> get(
      HttpClient client, ConfigurableApplicationContext node, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(node, path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> login(
      HttpClient browser, ConfigurableApplicationContext node, String user, String password)
      throws Exception {
    Matcher csrf = CSRF.matcher(get(browser, node, "/login").body());
    assertThat(csrf.find()).isTrue();
    String form =
        Map.of("username", user, "password", password, "_csrf", csrf.group(1)).entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(uri(node, "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void aSessionBegunOnOneNodeIsGoodOnTheOther() throws Exception {
    // one cookie jar: the cookie is the browser's, whichever node the balancer picks
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> signIn = login(browser, a, "admin", ServiceTest.ADMIN_PASSWORD);
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location")).get().asString().doesNotContain("error");

    HttpResponse<String> onB = get(browser, b, "/account");
    assertThat(onB.statusCode()).isEqualTo(200);
    assertThat(onB.body()).contains("admin");

    HttpClient stranger = HttpClient.newHttpClient();
    assertThat(get(stranger, b, "/account").statusCode())
        .as("without the session B sends to the sign-in page")
        .isEqualTo(302);
  }

  @Test
  void failedSignInsOnOneNodeCountOnTheOther() throws Exception {
    String name = "node-guess-" + System.nanoTime();
    HttpClient guesser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    for (int i = 0; i < 5; i++) {
      login(guesser, a, name, "wrong-" + i);
    }
    assertThat(b.getBean(AccountService.class).lockedFor(name)).isPositive();
    assertThat(b.getBean(AccountService.class).lockedFor("admin")).isZero();

    // the administrator is refused on B after failing on A, the right password notwithstanding
    for (int i = 0; i < 5; i++) {
      assertThat(
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(uri(a, "/api/units"))
                          .headers(Basic.auth("throttled", "wrong"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(401);
    }
    assertThat(a.getBean(AccountService.class).lockedFor("throttled")).isPositive();
    assertThat(b.getBean(AccountService.class).lockedFor("throttled")).isPositive();
  }

  @Test
  void completenessThroughOneNodeFollowsUnitsAddedThroughTheOther() throws Exception {
    CompletenessService onB = b.getBean(CompletenessService.class);
    int year = onB.defaultYear().orElseThrow();
    assertThat(onB.units(year, null)).extracting(UnitCompleteness::unit).doesNotContain("xinghe");

    TestUnits.load(a.getBean(FolderImporter.class), TestUnits.COUNTY);

    assertThat(a.getBean(CompletenessService.class).units(year, null))
        .extracting(UnitCompleteness::unit)
        .contains("xinghe");
    assertThat(onB.units(year, null))
        .as("B read A's change from the feed before answering")
        .extracting(UnitCompleteness::unit)
        .contains("xinghe");
  }

  @Test
  void aNodeWithTheEmbeddedIndexIsRefusedBesideLiveNodes() {
    String other = a.getBean(NodeRegistry.class).name();
    assertThatThrownBy(() -> start("embedded"))
        .rootCause()
        .isInstanceOf(NodeRefusedException.class)
        .hasMessageContaining("拒绝启动")
        .hasMessageContaining("refused to start")
        .hasMessageContaining("taizhang.search.engine=solr");
    assertThat(b.getBean(NodeRegistry.class).live())
        .extracting(Node::name)
        .contains(other)
        .hasSize(2);
  }
}
