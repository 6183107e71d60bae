package org.taizhang.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates in Chinese administrative writing: {@code 2025年3月12日}, {@code 2025-03-12},
 * {@code 2025.3.12}, {@code 2025/3/12} and {@code 20250312}. Full-width digits count as digits.
 * Placeholders of unfilled templates ({@code 20xx年x月x日}) are not dates and are never matched.
 */
public final class ChineseDates {
  private static final Pattern DATE = Pattern.compile(
      "(?<![0-9])((?:19|20)[0-9]{2})\\s*(?:年\\s*([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*[日号]"
          + "|[-./]([0-9]{1,2})[-./]([0-9]{1,2})(?![0-9])"
          + "|([01][0-9])([0-3][0-9])(?![0-9]))");
  // Periods a user types: a year, or a year and a month.
  private static final Pattern YEAR_ONLY = Pattern.compile("((?:19|20)[0-9]{2})\\s*年?");
  private static final Pattern YEAR_MONTH = Pattern.compile(
      "((?:19|20)[0-9]{2})\\s*(?:年\\s*([0-9]{1,2})\\s*月(?:份)?|[-./]([0-9]{1,2}))");
  private static final Pattern LABELLED = Pattern.compile("(?:时间|日期|时 间|日 期)\\s*[:：]");

  private ChineseDates() {}

  /** The first valid date in the text, if any. */
  public static Optional<LocalDate> first(CharSequence text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = DATE.matcher(halfWidthDigits(text));
    while (m.find()) {
      Optional<LocalDate> d = toDate(m);
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  /** How much of a document's beginning is its head, where it states its own date. */
  public static final int HEAD_CHARS = 400;

  /** The date a document is about, read from its first {@link #HEAD_CHARS} characters. */
  public static Optional<LocalDate> inDocumentHead(String text) {
    return inDocumentHead(text, HEAD_CHARS);
  }

  /**
   * The date a document is about: the date after a label such as {@code 时间：} when the head of the
   * text has one (meeting records and activity records do), otherwise the first date in the head.
   */
  public static Optional<LocalDate> inDocumentHead(String text, int headChars) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String head = text.substring(0, Math.min(text.length(), headChars));
    Matcher label = LABELLED.matcher(head);
    if (label.find()) {
      int end = Math.min(head.length(), label.end() + 40);
      Optional<LocalDate> d = first(head.substring(label.end(), end));
      if (d.isPresent()) {
        return d;
      }
    }
    return first(head);
  }

  private static Optional<LocalDate> toDate(Matcher m) {
    int year = Integer.parseInt(m.group(1));
    String month = m.group(2) != null ? m.group(2) : m.group(4) != null ? m.group(4) : m.group(6);
    String day = m.group(3) != null ? m.group(3) : m.group(5) != null ? m.group(5) : m.group(7);
    try {
      return Optional.of(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** Parses a date given by a user or a client: any single form recognised above. */
  public static Optional<LocalDate> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = halfWidthDigits(value.strip()).toString();
    Matcher m = DATE.matcher(v);
    if (m.find() && m.start() == 0 && m.end() == v.length()) {
      return toDate(m);
    }
    return Optional.empty();
  }

  /** A span of whole days, both ends included: one day, one month or one year. */
  public record Period(LocalDate first, LocalDate last) {}

  /**
   * Parses a period given by a user: a day in any form {@link #parse} accepts, a month
   * ({@code 2025-03}, {@code 2025-3}, {@code 2025.3}, {@code 2025/03}, {@code 2025年3月}) or a year
   * ({@code 2025}, {@code 2025年}). Full-width digits count as digits. Empty for anything else.
   */
  public static Optional<Period> parsePeriod(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = halfWidthDigits(value.strip()).toString();
    Optional<LocalDate> day = parse(v);
    if (day.isPresent()) {
      return Optional.of(new Period(day.get(), day.get()));
    }
    Matcher m = YEAR_MONTH.matcher(v);
    if (m.matches()) {
      int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
      if (month < 1 || month > 12) {
        return Optional.empty();
      }
      LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
      return Optional.of(new Period(first, first.plusMonths(1).minusDays(1)));
    }
    m = YEAR_ONLY.matcher(v);
    if (m.matches()) {
      int year = Integer.parseInt(m.group(1));
      return Optional.of(new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }
    return Optional.empty();
  }

  private static final Pattern MONTH_DAY = Pattern.compile("([0-9一二三四五六七八九十]{1,3})\\s*月\\s*([0-9一二三四五六七八九十]{1,3})\\s*[日号]");
  private static final String NUMERALS = "〇一二三四五六七八九";

  /**
   * Parses a day of the year without a year, as people write it: {@code 9月14日}, {@code 09月14号},
   * {@code 九月十四日}. Empty for anything else, also for a full date (see {@link #parse}).
   */
  public static Optional<MonthDay> parseMonthDay(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Matcher m = MONTH_DAY.matcher(halfWidthDigits(value.strip()));
    if (!m.matches()) {
      return Optional.empty();
    }
    int month = number(m.group(1));
    int day = number(m.group(2));
    try {
      return Optional.of(MonthDay.of(month, day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** 1 … 31 in Chinese numerals as dates are written: 九, 十四, 二十, 三十一. */
  public static String chineseNumeral(int n) {
    if (n < 0 || n > 99) {
      throw new IllegalArgumentException("only 0 to 99: " + n);
    }
    if (n < 10) {
      return String.valueOf(NUMERALS.charAt(n));
    }
    String tens = n < 20 ? "十" : NUMERALS.charAt(n / 10) + "十";
    return n % 10 == 0 ? tens : tens + NUMERALS.charAt(n % 10);
  }

  /** Arabic digits, or Chinese numerals up to 九十九; -1 when neither. */
  private static int number(String s) {
    if (s.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(s);
    }
    int ten = s.indexOf('十');
    if (ten < 0) {
      return s.length() == 1 ? NUMERALS.indexOf(s.charAt(0)) : -1;
    }
    int tens = ten == 0 ? 1 : ten == 1 ? NUMERALS.indexOf(s.charAt(0)) : -1;
    int units = ten == s.length() - 1 ? 0 : ten == s.length() - 2 ? NUMERALS.indexOf(s.charAt(ten + 1)) : -1;
    return tens < 1 || units < 0 ? -1 : tens * 10 + units;
  }

  private static CharSequence halfWidthDigits(CharSequence s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '０' && c <= '９') {
        if (sb == null) {
          sb = new StringBuilder(s);
        }
        sb.setCharAt(i, (char) ('0' + (c - '０')));
      }
    }
    return sb == null ? s : sb;
  }
}
