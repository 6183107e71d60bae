package org.taizhang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taizhang.archive.Document;
import org.taizhang.support.Multipart;
import org.taizhang.support.TestFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A unit's user never sees another unit's material: not by id, not in hits, totals or facets. */
class ScopeIsolationTest extends SecurityFixture {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Document east;
  private Document westPdf;

  @BeforeEach
  void documents() throws Exception {
    setUpTree();
    east = document("east-a", "城东甲社区垃圾分类志愿服务记录");
    westPdf = pdf("west");
    document("west", "城西中学垃圾分类主题班会记录");
    document("east-b", "城东乙社区垃圾分类宣传简报");
  }

  private JsonNode search(String query, Who who) throws Exception {
    HttpResponse<String> r =
        get("/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&size=100", who);
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void anotherUnitsDocumentIsNotFoundByIdInAnyForm() throws Exception {
    for (String path :
        new String[] {"", "/file", "/thumbnail", "/text", "/versions", "/comments"}) {
      HttpResponse<String> r = get("/api/documents/" + westPdf.id() + path, Who.CLERK);
      assertThat(r.statusCode())
          .as("GET /api/documents/{id}%s of another unit", path)
          .isEqualTo(404);
      assertThat(r.body()).doesNotContain(westPdf.sha256()).doesNotContain("Ledger page");
    }
    assertThat(get("/documents/" + westPdf.id(), Who.CLERK).statusCode()).isEqualTo(404);
    // the same document is there for those who may see it
    assertThat(get("/api/documents/" + westPdf.id() + "/thumbnail", Who.OTHER_CLERK).statusCode())
        .isEqualTo(200);
    assertThat(get("/api/documents/" + westPdf.id() + "/file", Who.REVIEWER).statusCode())
        .isEqualTo(200);
    // the district office of east sees east-a and east-b, not west
    assertThat(get("/api/documents/" + east.id(), Who.DISTRICT).statusCode()).isEqualTo(200);
    assertThat(get("/api/documents/" + westPdf.id(), Who.DISTRICT).statusCode()).isEqualTo(404);
  }

  @Test
  void totalsAndFacetsCountOnlyTheCallersUnits() throws Exception {
    JsonNode all = search("垃圾分类", Who.ADMIN);
    JsonNode clerk = search("垃圾分类", Who.CLERK);
    JsonNode district = search("垃圾分类", Who.DISTRICT);
    assertThat(all.get("total").asLong()).isGreaterThan(district.get("total").asLong());
    assertThat(district.get("total").asLong()).isGreaterThan(clerk.get("total").asLong());

    assertThat(clerk.get("hits").findValuesAsString("unit")).containsOnly("east-a");
    assertThat(clerk.get("facets").get("unit").findValuesAsString("value")).containsOnly("east-a");
    long facetSum = 0;
    for (JsonNode f : clerk.get("facets").get("year")) {
      facetSum += f.get("count").asLong();
    }
    assertThat(facetSum).isEqualTo(clerk.get("total").asLong());
    assertThat(district.get("facets").get("unit").findValuesAsString("value"))
        .containsOnly("east-a", "east-b");

    // asking for another unit explicitly yields nothing, not its count
    JsonNode probe = search("垃圾分类", Who.CLERK);
    HttpResponse<String> filtered =
        get(
            "/api/search?q=" + URLEncoder.encode("垃圾分类", StandardCharsets.UTF_8) + "&unit=west",
            Who.CLERK);
    JsonNode f = JSON.readTree(filtered.body());
    assertThat(f.get("total").asLong()).isZero();
    assertThat(f.get("facets").get("unit")).isEmpty();
    assertThat(probe.get("total").asLong()).isPositive();
    // a word only the other unit wrote is not found, not even counted
    assertThat(search("主题班会", Who.CLERK).get("total").asLong()).isZero();
    assertThat(search("主题班会", Who.OTHER_CLERK).get("total").asLong()).isPositive();
  }

  @Test
  void unitListsAndPagesShowOnlyTheCallersUnits() throws Exception {
    assertThat(get("/api/units", Who.CLERK).body())
        .contains("east-a")
        .doesNotContain("\"west\"")
        .doesNotContain("east-b");
    assertThat(get("/units/west", Who.CLERK).statusCode()).isEqualTo(404);
    assertThat(get("/units", Who.CLERK).body()).doesNotContain("城西中学");
    assertThat(get("/", Who.CLERK).body()).doesNotContain("城西中学");
  }

  @Test
  void aClerkCannotUploadIntoAnotherUnit() throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("unit", "west")
            .file("x.txt", TestFiles.utf8("越权上传"))
            .post(http, uri("/api/documents"), Who.CLERK.headers());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("UNKNOWN_UNIT");
    assertThat(search("越权上传", Who.ADMIN).get("total").asLong()).isZero();
  }
}
