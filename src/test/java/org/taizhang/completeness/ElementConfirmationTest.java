package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.Basic;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestUnits;

/**
 * Honest OCR through the running service: a meeting record whose text was recognised with low
 * confidence satisfies no required element until a reviewer ticks them on the document page
 * (audited, withdrawable, per version); a unit's clerk may not confirm, another unit's clerk does
 * not see the document; a filing inferred with low confidence shows as 待确认 on the checklist until
 * its category is confirmed. The recognition and inference rows, which other features write, are
 * put in directly.
 */
@ServiceTest
class ElementConfirmationTest {
  private static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final String UNIT = "trust-bureau";
  private static final List<String> SIX = List.of("时间", "地点", "主持人", "参会人员", "记录人", "议题");

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired AccountService accounts;
  @Autowired IngestService ingest;
  @Autowired CompletenessService completeness;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void setUp() throws Exception {
    if (accounts.find("trust-reviewer").isPresent()) {
      return;
    }
    TestUnits.load(
        importer,
        TestUnits.COUNTY + UNIT + ",青禾县核验测试局,文明单位,county\n" + "trust-other,青禾县另一测试局,文明单位,county\n");
    accounts.create("test", "trust-reviewer", "核验测评员", Role.REVIEWER, null, PASSWORD);
    accounts.create("test", "trust-clerk", "核验局填报员", Role.CLERK, UNIT, PASSWORD);
    accounts.create("test", "trust-other-clerk", "另一局填报员", Role.CLERK, "trust-other", PASSWORD);
  }

