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

  private static ChineseDates.Stated stated(String text) {
    return ChineseDates.statedIn(text).orElseThrow(() -> new AssertionError("no date in " + text));
  }

  @Test
  void theSignatureAtTheEndOfAFormalDocumentIsItsDate() {
    String notice =
        "临河县教育局文件\n临教发〔2024〕3号\n关于成立创建工作领导小组的通知\n各学校：\n"
            + "定于2024年3月20日召开动员会，请准时参加。\n临河县教育局\n2024年3月5日\n";
    ChineseDates.Stated s = stated(notice);
    assertThat(s.day()).isEqualTo(LocalDate.of(2024, 3, 5));
    assertThat(s.place()).isEqualTo(ChineseDates.Place.SIGNATURE);
    assertThat(stated("关于表彰的决定\n经研究，决定表彰。\n城关镇人民政府\n二〇二〇年十二月十五日").day())
        .isEqualTo(LocalDate.of(2020, 12, 15));
    assertThat(stated("公约\n第一条 文明用语。\n河口村村委会 二○一九年十月八日").day())
        .isEqualTo(LocalDate.of(2019, 10, 8));
  }

  @Test
  void aMonthOnlyIsAMonthAndNoDay() {
    ChineseDates.Stated s = stated("工作总结\n一年来……\n柳林村村民委员会\n2019年7月");
    assertThat(s.monthOnly()).isTrue();
    assertThat(s.period())
        .isEqualTo(new ChineseDates.Period(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 7, 31)));
    assertThat(stated("说明\n特此说明。\n二〇二〇年十二月").period().first()).isEqualTo(LocalDate.of(2020, 12, 1));
    assertThat(stated("会议记录\n时间：2024年3月\n地点：会议室").monthOnly()).isTrue();
  }

  @Test
  void aRangeIsItsFirstDayAndItsPeriod() {
    ChineseDates.Stated s = stated("活动记录\n时间：2024年3月1日至3月5日\n地点：社区广场");
    assertThat(s.day()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(s.period())
        .isEqualTo(new ChineseDates.Period(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 5)));
    assertThat(stated("活动时间：2024年3月28日—4月2日").period().last()).isEqualTo(LocalDate.of(2024, 4, 2));
  }

  @Test
  void aLabelledFieldDatesAMeetingButNotABirthday() {
    assertThat(stated("会议记录\n会议时间：2024年5月6日上午\n主持人：王某").day()).isEqualTo(LocalDate.of(2024, 5, 6));
    assertThat(stated("推荐表\n出生日期：1980年5月6日\n填表日期：2024年4月1日\n所在单位意见：同意").day())
        .isEqualTo(LocalDate.of(2024, 4, 1));
  }

  @Test
  void statesNothingWhenNothingIsStated() {
    assertThat(ChineseDates.statedIn("请假条\n本人因事请假一天。\n请于3月20日前报送。")).isEmpty();
    assertThat(ChineseDates.statedIn("会议记录\n时间：    年   月   日\n地点：会议室")).isEmpty();
    // the date of a document it cites is not its own
    assertThat(
            ChineseDates.statedIn(
                "2025年志愿服务工作计划\n根据县文明委2024年11月12日印发的《关于深化文明创建工作的意见》精神，制定本计划。\n一、每月开展一次志愿服务。"))
        .isEmpty();
    // nor is a date in a row of a table
    assertThat(ChineseDates.statedIn("采购台账\n序号\t项目\t计划结束采购时间\n1\t打印纸\t2024年3月")).isEmpty();
  }
}
