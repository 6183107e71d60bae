package org.taizhang.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChineseDatesTest {
  @Test
  void findsTheFormsOfficesWrite() {
    assertThat(ChineseDates.first("会议于2025年3月12日召开")).contains(LocalDate.of(2025, 3, 12));
    assertThat(ChineseDates.first("2025-04-18 学雷锋志愿服务活动.jpg")).contains(LocalDate.of(2025, 4, 18));
    assertThat(ChineseDates.first("scan_20240905.pdf")).contains(LocalDate.of(2024, 9, 5));
    assertThat(ChineseDates.first("2024.11.3 检查记录")).contains(LocalDate.of(2024, 11, 3));
    assertThat(ChineseDates.first("２０２５年６月１日")).contains(LocalDate.of(2025, 6, 1));
    assertThat(ChineseDates.first("2025 年 7 月 1 日")).contains(LocalDate.of(2025, 7, 1));
  }

  @Test
  void ignoresPlaceholdersAndImpossibleDates() {
    assertThat(ChineseDates.first("时间：20xx年x月x日")).isEmpty();
    assertThat(ChineseDates.first("2025年2月30日")).isEmpty();
    assertThat(ChineseDates.first("编号 120250312")).isEmpty();
    assertThat(ChineseDates.first("2025年第三季度")).isEmpty();
  }

  @Test
  void prefersTheLabelledDateInADocumentHead() {
    String text = "青教发〔2025〕3号 2025年1月5日印发\n时间：2025年3月12日 上午9:00\n地点：三楼会议室";
    assertThat(ChineseDates.inDocumentHead(text, 400)).contains(LocalDate.of(2025, 3, 12));
    assertThat(ChineseDates.inDocumentHead("只有一个日期 2024年5月6日", 400)).contains(LocalDate.of(2024, 5, 6));
  }

  @Test
  void parsesWholeValuesOnly() {
    assertThat(ChineseDates.parse("2025-03-12")).contains(LocalDate.of(2025, 3, 12));
    assertThat(ChineseDates.parse("2025年3月12日")).contains(LocalDate.of(2025, 3, 12));
    assertThat(ChineseDates.parse("大约2025-03-12")).isEmpty();
    assertThat(ChineseDates.parse("去年")).isEmpty();
  }

  @Test
  void parsesPeriodsOfADayAMonthOrAYear() {
    assertThat(ChineseDates.parsePeriod("2025-03-12"))
        .contains(new ChineseDates.Period(LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 12)));
    assertThat(ChineseDates.parsePeriod("2025年3月12日"))
        .contains(new ChineseDates.Period(LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 12)));
    assertThat(ChineseDates.parsePeriod("2025-03"))
        .contains(new ChineseDates.Period(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)));
    assertThat(ChineseDates.parsePeriod("2024-2"))
        .contains(new ChineseDates.Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
    assertThat(ChineseDates.parsePeriod("2025年6月"))
        .contains(new ChineseDates.Period(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)));
    assertThat(ChineseDates.parsePeriod("2025.11"))
        .contains(new ChineseDates.Period(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30)));
    assertThat(ChineseDates.parsePeriod("2025"))
        .contains(new ChineseDates.Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
    assertThat(ChineseDates.parsePeriod("２０２５年"))
        .contains(new ChineseDates.Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
  }

  @Test
  void rejectsWhatIsNoPeriod() {
    assertThat(ChineseDates.parsePeriod("2025-13")).isEmpty();
    assertThat(ChineseDates.parsePeriod("2025-02-30")).isEmpty();
    assertThat(ChineseDates.parsePeriod("25")).isEmpty();
    assertThat(ChineseDates.parsePeriod("去年")).isEmpty();
    assertThat(ChineseDates.parsePeriod("")).isEmpty();
    assertThat(ChineseDates.parsePeriod("2025年第三季度")).isEmpty();
  }
}
