package org.taizhang.text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds calendar dates in Chinese administrative writing: {@code 2025年3月12日}, {@code 2025-03-12},
 * {@code 2025.3.12}, {@code 2025/3/12} and {@code 20250312}. Full-width digits count as digits.
 * Placeholders of unfilled templates ({@code 20xx年x月x日}) are not dates and are never matched. Also
 * reads the periods titles state instead of a day ({@code 2025年第三季度}, {@code 2025年上半年}, {@code
 * 2025年度}, {@code 2025年7月}, {@code 2025Q3}) and names a period the way offices write it.
 */
public final class ChineseDates {
  private static final Pattern DATE =
      Pattern.compile(
          "(?<![0-9])((?:19|20)[0-9]{2})\\s*(?:年\\s*([0-9]{1,2})\\s*月\\s*([0-9]{1,2})\\s*[日号]"
              + "|[-./]([0-9]{1,2})[-./]([0-9]{1,2})(?![0-9])"
              + "|([01][0-9])([0-3][0-9])(?![0-9]))");
  // Periods a user types: a year, or a year and a month.
  private static final Pattern YEAR_ONLY = Pattern.compile("((?:19|20)[0-9]{2})\\s*年?");
  private static final Pattern YEAR_MONTH =
      Pattern.compile("((?:19|20)[0-9]{2})\\s*(?:年\\s*([0-9]{1,2})\\s*月(?:份)?|[-./]([0-9]{1,2}))");
  private static final Pattern LABELLED = Pattern.compile("(?:时间|日期|时 间|日 期)\\s*[:：]");
  // Periods a title states. Each starts with the year; a finer one is looked for before a coarser
  // one, so 2025年度第三季度 is the quarter. A day (2025年7月3日) is a date, never a period.
  private static final String YEAR = "(?<![0-9])((?:19|20)[0-9]{2})";
  private static final Pattern STATED_QUARTER =
      Pattern.compile(
          YEAR
              + "\\s*(?:年\\s*度?)?\\s*(?:第\\s*([一二三四1-4])\\s*季度?|([一二三四1-4])\\s*季度|[-_ ]?[Qq]\\s*([1-4])(?![0-9]))");
  private static final Pattern STATED_HALF =
      Pattern.compile(
          YEAR + "\\s*(?:年\\s*度?)?\\s*(?:([上下])\\s*半\\s*年|[-_ ]?[Hh]\\s*([12])(?![0-9]))");
  private static final Pattern STATED_MONTH =
      Pattern.compile(
          YEAR
              + "(?:\\s*年\\s*([0-9]{1,2})\\s*月(?:\\s*份)?(?!\\s*[0-9])|[-.]([0-9]{1,2})(?![-./]?[0-9]))");
  private static final Pattern STATED_YEAR =
      Pattern.compile(YEAR + "\\s*(?:年\\s*度|年(?!\\s*[0-9])|全\\s*年)");
  private static final String RANGE_MARKS = "-—–~～至到";
  private static final String CHINESE_QUARTERS = "一二三四";

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

  /** Where in a document the date it states was found. */
  public enum Place {
    /** Its title: the first lines of the text. */
    TITLE,
    /** A labelled field (时间：, 会议时间：) or the head of the text. */
    TEXT,
    /** The 落款: the date under the issuing agency at the end of a formal document. */
    SIGNATURE
  }

  /**
   * The date a document states: a day ({@code period} is that day, or the span of a range such as
   * 2024年3月1日至3月5日 whose first day is {@code day}), or only a month ({@code day} null, {@code
   * period} the month) as in 2019年7月 or 二〇一九年七月.
   */
  public record Stated(LocalDate day, Period period, Place place) {
    public boolean monthOnly() {
      return day == null;
    }
  }

