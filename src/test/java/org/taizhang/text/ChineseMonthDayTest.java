package org.taizhang.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.MonthDay;
import org.junit.jupiter.api.Test;

/** A day of the year without its year, as searches type it and records write it. */
class ChineseMonthDayTest {
  @Test
  void parsesArabicAndChineseNumerals() {
    assertThat(ChineseDates.parseMonthDay("9月14日")).contains(MonthDay.of(9, 14));
    assertThat(ChineseDates.parseMonthDay("09月14号")).contains(MonthDay.of(9, 14));
    assertThat(ChineseDates.parseMonthDay("９月１４日")).contains(MonthDay.of(9, 14));
    assertThat(ChineseDates.parseMonthDay("九月十四日")).contains(MonthDay.of(9, 14));
    assertThat(ChineseDates.parseMonthDay("十二月三十一日")).contains(MonthDay.of(12, 31));
    assertThat(ChineseDates.parseMonthDay("二月二十九日")).contains(MonthDay.of(2, 29));
    assertThat(ChineseDates.parseMonthDay("七月二十三日")).contains(MonthDay.of(7, 23));
  }

  @Test
  void rejectsWhatIsNoDayOfTheYear() {
    assertThat(ChineseDates.parseMonthDay("2024年9月14日"))
        .as("a full date is ChineseDates.parse's")
        .isEmpty();
    assertThat(ChineseDates.parseMonthDay("13月1日")).isEmpty();
    assertThat(ChineseDates.parseMonthDay("2月30日")).isEmpty();
    assertThat(ChineseDates.parseMonthDay("九月")).isEmpty();
    assertThat(ChineseDates.parseMonthDay("十十月一日")).isEmpty();
    assertThat(ChineseDates.parseMonthDay("x月x日")).isEmpty();
    assertThat(ChineseDates.parseMonthDay("")).isEmpty();
    assertThat(ChineseDates.parseMonthDay(null)).isEmpty();
  }

  @Test
  void writesChineseNumeralsAsDatesUseThem() {
    assertThat(ChineseDates.chineseNumeral(9)).isEqualTo("九");
    assertThat(ChineseDates.chineseNumeral(10)).isEqualTo("十");
    assertThat(ChineseDates.chineseNumeral(14)).isEqualTo("十四");
    assertThat(ChineseDates.chineseNumeral(20)).isEqualTo("二十");
    assertThat(ChineseDates.chineseNumeral(31)).isEqualTo("三十一");
    assertThatThrownBy(() -> ChineseDates.chineseNumeral(100))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
