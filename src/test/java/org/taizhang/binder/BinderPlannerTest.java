package org.taizhang.binder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.taizhang.archive.Document;
import org.taizhang.archive.Lifecycle;
import org.taizhang.archive.Review;
import org.taizhang.catalog.Catalog;
import org.taizhang.completeness.Explanation;
import org.taizhang.completeness.Grade;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.completeness.IndicatorStatus;
import org.taizhang.completeness.MissingItem;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.time.OfficeTime;
import org.taizhang.unit.Unit;

class BinderPlannerTest {
  private static final Unit UNIT = new Unit("qhx-jyj", "青禾县教育局", "文明单位", "qhx-cjb");
  private static final Catalog CATALOG = Catalog.load(java.nio.file.Path.of("index-config"));

  /** Renditions of Word files, none made yet. */
  private static final DocumentPages PAGES =
      new DocumentPages(
          new ItemRenditions() {
            @Override
            public boolean converts(Document d) {
              return d.mediaType().equals("application/msword");
            }

            @Override
            public OptionalInt pages(Document d) {
              return OptionalInt.empty();
            }

            @Override
            public java.nio.file.Path pdfOf(Document d) throws Unavailable {
              throw new Unavailable("未转换");
            }

            @Override
            public java.util.Optional<String> failure(Document d) {
              return java.util.Optional.empty();
            }

            @Override
            public boolean available() {
              return false;
            }
          });

  private final BinderPlanner planner =
      new BinderPlanner(
          null,
          null,
          CATALOG,
          PAGES,
          ArchiveNumbering.parse(
              java.nio.file.Path.of("rules.txt"), "保管期限 leading-group = 永久\n保管期限 = 10年\n", CATALOG),
          new OfficeTime(
              Clock.fixed(Instant.parse("2026-12-06T02:00:00Z"), ZoneId.of("Asia/Shanghai"))));

