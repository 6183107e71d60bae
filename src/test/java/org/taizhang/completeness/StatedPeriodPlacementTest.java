package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.taizhang.text.ChineseDates;
import org.taizhang.unit.Unit;

/**
 * A document whose title states its period (2025年第三季度) counts for the rule period that contains the
 * stated one, whatever day it carries: a photo taken in October of the third quarter's meeting is
 * the third quarter's record. Without a stated period the date places it, as before.
 */
class StatedPeriodPlacementTest {
  private static final Unit UNIT = new Unit("u1", "测试局", "文明单位", "county");
  private static final AtomicLong IDS = new AtomicLong(5000);

  private static String system(String period) {
    return """
        name: 测试体系
        years: [2024, 2025, 2026]
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
                  - {category: meeting, period: %s}
        """
        .formatted(period);
  }

  private static EvidenceFact meeting(String date, String stated) {
    LocalDate d = date == null ? null : LocalDate.parse(date);
    ChineseDates.Period p = stated == null ? null : ChineseDates.parsePeriod(stated).orElseThrow();
    int year = p != null && p.year() != null ? p.year() : d != null ? d.getYear() : 2025;
    return new EvidenceFact(
        IDS.incrementAndGet(),
        "u1",
        "meeting",
        "会议记录",
        d,
        year,
        false,
        false,
        Set.of(),
        false,
        null,
        null,
        null,
        p,
        null,
        null);
  }

  private static List<String> missing(String period, EvidenceFact... facts) {
    CompletenessModel m =
        new CompletenessModel(
            TestFacts.lists(TestFacts.system(system(period))),
            TestFacts.CATALOG::categoryName,
            Clock.fixed(
                LocalDate.of(2026, 1, 10).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai")));
    m.load(List.of(UNIT), List.of(facts));
    return m.unit("u1", 2025).orElseThrow().indicators().get(0).missing().stream()
        .map(MissingItem::text)
        .toList();
  }

  @Test
  void theStatedQuarterPlacesADocumentWhoseDateLiesElsewhere() {
    // Photographed in October, about the third quarter's meeting.
    EvidenceFact q3 = meeting("2025-10-08", "2025年第三季度");
    assertThat(missing("每季度", q3))
        .containsExactly("2025年第一季度缺少会议记录", "2025年第二季度缺少会议记录", "2025年第四季度缺少会议记录");
    assertThat(missing("每半年", q3)).containsExactly("2025年上半年缺少会议记录");
  }

  @Test
  void aStatedPeriodWithoutADateCountsToo() {
    assertThat(missing("每季度", meeting(null, "2025年第三季度")))
        .containsExactly("2025年第一季度缺少会议记录", "2025年第二季度缺少会议记录", "2025年第四季度缺少会议记录");
    // Before, a document without a date could cover no quarter at all.
    assertThat(missing("每季度", meeting(null, null))).hasSize(4);
  }

  @Test
  void aPeriodWiderThanTheRulesFallsBackToADateWithinIt() {
    // A quarter is no month: the date inside it chooses the month; a date outside it chooses none.
    assertThat(missing("每月", meeting("2025-08-15", "2025年第三季度")))
        .hasSize(11)
        .doesNotContain("2025年8月缺少会议记录");
    assertThat(missing("每月", meeting("2025-10-15", "2025年第三季度"))).hasSize(12);
    assertThat(missing("每季度", meeting("2025-03-15", "2025年度")))
        .hasSize(3)
        .doesNotContain("2025年第一季度缺少会议记录");
    assertThat(missing("每季度", meeting(null, "2025年度"))).hasSize(4);
  }

  @Test
  void withoutAStatedPeriodTheDatePlacesTheDocumentAsBefore() {
    assertThat(missing("每季度", meeting("2025-10-08", null)))
        .containsExactly("2025年第一季度缺少会议记录", "2025年第二季度缺少会议记录", "2025年第三季度缺少会议记录");
    assertThat(missing("每年", meeting(null, "2025年第三季度"))).isEmpty();
  }
}
