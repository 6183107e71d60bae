package org.taizhang.tools.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Date wording as Chinese offices write it, and the time zone every file date is in. */
final class ChineseDateWords {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final String[] DIGITS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  private static final String[] WEEKDAYS = {"一", "二", "三", "四", "五", "六", "日"};

  private ChineseDateWords() {}

  /** 2025年3月12日 */
  static String full(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** 3月12日 */
  static String monthDay(LocalDate date) {
    return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** 2025年3月12日上午9:00 */
  static String withTime(LocalDateTime time) {
    int hour = time.getHour();
    String half = hour < 12 ? "上午" : "下午";
    int shown = hour <= 12 ? hour : hour - 12;
    return full(time.toLocalDate()) + half + shown + ":" + String.format("%02d", time.getMinute());
  }

  /** （星期三） */
  static String weekday(LocalDate date) {
    return "星期" + WEEKDAYS[date.getDayOfWeek().getValue() - 1];
  }

  /** 2025-04-18, the way phone photo names and many file names start. */
  static String iso(LocalDate date) {
    return date.toString();
  }

  /** 一 … 十二, enough for quarters, issue numbers and months. */
  static String numeral(int n) {
    if (n <= 10) {
      return DIGITS[n];
    }
    if (n < 20) {
      return "十" + DIGITS[n - 10];
    }
    return DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
  }

  /** Offices meet and issue documents on working days. */
  static LocalDate workday(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    if (d == DayOfWeek.SATURDAY) {
      return date.plusDays(2);
    }
    if (d == DayOfWeek.SUNDAY) {
      return date.plusDays(1);
    }
    return date;
  }

  static ZonedDateTime at(LocalDate date, int hour, int minute) {
    return date.atTime(hour, minute).atZone(ZONE);
  }
}
