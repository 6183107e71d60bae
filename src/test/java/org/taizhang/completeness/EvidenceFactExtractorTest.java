package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taizhang.archive.Document;
import org.taizhang.archive.Lifecycle;
import org.taizhang.archive.Review;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.index.ChineseAnalysis;

/** What the facts say about real-looking text: labels, 文号, placeholders, EXIF, signatures. */
class EvidenceFactExtractorTest {
  private static final ChineseAnalysis ANALYSIS = new ChineseAnalysis(Path.of("index-config"));
  private static final Set<String> LABELS =
      Set.of("时间", "地点", "主持人", "参会人员", "记录人", "议题", "活动时间", "活动地点", "参加人员");
  private final EvidenceFactExtractor extractor =
      new EvidenceFactExtractor(ANALYSIS::fold, LABELS, Set.of("annual-summary"));

  private static Document document(String category, String mediaType, LocalDateTime takenAt) {
    return new Document(
        1,
        "u1",
        category,
        "标题",
        LocalDate.parse("2025-05-16"),
        2025,
        "f",
        mediaType,
        10,
        "0".repeat(64),
        1,
        new DocumentMetadata(
            null, null, LocalDateTime.parse("2025-05-17T08:00:00"), takenAt, null, null, null),
        0,
        false,
        "test",
        Instant.EPOCH,
        Review.SUBMITTED,
        Lifecycle.CURRENT);
  }

  private EvidenceFact fact(String category, String text) {
    return extractor.extract(document(category, "application/pdf", null), text);
  }

  @Test
  void aLabelCountsWhenItHasContentOnTheSameLine() {
    EvidenceFact f =
        fact(
            "meeting",
            """
        县教育局2024年第二季度文明创建工作会议记录
        时间：2024年5月13日下午3:00
        地点:局三楼会议室
        主持人：　周立新
        参会人员：
        周立新、陈慧敏
        议题：1. 通报进展
        主持人（签字）：　　　　　　　　记录人（签字）：
        """);
    assertThat(f.filledLabels()).containsExactlyInAnyOrder("时间", "地点", "主持人", "议题");
    assertThat(f.placeholder()).isFalse();
  }

  @Test
  void traditionalAndFullWidthTextIsFolded() {
    EvidenceFact f = fact("activity", "活動時間：2024年9月14日\n活動地點：銀杏社區\n參加人員：社區志願者三十六人\n記錄人：江濤");
    assertThat(f.filledLabels())
        .containsExactlyInAnyOrder("活动时间", "活动地点", "参加人员", "记录人", "时间", "地点");
  }

  @Test
  void placeholdersAreFoundAndDoNotFillALabel() {
    EvidenceFact f =
        fact(
            "activity",
            """
        活动名称：XX志愿服务活动
        活动时间：20xx年x月x日
        活动地点：×××
        参加人员：×××、×××等XX人
        记录人：张三
        """);
    assertThat(f.placeholder()).isTrue();
    assertThat(f.filledLabels()).containsExactly("记录人");
    assertThat(fact("activity", "时间：2025年3月5日，参加人员：XXL号志愿者马甲发放50件，Xbox 游戏机").placeholder())
        .isFalse();
    assertThat(fact("activity", "活动时间：２０ＸＸ年Ｘ月Ｘ日").placeholder()).isTrue();
  }

  @Test
  void aFormalDocumentHasADocumentNumber() {
    assertThat(fact("leading-group", "青禾县教育局文件\n青教发〔2024〕10号\n关于调整…的通知").formal()).isTrue();
    assertThat(fact("leading-group", "青教发[2025]3号").formal()).isTrue();
    assertThat(fact("leading-group", "青文明委【2025】第12号").formal()).isTrue();
    assertThat(fact("leading-group", "关于调整领导小组的通知（2025年3月）").formal()).isFalse();
  }

  @Test
  void photosCarryTheirExifTimeAndOnlyComparedCategoriesGetASignature() {
    LocalDateTime taken = LocalDateTime.parse("2025-06-23T17:30:20");
    EvidenceFact photo = extractor.extract(document("photo", "image/jpeg", taken), "");
    assertThat(photo.image()).isTrue();
    assertThat(photo.takenAt()).isEqualTo(taken);
    assertThat(photo.created()).isEqualTo(LocalDate.parse("2025-05-17"));
    assertThat(photo.signature()).isNull();

    String summary = "本年度我单位认真落实创建工作各项任务，开展志愿服务活动十余次，群众满意度明显提升。".repeat(4);
    assertThat(fact("annual-summary", summary).signature()).hasSize(NearDuplicateIndex.HASHES);
    assertThat(fact("half-year-summary", summary).signature()).isNull();
    assertThat(fact("annual-summary", "太短").signature()).isNull();
  }

  @Test
  void minHashEstimatesTheJaccardSimilarity() {
    String a =
        "青禾县城关街道南湖社区2025年度文明创建工作总结。今年我社区坚持以人民为中心，扎实开展邻里守望、垃圾分类、"
            + "四点半课堂等志愿服务活动，全年开展活动二十余次，服务居民三千余人次，社区环境明显改善，居民满意度不断提升。";
    String copy = a.replace("南湖社区", "银杏社区");
    String other = "县第一中学本年度以立德树人为根本任务，开展经典诵读、清明祭英烈、学雷锋等主题教育活动，校园文化建设取得新进展。".repeat(2);
    double same =
        NearDuplicateIndex.similarity(
            NearDuplicateIndex.signature(ANALYSIS.fold(a)),
            NearDuplicateIndex.signature(ANALYSIS.fold(copy)));
    double different =
        NearDuplicateIndex.similarity(
            NearDuplicateIndex.signature(ANALYSIS.fold(a)),
            NearDuplicateIndex.signature(ANALYSIS.fold(other)));
    assertThat(same).isGreaterThan(0.8);
    assertThat(different).isLessThan(0.2);

    NearDuplicateIndex index = new NearDuplicateIndex(0.8);
    assertThat(index.add(1, "nhsq", NearDuplicateIndex.signature(ANALYSIS.fold(a)))).isEmpty();
    assertThat(index.add(2, "yz", NearDuplicateIndex.signature(ANALYSIS.fold(other)))).isEmpty();
    assertThat(index.add(3, "yxsq", NearDuplicateIndex.signature(ANALYSIS.fold(copy))))
        .containsExactly(1L);
    assertThat(index.partners(1)).containsOnlyKeys(3L);
    assertThat(index.remove(3)).containsExactly(1L);
    assertThat(index.partners(1)).isEmpty();
    assertThat(List.of(index.size())).containsExactly(2);
  }
}