  // 落款 and labelled fields written in Chinese numerals: 二〇二〇年十二月十五日, 二○二○年十二月.
  private static final Pattern CHINESE_DATE =
      Pattern.compile(
          "([〇○零O一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月"
              + "(?:\\s*([一二三四五六七八九十]{1,3})\\s*([日号]))?");
  private static final Pattern MONTH_IN_TEXT =
      Pattern.compile(YEAR + "\\s*年\\s*([0-9]{1,2})\\s*月(?:\\s*份)?(?!\\s*[0-9])");
  // 至 3月5日, -5日, 至2024年3月5日: the end of a range that starts with the date before it
  private static final Pattern RANGE_END =
      Pattern.compile(
          "\\s*(?:至|到|—|－|-|~|～)\\s*(?:((?:19|20)[0-9]{2})\\s*年\\s*)?(?:([0-9]{1,2})\\s*月\\s*)?([0-9]{1,2})\\s*[日号]");
  // a date field: at the start of a line or a cell, optionally after the kind of event it dates;
  // 出生日期, 截止时间 or 入党时间 date something else
  private static final Pattern FIELD =
      Pattern.compile(
          "(?:^|[\\s|｜:：，,；;])(?:会议|活动|培训|检查|考核|督查|填表|填报|测评|签到|报告|调查|学习|座谈|讲座|慰问|宣传|成文|印发|发文|评审|发布|拍摄)?"
              + "(?:时\\s*间|日\\s*期)\\s*[:：]",
          Pattern.MULTILINE);

  private static final Pattern DATE_AT_END =
      Pattern.compile(
          "(?:[0-9]\\s*[日号]|[0-9]\\s*月|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2})\\s*[）)]?\\s*$");
  // a date another document was issued on, cited by this one: 根据县文明委2024年3月5日印发的《…》
  private static final Pattern CITED_BEFORE = Pattern.compile("(?:根据|按照|依据|依照|落实|贯彻)[^，。；]{0,12}$");
  private static final Pattern CITED_AFTER = Pattern.compile("^\\s*(?:印发|下发|发布|出台|颁布|制定|发出|的《|《)");

  private static final Pattern LABEL = Pattern.compile("(?:时\\s*间|日\\s*期)\\s*[:：]");
  private static final Pattern SIGNATURE_LABEL =
      Pattern.compile("^(?:填表|填报|成文|印发|报送|落款)?日\\s*期\\s*[:：]");

  /** How many of the last lines may hold the 落款. */
  private static final int SIGNATURE_LINES = 6;

  /** How many of the first lines may hold the title. */
  private static final int TITLE_LINES = 3;

  /** How much of the beginning is looked at for a labelled date field. */
  private static final int FIELD_CHARS = 1200;

  /**
   * The date a document's text states about itself, or empty: the 落款 at its end, else a labelled
   * field (时间：…), else a day in its title lines, else the first day in its head; a month only
   * (2019年7月) when no day is stated in those places. Chinese numerals (二〇二〇年十二月十五日) count. A date
   * merely mentioned in the body (请于3月20日前报送) is not the document's date, and nothing is taken from
   * file metadata.
   */
  public static Optional<Stated> statedIn(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = normalize(text);
    List<String> lines = t.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    Optional<Stated> signature = signature(lines);
    if (signature.isPresent() && !signature.get().monthOnly()) {
      return signature;
    }
    String head = t.substring(0, Math.min(t.length(), FIELD_CHARS));
    Optional<Stated> field = field(head);
    if (field.isPresent() && !field.get().monthOnly()) {
      return field;
    }
    // title lines: short, no sentences (a dated line under a briefing's title, 2024年5月6日印发)
    String titleLines =
        String.join(
            "\n",
            lines.subList(0, Math.min(TITLE_LINES, lines.size())).stream()
                .filter(
                    l -> l.length() <= 40 && l.indexOf('\t') < 0 && !l.matches(".*[，。；？！,;?!].*"))
                .toList());
    Optional<Stated> title = uncitedDayIn(titleLines, Place.TITLE);
    if (title.isPresent()) {
      return title;
    }
    Optional<Stated> inHead =
        uncitedDayIn(t.substring(0, Math.min(t.length(), HEAD_CHARS)), Place.TEXT);
    if (inHead.isPresent()) {
      return inHead;
    }
    return signature.or(() -> field).or(() -> monthIn(titleLines, Place.TITLE));
  }