  @Test
  void itemsFollowTheIndicatorsAndAreNumberedWithinTheirRetention() {
    Document group = doc(1, "leading-group", "关于成立创建工作领导小组的通知", "2026-03-01", "application/pdf", 2);
    Document minutesB = doc(2, "meeting", "第二季度会议记录", "2026-06-10", "application/pdf", 3);
    Document minutesA = doc(3, "meeting", "第一季度会议记录", "2026-03-10", "application/pdf", 1);
    Document photo = doc(4, "photo", "志愿服务照片", "2026-05-01", "image/jpeg", null);
    Document word = doc(5, "plan", "创建工作计划", "2026-02-01", "application/msword", null);
    Document loose = doc(6, "briefing", "工作简报第3期", "2026-07-01", "application/pdf", 4);
    UnitCompleteness result =
        result(
            indicator("Ⅰ-1", "创建机构", List.of(1L), List.of()),
            // Minutes prove two indicators: placed under the first, referred to from the second.
            indicator(
                "Ⅰ-2",
                "研究部署",
                List.of(2L, 3L),
                List.of(
                    new MissingItem(
                        "Ⅰ-2/meeting/Q3",
                        "2026年第三季度缺少会议记录",
                        new Explanation(
                            9,
                            "第三季度会议延期至十月召开",
                            LocalDate.of(2026, 10, 31),
                            "jyj-clerk",
                            Instant.EPOCH,
                            false)))),
            indicator("Ⅱ-1", "志愿服务", List.of(4L, 2L, 5L), List.of()));
    BinderPlan plan =
        planner.plan(
            UNIT,
            2026,
            result,
            List.of(word, group, minutesA, photo, minutesB, loose),
            Map.of(1L, "青教发〔2026〕3号\n关于成立……")::get);

    assertThat(plan.sections())
        .extracting(BinderPlan.Section::code)
        .containsExactly("Ⅰ-1", "Ⅰ-2", "Ⅱ-1", BinderPlan.OTHER);
    assertThat(plan.items().map(BinderPlan.Item::documentId))
        .containsExactly(1L, 3L, 2L, 5L, 4L, 6L);
    BinderPlan.Section second = plan.sections().get(1);
    // Within an indicator, by date.
    assertThat(second.items())
        .extracting(BinderPlan.Item::title)
        .containsExactly("第一季度会议记录", "第二季度会议记录");
    assertThat(second.gaps()).singleElement().satisfies(g -> assertThat(g.explained()).isTrue());
    BinderPlan.Section third = plan.sections().get(2);
    assertThat(third.references()).extracting(BinderPlan.Item::documentId).containsExactly(2L);
    assertThat(third.items()).extracting(BinderPlan.Item::documentId).containsExactly(5L, 4L);

    BinderPlan.Item first = plan.sections().get(0).items().get(0);
    assertThat(first.archiveCode()).isEqualTo("qhx-jyj-WS·2026-Y-0001");
    assertThat(first.documentNumber()).isEqualTo("青教发〔2026〕3号");
    assertThat(first.responsible()).isEqualTo("青禾县教育局");
    // The ten-year items count on their own: 0001… in binder order.
    assertThat(
            plan.items()
                .filter(i -> i.retention() == Retention.TEN_YEARS)
                .map(BinderPlan.Item::archiveCode))
        .containsExactly(
            "qhx-jyj-WS·2026-D10-0001",
            "qhx-jyj-WS·2026-D10-0002",
            "qhx-jyj-WS·2026-D10-0003",
            "qhx-jyj-WS·2026-D10-0004",
            "qhx-jyj-WS·2026-D10-0005");
    BinderPlan.Item minutes = second.items().get(1);
    assertThat(minutes.remark()).contains("另证明指标 Ⅱ-1");
    BinderPlan.Item photoItem = third.items().get(1);
    assertThat(photoItem.kind()).isEqualTo(BinderPlan.Kind.PHOTO);
    assertThat(photoItem.pages()).isEqualTo(1);
    BinderPlan.Item wordItem = third.items().get(0);
    assertThat(wordItem.kind()).isEqualTo(BinderPlan.Kind.CONVERTED);
    assertThat(wordItem.pages()).isNull();
    assertThat(wordItem.remark()).isEqualTo("页数待转换后确定");
    assertThat(plan.preparedOn()).isEqualTo(LocalDate.of(2026, 12, 6));
  }

  @Test
  void withoutAnEvaluationSystemEveryDocumentIsAnOtherItem() {
    BinderPlan plan =
        planner.plan(
            UNIT, 2026, null, List.of(doc(1, null, "未分类材料", null, "text/plain", null)), id -> null);
    assertThat(plan.sections()).singleElement().satisfies(s -> assertThat(s.other()).isTrue());
    assertThat(plan.items().findFirst().orElseThrow().categoryName()).isEqualTo("未分类");
    assertThat(PAGES.pages(doc(2, "plan", "x", null, "application/pdf", null)))
        .isEqualTo(OptionalInt.empty());
  }

  private static UnitCompleteness result(IndicatorResult... indicators) {
    return new UnitCompleteness(
        UNIT.code(),
        UNIT.name(),
        UNIT.type(),
        UNIT.parentCode(),
        2026,
        "测评体系",
        List.of(indicators),
        10,
        12,
        0,
        0,
        1,
        1,
        List.of(),
        List.of());
  }

  private static IndicatorResult indicator(
      String code, String name, List<Long> evidence, List<MissingItem> missing) {
    return new IndicatorResult(
        code,
        name,
        "一级",
        4,
        "材料审核",
        IndicatorStatus.MET,
        Grade.A,
        Grade.A,
        null,
        null,
        4,
        evidence,
        missing);
  }

  static Document doc(
      long id, String category, String title, String date, String mediaType, Integer pages) {
    return new Document(
        id,
        UNIT.code(),
        category,
        title,
        date == null ? null : LocalDate.parse(date),
        2026,
        title + ".bin",
        mediaType,
        100,
        "sha" + id,
        pages,
        DocumentMetadata.EMPTY,
        10,
        false,
        "clerk",
        Instant.EPOCH,
        Review.SUBMITTED,
        Lifecycle.CURRENT);
  }
}
