package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.access.Scope;
import org.taizhang.archive.Document;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.Basic;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every form of the query language and the ranking rules, on a small archive indexed by a running
 * service: through {@link SearchService} directly, and through the API and the search page for
 * errors and the sort parameter.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      "taizhang.admin.password=" + SearchQueryLanguageTest.PASSWORD
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchQueryLanguageTest {
  static final String PASSWORD = "query-language-pw";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Name of each seeded document to its id; filled once for the class's one application context.
   */
  private final Map<String, Long> ids = new LinkedHashMap<>();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("taizhang-query-language");
    registry.add("taizhang.data-dir", dir::toString);
  }

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired SearchService search;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void archive() throws Exception {
    if (!ids.isEmpty()) {
      return;
    }
    TestUnits.load(importer, TestUnits.COUNTY);
    // ranking: the words of the query together, or scattered (the scattered one is newer and says
    // them more often)
    text("phrase", "edu", "briefing", "2025-03-05", "三月工作简报", "本月在校门口开展文明劝导活动，效果良好。");
    text(
        "scattered",
        "edu",
        "briefing",
        "2025-03-06",
        "四月工作简报",
        "文明单位创建持续推进，劝导员队伍扩充，文明单位另有劝导工作，明劝和导文均列入计划。");
    // ranking: in the title, or only in the text (newer, and more often)
    text("title", "xinghe", "activity", "2024-05-01", "道德讲堂活动记录", "本次活动邀请老党员讲述身边好人故事。");
    text("body", "xinghe", "briefing", "2025-06-01", "六月简报", "道德讲堂第一讲。道德讲堂第二讲。道德讲堂第三讲。社区道德讲堂持续开展。");
    // a phrase in the text as written, and across punctuation in traditional characters (newer)
    text("adjacent", "xinghe", "activity", "2024-01-10", "社区活动记录一", "开展邻里守望志愿服务活动，结对帮扶独居老人。");
    text("punctuated", "xinghe", "activity", "2025-09-10", "社区活动记录二", "本月開展「鄰里守望」志願服務，走訪獨居老人。");
    // punctuation inside a query
    text("ledger", "edu", "rules", "2025-02-01", "档案管理制度", "第一条 本单位建立台账管理制度，由专人负责。");
    text("ledger-split", "edu", "rules", "2025-02-02", "档案整理说明", "各类台账。管理人员每月检查。");
    // mixed Chinese, Latin and numbers
    text("mixed", "edu", "plan", "2025-04-01", "课件清单", "2025年道德讲堂PDF课件已上传。");
    // a PDF (its text is Latin: the test PDFs use a standard font)
    Document pdf =
        ingest
            .ingest(
                new IngestRequest(
                    "edu",
                    "meeting",
                    LocalDate.of(2024, 9, 9),
                    "会议记录扫描件",
                    2024,
                    "scan.pdf",
                    "test"),
                new ByteArrayInputStream(TestFiles.pdf("Meeting minutes scan", null)))
            .document();
    ids.put("pdf", pdf.id());
    // exclusion, and a document without a date
    text("draft", "xinghe", "activity", null, "志愿服务草稿", "志愿服务计划草稿，待完善。");
    text("volunteer", "xinghe", "activity", "2025-03-15", "志愿服务活动", "组织志愿服务活动，清理小区楼道。");
    // equal scores: the same text in two units, on different days; and the same words in a title,
    // oldest of all
    text("same-older", "edu", "inspection", "2025-01-10", "整治记录", "开展楼道清理整治行动。");
    text("same-newer", "xinghe", "inspection", "2025-05-10", "整治记录", "开展楼道清理整治行动。");
    text("same-title", "county", "plan", "2023-06-01", "楼道清理整治方案", "方案正文。");
    // an unfilled template, and a date as offices write it
    text(
        "template",
        "xinghe",
        "plan",
        "2022-06-01",
        "会议格式要求",
        "主持人：×××，记录人：×××。参照2025年3月12日会议的格式填写。");
  }

  private void text(
      String name, String unit, String category, String date, String title, String content)
      throws Exception {
    LocalDate d = date == null ? null : LocalDate.parse(date);
    Document doc =
        ingest
            .ingest(
                new IngestRequest(
                    unit,
                    category,
                    d,
                    title,
                    d == null ? 2025 : d.getYear(),
                    name + ".txt",
                    "test"),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
            .document();
    ids.put(name, doc.id());
  }

  // ---- helpers ----

  private SearchResult find(String q) {
    return search.search(new SearchRequest(q, null, null, null, null, 1, 100), Scope.ALL);
  }

  private SearchResult find(String q, SearchSort sort) {
    return search.search(new SearchRequest(q, null, null, null, null, 1, 100, sort), Scope.ALL);
  }

  /** The names of the hits, in order. */
  private List<String> names(SearchResult r) {
    List<String> out = new ArrayList<>();
    for (SearchResult.Hit h : r.hits()) {
      String name =
          ids.entrySet().stream()
              .filter(e -> e.getValue() == h.id())
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse("#" + h.id());
      out.add(name);
    }
    return out;
  }

  private List<String> hits(String q) {
    return names(find(q));
  }

  private SearchResult.Hit hit(SearchResult r, String name) {
    return r.hits().stream()
        .filter(h -> h.id() == ids.get(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not among the hits " + names(r)));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .headers(Basic.auth("admin", PASSWORD))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  // ---- words, phrases, exclusion, OR ----

  @Test
  void wordsMustAllOccur() {
    assertThat(hits("志愿服务 楼道")).containsExactly("volunteer");
    assertThat(hits("文明劝导")).containsExactly("phrase");
  }

  @Test
  void quotedPhrasesInAsciiAndChineseQuotes() {
    assertThat(hits("\"邻里守望 志愿服务\"")).contains("adjacent", "punctuated");
    assertThat(hits("“邻里守望志愿服务”")).contains("adjacent", "punctuated");
    assertThat(hits("“课件 已上传”")).containsExactly("mixed");
  }

  @Test
  void minusExcludes() {
    List<String> all = hits("志愿服务");
    assertThat(all).contains("draft", "volunteer", "adjacent", "punctuated");
    List<String> withoutDrafts = hits("志愿服务 -草稿");
    assertThat(withoutDrafts)
        .contains("volunteer", "adjacent", "punctuated")
        .doesNotContain("draft");
    assertThat(withoutDrafts).hasSize(all.size() - 1);
    // only an exclusion: everything else, newest first
    assertThat(hits("-草稿")).doesNotContain("draft").contains("pdf", "volunteer");
    assertThat(find("-草稿").total()).isEqualTo(ids.size() - 1);
  }

  @Test
  void orFindsEither() {
    assertThat(hits("文明劝导 OR 楼道清理整治"))
        .containsExactlyInAnyOrder("phrase", "same-older", "same-newer", "same-title");
    // a document with both ranks above those with one
    assertThat(hits("道德讲堂 OR 课件").get(0)).isEqualTo("mixed");
    // OR binds tighter than the implicit AND
    assertThat(hits("活动记录 道德讲堂 OR 邻里守望"))
        .containsExactlyInAnyOrder("title", "adjacent", "punctuated");
  }

  // ---- fields ----

  @Test
  void unitByCodeNameOrPartOfTheName() {
    assertThat(hits("台账管理 unit:edu")).containsExactly("ledger", "ledger-split");
    assertThat(hits("台账管理 unit:xinghe")).isEmpty();
    assertThat(hits("志愿服务 unit:星河社区"))
        .containsExactlyInAnyOrder("draft", "volunteer", "adjacent", "punctuated");
    assertThat(hits("楼道清理整治 unit:教育局")).containsExactly("same-older");
    assertThat(hits("楼道清理整治 单位：青禾县教育局")).containsExactly("same-older");
    assertThat(hits("楼道清理整治 unit:EDU")).containsExactly("same-older");
    // a unit that does not exist finds nothing, and is no error
    assertThat(find("楼道清理整治 unit:nowhere").total()).isZero();
    assertThat(hits("楼道清理整治 unit:edu OR unit:xinghe")).containsExactly("same-newer", "same-older");
    assertThat(hits("楼道清理整治 -unit:edu")).containsExactly("same-title", "same-newer");
  }

  @Test
  void categoryByCodeOrName() {
    assertThat(hits("category:会议记录")).containsExactly("pdf");
    assertThat(hits("category:meeting")).containsExactly("pdf");
    assertThat(hits("类别:管理制度")).containsExactlyInAnyOrder("ledger", "ledger-split");
    // part of a name: every category whose name contains it
    assertThat(hits("category:记录"))
        .contains("pdf", "title", "adjacent", "same-older")
        .doesNotContain("ledger", "body");
    assertThat(hits("category:未分类")).isEmpty();
  }

  @Test
  void yearAndYearRange() {
    assertThat(hits("year:2024")).containsExactlyInAnyOrder("title", "adjacent", "pdf");
    assertThat(hits("year:2023..2024"))
        .containsExactlyInAnyOrder("title", "adjacent", "pdf", "same-title");
    assertThat(hits("道德讲堂 year:2025")).containsExactlyInAnyOrder("body", "mixed");
    assertThat(hits("year:..2023")).containsExactly("same-title", "template");
  }

  @Test
  void fileTypeByLabel() {
    assertThat(hits("type:PDF")).containsExactly("pdf");
    assertThat(hits("type:pdf minutes")).containsExactly("pdf");
    assertThat(hits("道德讲堂 type:文本")).contains("body", "mixed", "title");
    assertThat(hits("道德讲堂 type:Word")).isEmpty();
  }

  @Test
  void titleOnly() {
    assertThat(hits("title:道德讲堂")).containsExactly("title");
    assertThat(hits("道德讲堂")).contains("title", "body", "mixed");
    assertThat(hits("title:活动记录")).containsExactlyInAnyOrder("title", "adjacent", "punctuated");
    assertThat(hits("title:\"楼道 清理\"")).containsExactly("same-title");
    assertThat(hits("志愿服务 -title:草稿")).doesNotContain("draft").contains("volunteer");
  }

  @Test
  void dateMonthYearRangeAndOpenRanges() {
    // without words to rank by, newest first
    assertThat(hits("date:2025-03")).containsExactly("volunteer", "scattered", "phrase");
    assertThat(hits("date:2025-03-01..2025-03-10")).containsExactly("scattered", "phrase");
    assertThat(hits("date:2025-03-06")).containsExactly("scattered");
    assertThat(hits("date:2025-09-01..")).containsExactly("punctuated");
    assertThat(hits("date:..2024-01-31")).containsExactly("adjacent", "same-title", "template");
    assertThat(hits("date:2024")).containsExactly("pdf", "title", "adjacent");
    assertThat(hits("日期:2025年5月至2025年6月")).containsExactly("body", "same-newer");
    // a document without a date is in no date range, though it is in its year
    assertThat(hits("志愿服务 date:2025")).doesNotContain("draft").contains("volunteer", "punctuated");
    assertThat(hits("志愿服务 year:2025")).contains("draft");
  }

  @Test
  void combinations() {
    assertThat(hits("志愿服务 OR 道德讲堂 unit:xinghe year:2025 -草稿"))
        .containsExactlyInAnyOrder("body", "punctuated", "volunteer");
    assertThat(hits("道德讲堂 type:文本 date:2025-04..2025-06 unit:edu OR unit:xinghe"))
        .containsExactlyInAnyOrder("body", "mixed");
    // the request's own filters apply on top of the query's
    SearchResult r =
        search.search(
            new SearchRequest("道德讲堂 year:2025", "edu", null, null, null, 1, 10), Scope.ALL);
    assertThat(names(r)).containsExactly("mixed");
  }

  @Test
  void snippetsAreMarkedWhateverFiltersTheSearchHas() {
    // in the query, in the request, and in a unit's own view of the archive
    assertThat(hit(find("道德讲堂 unit:xinghe year:2025 type:文本 date:2025"), "body").snippet())
        .contains("<mark>道德讲堂</mark>");
    SearchResult filtered =
        search.search(
            new SearchRequest("道德讲堂", "edu", "plan", 2025, null, 1, 10), Scope.of(Set.of("edu")));
    assertThat(hit(filtered, "mixed").snippet()).contains("<mark>道德讲堂</mark>");
  }

  @Test
  void unknownFieldIsPlainText() {
    assertThat(find("foo:bar").total()).isZero();
    assertThat(hits("时间：道德讲堂")).isEmpty();
  }

  // ---- Chinese text ----

  @Test
  void simplifiedFindsTraditionalAndTraditionalFindsSimplified() {
    assertThat(hits("走访独居老人")).containsExactly("punctuated");
    assertThat(hits("臺賬管理")).contains("ledger");
    // the snippet marks the original characters; a phrase across punctuation is marked as one
    // stretch
    assertThat(hit(find("邻里守望志愿服务"), "punctuated").snippet()).contains("<mark>鄰里守望」志願服務</mark>");
    assertThat(hit(find("邻里守望志愿服务"), "adjacent").snippet()).contains("<mark>邻里守望志愿服务</mark>");
    assertThat(hit(find("台账管理"), "ledger-split").snippet()).contains("<mark>台账。管理</mark>");
  }

  @Test
  void fullWidthLettersAndDigitsAreHalfWidth() {
    assertThat(hits("２０２５年道德讲堂")).containsExactly("mixed");
    assertThat(hits("ＰＤＦ")).containsExactly("mixed");
    assertThat(hits("ｔｙｐｅ：ＰＤＦ")).containsExactly("pdf");
    assertThat(hits("year:２０２４")).hasSize(3);
  }

  @Test
  void symbolsAreSearchable() {
    assertThat(hits("×××")).containsExactly("template");
    assertThat(hits("记录人 ×××")).containsExactly("template");
  }

  @Test
  void aDateFindsTheOtherWaysOfWritingIt() {
    assertThat(hits("2025-03-12")).containsExactly("template");
    assertThat(hits("2025年3月12日")).containsExactly("template");
    assertThat(hits("２０２５．３．１２")).containsExactly("template");
  }

  @Test
  void punctuationAndSpacesInsideAChineseQueryChangeNothing() {
    List<String> plain = hits("台账管理");
    assertThat(plain).containsExactly("ledger", "ledger-split");
    assertThat(hits("台账，管理")).isEqualTo(plain);
    assertThat(hits("\"台账，管理\"")).isEqualTo(plain);
    assertThat(hits("“台账 · 管理”")).isEqualTo(plain);
    assertThat(hits("\"台账 管理\"")).isEqualTo(plain);
  }

  @Test
  void aPhraseInTheDocumentMatchesAcrossPunctuationButRanksBelowTheAdjacentOne() {
    // 「鄰里守望」志願服務 is newer, yet the document with the words as written comes first
    assertThat(hits("邻里守望志愿服务")).containsExactly("adjacent", "punctuated");
    // a line break in the text is punctuation too
    assertThat(hits("台账管理")).containsExactly("ledger", "ledger-split");
  }

  @Test
  void mixedChineseLatinAndNumbers() {
    assertThat(hits("PDF 2025年 道德讲堂")).containsExactly("mixed");
    assertThat(hits("2025年道德讲堂PDF")).containsExactly("mixed");
    assertThat(hits("道德讲堂PDF课件")).containsExactly("mixed");
    assertThat(hits("pdf")).containsExactly("mixed");
  }

  // ---- ranking ----

  @Test
  void theQueryAsAPhraseRanksAboveScatteredCharactersAndBigrams() {
    // as one term, only the document that has it is found at all
    assertThat(hits("文明劝导")).containsExactly("phrase");
    // as two words, both documents have them; the one where they stand together comes first,
    // although the other is newer and says both words more often
    assertThat(hits("文明 劝导")).containsExactly("phrase", "scattered");
  }

  @Test
  void aTitleMatchRanksAboveABodyMatch() {
    List<String> r = hits("道德讲堂");
    assertThat(r.get(0)).isEqualTo("title");
    assertThat(r.indexOf("body")).isLessThan(r.indexOf("mixed"));
  }

  @Test
  void equalScoresComeNewestFirstAndSortByDateIgnoresTheScore() {
    assertThat(hits("楼道清理整治")).containsExactly("same-title", "same-newer", "same-older");
    assertThat(names(find("楼道清理整治", SearchSort.DATE)))
        .containsExactly("same-newer", "same-older", "same-title");
    // without words, relevance has nothing to rank by: by date
    assertThat(names(find("unit:county OR unit:edu year:2025", SearchSort.RELEVANCE)))
        .containsExactly("mixed", "scattered", "phrase", "ledger-split", "ledger", "same-older");
  }

  // ---- totals, facets, pages ----

  @Test
  void facetsAndTotalsFollowTheFiltersOfTheQuery() {
    SearchResult r = find("志愿服务 unit:xinghe year:2025");
    assertThat(r.total()).isEqualTo(3);
    assertThat(r.facets().get("unit"))
        .extracting(SearchResult.FacetValue::value)
        .containsExactly("xinghe");
    assertThat(r.facets().get("year"))
        .extracting(SearchResult.FacetValue::value)
        .containsExactly("2025");
    assertThat(r.facets().get("year").get(0).count()).isEqualTo(3);
    SearchResult pdf = find("type:PDF");
    assertThat(pdf.facets().get("type"))
        .extracting(SearchResult.FacetValue::value)
        .containsExactly("PDF");
  }

  @Test
  void pagesOfAQueryAddUpToTheTotal() {
    SearchResult all = find("志愿服务");
    List<Long> paged = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      SearchResult r =
          search.search(new SearchRequest("志愿服务", null, null, null, null, page, 2), Scope.ALL);
      assertThat(r.total()).isEqualTo(all.total());
      r.hits().forEach(h -> paged.add(h.id()));
    }
    assertThat(paged).isEqualTo(all.hits().stream().map(SearchResult.Hit::id).toList());
  }

  // ---- through the API and the page ----

  @Test
  void malformedQueriesAnswer400WithAChineseMessage() throws Exception {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("\"道德讲堂", "引号不成对");
    cases.put("unit:", "“unit:”后面缺少");
    cases.put("date:2025-13", "日期“2025-13”无法识别");
    cases.put("OR 道德讲堂", "“OR”前面缺少检索词");
    cases.put("道德讲堂 OR", "“OR”后面缺少检索词");
    cases.put("category:不存在的类别", "没有名为“不存在的类别”的类别");
    cases.put("type:mp3", "文件类型“mp3”无效");
    cases.put("year:去年", "年度“去年”无效");
    for (var c : cases.entrySet()) {
      HttpResponse<String> r = get("/api/search?q=" + enc(c.getKey()));
      assertThat(r.statusCode()).as(c.getKey() + ": " + r.body()).isEqualTo(400);
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("code").asString()).isEqualTo("BAD_QUERY");
      assertThat(body.get("detail").asString()).contains(c.getValue());
    }
    assertThat(get("/api/search?q=" + enc("foo:bar")).statusCode()).isEqualTo(200);
  }

  @Test
  void apiSortsByRelevanceOrDate() throws Exception {
    JsonNode relevance = JSON.readTree(get("/api/search?q=" + enc("楼道清理整治")).body());
    assertThat(relevance.get("hits").get(0).get("id").asLong()).isEqualTo(ids.get("same-title"));
    JsonNode explicit = JSON.readTree(get("/api/search?sort=relevance&q=" + enc("楼道清理整治")).body());
    assertThat(explicit.get("hits").get(0).get("id").asLong()).isEqualTo(ids.get("same-title"));
    JsonNode byDate = JSON.readTree(get("/api/search?sort=date&q=" + enc("楼道清理整治")).body());
    assertThat(byDate.get("hits").get(0).get("id").asLong()).isEqualTo(ids.get("same-newer"));
    assertThat(byDate.get("total").asLong()).isEqualTo(3);
    HttpResponse<String> bad = get("/api/search?sort=random&q=" + enc("楼道"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("code").asString()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void pageShowsAWarningForAMalformedQueryAndOffersTheSortAndTheHelp() throws Exception {
    HttpResponse<String> bad = get("/?q=" + enc("unit:"));
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body())
        .contains("id=\"query-error\"")
        .contains("检索式有误")
        .contains("“unit:”后面缺少")
        .doesNotContain("没有找到符合条件的材料");
    HttpResponse<String> quote = get("/?q=" + enc("“道德讲堂"));
    assertThat(quote.statusCode()).isEqualTo(200);
    assertThat(quote.body()).contains("引号不成对");

    HttpResponse<String> ok = get("/?q=" + enc("楼道清理整治"));
    assertThat(ok.body())
        .contains("id=\"query-help\"")
        .contains("检索语法")
        .contains("按相关度排列")
        .doesNotContain("id=\"query-error\"");
    String byDate = get("/?sort=date&q=" + enc("楼道清理整治")).body();
    assertThat(byDate).contains("按文档日期从新到旧排列");
    // the order survives the facet links
    assertThat(byDate).contains("sort=date");
    assertThat(byDate.indexOf("/documents/" + ids.get("same-newer")))
        .isLessThan(byDate.indexOf("/documents/" + ids.get("same-title")));
    assertThat(get("/?sort=random&q=" + enc("楼道")).body()).contains("排序方式“random”无效");
  }
}
