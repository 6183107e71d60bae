package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.taizhang.access.Scope;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.unit.UnitRepository;
import org.taizhang.unit.UnitTree;

/**
 * Similar documents over the sample county: the year-end summary 银杏社区 copied from 南湖社区
 * (sample-archive/README.md, COPIED_SUMMARY) and its original find each other first and are called
 * copies; nothing outside the caller's scope and no other version of the document ever appears.
 */
@SampleArchiveTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarDocumentsTest {
  private static final String SUMMARY = "2025年度文明创建工作总结";

  @Autowired SampleArchive sample;
  @Autowired SimilarDocuments similar;
  @Autowired DocumentRepository documents;
  @Autowired UnitRepository units;
  @Autowired IngestService ingest;

  @BeforeAll
  void importSample() {
    assertThat(sample.imported().rejected()).isEmpty();
  }

  private Document document(String unit, int year, String title) {
    return documents.findByUnit(unit).stream()
        .filter(d -> d.year() == year && d.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + unit + "/" + year + " 《" + title + "》"));
  }

  @Test
  void theCopiedSummaryAndItsOriginalFindEachOtherFirst() {
    Document copy = document("cg-yxsq", 2025, SUMMARY);
    Document original = document("cg-nhsq", 2025, SUMMARY);

    List<SimilarDocuments.Similar> forCopy = similar.similar(copy.id(), Scope.ALL, 5);
    assertThat(forCopy).hasSize(5);
    SimilarDocuments.Similar first = forCopy.get(0);
    assertThat(first.id()).isEqualTo(original.id());
    assertThat(first.unit()).isEqualTo("cg-nhsq");
    assertThat(first.unitName()).isEqualTo("青禾县城关街道南湖社区");
    assertThat(first.title()).isEqualTo(SUMMARY);
    assertThat(first.categoryName()).isEqualTo("年终总结");
    assertThat(first.date()).isEqualTo(original.date());
    assertThat(first.year()).isEqualTo(2025);
    assertThat(first.nearCopy()).isTrue();
    assertThat(first.overlapPercent()).isGreaterThanOrEqualTo(80);
    assertThat(first.hint()).startsWith("高度雷同").contains(first.overlapPercent() + "%");

    List<SimilarDocuments.Similar> forOriginal = similar.similar(original.id(), Scope.ALL, 5);
    assertThat(forOriginal.get(0).id()).isEqualTo(copy.id());
    assertThat(forOriginal.get(0).nearCopy()).isTrue();

    // The other summaries follow the same outline, but only this pair is a copy.
    assertThat(forCopy.subList(1, forCopy.size()))
        .noneMatch(SimilarDocuments.Similar::nearCopy)
        .allMatch(s -> s.overlapPercent() < first.overlapPercent());
    assertThat(forCopy)
        .extracting(SimilarDocuments.Similar::score)
        .isSortedAccordingTo((a, b) -> Float.compare(b, a));
  }

  @Test
  void neverTheDocumentItselfNorAnythingOutsideTheScope() {
    Set<String> yinxing = Set.of("cg-yxsq");
    Set<String> hexi = new UnitTree(units.findAll()).subtree("hxz");
    assertThat(hexi).contains("hxz", "hxz-xqc", "hxz-ltc").doesNotContain("cg-yxsq");
    for (Document d : documents.findByUnit("cg-yxsq")) {
      List<SimilarDocuments.Similar> found = similar.similar(d.id(), Scope.of(yinxing), 5);
      assertThat(found)
          .as("similar to %s 《%s》 for the unit's clerk", d.id(), d.title())
          .allMatch(s -> s.unit().equals("cg-yxsq"))
          .noneMatch(s -> s.id() == d.id());
    }
    Document copy = document("cg-yxsq", 2025, SUMMARY);
    Document original = document("cg-nhsq", 2025, SUMMARY);
    assertThat(similar.similar(copy.id(), Scope.of(yinxing), 5))
        .extracting(SimilarDocuments.Similar::id)
        .isNotEmpty()
        .doesNotContain(original.id());
    for (Document d : documents.findByUnit("hxz-xqc")) {
      assertThat(similar.similar(d.id(), Scope.of(hexi), 5))
          .as("similar to %s for 禾溪镇", d.id())
          .allMatch(s -> hexi.contains(s.unit()));
    }
    // A document outside the scope has no similar documents, as it has no page.
    assertThat(similar.similar(original.id(), Scope.of(yinxing), 5)).isEmpty();
    assertThat(similar.similar(original.id(), Scope.NOTHING, 5)).isEmpty();
    assertThat(similar.similar(-1, Scope.ALL, 5)).isEmpty();
    assertThat(similar.similar(copy.id(), Scope.ALL, 0)).isEmpty();
  }

  @Test
  void otherVersionsOfTheDocumentAreNotSimilarDocuments() throws Exception {
    Document old = document("hxz-ltc", 2024, "2024年度文明创建工作总结");
    String text = documents.text(old.id()).orElseThrow();
    Document current =
        ingest
            .ingest(
                new IngestRequest(
                    "hxz-ltc",
                    old.category(),
                    old.date(),
                    old.title(),
                    old.year(),
                    "2024年度文明创建工作总结（修订）.txt",
                    "test",
                    old.id()),
                new ByteArrayInputStream(
                    (text + "\n（已按测评意见补充活动照片说明。）").getBytes(StandardCharsets.UTF_8)))
            .document();
    assertThat(current.lifecycle().supersedesId()).isEqualTo(old.id());

    // The new version is all but identical, yet it is the same document: never listed as similar to
    // the old one, nor the reverse.
    assertThat(similar.similar(old.id(), Scope.ALL, 5))
        .extracting(SimilarDocuments.Similar::id)
        .isNotEmpty()
        .doesNotContain(current.id(), old.id());
    assertThat(similar.similar(current.id(), Scope.ALL, 5))
        .extracting(SimilarDocuments.Similar::id)
        .isNotEmpty()
        .doesNotContain(current.id(), old.id());
  }

  @Test
  void theHintSaysHowMuchWordingIsShared() {
    assertThat(SimilarDocuments.hint(93)).isEqualTo("高度雷同：文字重合 93%");
    assertThat(SimilarDocuments.hint(80)).startsWith("高度雷同");
    assertThat(SimilarDocuments.hint(79)).isEqualTo("大段相同：文字重合 79%");
    assertThat(SimilarDocuments.hint(12)).isEqualTo("内容相近：文字重合 12%");
    assertThat(SimilarDocuments.hint(-1)).isEqualTo("内容相近");
    assertThat(SimilarDocuments.overlapPercent(similar.shingles("短"), similar.shingles("短")))
        .isEqualTo(-1);
    String text = "本年度社区围绕文明创建目标，扎实开展志愿服务、垃圾分类、邻里互助和道德讲堂等活动，群众满意度明显提高。";
    // Traditional characters, full-width digits and line breaks do not make a copy look different.
    String traditional = "本年度社區圍繞文明創建目標，\n扎實開展志願服務、垃圾分類、鄰里互助和道德講堂等活動，群眾滿意度明顯提高。";
    assertThat(
            SimilarDocuments.overlapPercent(similar.shingles(text), similar.shingles(traditional)))
        .isEqualTo(100);
  }
}
