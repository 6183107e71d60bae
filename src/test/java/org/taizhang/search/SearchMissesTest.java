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
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The searches reviewers reported as missing what the archive holds, each on a small archive of its
 * own: a word whose parts the text separates (首问负责制 / 首问接待负责制), a full date where the text writes
 * only the month and day, a category's name, a unit's name; and the operators in lower case.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {TestSettings.OWN_ARCHIVE, "taizhang.admin.password=" + SearchMissesTest.PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchMissesTest {
  static final String PASSWORD = "search-misses-pw";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Map<String, Long> ids = new LinkedHashMap<>();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("taizhang-search-misses");
    registry.add("taizhang.data-dir", dir::toString);
  }

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired SearchService search;
  @Autowired HitPreview preview;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void archive() throws Exception {
    if (!ids.isEmpty()) {
      return;
    }
    TestUnits.load(
        importer,
        TestUnits.COUNTY
            + """
        hx,青禾县禾溪镇,文明村镇,county
        hx-xq,青禾县禾溪镇杏桥村,文明村镇,hx
        """);
    // a word as written, with its parts apart, and with its parts too far apart (the near one is
    // newer)
    doc("exact", "edu", "rules", "2025-03-01", "窗口服务制度", "全面推行首问负责制，群众来电来访按时办结。");
    doc("near", "edu", "half-year-summary", "2025-07-01", "上半年工作小结", "落实首问接待负责制、一次性告知制度，窗口服务有序推进。");
    doc("far", "xinghe", "plan", "2025-08-01", "窗口工作计划", "首问工作由专人负责，年底建立健全考核制度。");
    // a day: the record of the day, its photo (the date only in its title and its own date), a 2024
    // meeting that names the day without the year, and a 2025 record naming the same day of another
    // year
    doc("activity", "xinghe", "activity", "2024-07-23", "垃圾分类宣传活动记录", "2024年7月23日，社区在各楼栋开展垃圾分类宣传。");
    doc("photo", "xinghe", "photo", "2024-07-23", "2024-07-23 楼栋宣传", "志愿者在楼栋口发放宣传册。");
    doc("meeting-2024", "xinghe", "meeting", "2024-06-20", "第二季度会议记录", "会议安排7月23日开展垃圾分类宣传进楼栋活动。");
    doc("record-2025", "edu", "activity", "2025-07-23", "暑期安全教育活动", "7月23日组织师生开展暑期安全教育。");
    // a category's name: the year's summaries say 工作总结 in their titles; a meeting asks for the 年终总结
    doc(
        "summary-2025",
        "edu",
        "annual-summary",
        "2025-12-20",
        "2025年度文明创建工作总结",
        "一年来，我局扎实推进文明单位创建。");
    doc(
        "summary-2024",
        "edu",
        "annual-summary",
        "2024-12-20",
        "2024年度文明创建工作总结",
        "这一年，我局稳步开展文明单位创建。");
    doc("meeting-2025", "edu", "meeting", "2025-11-10", "第四季度创建工作会议记录", "会议要求各科室于月底前做好年终总结。");
    // a unit's name: a scanned letter of 杏桥村 without its name in the text; another unit's record
    // naming 杏桥村
    doc("scan", "hx-xq", "responsibility", "2025-02-10", "2025年度目标责任书（签字盖章扫描件）", "签字盖章");
    doc("mention", "hx", "meeting", "2025-02-12", "第一季度会议记录", "会上镇与杏桥村签订目标责任书。");
  }

  private void doc(
      String name, String unit, String category, String date, String title, String text)
      throws Exception {
    LocalDate d = LocalDate.parse(date);
    Document saved =
        ingest
            .ingest(
                new IngestRequest(unit, category, d, title, d.getYear(), name + ".txt", "test"),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
            .document();
    ids.put(name, saved.id());
  }

  private List<String> hits(String q) {
    return names(search.search(new SearchRequest(q, null, null, null, null, 1, 100), Scope.ALL));
  }

  private List<String> names(SearchResult r) {
    List<String> out = new ArrayList<>();
    for (SearchResult.Hit h : r.hits()) {
      out.add(
          ids.entrySet().stream()
              .filter(e -> e.getValue() == h.id())
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse("#" + h.id()));
    }
    return out;
  }

  @Test
  void aWordWhosePartsStandCloseTogetherIsFoundBelowTheWordAsWritten() {
    // the near one is newer, yet the document that writes the word comes first; the parts far apart
    // are no match
    assertThat(hits("首问负责制")).containsExactly("exact", "near");
    assertThat(hits("首问接待负责制")).containsExactly("near");
    // the parts must come in order
    assertThat(hits("负责制首问")).isEmpty();
    // the snippet marks the parts; where the word stands whole, only the word
    List<SearchResult.Hit> found =
        search.search(new SearchRequest("首问负责制", null, null, null, null, 1, 10), Scope.ALL).hits();
    assertThat(found.get(0).snippet()).contains("<mark>首问负责制</mark>");
    assertThat(found.get(1).snippet()).contains("<mark>首问</mark>接待<mark>负责制</mark>");
    // the document page likewise
    assertThat(preview.preview("落实首问接待负责制。首问负责制全面推行。", "首问负责制").orElseThrow().html())
        .isEqualTo("落实首问接待负责制。<mark class=\"hit\" id=\"hit-1\">首问负责制</mark>全面推行。");
    assertThat(preview.preview("落实首问接待负责制。", "首问负责制").orElseThrow().hits()).isPositive();
  }

  @Test
  void aFullDateFindsTheDayWrittenWithoutItsYearInTheDocumentsOfThatYear() {
    // the day's record (date in the text and as its date), its photo (its date), the meeting of
    // that year;
    // not the 2025 record that names 7月23日 of its own year
    assertThat(hits("2024年7月23日")).containsExactly("activity", "photo", "meeting-2024");
    assertThat(hits("2024-07-23")).containsExactly("activity", "photo", "meeting-2024");
    assertThat(hits("2025年7月23日")).containsExactly("record-2025");
  }

  @Test
  void aDayWithoutAYearFindsItInAnyYearAndInChineseNumerals() {
    assertThat(hits("7月23日"))
        .containsExactlyInAnyOrder("activity", "photo", "meeting-2024", "record-2025");
    assertThat(hits("七月二十三日"))
        .containsExactlyInAnyOrder("activity", "photo", "meeting-2024", "record-2025");
  }

  @Test
  void aCategorysNameFindsThatCategoryFirst() {
    List<String> r = hits("年终总结 year:2025");
    assertThat(r).containsExactly("summary-2025", "meeting-2025");
    assertThat(hits("年终总结")).startsWith("summary-2025", "summary-2024");
    // as a category filter it is what it was: that category only
    assertThat(hits("category:年终总结")).containsExactlyInAnyOrder("summary-2025", "summary-2024");
  }

  @Test
  void aUnitsNameOrTheEndOfItFindsTheUnitsDocuments() {
    assertThat(hits("杏桥村 目标责任书")).containsExactly("scan", "mention");
    assertThat(hits("禾溪镇杏桥村")).contains("scan");
    assertThat(hits("青禾县禾溪镇杏桥村")).contains("scan");
    // 禾溪镇 is the town's name: the village's letter does not mention it
    assertThat(hits("禾溪镇")).doesNotContain("scan").contains("mention");
    // a clerk of another unit finds only what their scope holds
    SearchResult clerk =
        search.search(
            new SearchRequest("杏桥村", null, null, null, null, 1, 100), Scope.of(Set.of("hx")));
    assertThat(names(clerk)).containsExactly("mention");
    assertThat(clerk.total()).isEqualTo(1);
  }

  @Test
  void aRenamedUnitIsFoundByItsNewNameAtOnce() throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY + "hx,青禾县禾溪镇,文明村镇,county\nhx-xq,青禾县禾溪镇杏花村,文明村镇,hx\n");
    try {
      assertThat(hits("杏花村")).containsExactly("scan");
      assertThat(hits("杏桥村")).containsExactly("mention");
    } finally {
      TestUnits.load(
          importer, TestUnits.COUNTY + "hx,青禾县禾溪镇,文明村镇,county\nhx-xq,青禾县禾溪镇杏桥村,文明村镇,hx\n");
    }
  }

  @Test
  void lowerCaseOperatorsWork() throws Exception {
    assertThat(hits("首问负责制 or 年终总结 year:2025"))
        .containsExactlyInAnyOrder("exact", "near", "summary-2025", "meeting-2025");
    assertThat(hits("7月23日 not 安全教育"))
        .containsExactlyInAnyOrder("activity", "photo", "meeting-2024");
    assertThat(hits("7月23日 and 楼栋")).containsExactlyInAnyOrder("activity", "photo", "meeting-2024");
    HttpResponse<String> r =
        get("/api/search?q=" + URLEncoder.encode("首问负责制 or 年终总结", StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("total").asLong()).isEqualTo(5);
    // an operator with nothing on one side says how to write it, in the API and on the page
    HttpResponse<String> bad =
        get("/api/search?q=" + URLEncoder.encode("志愿服务 or", StandardCharsets.UTF_8));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("detail").asString())
        .contains("“or”后面缺少检索词", "道德讲堂 OR 志愿服务");
    HttpResponse<String> page = get("/?q=" + URLEncoder.encode("志愿服务 not", StandardCharsets.UTF_8));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"query-error\"", "“not”后面缺少要排除的词");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .headers(Basic.auth("admin", PASSWORD))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
