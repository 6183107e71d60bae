package org.taizhang.remind;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.review.ReviewService;
import org.taizhang.support.Basic;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;
import org.taizhang.unit.UnitRepository;

/**
 * Reminders end to end: a real SMTP server (GreenMail) and a local robot webhook, the office's
 * clock moved by the test across the digest's time. Two units, 甲 and 乙, each with a clerk whose
 * document was returned, and a county reviewer.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      "taizhang.admin.password=" + RemindersTest.PASSWORD,
      "taizhang.reminders.sweep-every=0",
      "spring.mail.host=127.0.0.1"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemindersTest {
  static final String PASSWORD = "reminders-test-pw";
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Monday 2 March 2026, 08:00 in the office. */
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension smtp =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withPerMethodLifecycle(false);

  /** A clock the test moves; the office's zone. */
  static final class MovableClock extends Clock {
    private volatile Instant now = START;

    @Override
    public ZoneId getZone() {
      return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }

    void set(Instant at) {
      now = at;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  static final MovableClock CLOCK = new MovableClock();

  @TestConfiguration
  static class OfficeClock {
    @Bean
    @Primary
    Clock movableClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("taizhang-reminders");
    registry.add("taizhang.data-dir", dir::toString);
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired AccountService accounts;
  @Autowired ReviewService review;
  @Autowired CompletenessService completeness;
  @Autowired UnitRepository units;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;
  @Autowired ReminderStore store;
  @Autowired Reminders reminders;
  @Autowired Notifications notifications;
  @Autowired ReminderSettings settings;
  @Autowired ObjectProvider<JavaMailSender> mailSender;
  @Autowired Environment environment;
  @Autowired ApplicationEventPublisher events;

  /** A robot endpoint: records what it is sent and answers as told, {"errcode":0} by default. */
  static final class RobotEndpoint {
    final HttpServer server;
    final List<String> wecom = Collections.synchronizedList(new ArrayList<>());
    final List<String> dingtalk = Collections.synchronizedList(new ArrayList<>());
    final List<String> dingtalkQueries = Collections.synchronizedList(new ArrayList<>());

    /** Status codes to answer the next DingTalk posts with before answering 200 again. */
    final ConcurrentLinkedQueue<Integer> dingtalkFailures = new ConcurrentLinkedQueue<>();

    RobotEndpoint() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/wecom",
          x -> {
            wecom.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(x, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
          });
      server.createContext(
          "/dingtalk",
          x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer fail = dingtalkFailures.poll();
            if (fail != null) {
              answer(x, fail, "internal error");
              return;
            }
            dingtalk.add(body);
            dingtalkQueries.add(x.getRequestURI().getRawQuery());
            answer(x, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
          });
      server.start();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange x, int status, String body)
        throws IOException {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().add("Content-Type", "application/json");
      x.sendResponseHeaders(status, b.length);
      x.getResponseBody().write(b);
      x.close();
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
  }

  RobotEndpoint robots;
  long docA;
  long docB;
  long wecomRobot;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void archive() throws Exception {
    robots = new RobotEndpoint();
    CLOCK.set(START);
    TestUnits.load(
        importer,
        """
        rcounty,青禾县文明办,创建办,
        rem-a,青禾县甲局,文明单位,rcounty
        rem-b,青禾县乙局,文明单位,rcounty
        """);
    accounts.create("test", "clerk-a", "甲局填报员", Role.CLERK, "rem-a", PASSWORD);
    accounts.create("test", "clerk-b", "乙局填报员", Role.CLERK, "rem-b", PASSWORD);
    accounts.create("test", "rev-county", "县测评员", Role.REVIEWER, null, PASSWORD);
    accounts.setEmail("test", "clerk-a", "clerk-a@example.gov.cn");
    accounts.setEmail("test", "clerk-b", "clerk-b@example.gov.cn");
    accounts.setEmail("test", "rev-county", "rev@example.gov.cn");
    docA = upload("rem-a", "甲局机密会议记录", "甲局-会议记录.txt").id();
    docB = upload("rem-b", "乙局年度工作计划", "乙局-工作计划.txt").id();
    var reviewer = accounts.caller(accounts.find("rev-county").orElseThrow());
    LocalDate today = LocalDate.now(CLOCK);
    review.returnForRework(reviewer, docA, "缺少主持人签名", today.plusDays(2));
    review.returnForRework(reviewer, docB, "计划未盖章", today.plusDays(1));
  }

  @AfterAll
  void stopRobots() {
    robots.server.stop(0);
  }

  private Document upload(String unit, String title, String file) throws Exception {
    String text = title + "\n时间：2026年2月10日\n地点：三楼会议室\n议题：部署创建工作\n";
    return ingest
        .ingest(
            new IngestRequest(unit, "meeting", null, title, 2026, file, "test"),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .document();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MimeMessage[] mails() {
    return smtp.getReceivedMessages();
  }

  private Map<String, List<MimeMessage>> mailsByRecipient() throws Exception {
    Map<String, List<MimeMessage>> out = new java.util.TreeMap<>();
    for (MimeMessage m : mails()) {
      for (var to : m.getRecipients(Message.RecipientType.TO)) {
        out.computeIfAbsent(to.toString(), k -> new ArrayList<>()).add(m);
      }
    }
    return out;
  }

  private static String text(MimeMessage m) throws Exception {
    return m.getSubject() + "\n" + m.getContent();
  }

  /** The reminder beans as a fresh start of the service makes them, over the same database. */
  private Reminders restarted() {
    ReminderStore s = new ReminderStore(jdbc);
    Notifications n = new Notifications(jdbc, CLOCK);
    return new Reminders(
        s,
        new Outbox(jdbc),
        n,
        new Digests(completeness, review, units),
        accounts,
        new MailChannel(mailSender, environment, settings),
        new RobotChannel(CLOCK, settings),
        audit,
        settings,
        CLOCK);
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    String[] auth = Basic.auth(user, PASSWORD);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(auth[0], auth[1])
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String user, String form) throws Exception {
    String[] auth = Basic.auth(user, PASSWORD);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(auth[0], auth[1])
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // ---- returns

  @Test
  @Order(1)
  void aReturnTellsOnlyTheClerksOfItsUnit() throws Exception {
    List<Notification> a = notifications.latest("clerk-a", 50);
    assertThat(a)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(ReminderKind.RETURNED);
              assertThat(n.title()).contains("甲局机密会议记录");
              assertThat(n.body()).contains("缺少主持人签名").contains("2026-03-04");
              assertThat(n.link()).isEqualTo("/documents/" + docA);
            });
    assertThat(notifications.latest("clerk-b", 50))
        .singleElement()
        .satisfies(n -> assertThat(n.title()).contains("乙局年度工作计划"));
    assertThat(notifications.latest("rev-county", 50)).isEmpty();

    // The document is announced as changed again (a correction, a new thumbnail): still one notice.
    events.publishEvent(new DocumentChanged(docA, "rem-a"));
    assertThat(notifications.unread("clerk-a")).isEqualTo(1);

    HttpResponse<String> page = get("/notifications", "clerk-a");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("notification-count").contains("甲局机密会议记录");
    assertThat(page.body()).doesNotContain("乙局年度工作计划");
    HttpResponse<String> api = get("/api/notifications", "clerk-a");
    assertThat(api.body()).contains("\"unread\":1").doesNotContain("乙局");
  }

  // ---- the acceptance test

  @Test
  @Order(2)
  void aDigestGoesOutOncePerPersonAndRobotAcrossTheDeadlineAndNotAgainAfterARestart()
      throws Exception {
    assertThat(mailSender.getIfAvailable()).isNotNull();
    store.saveSchedule(
        new Schedule(Schedule.Frequency.DAILY, null, LocalTime.of(9, 0), 3, CLOCK.instant(), null),
        "admin",
        CLOCK.instant());
    wecomRobot =
        store.addRobot(
            Robot.Kind.WECOM,
            "县创建群",
            robots.url("/wecom?key=k1"),
            null,
            null,
            "admin",
            CLOCK.instant());

    // 08:00, and 08:59: the day's slot has not come.
    assertThat(reminders.sweep().queued()).isZero();
    CLOCK.advance(Duration.ofMinutes(59));
    assertThat(reminders.sweep().queued()).isZero();
    assertThat(mails()).isEmpty();
    assertThat(robots.wecom).isEmpty();

    // 09:01: past it.
    CLOCK.advance(Duration.ofMinutes(2));
    Reminders.Sweep sweep = reminders.sweep();
    assertThat(sweep.slot()).isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));
    Map<String, List<MimeMessage>> byRecipient = mailsByRecipient();
    assertThat(byRecipient.keySet())
        .containsExactly("clerk-a@example.gov.cn", "clerk-b@example.gov.cn", "rev@example.gov.cn");
    assertThat(byRecipient.values()).allSatisfy(l -> assertThat(l).hasSize(1));
    assertThat(robots.wecom).hasSize(1);

    // A clerk's digest tells its own unit's material, never the other unit's.
    String a = text(byRecipient.get("clerk-a@example.gov.cn").get(0));
    assertThat(a).contains("青禾县甲局").contains("甲局机密会议记录").contains("年度仍缺");
    assertThat(a).contains("将在 3 天内到期");
    // In March the quarterly items of later quarters are counted, not listed as due.
    assertThat(a).containsPattern("年度仍缺 \\d+ 项，其中 \\d+ 项应在本季度末前补齐");
    assertThat(a).doesNotContain("第二季度", "第三季度", "第四季度");
    assertThat(a).doesNotContain("乙局");
    String b = text(byRecipient.get("clerk-b@example.gov.cn").get(0));
    assertThat(b).contains("乙局年度工作计划").doesNotContain("甲局");
    // The office's digest: the returns of the day, both units.
    String rev = text(byRecipient.get("rev@example.gov.cn").get(0));
    assertThat(rev).contains("上次摘要以来新退回 2 份").contains("甲局机密会议记录").contains("乙局年度工作计划");
    // The robot's message is WeCom's Markdown form.
    assertThat(robots.wecom.get(0))
        .contains("\"msgtype\":\"markdown\"")
        .contains("\"content\":")
        .contains("上次摘要以来新退回 2 份");
    // In the notification centre as well, once.
    assertThat(notifications.latest("clerk-a", 50))
        .filteredOn(n -> n.kind() == ReminderKind.DIGEST)
        .singleElement()
        .satisfies(n -> assertThat(n.body()).doesNotContain("乙局"));
    assertThat(
            audit.count(new AuditQuery(null, AuditAction.REMINDER_SENT, null, null, null, 1, 50)))
        .isEqualTo(4);

    // The settings page says how mail goes and which robots post; the key stays hidden.
    HttpResponse<String> settingsPage = get("/admin/reminders", "admin");
    assertThat(settingsPage.statusCode()).isEqualTo(200);
    assertThat(settingsPage.body())
        .contains("每天 09:00")
        .contains("127.0.0.1:" + SMTP_PORT)
        .contains("县创建群")
        .doesNotContain("key=k1");
    HttpResponse<String> account = get("/account", "clerk-a");
    assertThat(account.body()).contains("clerk-a@example.gov.cn");

    // Again, and after a restart, and later the same day: nothing new.
    reminders.sweep();
    restarted().sweep();
    CLOCK.advance(Duration.ofHours(3));
    restarted().sweep();
    assertThat(mails()).hasSize(3);
    assertThat(robots.wecom).hasSize(1);
    assertThat(notifications.latest("clerk-a", 50))
        .filteredOn(n -> n.kind() == ReminderKind.DIGEST)
        .hasSize(1);
  }

  // ---- retries

  @Test
  @Order(3)
  void aRobotThatFailsIsRetriedWithBackOffAndShownAsPendingMeanwhile() throws Exception {
    store.addRobot(
        Robot.Kind.DINGTALK,
        "甲局群",
        robots.url("/dingtalk?access_token=t1"),
        "SECtest",
        "rem-a",
        "admin",
        CLOCK.instant());
    robots.dingtalkFailures.add(500);
    int mailsBefore = mails().length;

    // The next day's slot: 3 Mar 09:00.
    CLOCK.set(Instant.parse("2026-03-03T01:00:30Z"));
    reminders.sweep();
    assertThat(mails()).hasSize(mailsBefore + 3);
    assertThat(robots.wecom).hasSize(2);
    assertThat(robots.dingtalk).isEmpty();
    Delivery pending =
        new Outbox(jdbc)
            .unsent(10).stream()
                .filter(d -> d.channel() == Delivery.Channel.ROBOT)
                .findFirst()
                .orElseThrow();
    assertThat(pending.state()).isEqualTo(Delivery.State.PENDING);
    assertThat(pending.attempts()).isEqualTo(1);
    assertThat(pending.lastError()).contains("HTTP 500");
    assertThat(pending.nextTryAt()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(1)));

    HttpResponse<String> jobs = get("/admin/jobs", "admin");
    assertThat(jobs.statusCode()).isEqualTo(200);
    assertThat(jobs.body())
        .contains("id=\"deliveries\"")
        .contains("HTTP 500")
        .contains("待发送")
        .contains("robot:");

    // Not before its time; then it goes, signed.
    CLOCK.advance(Duration.ofSeconds(30));
    reminders.sweep();
    assertThat(robots.dingtalk).isEmpty();
    CLOCK.advance(Duration.ofSeconds(31));
    restarted().sweep();
    assertThat(robots.dingtalk).hasSize(1);
    assertThat(robots.dingtalk.get(0))
        .contains("\"msgtype\":\"markdown\"")
        .contains("\"title\":")
        .contains("\"text\":")
        .contains("甲局机密会议记录")
        .doesNotContain("乙局");
    Map<String, String> query =
        Arrays.stream(robots.dingtalkQueries.get(0).split("&"))
            .map(p -> p.split("=", 2))
            .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    long timestamp = Long.parseLong(query.get("timestamp"));
    assertThat(timestamp).isEqualTo(CLOCK.millis());
    assertThat(URLDecoder.decode(query.get("sign"), StandardCharsets.UTF_8))
        .isEqualTo(
            URLDecoder.decode(RobotChannel.sign(timestamp, "SECtest"), StandardCharsets.UTF_8));
    assertThat(query.get("access_token")).isEqualTo("t1");
    assertThat(new Outbox(jdbc).count(Delivery.State.PENDING)).isZero();
    assertThat(
            audit.count(new AuditQuery(null, AuditAction.REMINDER_FAILED, null, null, null, 1, 50)))
        .isEqualTo(1);

    // Nothing more comes of it.
    CLOCK.advance(Duration.ofHours(1));
    reminders.sweep();
    assertThat(robots.dingtalk).hasSize(1);
    assertThat(mails()).hasSize(mailsBefore + 3);
  }

  // ---- mutes

  @Test
  @Order(4)
  void aMutedKindIsNotSent() throws Exception {
    // 乙局's clerk keeps everything but the digest by mail.
    HttpResponse<String> saved =
        post(
            "/notifications/mutes",
            "clerk-b",
            "receive=DIGEST&receive=RETURNED&receive=DIGEST_ROBOT");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(store.mutes("clerk-b")).containsExactly(ReminderKind.DIGEST_MAIL);
    // 甲局's only clerk turns the unit's robot off.
    store.setMutes("clerk-a", java.util.EnumSet.of(ReminderKind.DIGEST_ROBOT));
    int dingtalkBefore = robots.dingtalk.size();
    int wecomBefore = robots.wecom.size();
    List<String> before = new ArrayList<>();
    for (MimeMessage m : mails()) {
      before.add(m.getMessageID());
    }

    CLOCK.set(Instant.parse("2026-03-04T01:00:00Z"));
    reminders.sweep();
    List<String> to = new ArrayList<>();
    for (MimeMessage m : mails()) {
      if (!before.contains(m.getMessageID())) {
        to.add(m.getRecipients(Message.RecipientType.TO)[0].toString());
      }
    }
    assertThat(to).containsExactlyInAnyOrder("clerk-a@example.gov.cn", "rev@example.gov.cn");
    assertThat(robots.dingtalk).hasSize(dingtalkBefore);
    assertThat(robots.wecom).hasSize(wecomBefore + 1);
    // The digest still reaches 乙局's clerk in the notification centre.
    assertThat(notifications.latest("clerk-b", 50))
        .filteredOn(n -> n.kind() == ReminderKind.DIGEST)
        .hasSize(3);
  }
}
