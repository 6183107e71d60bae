package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.access.Role;
import org.taizhang.account.AccountService;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.support.Basic;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.support.ServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /search.xlsx} over the sample county: the workbook read back with POI lists exactly
 * what {@code /api/search} lists for the same parameters, page after page and in the same order,
 * only within the caller's scope, and every export is in the audit log.
 */
@SampleArchiveTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultExportTest {
  static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DataFormatter CELLS = new DataFormatter();

  @LocalServerPort int port;
  @Autowired SampleArchive sample;
  @Autowired AccountService accounts;
  @Autowired AuditLog audit;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void importSample() {
    assertThat(sample.imported().rejected()).isEmpty();
    accounts.create("test", "export-clerk-yxsq", "银杏社区填报员", Role.CLERK, "cg-yxsq", PASSWORD);
    accounts.create("test", "export-district-hxz", "禾溪镇创建办", Role.DISTRICT, "hxz", PASSWORD);
    accounts.create("test", "export-reviewer", "测评员", Role.REVIEWER, null, PASSWORD);
  }

  private HttpResponse<byte[]> get(String path, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (user != null) {
      b.headers(Basic.auth(user, PASSWORD));
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String query(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    params.forEach(
        (k, v) ->
            sb.append(sb.length() == 0 ? "?" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return sb.toString();
  }

  /**
   * Every hit the API lists for the parameters, page by page, as the rows the export should have.
   */
  private List<List<String>> apiRows(Map<String, String> params, String user) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    // The 链接 column holds the document's full address, with the query so that its hits are marked
    // there.
    String q = params.getOrDefault("q", "").strip();
    String withQuery =
        q.isEmpty() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
    for (int page = 1; ; page++) {
      Map<String, String> p = new LinkedHashMap<>(params);
      p.put("page", Integer.toString(page));
      p.put("size", "100");
      HttpResponse<byte[]> r = get("/api/search" + query(p), user);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode result = JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
      for (JsonNode h : result.get("hits")) {
        rows.add(
            List.of(
                Integer.toString(rows.size() + 1),
                h.get("title").asString(),
                h.get("unitName").asString(),
                h.get("categoryName").asString(),
                h.get("date").isNull() ? "" : h.get("date").asString(),
                Integer.toString(h.get("year").asInt()),
                h.get("fileType").asString(),
                ResultExport.plainText(h.get("snippet").asString()),
                "http://localhost:" + port + "/documents/" + h.get("id").asLong() + withQuery));
      }
      if (result.get("hits").size() < 100) {
        return rows;
      }
    }
  }

  /** The export's rows (without the header) as text, and the notes sheet as a map. */
  private record Workbook(
      List<String> header,
      List<List<String>> rows,
      Map<String, String> notes,
      List<String> links) {}

  private Workbook export(Map<String, String> params, String user) throws Exception {
    HttpResponse<byte[]> r = get("/search.xlsx" + query(params), user);
    assertThat(r.statusCode()).as("GET /search.xlsx%s as %s", query(params), user).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment")
        .contains(".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      XSSFSheet sheet = wb.getSheet(ResultExport.SHEET);
      assertThat(sheet).isNotNull();
      List<String> header = cells(sheet.getRow(0), ResultExport.HEADERS.size());
      List<List<String>> rows = new ArrayList<>();
      List<String> links = new ArrayList<>();
      for (int i = 1; i <= sheet.getLastRowNum(); i++) {
        rows.add(cells(sheet.getRow(i), ResultExport.HEADERS.size()));
        Cell link = sheet.getRow(i).getCell(8);
        links.add(link.getHyperlink() == null ? null : link.getHyperlink().getAddress());
      }
      Map<String, String> notes = new LinkedHashMap<>();
      for (Row row : wb.getSheet(ResultExport.NOTES_SHEET)) {
        notes.put(CELLS.formatCellValue(row.getCell(0)), CELLS.formatCellValue(row.getCell(1)));
      }
      return new Workbook(header, rows, notes, links);
    }
  }

  private static List<String> cells(Row row, int n) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      out.add(CELLS.formatCellValue(row.getCell(c)));
    }
    return out;
  }

  @Test
  void theWorkbookListsWhatTheApiListsPageAfterPage() throws Exception {
    Map<String, String> params = Map.of("q", "创建");
    List<List<String>> api = apiRows(params, "admin");
    assertThat(api).as("more than one page of 100, so paging is exercised").hasSizeGreaterThan(100);
    Workbook wb = export(params, "admin");
    assertThat(wb.header())
        .containsExactly("序号", "题名", "单位", "类别", "文档日期", "年度", "文件类型", "摘要", "链接");
    assertThat(wb.rows()).containsExactlyElementsOf(api);
    assertThat(wb.rows())
        .allSatisfy(r -> assertThat(r.get(7)).doesNotContain("<mark", "&lt;", "&amp;"));
    assertThat(wb.rows()).filteredOn(r -> r.get(7).contains("创建")).hasSizeGreaterThan(100);
    assertThat(wb.links())
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "http://localhost:" + port + "/documents/\\d+\\?q=%E5%88%9B%E5%BB%BA"));
    assertThat(wb.rows()).allSatisfy(r -> assertThat(wb.links()).contains(r.get(8)));
    assertThat(wb.notes())
        .containsEntry("检索词", "创建")
        .containsEntry("命中总数", Integer.toString(api.size()))
        .containsEntry("导出条数", Integer.toString(api.size()))
        .doesNotContainKey("提示");
  }

  @Test
  void filtersAndOrderAreThoseOfTheSearch() throws Exception {
    Map<String, String> filtered = new LinkedHashMap<>();
    filtered.put("q", "台账");
    filtered.put("year", "2025");
    filtered.put("category", "meeting");
    List<List<String>> api = apiRows(filtered, "export-reviewer");
    assertThat(api).isNotEmpty();
    assertThat(export(filtered, "export-reviewer").rows()).containsExactlyElementsOf(api);

    Map<String, String> byDate = Map.of("q", "志愿服务", "sort", "date");
    List<List<String>> newestFirst = apiRows(byDate, "export-reviewer");
    assertThat(export(byDate, "export-reviewer").rows()).containsExactlyElementsOf(newestFirst);
    assertThat(newestFirst)
        .extracting(r -> r.get(4))
        .filteredOn(d -> !d.isEmpty())
        .isSortedAccordingTo((a, b) -> b.compareTo(a));

    // No words: the whole archive (every current document), newest first.
    List<List<String>> all = apiRows(Map.of("type", "PDF"), "export-reviewer");
    Workbook browse = export(Map.of("type", "PDF"), "export-reviewer");
    assertThat(browse.rows()).containsExactlyElementsOf(all);
    assertThat(browse.notes()).containsEntry("检索词", "（无，全部材料）").containsEntry("文件类型", "PDF");
  }

  @Test
  void aCallerExportsOnlyTheUnitsItMaySee() throws Exception {
    Workbook clerk = export(Map.of("q", "创建"), "export-clerk-yxsq");
    assertThat(clerk.rows())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get(2)).isEqualTo("青禾县城关街道银杏社区"));
    assertThat(clerk.rows())
        .containsExactlyElementsOf(apiRows(Map.of("q", "创建"), "export-clerk-yxsq"));
    // Asking for another unit yields nothing, not its rows or its count.
    Workbook other = export(Map.of("q", "创建", "unit", "cg-nhsq"), "export-clerk-yxsq");
    assertThat(other.rows()).isEmpty();
    assertThat(other.notes()).containsEntry("命中总数", "0");
    // A district office: its subtree only.
    Workbook district = export(Map.of("q", "创建"), "export-district-hxz");
    assertThat(district.rows())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get(2)).isIn("青禾县禾溪镇", "青禾县禾溪镇杏桥村", "青禾县禾溪镇柳塘村"));
    // Only people who are signed in.
    HttpResponse<byte[]> anonymous = get("/search.xlsx?q=x", null);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
  }

  @Test
  void everyExportIsAudited() throws Exception {
    Workbook wb = export(Map.of("q", "道德讲堂", "year", "2025"), "export-clerk-yxsq");
    List<AuditEvent> events =
        audit.find(
            new AuditQuery("export-clerk-yxsq", AuditAction.EXPORT, null, null, null, 1, 50));
    assertThat(events).isNotEmpty();
    AuditEvent last = events.get(0);
    assertThat(last.target()).isEqualTo("检索结果");
    assertThat(last.detail()).isEqualTo("q=道德讲堂，年度=2025，" + wb.rows().size() + " 条");
  }

  @Test
  void aQueryThatDoesNotParseIsABadRequest() throws Exception {
    HttpResponse<byte[]> r = get("/search.xlsx" + query(Map.of("q", "台账 OR")), "export-reviewer");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("检索式有误").contains("OR");
    // An unknown year or order is ignored, as on the search page.
    assertThat(
            export(Map.of("q", "台账", "year", "abc", "sort", "sideways"), "export-reviewer").rows())
        .containsExactlyElementsOf(apiRows(Map.of("q", "台账"), "export-reviewer"));
  }
}
