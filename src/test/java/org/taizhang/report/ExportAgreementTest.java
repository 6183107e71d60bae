package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.completeness.IndicatorStatus;
import org.taizhang.completeness.Labels;
import org.taizhang.support.Basic;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.support.ServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On the sample county, every way of looking at a unit's completeness says the same thing: the JSON
 * API, the dashboard, the unit's checklist, the Excel matrix and the PDF report agree on every
 * indicator's status and grade, every missing item, the score (or the veto in its place), the rank
 * and the red flags — also for a returned document, a vetoed unit, a near copy and a hand-graded
 * indicator, and a filing inferred with low confidence (待确认). Also: scope (404 outside it), role
 * refusals (403), the audit trail of exports, and the checklist's forms.
 */
@SampleArchiveTest
class ExportAgreementTest {
  static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final int YEAR = 2025;

  /**
   * 卫健局 (a missing quarter, and a meeting record returned below), 柳塘村 (an unfilled template, and a
   * field indicator graded by hand below), 南湖社区 (a photo flag; the source of a copy), 银杏社区 (the
   * copy), 中心小学 (no annual summary), 税务局 (complete, and vetoed below).
   */
  private static final List<String> UNITS =
      List.of("qhx-wjj", "hxz-ltc", "cg-nhsq", "cg-yxsq", "hxz-zxxx", "qhx-swj");

  private static final String RETURN_REASON = "会议记录缺主持人签字";
  private static final String VETO_REASON = "发生安全生产责任事故";
  private static final String HAND_NOTE = "村内环境整洁，垃圾分类到位";

  @LocalServerPort int port;

  @Autowired SampleArchive sample;

  @Autowired AccountService accounts;

  @Autowired AuditLog audit;

  @Autowired JsonMapper json;

  @Autowired Clock clock;

  @Autowired JdbcClient jdbc;