  private static Optional<Stated> signature(List<String> lines) {
    for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - SIGNATURE_LINES); i--) {
      String line = lines.get(i);
      // a row of a table (cells apart by tabs) is no 落款, whatever dates its cells hold
      if (line.length() > 40 || line.indexOf('\t') >= 0) {
        continue;
      }
      // the line ends with the date, perhaps after the agency or a label (日期：): no sentence
      // around it, and no line of a wrapped paragraph that happens to end near one
      if (line.matches(".*[，。；？！,;?!《》].*") || !DATE_AT_END.matcher(line).find()) {
        continue;
      }
      // a field of a record (活动时间：) is read as a field; only the date the document was made
      // (日期：, 填表日期：) stands as its 落款
      if (LABEL.matcher(line).find() && !SIGNATURE_LABEL.matcher(line).find()) {
        continue;
      }
      Optional<Stated> d = dayIn(line, Place.SIGNATURE).or(() -> monthIn(line, Place.SIGNATURE));
      if (d.isPresent()) {
        return d;
      }
    }
    return Optional.empty();
  }

  private static Optional<Stated> field(String head) {
    Matcher label = FIELD.matcher(head);
    Optional<Stated> month = Optional.empty();
    while (label.find()) {
      String value = head.substring(label.end(), Math.min(head.length(), label.end() + 40));
      int eol = value.indexOf('\n');
      if (eol >= 0) {
        value = value.substring(0, eol);
      }
      Optional<Stated> d = dayIn(value, Place.TEXT);
      if (d.isPresent()) {
        return d;
      }
      if (month.isEmpty()) {
        month = monthIn(value, Place.TEXT);
      }
    }
    return month;
  }

  private static Optional<Stated> dayIn(String text, Place place) {
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      Optional<LocalDate> d = toDate(m);
      if (d.isPresent()) {
        return Optional.of(new Stated(d.get(), rangeFrom(d.get(), text, m.end()), place));
      }
    }
    return Optional.empty();
  }

  /** The first day in the text that is not a date of another document it cites. */
  private static Optional<Stated> uncitedDayIn(String text, Place place) {
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      Optional<LocalDate> d = toDate(m);
      if (d.isEmpty()
          || CITED_BEFORE.matcher(text.substring(Math.max(0, m.start() - 20), m.start())).find()
          || CITED_AFTER
              .matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 4)))
              .find()) {
        continue;
      }
      return Optional.of(new Stated(d.get(), rangeFrom(d.get(), text, m.end()), place));
    }
    return Optional.empty();
  }

  private static Period rangeFrom(LocalDate start, String text, int at) {
    Matcher end = RANGE_END.matcher(text);
    end.region(at, text.length());
    if (end.lookingAt()) {
      try {
        LocalDate last =
            LocalDate.of(
                end.group(1) == null ? start.getYear() : Integer.parseInt(end.group(1)),
                end.group(2) == null ? start.getMonthValue() : Integer.parseInt(end.group(2)),
                Integer.parseInt(end.group(3)));
        if (last.isAfter(start) && !last.isAfter(start.plusYears(1))) {
          return new Period(start, last);
        }
      } catch (DateTimeException e) {
        // no range after all
      }
    }
    return new Period(start, start);
  }

  private static Optional<Stated> monthIn(String text, Place place) {
    Matcher m = MONTH_IN_TEXT.matcher(text);
    while (m.find()) {
      if (partOfRange(text, m.start(), m.end())) {
        continue;
      }
      int month = Integer.parseInt(m.group(2));
      if (month >= 1 && month <= 12) {
        LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
        return Optional.of(
            new Stated(null, new Period(first, first.plusMonths(1).minusDays(1)), place));
      }
    }
    return Optional.empty();
  }

  /** Half-width digits, and dates in Chinese numerals written in Arabic ones. */
  private static String normalize(String text) {
    String t = halfWidthDigits(text).toString();
    Matcher m = CHINESE_DATE.matcher(t);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      StringBuilder year = new StringBuilder();
      for (char c : m.group(1).toCharArray()) {
        year.append(c == '〇' || c == '○' || c == '零' || c == 'O' ? 0 : NUMERALS.indexOf(c));
      }
      int month = number(m.group(2));
      int day = m.group(3) == null ? 0 : number(m.group(3));
      String arabic =
          month < 1
              ? m.group()
              : year + "年" + month + "月" + (m.group(3) == null ? "" : day + m.group(4));
      m.appendReplacement(out, Matcher.quoteReplacement(arabic));
    }
    m.appendTail(out);
    return out.toString();
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

  /** A span of whole days, both ends included: a day, a month, a quarter, a half-year or a year. */
  public record Period(LocalDate first, LocalDate last) {
    public Period {
      if (first == null || last == null || last.isBefore(first)) {
        throw new IllegalArgumentException("时段无效：" + first + " 至 " + last);
      }
    }

    public boolean contains(LocalDate d) {
      return d != null && !d.isBefore(first) && !d.isAfter(last);
    }

    /** The year both ends lie in, or null when the period spans years. */
    public Integer year() {
      return first.getYear() == last.getYear() ? first.getYear() : null;
    }
  }

  /**
   * Parses a period given by a user: a day in any form {@link #parse} accepts, a month ({@code
   * 2025-03}, {@code 2025-3}, {@code 2025.3}, {@code 2025/03}, {@code 2025年3月}), a quarter or
   * half-year ({@code 2025年第三季度}, {@code 2025Q3}, {@code 2025年上半年}) or a year ({@code 2025}, {@code
   * 2025年}, {@code 2025年度}), or a span of two of these joined by 至. Full-width digits count as
   * digits. Empty for anything else.
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
    int to = v.indexOf('至');
    if (to > 0) {
      // 2025年3月1日至2025年4月15日, as label() names a span that has no name of its own
      Optional<Period> from = parsePeriod(v.substring(0, to));
      Optional<Period> until = parsePeriod(v.substring(to + 1));
      return from.isPresent()
              && until.isPresent()
              && !until.get().last().isBefore(from.get().first())
          ? Optional.of(new Period(from.get().first(), until.get().last()))
          : Optional.empty();
    }
    for (Pattern p : new Pattern[] {STATED_QUARTER, STATED_HALF}) {
      Matcher stated = p.matcher(v);
      if (stated.matches()) {
        return Optional.of(statedPeriod(p, stated));
      }
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
    for (Pattern p : new Pattern[] {YEAR_ONLY, STATED_YEAR}) {
      m = p.matcher(v);
      if (m.matches()) {
        return Optional.of(year(Integer.parseInt(m.group(1))));
      }
    }
    return Optional.empty();
  }

  /**
   * The period a title or file name states instead of a day: a quarter ({@code 2025年第三季度}, {@code
   * 2025年三季度}, {@code 2025Q3}), a half-year ({@code 2025年上半年}, {@code 2025H2}), a month ({@code
   * 2025年7月}, {@code 2025-07}) or a year ({@code 2025年度}, {@code 2025年}). The finest one wins. A
   * span of years ({@code 2021-2025年}) states none, and neither does a day: that is a date ({@link
   * #first}). Empty when the text states no period: nothing is guessed.
   */
  public static Optional<Period> stated(CharSequence text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = halfWidthDigits(text).toString();
    for (Pattern p : new Pattern[] {STATED_QUARTER, STATED_HALF, STATED_MONTH, STATED_YEAR}) {
      Matcher m = p.matcher(t);
      while (m.find()) {
        if (partOfRange(t, m.start(), m.end())) {
          continue;
        }
        Period period = statedPeriod(p, m);
        if (period != null) {
          return Optional.of(period);
        }
      }
    }
    return Optional.empty();
  }

  private static Period statedPeriod(Pattern p, Matcher m) {
    int year = Integer.parseInt(m.group(1));
    if (p == STATED_QUARTER) {
      String q = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      int quarter =
          Character.isDigit(q.charAt(0))
              ? q.charAt(0) - '0'
              : CHINESE_QUARTERS.indexOf(q.charAt(0)) + 1;
      LocalDate first = LocalDate.of(year, quarter * 3 - 2, 1);
      return new Period(first, first.plusMonths(3).minusDays(1));
    }
    if (p == STATED_HALF) {
      boolean firstHalf = m.group(2) != null ? m.group(2).equals("上") : m.group(3).equals("1");
      return firstHalf
          ? new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30))
          : new Period(LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31));
    }
    if (p == STATED_MONTH) {
      int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
      if (month < 1 || month > 12) {
        return null;
      }
      LocalDate first = LocalDate.of(year, month, 1);
      return new Period(first, first.plusMonths(1).minusDays(1));
    }
    return year(year);
  }

  /**
   * Whether the year at {@code start..end} is one end of a span such as 2021-2025年 or 2024年至2025年.
   */
  private static boolean partOfRange(String t, int start, int end) {
    int before = start - 1;
    while (before >= 0 && t.charAt(before) == ' ') {
      before--;
    }
    if (before >= 1 && RANGE_MARKS.indexOf(t.charAt(before)) >= 0) {
      char c =
          t.charAt(before - 1) == ' ' && before >= 2 ? t.charAt(before - 2) : t.charAt(before - 1);
      if (Character.isDigit(c) || c == '年') {
        return true;
      }
    }
    int after = end;
    while (after < t.length() && t.charAt(after) == ' ') {
      after++;
    }
    if (after < t.length() - 1 && RANGE_MARKS.indexOf(t.charAt(after)) >= 0) {
      String rest = t.substring(after + 1).stripLeading();
      return !rest.isEmpty() && Character.isDigit(rest.charAt(0));
    }
    return false;
  }

  private static Period year(int year) {
    return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /**
   * A period as offices write it: 2025年3月12日, 2025年7月, 2025年第三季度, 2025年上半年, 2025年度; any other span
   * as 2025年3月1日至2025年4月15日.
   */
  public static String label(Period p) {
    LocalDate a = p.first();
    LocalDate b = p.last();
    if (a.equals(b)) {
      return day(a);
    }
    boolean wholeMonths =
        a.getDayOfMonth() == 1
            && b.equals(b.withDayOfMonth(b.lengthOfMonth()))
            && a.getYear() == b.getYear();
    if (wholeMonths) {
      int from = a.getMonthValue();
      int to = b.getMonthValue();
      if (from == 1 && to == 12) {
        return a.getYear() + "年度";
      }
      if (from == to) {
        return a.getYear() + "年" + from + "月";
      }
      if (to - from == 2 && from % 3 == 1) {
        return a.getYear() + "年第" + CHINESE_QUARTERS.charAt(from / 3) + "季度";
      }
      if (to - from == 5 && (from == 1 || from == 7)) {
        return a.getYear() + (from == 1 ? "年上半年" : "年下半年");
      }
    }
    return day(a) + "至" + day(b);
  }

  private static String day(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  private static final Pattern MONTH_DAY =
      Pattern.compile("([0-9一二三四五六七八九十]{1,3})\\s*月\\s*([0-9一二三四五六七八九十]{1,3})\\s*[日号]");
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
    int units =
        ten == s.length() - 1
            ? 0
            : ten == s.length() - 2 ? NUMERALS.indexOf(s.charAt(ten + 1)) : -1;
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

  /**
   * An archive year as a person writes it (2025, 2025年, 2025年度), within the years an archive can
   * have.
   */
  public static Optional<Integer> archiveYear(String value) {
    String y = value == null ? "" : value.strip().replaceFirst("\\s*年\\s*度?$", "");
    if (!y.matches("[0-9]{4}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(y);
    return n >= 1990 && n <= 2100 ? Optional.of(n) : Optional.empty();
  }
}
