package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taizhang.completeness.TestFacts.doc;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taizhang.archive.Document;
import org.taizhang.archive.Lifecycle;
import org.taizhang.archive.Review;
import org.taizhang.catalog.Classification;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.unit.Unit;

/**
 * Evidence the machine is unsure of waits for a person (待确认) instead of counting silently: text
 * recognised with low confidence proves no required element until a reviewer confirms it, a
 * category inferred with low confidence and an unstated date keep a document from counting, and the
 * checklist names each such document.
 */
class PendingConfirmationTest {
  private static final ChineseAnalysis ANALYSIS = new ChineseAnalysis(Path.of("index-config"));
  private static final Unit UNIT = new Unit("u1", "测试局", "文明单位", "county");
  private static final java.time.Clock CLOCK =
      java.time.Clock.fixed(Instant.parse("2025-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  private static final String MEETING_TEXT =
      """
      县教育局2025年第二季度文明创建工作会议记录
      时间：2025年5月13日下午3:00
      地点：三楼会议室
      主持人：王局长
      参会人员：班子成员
      记录人：李明
      议题：部署文明创建工作
      """;

  private static String system(String evidence) {
    return """
        name: 测试体系
        years: [2025]
        unit-types: [文明单位]
        indicators:
          - code: Ⅰ
            name: 组织领导
            children:
              - code: Ⅰ-1
                name: 测试指标
                points: 10
                method: 材料审核
                evidence:
        """
        + evidence.indent(10);
  }

  private static UnitCompleteness evaluate(String evidence, List<EvidenceFact> facts) {
    CompletenessModel m =
        new CompletenessModel(
            TestFacts.lists(TestFacts.system(system(evidence))),
            TestFacts.CATALOG::categoryName,
            CLOCK);
    m.load(List.of(UNIT), facts);
    return m.unit("u1", 2025).orElseThrow();
  }

  private static Document meeting(LocalDate date) {
    return new Document(
        7,
        "u1",
        "meeting",
        "手写会议记录",
        date,
        2025,
        "minutes.jpg",
        "image/jpeg",
        10,
        "0".repeat(64),
        1,
        new DocumentMetadata(null, null, null, null, null, null, null),
        MEETING_TEXT.length(),
        false,
        "clerk",
        Instant.EPOCH,
        Review.SUBMITTED,
        Lifecycle.CURRENT);
  }

  private final EvidenceFactExtractor extractor =
      new EvidenceFactExtractor(
          ANALYSIS::fold, Set.copyOf(TestFacts.MEETING_LABELS), Set.of("annual-summary"));

  private static DocumentTrust unsureText(Set<String> confirmed) {
    return new DocumentTrust(true, 0.41, confirmed, null, 1, null);
  }

  @Test
  void textRecognisedWithLowConfidenceProvesOnlyWhatAReviewerConfirmed() {
    Document d = meeting(LocalDate.parse("2025-05-13"));
    assertThat(extractor.extract(d, MEETING_TEXT).filledLabels())
        .as("read with confidence, the text proves every element")
        .containsExactlyInAnyOrderElementsOf(TestFacts.MEETING_LABELS);
    EvidenceFact unsure = extractor.extract(d, MEETING_TEXT, unsureText(Set.of()));
    assertThat(unsure.filledLabels()).isEmpty();
    assertThat(unsure.doubts().unsureText()).isTrue();
    String misread = MEETING_TEXT + "议题：××工作\n";
    assertThat(extractor.extract(d, misread).placeholder()).isTrue();
    assertThat(extractor.extract(d, misread, unsureText(Set.of())).placeholder())
        .as("misread handwriting is no unfilled template")
        .isFalse();
    assertThat(extractor.extract(d, MEETING_TEXT, unsureText(Set.of("时间", "地点"))).filledLabels())
        .containsExactlyInAnyOrder("时间", "地点");
    // a reviewer may also confirm what well-read text does not show
    assertThat(
            extractor
                .extract(
                    d, "会议记录", new DocumentTrust(false, null, Set.of("主持人"), "TITLE", 0.9, "TEXT"))
                .filledLabels())
        .containsExactly("主持人");
  }

  @Test
  void anUnconfirmedLowConfidenceRecordWaitsForConfirmationAndCountsOnceConfirmed() {
    String rule = "- {category: meeting, content: [时间, 地点, 主持人]}";
    Document d = meeting(LocalDate.parse("2025-05-13"));

    UnitCompleteness before =
        evaluate(rule, List.of(extractor.extract(d, MEETING_TEXT, unsureText(Set.of()))));
    IndicatorResult r = before.indicators().get(0);
    assertThat(r.status()).isEqualTo(IndicatorStatus.PENDING);
    assertThat(r.evidence()).isEmpty();
    // graded like a record that falls short: not the full points
    assertThat(r.grade()).isNotEqualTo(Grade.A);
    assertThat(r.score()).isLessThan(r.points());
    MissingItem m = r.missing().get(0);
    assertThat(m.pending()).extracting(PendingDocument::id).containsExactly(7L);
    assertThat(m.text())
        .isEqualTo("会议记录《手写会议记录》待确认（文字识别置信度低，时间、地点、主持人待测评员在材料页确认）")
        .doesNotContain("缺少时间");

    UnitCompleteness partly =
        evaluate(rule, List.of(extractor.extract(d, MEETING_TEXT, unsureText(Set.of("时间", "地点")))));
    assertThat(partly.indicators().get(0).missing().get(0).text()).contains("主持人待测评员在材料页确认");

    UnitCompleteness after =
        evaluate(
            rule,
            List.of(extractor.extract(d, MEETING_TEXT, unsureText(Set.of("时间", "地点", "主持人")))));
    assertThat(after.indicators().get(0).status()).isEqualTo(IndicatorStatus.MET);
    assertThat(after.indicators().get(0).evidence()).containsExactly(7L);
  }

  @Test
  void aCategoryInferredWithLowConfidenceIsNotMetUntilConfirmed() {
    String rule = "- {category: plan}";
    EvidenceFact guessed =
        doc("u1", "plan", "2025-03-11")
            .title("采购计划台账")
            .doubts(new EvidenceFact.Doubts(false, 0.45, false))
            .build();
    IndicatorResult r = evaluate(rule, List.of(guessed)).indicators().get(0);
    assertThat(r.status()).isEqualTo(IndicatorStatus.PENDING);
    assertThat(r.status().label()).isEqualTo("待确认");
    assertThat(r.grade()).isNotEqualTo(Grade.A);
    assertThat(r.missing().get(0).text()).isEqualTo("规划与计划《采购计划台账》待确认（类别为自动推断（把握 45%），待确认类别）");
    assertThat(r.missing().get(0).pending())
        .singleElement()
        .satisfies(p -> assertThat(p.id()).isEqualTo(guessed.id()));

    // confirmed (GIVEN), or inferred with confidence: counts as ever
    EvidenceFact confirmed = doc("u1", "plan", "2025-03-11").build();
    IndicatorResult ok = evaluate(rule, List.of(confirmed)).indicators().get(0);
    assertThat(ok.status()).isEqualTo(IndicatorStatus.MET);
    assertThat(ok.grade()).isEqualTo(Grade.A);

    // another document that counts makes the doubtful one irrelevant
    IndicatorResult both = evaluate(rule, List.of(guessed, confirmed)).indicators().get(0);
    assertThat(both.status()).isEqualTo(IndicatorStatus.MET);
    assertThat(both.missing()).isEmpty();
  }

  @Test
  void trustDecidesDoubtsFromTheInferenceRow() {
    Document d = meeting(LocalDate.parse("2025-05-13"));
    assertThat(
            extractor
                .extract(
                    d, MEETING_TEXT, new DocumentTrust(false, null, Set.of(), "BODY", 0.3, "TEXT"))
                .doubts()
                .categoryConfidence())
        .isEqualTo(0.3);
    for (String source : List.of("GIVEN", "PATH")) {
      assertThat(
              extractor
                  .extract(
                      d,
                      MEETING_TEXT,
                      new DocumentTrust(false, null, Set.of(), source, 0.3, "TEXT"))
                  .doubts())
          .as(source)
          .isEqualTo(EvidenceFact.Doubts.NONE);
    }
    assertThat(
            extractor
                .extract(
                    d,
                    MEETING_TEXT,
                    new DocumentTrust(
                        false, null, Set.of(), "TITLE", Classification.CERTAIN, "TEXT"))
                .doubts())
        .isEqualTo(EvidenceFact.Doubts.NONE);
    assertThat(extractor.extract(d, MEETING_TEXT).doubts())
        .as("no row: filed before inference was recorded, counts as before")
        .isEqualTo(EvidenceFact.Doubts.NONE);
    // NONE for the date only matters while nobody gave one
    DocumentTrust noDate = new DocumentTrust(false, null, Set.of(), "TITLE", 0.9, "NONE");
    assertThat(extractor.extract(meeting(null), MEETING_TEXT, noDate).doubts().undated()).isTrue();
    assertThat(extractor.extract(d, MEETING_TEXT, noDate).doubts().undated()).isFalse();
  }

  @Test
  void anUndatedDocumentWaitsInEveryPeriodItMightBelongToButNotForAYearlyRule() {
    EvidenceFact undated =
        doc("u1", "meeting", null)
            .year(2025)
            .title("无日期的会议记录")
            .doubts(new EvidenceFact.Doubts(false, null, true))
            .build();
    IndicatorResult quarterly =
        evaluate("- {category: meeting, period: 每季度}", List.of(undated)).indicators().get(0);
    assertThat(quarterly.status()).isEqualTo(IndicatorStatus.PENDING);
    assertThat(quarterly.missing()).hasSize(4);
    assertThat(quarterly.missing().get(2).text())
        .isEqualTo("会议记录《无日期的会议记录》待确认（未注明日期，无法确定所属季度，请补填日期）；2025年第三季度缺少会议记录");

    IndicatorResult yearly =
        evaluate("- {category: meeting}", List.of(undated)).indicators().get(0);
    assertThat(yearly.status()).isEqualTo(IndicatorStatus.MET);
  }
}