  @Autowired ApplicationEventPublisher events;

  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * The record returned, the indicator graded by hand and whether 税务局 is vetoed: what {@link
   * #putTheCasesBack} undoes.
   */
  private Long returned;

  private String handGraded;
  private boolean vetoed;

  /** 中心小学's plan, filed as if its category had been inferred with low confidence. */
  private Long unsure;

  /** The plan's own inference (source, confidence) before the test made it unsure, or null. */
  private Object[] unsureBefore;

  @BeforeEach
  void sample() {
    sample.imported();
    if (accounts.find("agreement-wjj-clerk").isEmpty()) {
      accounts.create("test", "agreement-wjj-clerk", "卫健局填报员", Role.CLERK, "qhx-wjj", PASSWORD);
      accounts.create("test", "agreement-zxxx-clerk", "中心小学填报员", Role.CLERK, "hxz-zxxx", PASSWORD);
      accounts.create("test", "agreement-hxz-office", "禾溪镇创建办", Role.DISTRICT, "hxz", PASSWORD);
      accounts.create("test", "agreement-reviewer", "测评员", Role.REVIEWER, null, PASSWORD);
    }
  }

  /**
   * The returned record's id, the hand-graded indicator's code: the cases made before the
   * comparison.
   */
  private record Cases(long returned, String handGraded, long unsure) {}

  /**
   * A reviewer returns one of 卫健局's meeting records and grades a field indicator of 柳塘村; the
   * administrator vetoes 税务局.
   */
  private Cases cases() throws Exception {
    JsonNode wjj = json.readTree(text("admin", "/api/units/qhx-wjj/completeness?year=" + YEAR));
    long meeting = -1;
    for (JsonNode ind : wjj.get("indicators")) {
      if (ind.get("name").asString().contains("会议") && !ind.get("evidence").isEmpty()) {
        meeting = ind.get("evidence").get(0).asLong();
        break;
      }
    }
    assertThat(meeting).as("a meeting record of 卫健局").isPositive();
    String deadline = LocalDate.now(clock).plusDays(20).toString();
    assertThat(
            post(
                    "agreement-reviewer",
                    "/api/documents/" + meeting + "/review",
                    Map.of("decision", "return", "reason", RETURN_REASON, "deadline", deadline))
                .statusCode())
        .isEqualTo(200);
    returned = meeting;
    assertThat(
            post(
                    "admin",
                    "/api/units/qhx-swj/vetoes",
                    Map.of("year", "2025", "code", "F-1", "reason", VETO_REASON))
                .statusCode())
        .isEqualTo(200);
    vetoed = true;
    JsonNode ltc = json.readTree(text("admin", "/api/units/hxz-ltc/completeness?year=" + YEAR));
    String field =
        ltc.get("indicators")
            .valueStream()
            .filter(i -> !i.get("method").asString().equals("材料审核"))
            .findFirst()
            .orElseThrow()
            .get("code")
            .asString();
    HttpResponse<String> graded =
        post(
            "agreement-reviewer",
            "/api/units/hxz-ltc/hand-grades",
            Map.of(
                "year",
                "2025",
                "indicator",
                field,
                "grade",
                "B",
                "note",
                HAND_NOTE,
                "date",
                LocalDate.now(clock).minusDays(3).toString()));
    assertThat(graded.statusCode()).as(graded.body()).isEqualTo(200);
    handGraded = field;
    // Filing guessed 中心小学's plan from its body, without confidence: it waits for confirmation.
    JsonNode zxxx = json.readTree(text("admin", "/api/units/hxz-zxxx/completeness?year=" + YEAR));
    long plan =
        zxxx.get("indicators")
            .valueStream()
            .filter(i -> i.get("name").asString().contains("实施方案"))
            .findFirst()
            .orElseThrow()
            .get("evidence")
            .get(0)
            .asLong();
    unsureBefore =
        jdbc.sql(
                "select category_source, category_confidence from document_inference where document_id = ?")
            .param(plan)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getDouble(2)})
            .optional()
            .orElse(null);
    if (unsureBefore == null) {
      jdbc.sql(
              "insert into document_inference(document_id, category_source, category_confidence, date_source)"
                  + " values (?, 'BODY', 0.4, 'TEXT')")
          .param(plan)
          .update();
    } else {
      jdbc.sql(
              "update document_inference set category_source = 'BODY', category_confidence = 0.4"
                  + " where document_id = ?")
          .param(plan)
          .update();
    }
    unsure = plan;
    events.publishEvent(new DocumentChanged(plan, "hxz-zxxx"));
    return new Cases(meeting, field, plan);
  }

  /**
   * The sample's verdicts are shared with the tests after this one: the returned record is accepted
   * (so it counts again), the hand grade withdrawn, the veto lifted.
   */
  @AfterEach
  void putTheCasesBack() throws Exception {
    if (returned != null) {
      assertThat(
              post(
                      "agreement-reviewer",
                      "/api/documents/" + returned + "/review",
                      Map.of("decision", "accept"))
                  .statusCode())
          .isEqualTo(200);
    }
    if (handGraded != null) {
      assertThat(
              delete(
                      "agreement-reviewer",
                      "/api/units/hxz-ltc/hand-grades?year=2025&indicator="
                          + URLEncoder.encode(handGraded, StandardCharsets.UTF_8))
                  .statusCode())
          .isEqualTo(200);
    }
    if (unsure != null) {
      if (unsureBefore == null) {
        jdbc.sql("delete from document_inference where document_id = ?").param(unsure).update();
      } else {
        jdbc.sql(
                "update document_inference set category_source = ?, category_confidence = ?"
                    + " where document_id = ?")
            .params(unsureBefore[0], unsureBefore[1], unsure)
            .update();
      }
      events.publishEvent(new DocumentChanged(unsure, "hxz-zxxx"));
    }
    if (vetoed) {
      assertThat(delete("admin", "/api/units/qhx-swj/vetoes?year=2025&code=F-1").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void apiDashboardChecklistExcelAndPdfAgree() throws Exception {
    Fixtures.requireFont();
    Cases cases = cases();
    Document dashboard = Jsoup.parse(text("admin", "/completeness?year=" + YEAR));
    XSSFWorkbook matrix =
        new XSSFWorkbook(
            new ByteArrayInputStream(bytes("admin", "/completeness/matrix.xlsx?year=" + YEAR)));
    for (String unit : UNITS) {
      JsonNode api =
          json.readTree(text("admin", "/api/units/" + unit + "/completeness?year=" + YEAR));
      Document checklist =
          Jsoup.parse(text("admin", "/units/" + unit + "/completeness?year=" + YEAR));
      String pdf;
      try (PDDocument doc =
          Loader.loadPDF(
              bytes("admin", "/units/" + unit + "/completeness/report.pdf?year=" + YEAR))) {
        pdf = PdfReportsTest.compact(new PDFTextStripper().getText(doc));
      }
      Row excel = excelRow(matrix, unit);
      Map<String, Integer> columns = excelColumns(excel.getSheet());

      // The score, or for a vetoed unit the veto in its place, the same everywhere.
      String verdict = api.get("verdict").asString();
      boolean vetoed = api.get("vetoed").asBoolean();
      assertThat(api.get("mayApply").asBoolean()).isEqualTo(!vetoed);
      String score =
          Labels.points(api.get("score").asDouble())
              + " / "
              + Labels.points(api.get("maxScore").asDouble());
      assertThat(verdict)
          .isEqualTo(
              vetoed
                  ? "一票否决 · 不得申报"
                  : score
                      + (api.get("ungraded").asInt() > 0
                          ? "（" + api.get("ungraded").asInt() + " 项待评）"
                          : ""));
      String rank = Labels.rank(api.get("rank").asInt(), api.get("rankOf").asInt());
      Element row = dashboard.selectFirst("tr.matrix-row[data-unit=" + unit + "]");
      assertThat(row).as("dashboard row of %s", unit).isNotNull();
      assertThat(row.selectFirst(".unit-link").text()).isEqualTo(api.get("unitName").asString());
      assertThat(row.selectFirst(".score").text()).isEqualTo(verdict);
      assertThat(row.selectFirst(".rank").text()).isEqualTo(rank);
      assertThat(checklist.getElementById("verdict").text()).isEqualTo(verdict);
      if (!vetoed) {
        assertThat(
                checklist.getElementById("score-value").text()
                    + " "
                    + checklist.selectFirst(".score-max").text())
            .isEqualTo(score + " 分");
        assertThat(excel.getCell(3).getNumericCellValue()).isEqualTo(api.get("score").asDouble());
      } else {
        assertThat(checklist.getElementById("score-value"))
            .as("no score for a vetoed unit")
            .isNull();
        assertThat(excel.getCell(3).getStringCellValue()).isEqualTo(verdict);
        assertThat(row.selectFirst(".veto-badge")).isNotNull();
        assertThat(checklist.getElementById("veto-status").text()).contains("不得申报");
      }
      assertThat(checklist.getElementById("rank").text()).startsWith(rank);
      assertThat(excel.getCell(4).getNumericCellValue()).isEqualTo(api.get("maxScore").asDouble());
      assertThat(excel.getCell(5).getNumericCellValue()).isEqualTo(api.get("ungraded").asDouble());
      assertThat(excel.getCell(6).getStringCellValue()).isEqualTo(rank);
      assertThat(pdf)
          .contains(
              "得分：" + PdfReportsTest.compact(verdict),
              "排名：" + rank,
              api.get("unitName").asString());

      // Red flags: the mark on the dashboard, the 疑点 column, the checklist and the report, built
      // for the same reader.
      List<String> flagTexts =
          api.get("redFlags").valueStream().map(f -> f.get("text").asString()).toList();
      Element mark = row.selectFirst(".flag-mark");
      if (flagTexts.isEmpty()) {
        assertThat(mark).as("no mark for %s", unit).isNull();
        assertThat(excel.getCell(8).getStringCellValue()).isEqualTo("无");
        assertThat(pdf).contains("疑点：无");
      } else {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        api.get("redFlags")
            .forEach(
                f -> kinds.merge(Labels.redFlagKind(f.get("kind").asString()), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        kinds.forEach((k, n) -> parts.add(k + " " + n));
        String summary = flagTexts.size() + " 项：" + String.join("、", parts);
        assertThat(mark).as("red-flag mark of %s", unit).isNotNull();
        assertThat(mark.text()).isEqualTo("⚑ 疑点 " + summary);
        assertThat(mark.attr("href"))
            .endsWith("/units/" + unit + "/completeness?year=" + YEAR + "#red-flags");
        assertThat(excel.getCell(8).getStringCellValue()).isEqualTo(summary);
        assertThat(pdf).contains("疑点：" + PdfReportsTest.compact(summary));
      }
      assertThat(checklist.select("#red-flags li.red-flag").eachText()).hasSize(flagTexts.size());
      for (int i = 0; i < flagTexts.size(); i++) {
        assertThat(checklist.select("#red-flags li.red-flag").get(i).text())
            .contains(flagTexts.get(i));
        assertThat(pdf).contains(PdfReportsTest.compact(flagTexts.get(i)));
      }
      List<String> excelFlags = new ArrayList<>();
      for (Row r : matrix.getSheet(Workbooks.RED_FLAG_SHEET)) {
        if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().equals(unit)) {
          excelFlags.add(r.getCell(3).getStringCellValue());
        }
      }
      assertThat(excelFlags).as("excel red flags of %s", unit).containsExactlyElementsOf(flagTexts);

      List<String> apiMissing = new ArrayList<>();
      for (JsonNode ind : api.get("indicators")) {
        String code = ind.get("code").asString();
        IndicatorStatus status = IndicatorStatus.valueOf(ind.get("status").asString());
        String grade = ind.get("grade").isNull() ? "—" : ind.get("grade").asString();
        String where = unit + " " + code;

        Element cell =
            dashboard.selectFirst("a.cell[data-unit=" + unit + "][data-indicator=" + code + "]");
        assertThat(cell).as("dashboard cell %s", where).isNotNull();
        assertThat(cell.attr("data-status")).as(where).isEqualTo(status.name());
        assertThat(cell.hasClass("status-" + status.name())).as(where).isTrue();
        assertThat(cell.text()).as(where).isEqualTo(grade);

        Element article = checklist.getElementById("ind-" + code);
        assertThat(article).as("checklist %s", where).isNotNull();
        assertThat(article.attr("data-status")).as(where).isEqualTo(status.name());
        assertThat(article.selectFirst(".status-badge").text()).isEqualTo(status.label());
        assertThat(article.selectFirst(".grade").text()).isEqualTo(grade);

        assertThat(excel.getCell(columns.get(code)).getStringCellValue())
            .as("excel %s", where)
            .isEqualTo(grade + " " + status.label());
        assertThat(WorkbooksTest.fill(excel.getCell(columns.get(code))))
            .isEqualTo(Labels.fillHex(status));

        String head =
            PdfReportsTest.compact(code + ind.get("name").asString()) + "状态：" + status.label();
        assertThat(pdf).as("pdf %s", where).contains(head + "等级：" + grade);
        if (status == IndicatorStatus.HAND_GRADED) {
          JsonNode hand = ind.get("handGrade");
          String by = hand.get("byName").asString();
          assertThat(article.selectFirst(".hand-grade-note").text())
              .contains(hand.get("note").asString(), "评定人 " + by);
          assertThat(pdf)
              .contains(
                  PdfReportsTest.compact(
                      "人工评定：等级 "
                          + grade
                          + "，"
                          + ind.get("method").asString()
                          + "日期 "
                          + hand.get("assessedOn").asString()
                          + "，情况："
                          + hand.get("note").asString()
                          + "（评定人："
                          + by
                          + "）"));
        }

        List<String> missing = new ArrayList<>();
        for (JsonNode m : ind.get("missing")) {
          missing.add(m.get("text").asString());
          assertThat(pdf)
              .as("pdf missing item %s", where)
              .contains("·" + PdfReportsTest.compact(m.get("text").asString()));
        }
        assertThat(article.select("li.missing-item .missing-text").eachText())
            .as("checklist missing %s", where)
            .containsExactlyElementsOf(missing);
        assertThat(article.select("li.missing-item").eachAttr("data-key"))
            .containsExactlyElementsOf(
                ind.get("missing").valueStream().map(m -> m.get("key").asString()).toList());
        for (JsonNode m : ind.get("missing")) {
          Element li =
              article.selectFirst("li.missing-item[data-key=" + m.get("key").asString() + "]");
          assertThat(li.select(".returned").eachAttr("data-document"))
              .as("returned documents of %s", where)
              .containsExactlyElementsOf(
                  m.get("returned").valueStream().map(b -> b.get("id").asString()).toList());
          for (JsonNode b : m.get("returned")) {
            assertThat(
                    li.selectFirst(".returned[data-document=" + b.get("id").asString() + "]")
                        .text())
                .contains("已退回", "《" + b.get("title").asString() + "》");
            assertThat(li.selectFirst(".missing-text").text())
                .as("said once, in the item's text")
                .contains(b.get("reason").asString(), b.get("deadline").asString());
          }
          assertThat(li.select(".pending").eachAttr("data-document"))
              .as("documents waiting for confirmation of %s", where)
              .containsExactlyElementsOf(
                  m.get("pending").valueStream().map(b -> b.get("id").asString()).toList());
          for (JsonNode b : m.get("pending")) {
            assertThat(li.selectFirst(".missing-text").text())
                .as("said in the item's text, which every export shows")
                .contains("《" + b.get("title").asString() + "》待确认", b.get("reason").asString());
          }
        }
        apiMissing.addAll(missing);
      }
      List<String> excelMissing = new ArrayList<>();
      for (Row r : matrix.getSheet(Workbooks.MISSING_SHEET)) {
        if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().equals(unit)) {
          excelMissing.add(r.getCell(5).getStringCellValue());
        }
      }
      assertThat(excelMissing)
          .as("excel missing items of %s", unit)
          .containsExactlyElementsOf(apiMissing);
    }
    // The sample's deliberate gaps and the cases made above, to be sure the comparison compared
    // something.
    JsonNode wjj = json.readTree(text("admin", "/api/units/qhx-wjj/completeness?year=" + YEAR));
    assertThat(wjj.toString()).contains("2025年第三季度缺少会议记录");
    assertThat(
            wjj.findValues("returned").stream()
                .flatMap(JsonNode::valueStream)
                .map(b -> b.get("id").asLong())
                .toList())
        .as("the returned record no longer counts, and says so")
        .containsExactly(cases.returned());
    assertThat(
            wjj.findValues("evidence").stream()
                .flatMap(JsonNode::valueStream)
                .map(JsonNode::asLong)
                .toList())
        .doesNotContain(cases.returned());
    assertThat(wjj.toString()).contains("已退回", RETURN_REASON);
    JsonNode swj = json.readTree(text("admin", "/api/units/qhx-swj/completeness?year=" + YEAR));
    assertThat(swj.get("vetoed").asBoolean()).isTrue();
    assertThat(swj.get("rank").asInt())
        .as("below every unit of its type without a veto")
        .isEqualTo(swj.get("rankOf").asInt());
    assertThat(swj.get("vetoes").get(0).get("byName").asString()).isEqualTo("创建办管理员");
    Element swjRow = dashboard.selectFirst("tr.matrix-row[data-unit=qhx-swj]");
    assertThat(swjRow.parent().children().last()).as("last row of its system").isEqualTo(swjRow);
    JsonNode ltc = json.readTree(text("admin", "/api/units/hxz-ltc/completeness?year=" + YEAR));
    JsonNode graded =
        ltc.get("indicators")
            .valueStream()
            .filter(i -> i.get("code").asString().equals(cases.handGraded()))
            .findFirst()
            .orElseThrow();
    assertThat(graded.get("status").asString()).isEqualTo("HAND_GRADED");
    assertThat(graded.get("handGrade").get("byName").asString()).isEqualTo("测评员");
    assertThat(graded.get("score").asDouble()).isPositive();
    JsonNode yxsq = json.readTree(text("admin", "/api/units/cg-yxsq/completeness?year=" + YEAR));
    assertThat(yxsq.get("redFlags").valueStream().map(f -> f.get("text").asString()))
        .as("the administrator sees both units and reads the pair")
        .anyMatch(t -> t.contains("（cg-nhsq）") && t.contains("疑为照抄"));
    assertThat(
            json.readTree(text("admin", "/api/units/cg-nhsq/completeness?year=" + YEAR))
                .get("redFlags")
                .valueStream()
                .map(f -> f.get("kind").asString()))
        .as("the source is not accused")
        .doesNotContain("NEAR_DUPLICATE");
    // API times carry the office's offset
    assertThat(swj.get("vetoes").get(0).get("at").asString()).endsWith("+08:00");
    JsonNode zxxx = json.readTree(text("admin", "/api/units/hxz-zxxx/completeness?year=" + YEAR));
    assertThat(zxxx.toString()).contains("年终总结");
    JsonNode waiting =
        zxxx.get("indicators")
            .valueStream()
            .filter(i -> i.get("name").asString().contains("实施方案"))
            .findFirst()
            .orElseThrow();
    assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
    assertThat(waiting.get("evidence").valueStream().map(JsonNode::asLong).toList())
        .doesNotContain(cases.unsure());
    assertThat(waiting.findValues("pending").stream().flatMap(JsonNode::valueStream))
        .extracting(b -> b.get("id").asLong())
        .containsExactly(cases.unsure());
  }

  @Test
  void exportsRespectScopeAndAreAudited() throws Exception {
    Fixtures.requireFont();
    // A district office sees its subtree only: on the dashboard and in the Excel matrix.
    Document dashboard = Jsoup.parse(text("agreement-hxz-office", "/completeness?year=" + YEAR));
    assertThat(dashboard.select("tr.matrix-row").eachAttr("data-unit"))
        .containsExactlyInAnyOrder("hxz", "hxz-xqc", "hxz-ltc");
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                bytes("agreement-hxz-office", "/completeness/matrix.xlsx?year=" + YEAR)))) {
      List<String> codes = new ArrayList<>();
      for (Row r : wb.getSheetAt(0)) {
        if (r.getRowNum() > 0) {
          codes.add(r.getCell(1).getStringCellValue());
        }
      }
      assertThat(codes).containsExactlyInAnyOrder("hxz", "hxz-xqc", "hxz-ltc");
    }
    for (String path :
        List.of(
            "/units/qhx-wjj/completeness/report.pdf?year=2025",
            "/units/qhx-wjj/catalogue.pdf?year=2025",
            "/units/qhx-wjj/catalogue.xlsx?year=2025",
            "/units/qhx-wjj/completeness?year=2025",
            "/units/no-such-unit/catalogue.pdf")) {
      assertThat(get("agreement-hxz-office", path).statusCode()).as(path).isEqualTo(404);
      assertThat(get("agreement-zxxx-clerk", path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(
            get("agreement-hxz-office", "/units/hxz-ltc/completeness/report.pdf?year=2025")
                .statusCode())
        .isEqualTo(200);
    // A clerk's dashboard is its own checklist.
    HttpResponse<String> clerk = get("agreement-wjj-clerk", "/completeness?year=2025");
    assertThat(clerk.statusCode()).isEqualTo(302);
    assertThat(clerk.headers().firstValue("Location").orElseThrow())
        .endsWith("/units/qhx-wjj/completeness?year=2025");

    long before = exports().size();
    assertThat(
            get("agreement-wjj-clerk", "/units/qhx-wjj/completeness/report.pdf?year=2025")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<byte[]> xlsx =
        http.send(
            request("agreement-wjj-clerk", "/units/qhx-wjj/catalogue.xlsx?year=2025").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/vnd.openxmlformats");
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "filename*=UTF-8''");
    List<AuditEvent> events = exports();
    assertThat(events).hasSize((int) before + 2);
    assertThat(events.get(0).actor()).isEqualTo("agreement-wjj-clerk");
    assertThat(events.get(0).target()).contains("档案目录", "青禾县卫生健康局", "2025", "Excel");
    assertThat(events.get(1).target()).contains("完整性报告", "qhx-wjj", "PDF");
  }

  @Test
  void catalogueListsTheYearsCurrentDocumentsButReturnedOnes() throws Exception {
    Fixtures.requireFont();
    Document unitPage = Jsoup.parse(text("admin", "/units/qhx-wjj"));
    List<String> titles = unitPage.select("#year-2025 .category td:nth-child(2) a").eachText();
    assertThat(titles).isNotEmpty();
    List<String> returned =
        jdbc.sql(
                "select title from document where unit_code = 'qhx-wjj' and archive_year = 2025"
                    + " and review_status = 'RETURNED' and superseded_by is null and deleted_at is null")
            .query(String.class)
            .list();
    List<String> expected = new ArrayList<>(titles);
    returned.forEach(expected::remove);
    try (XSSFWorkbook wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(bytes("admin", "/units/qhx-wjj/catalogue.xlsx?year=2025")))) {
      List<String> listed = new ArrayList<>();
      for (Row r : wb.getSheet(Workbooks.ITEMS_SHEET)) {
        if (r.getRowNum() > 1) {
          listed.add(r.getCell(6).getStringCellValue());
        }
      }
      assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    }
    try (PDDocument doc =
        Loader.loadPDF(bytes("admin", "/units/qhx-wjj/catalogue.pdf?year=2025"))) {
      String text = PdfReportsTest.compact(new PDFTextStripper().getText(doc));
      assertThat(text).contains("总目录", "卷内目录");
    }
  }

  @Test
  void formsFollowTheServicesRules() throws Exception {
    String key = itemKey("hxz-zxxx", "年终总结");
    String indicator = key.substring(0, key.indexOf('/'));
    String deadline = LocalDate.now(clock).plusDays(30).toString();
    // A reviewer does not write explanations; a clerk does not grade; nobody acts outside the
    // scope.
    assertThat(
            post(
                    "agreement-reviewer",
                    "/units/hxz-zxxx/explanations",
                    Map.of("year", "2025", "itemKey", key, "reason", "x", "deadline", deadline))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post(
                    "agreement-zxxx-clerk",
                    "/units/hxz-zxxx/overrides",
                    Map.of("year", "2025", "indicator", indicator, "grade", "A", "reason", "x"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post(
                    "agreement-zxxx-clerk",
                    "/units/hxz-zxxx/vetoes",
                    Map.of("year", "2025", "code", "F-3", "reason", "x"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            post(
                    "agreement-wjj-clerk",
                    "/units/hxz-zxxx/explanations",
                    Map.of("year", "2025", "itemKey", key, "reason", "x", "deadline", deadline))
                .statusCode())
        .isEqualTo(404);

    // The unit's clerk explains the missing summary: the item turns 已说明 on the checklist and the
    // dashboard.
    HttpResponse<String> saved =
        post(
            "agreement-zxxx-clerk",
            "/units/hxz-zxxx/explanations",
            Map.of(
                "year", "2025", "itemKey", key, "reason", "年终总结待校长办公会审定后归档", "deadline", deadline));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(URLDecoder(saved.headers().firstValue("Location").orElseThrow()))
        .endsWith("/units/hxz-zxxx/completeness?year=2025#ind-" + indicator);
    Document page =
        Jsoup.parse(text("agreement-zxxx-clerk", "/units/hxz-zxxx/completeness?year=2025"));
    Element item = page.selectFirst("li.missing-item[data-key=" + key + "]");
    assertThat(item.selectFirst(".explanation").text()).contains("年终总结待校长办公会审定后归档", deadline);
    assertThat(page.getElementById("ind-" + indicator).attr("data-status")).isEqualTo("EXPLAINED");
    assertThat(
            Jsoup.parse(text("admin", "/completeness?year=2025"))
                .selectFirst("a.cell[data-unit=hxz-zxxx][data-indicator=" + indicator + "]")
                .attr("data-status"))
        .isEqualTo("EXPLAINED");
    // A bad input is a message on the page, not an error page.
    HttpResponse<String> bad =
        post(
            "agreement-zxxx-clerk",
            "/units/hxz-zxxx/explanations",
            Map.of("year", "2025", "itemKey", key, "reason", "x", "deadline", "明天"));
    assertThat(bad.statusCode()).isEqualTo(302);

    // The reviewer overrides the grade, then withdraws the override.
    assertThat(
            post(
                    "agreement-reviewer",
                    "/units/hxz-zxxx/overrides",
                    Map.of(
                        "year",
                        "2025",
                        "indicator",
                        indicator,
                        "grade",
                        "B",
                        "reason",
                        "总结已在学期工作报告中体现"))
                .statusCode())
        .isEqualTo(302);
    Element overridden =
        Jsoup.parse(text("agreement-reviewer", "/units/hxz-zxxx/completeness?year=2025"))
            .getElementById("ind-" + indicator);
    assertThat(overridden.selectFirst(".grade").text()).isEqualTo("B");
    assertThat(overridden.selectFirst(".override-note").text())
        .contains("已调整：原等级 D", "总结已在学期工作报告中体现");
    assertThat(
            post(
                    "agreement-reviewer",
                    "/units/hxz-zxxx/overrides/withdraw",
                    Map.of("year", "2025", "indicator", indicator))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            Jsoup.parse(text("agreement-reviewer", "/units/hxz-zxxx/completeness?year=2025"))
                .getElementById("ind-" + indicator)
                .select(".override-note"))
        .isEmpty();

    // The administrator records a veto from the system's list, and lifts it.
    assertThat(
            post(
                    "admin",
                    "/units/hxz-zxxx/vetoes",
                    Map.of("year", "2025", "code", "F-3", "reason", "材料照抄"))
                .statusCode())
        .isEqualTo(302);
    Document vetoed = Jsoup.parse(text("admin", "/units/hxz-zxxx/completeness?year=2025"));
    assertThat(vetoed.getElementById("veto-status").text()).contains("一票否决", "F-3", "材料照抄");
    assertThat(vetoed.select("#veto-code option").eachAttr("value")).contains("F-1", "F-2", "F-3");
    assertThat(
            Jsoup.parse(text("admin", "/completeness?year=2025"))
                .selectFirst("tr.matrix-row[data-unit=hxz-zxxx] .veto-badge"))
        .isNotNull();
    assertThat(
            post("admin", "/units/hxz-zxxx/vetoes/lift", Map.of("year", "2025", "code", "F-3"))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            Jsoup.parse(text("admin", "/units/hxz-zxxx/completeness?year=2025"))
                .getElementById("veto-status")
                .text())
        .isEqualTo("无");
  }

  private String itemKey(String unit, String textPart) throws Exception {
    JsonNode api =
        json.readTree(text("admin", "/api/units/" + unit + "/completeness?year=" + YEAR));
    for (JsonNode ind : api.get("indicators")) {
      for (JsonNode m : ind.get("missing")) {
        if (m.get("text").asString().contains(textPart)) {
          return m.get("key").asString();
        }
      }
    }
    throw new AssertionError("no missing item “" + textPart + "” for " + unit);
  }

  private List<AuditEvent> exports() {
    return audit.find(new AuditQuery(null, AuditAction.EXPORT, null, null, null, 1, 100));
  }

  private static Row excelRow(XSSFWorkbook wb, String unit) {
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      for (Row r : wb.getSheetAt(i)) {
        if (r.getRowNum() > 0
            && r.getCell(1) != null
            && unit.equals(r.getCell(1).getStringCellValue())
            && !wb.getSheetName(i).equals(Workbooks.MISSING_SHEET)) {
          return r;
        }
      }
    }
    throw new AssertionError("no Excel row for " + unit);
  }

  private static Map<String, Integer> excelColumns(Sheet sheet) {
    Map<String, Integer> out = new HashMap<>();
    Row head = sheet.getRow(0);
    for (int i = Workbooks.MATRIX_FIXED_HEADERS.size(); i < head.getLastCellNum(); i++) {
      String h = head.getCell(i).getStringCellValue();
      out.put(h.substring(0, h.indexOf(' ')), i);
    }
    return out;
  }

  private static String URLDecoder(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .headers(Basic.auth(user, PASSWORD));
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(request(user, path).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String text(String user, String path) throws Exception {
    HttpResponse<String> r = get(user, path);
    assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
    return r.body();
  }

  private byte[] bytes(String user, String path) throws Exception {
    HttpResponse<byte[]> r =
        http.send(request(user, path).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
    return r.body();
  }

  private HttpResponse<String> post(String user, String path, Map<String, String> form)
      throws Exception {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return http.send(
        request(user, path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(String user, String path) throws Exception {
    return http.send(request(user, path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }
}
