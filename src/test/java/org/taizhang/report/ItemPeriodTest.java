package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taizhang.completeness.ItemPeriod;

/** Missing-item keys name their period; the checklist's “本季度仍缺” box and the month chart read it. */
class ItemPeriodTest {
  @Test
  void readsEveryPeriodForm() {
    assertThat(ItemPeriod.ofKey("Ⅰ-3-1/meeting/2025-Q3"))
        .contains(new ItemPeriod(ItemPeriod.Kind.QUARTER, 2025, 7, 9));
    assertThat(ItemPeriod.ofKey("Ⅰ-3-1/meeting/2025-H1"))
        .contains(new ItemPeriod(ItemPeriod.Kind.HALF_YEAR, 2025, 1, 6));
    assertThat(ItemPeriod.ofKey("x/briefing/2025-08"))
        .contains(new ItemPeriod(ItemPeriod.Kind.MONTH, 2025, 8, 8));
    assertThat(ItemPeriod.ofKey("Ⅲ-1-2/annual-summary/2025"))
        .contains(new ItemPeriod(ItemPeriod.Kind.YEAR, 2025, 1, 12));
    assertThat(ItemPeriod.ofKey("Ⅱ-1-1/activity/2023-2025"))
        .contains(new ItemPeriod(ItemPeriod.Kind.WINDOW, 2025, 1, 12));
    assertThat(ItemPeriod.ofKey("Ⅳ-1/rules/upto-2025"))
        .contains(new ItemPeriod(ItemPeriod.Kind.WINDOW, 2025, 1, 12));
    assertThat(ItemPeriod.ofKey("Ⅳ-1/rules/whenever")).isEmpty();
    assertThat(ItemPeriod.ofKey("x/y/2025-13")).isEmpty();
    assertThat(ItemPeriod.ofKey(null)).isEmpty();
  }

  @Test
  void dueThisQuarterMeansThisQuartersPeriodsAndTheWholeYears() {
    ItemPeriod q3 = ItemPeriod.ofKey("a/b/2025-Q3").orElseThrow();
    assertThat(q3.dueInQuarterOrYear(2025, 3)).isTrue();
    assertThat(q3.dueInQuarterOrYear(2025, 4)).isFalse();
    assertThat(q3.dueInQuarterOrYear(2026, 3)).isFalse();
    ItemPeriod h2 = ItemPeriod.ofKey("a/b/2025-H2").orElseThrow();
    assertThat(h2.dueInQuarterOrYear(2025, 3)).isTrue();
    assertThat(h2.dueInQuarterOrYear(2025, 2)).isFalse();
    assertThat(ItemPeriod.ofKey("a/b/2025-09").orElseThrow().dueInQuarterOrYear(2025, 3)).isTrue();
    assertThat(ItemPeriod.ofKey("a/b/2025-10").orElseThrow().dueInQuarterOrYear(2025, 3)).isFalse();
    assertThat(ItemPeriod.ofKey("a/b/2025").orElseThrow().dueInQuarterOrYear(2025, 1)).isTrue();
    assertThat(ItemPeriod.ofKey("a/b/2023-2025").orElseThrow().dueInQuarterOrYear(2025, 2))
        .isTrue();
  }
}
