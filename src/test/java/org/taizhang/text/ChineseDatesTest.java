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
    assertThat(ChineseDates.inDocumentHead("只有一个日期 2024年5月6日", 400))
        .contains(LocalDate.of(2024, 5, 6));
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
    assertThat(ChineseDates.parsePeriod("2025年第五季度")).isEmpty();
    assertThat(ChineseDates.parsePeriod("2025年中半年")).isEmpty();
    assertThat(ChineseDates.parsePeriod("第三季度")).isEmpty();
    assertThat(ChineseDates.parsePeriod("2025年5月至2025年3月"))
        .as("a span ending before it starts")
        .isEmpty();
  }

  private static ChineseDates.Period period(String first, String last) {
    return new ChineseDates.Period(LocalDate.parse(first), LocalDate.parse(last));
  }

  @Test
  void parsesQuartersHalfYearsAndWholeYearsTypedByAUser() {
    assertThat(ChineseDates.parsePeriod("2025年第三季度")).contains(period("2025-07-01", "2025-09-30"));
    assertThat(ChineseDates.parsePeriod("2025年三季度")).contains(period("2025-07-01", "2025-09-30"));
    assertThat(ChineseDates.parsePeriod("2025Q4")).contains(period("2025-10-01", "2025-12-31"));
    assertThat(ChineseDates.parsePeriod("2025年上半年")).contains(period("2025-01-01", "2025-06-30"));
    assertThat(ChineseDates.parsePeriod("2025年下半年")).contains(period("2025-07-01", "2025-12-31"));
    assertThat(ChineseDates.parsePeriod("2025年度")).contains(period("2025-01-01", "2025-12-31"));
    assertThat(ChineseDates.parsePeriod("２０２５年第一季度")).contains(period("2025-01-01", "2025-03-31"));
  }

  @Test
  void readsThePeriodATitleStates() {
    assertThat(ChineseDates.stated("2025年第三季度创建工作会议记录.jpg"))
        .contains(period("2025-07-01", "2025-09-30"));
    assertThat(ChineseDates.stated("2024年第1季度会议签到表")).contains(period("2024-01-01", "2024-03-31"));
    assertThat(ChineseDates.stated("2025年度第四季度工作简报"))
        .as("the finer period wins")
        .contains(period("2025-10-01", "2025-12-31"));
    assertThat(ChineseDates.stated("文明创建工作简报 2025Q2.pdf"))
        .contains(period("2025-04-01", "2025-06-30"));
    assertThat(ChineseDates.stated("2025年上半年文明创建工作小结.docx"))
        .contains(period("2025-01-01", "2025-06-30"));
    assertThat(ChineseDates.stated("2025年下半年志愿服务总结")).contains(period("2025-07-01", "2025-12-31"));
    assertThat(ChineseDates.stated("2025年度文明创建目标责任书.pdf"))
        .contains(period("2025-01-01", "2025-12-31"));
    assertThat(ChineseDates.stated("2025年文明村创建工作实施方案.docx"))
        .contains(period("2025-01-01", "2025-12-31"));
    assertThat(ChineseDates.stated("2025年7月工作简报")).contains(period("2025-07-01", "2025-07-31"));
    assertThat(ChineseDates.stated("2025年11月份志愿服务")).contains(period("2025-11-01", "2025-11-30"));
    assertThat(ChineseDates.stated("工作简报2025-07.docx"))
        .contains(period("2025-07-01", "2025-07-31"));
    assertThat(ChineseDates.stated("文明创建工作简报（2024年第2期）.txt"))
        .as("第2期 is an issue, the year still stands")
        .contains(period("2024-01-01", "2024-12-31"));
    assertThat(ChineseDates.stated("２０２５年第二季度会议记录")).contains(period("2025-04-01", "2025-06-30"));
  }

  @Test
  void aDayASpanOfYearsOrNoYearStatesNoPeriod() {
    assertThat(ChineseDates.stated("2025年7月3日会议记录")).isEmpty();
    assertThat(ChineseDates.stated("2025-07-03 志愿服务活动.jpg")).isEmpty();
    assertThat(ChineseDates.stated("2025.7.3 检查记录")).isEmpty();
    assertThat(ChineseDates.stated("IMG_20250815_093000.jpg")).isEmpty();
    assertThat(ChineseDates.stated("青禾县文明创建规划（2021-2025年）")).isEmpty();
    assertThat(ChineseDates.stated("2024年至2025年创建规划")).isEmpty();
    assertThat(ChineseDates.stated("第三季度会议记录")).isEmpty();
    assertThat(ChineseDates.stated("志愿服务活动照片.jpg")).isEmpty();
    assertThat(ChineseDates.stated("20xx年第x季度会议记录")).isEmpty();
    assertThat(ChineseDates.stated(null)).isEmpty();
  }

  @Test
  void namesPeriodsAsOfficesWriteThem() {
    assertThat(ChineseDates.label(period("2025-07-01", "2025-09-30"))).isEqualTo("2025年第三季度");
    assertThat(ChineseDates.label(period("2025-01-01", "2025-03-31"))).isEqualTo("2025年第一季度");
    assertThat(ChineseDates.label(period("2025-01-01", "2025-06-30"))).isEqualTo("2025年上半年");
    assertThat(ChineseDates.label(period("2025-07-01", "2025-12-31"))).isEqualTo("2025年下半年");
    assertThat(ChineseDates.label(period("2025-01-01", "2025-12-31"))).isEqualTo("2025年度");
    assertThat(ChineseDates.label(period("2024-02-01", "2024-02-29"))).isEqualTo("2024年2月");
    assertThat(ChineseDates.label(period("2025-03-12", "2025-03-12"))).isEqualTo("2025年3月12日");
    assertThat(ChineseDates.label(period("2025-03-01", "2025-04-15")))
        .isEqualTo("2025年3月1日至2025年4月15日");
    // Every label reads back as the period it names.
    for (String s :
        new String[] {
          "2025年第二季度", "2025年下半年", "2025年度", "2025年7月", "2025年3月12日", "2025年3月1日至2025年4月15日"
        }) {
      assertThat(ChineseDates.label(ChineseDates.parsePeriod(s).orElseThrow())).isEqualTo(s);
    }
  }
}