  private Document store(String category, String date, String title, String text) throws Exception {
    return ingest
        .ingest(
            new IngestRequest(
                UNIT,
                category,
                date == null ? null : LocalDate.parse(date),
                title,
                2025,
                title + System.nanoTime() + ".txt",
                "trust-clerk"),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .document();
  }

  /** What OCR records for a handwritten page it could barely read. */
  private void recognisedWithLowConfidence(long id) {
    jdbc.sql("delete from text_recognition where document_id = ?").param(id).update();
    jdbc.sql(
            "insert into text_recognition(document_id, state, updated_at, engine, confidence, low_confidence)"
                + " values (?, 'DONE', ?, 'tesseract', 0.41, true)")
        .params(id, Timestamp.from(Instant.now()))
        .update();
    completeness.refresh(id);
  }

  private void inferred(long id, String categorySource, double confidence, String dateSource) {
    jdbc.sql("delete from document_inference where document_id = ?").param(id).update();
    jdbc.sql(
            "insert into document_inference(document_id, category_source, category_confidence, date_source)"
                + " values (?, ?, ?, ?)")
        .params(id, categorySource, confidence, dateSource)
        .update();
    completeness.refresh(id);
  }

  private IndicatorResult indicator(String code) {
    return completeness.unit(UNIT, 2025).orElseThrow().indicators().stream()
        .filter(i -> i.code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  /** The missing item of one period of an indicator, if the period is short of evidence. */
  private Optional<MissingItem> item(String code, String periodKey) {
    return indicator(code).missing().stream().filter(m -> m.key().endsWith(periodKey)).findFirst();
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .headers(Basic.auth(user, PASSWORD))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> confirm(long id, String user, List<String> labels) throws Exception {
    String form =
        labels.stream()
            .map(l -> "label=" + URLEncoder.encode(l, StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/documents/" + id + "/elements"))
            .headers(Basic.auth(user, PASSWORD))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<AuditEvent> audited(AuditAction action, long id) {
    return audit.find(
        new AuditQuery("trust-reviewer", action, null, null, "材料 " + id + "《", 1, 50));
  }

  @Test
  void aLowConfidenceMeetingRecordCountsOnlyOnceAReviewerConfirmedItsElements() throws Exception {
    String text =
        "第二季度创建工作会议记录\n时间：2025年5月13日\n地点：三楼会议室\n主持人：王局长\n" + "参会人员：班子成员\n记录人：李明\n议题：部署创建工作\n";
    Document d = store("meeting", "2025-05-13", "手写会议记录", text);
    assertThat(item("Ⅰ-3-1", "2025-Q2")).as("read with confidence, the record counts").isEmpty();

    recognisedWithLowConfidence(d.id());
    MissingItem waiting = item("Ⅰ-3-1", "2025-Q2").orElseThrow();
    assertThat(waiting.pending()).extracting(PendingDocument::id).containsExactly(d.id());
    assertThat(waiting.text()).contains("待确认", "时间、地点、主持人", "待测评员在材料页确认");
    assertThat(indicator("Ⅰ-3-1").status()).isEqualTo(IndicatorStatus.PENDING);
    assertThat(indicator("Ⅰ-3-1").evidence()).doesNotContain(d.id());

    // the page says why and offers the reviewer the checklist, the clerk only the table
    String reviewerPage = get("/documents/" + d.id(), "trust-reviewer").body();
    assertThat(reviewerPage).contains("id=\"elements-form\"", "识别置信度低", "（41%）", "value=\"主持人\"");
    String clerkPage = get("/documents/" + d.id(), "trust-clerk").body();
    assertThat(clerkPage).contains("id=\"elements\"").doesNotContain("elements-form");
    assertThat(get("/units/" + UNIT + "/completeness?year=2025", "trust-clerk").body())
        .contains("status-PENDING", "/documents/" + d.id() + "\"");

    // a unit's clerk may not confirm its own material; another unit's clerk does not see it
    assertThat(confirm(d.id(), "trust-clerk", SIX).statusCode()).isEqualTo(403);
    assertThat(confirm(d.id(), "trust-other-clerk", SIX).statusCode()).isEqualTo(404);
    assertThat(get("/documents/" + d.id(), "trust-other-clerk").statusCode()).isEqualTo(404);
    assertThat(item("Ⅰ-3-1", "2025-Q2")).isPresent();

    // a label the rules do not ask of a meeting record is refused, nothing is stored
    HttpResponse<String> odd = confirm(d.id(), "trust-reviewer", List.of("时间", "颜色"));
    assertThat(odd.statusCode()).isEqualTo(302);
    assertThat(
            jdbc.sql("select count(*) from element_confirmation where document_id = ?")
                .param(d.id())
                .query(Long.class)
                .single())
        .isZero();

    HttpResponse<String> ok = confirm(d.id(), "trust-reviewer", SIX);
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(ok.headers().firstValue("Location").orElse("")).contains("/documents/" + d.id());
    assertThat(item("Ⅰ-3-1", "2025-Q2")).as("confirmed, the record counts").isEmpty();
    assertThat(indicator("Ⅰ-3-1").evidence()).contains(d.id());
    assertThat(audited(AuditAction.ELEMENTS_CONFIRMED, d.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("时间、地点、主持人、参会人员、记录人、议题", "文字识别置信度低（41%）"));
    assertThat(get("/documents/" + d.id(), "trust-clerk").body()).contains("已确认（核验测评员");

    // withdrawn: the record waits again, and that is audited too
    List<String> five = SIX.stream().filter(l -> !l.equals("主持人")).toList();
    assertThat(confirm(d.id(), "trust-reviewer", five).statusCode()).isEqualTo(302);
    assertThat(item("Ⅰ-3-1", "2025-Q2").orElseThrow().text()).contains("主持人待测评员在材料页确认");
    assertThat(audited(AuditAction.ELEMENTS_WITHDRAWN, d.id()))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("主持人（原由 核验测评员 确认）"));

    // a new version is read anew: what the old one showed is not confirmed for it
    confirm(d.id(), "trust-reviewer", SIX);
    Document v2 =
        ingest
            .ingest(
                new IngestRequest(
                    UNIT,
                    "meeting",
                    LocalDate.parse("2025-05-13"),
                    "手写会议记录（重拍）",
                    2025,
                    "v2-" + System.nanoTime() + ".txt",
                    "trust-clerk",
                    d.id()),
                new ByteArrayInputStream((text + "补拍\n").getBytes(StandardCharsets.UTF_8)))
            .document();
    recognisedWithLowConfidence(v2.id());
    assertThat(item("Ⅰ-3-1", "2025-Q2").orElseThrow().pending())
        .extracting(PendingDocument::id)
        .containsExactly(v2.id());
    assertThat(confirm(d.id(), "trust-reviewer", SIX).statusCode())
        .as("the old version can no longer be confirmed")
        .isEqualTo(302);
    assertThat(get("/documents/" + d.id(), "trust-reviewer").body())
        .doesNotContain("elements-form");
  }

  @Test
  void aFilingInferredWithLowConfidenceWaitsUntilItsCategoryIsConfirmed() throws Exception {
    Document plan = store("plan", "2025-03-11", "2025年创建工作实施方案", "2025年创建工作实施方案\n任务分解到人\n");
    assertThat(indicator("Ⅰ-2-1").status()).isEqualTo(IndicatorStatus.MET);

    inferred(plan.id(), "BODY", 0.42, "TEXT");
    IndicatorResult waiting = indicator("Ⅰ-2-1");
    assertThat(waiting.status()).isEqualTo(IndicatorStatus.PENDING);
    assertThat(waiting.evidence()).isEmpty();
    assertThat(waiting.missing().get(0).text()).contains("类别为自动推断（把握 42%）");
    String checklist = get("/units/" + UNIT + "/completeness?year=2025", "trust-clerk").body();
    assertThat(checklist)
        .contains(
            "data-indicator=\"Ⅰ-2-1\" data-status=\"PENDING\"", "/documents/" + plan.id() + "\"");
    // the document page says what waits, and where it is confirmed
    assertThat(get("/documents/" + plan.id(), "trust-clerk").body())
        .contains("id=\"unsure-category\"", ">42%</span>", "更正著录")
        .doesNotContain("elements-form");

    // confirmed on the document page (which records the category as given)
    inferred(plan.id(), "GIVEN", 1.0, "TEXT");
    assertThat(indicator("Ⅰ-2-1").status()).isEqualTo(IndicatorStatus.MET);
    assertThat(indicator("Ⅰ-2-1").evidence()).contains(plan.id());
  }
}
