package org.taizhang.completeness;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a missing item belongs to, read from the last part of its stable key ({@code
 * 指标/类别/期间}: {@code 2025-Q3}, {@code 2025-H1}, {@code 2025-08}, {@code 2025}, {@code 2023-2025} for
 * a three-year window, {@code upto-2025} for standing rules). Keys in any other form have no known
 * period.
 *
 * @param kind how long the period is
 * @param year the year the period ends in
 * @param firstMonth its first month within {@code year} (1 for a window)
 * @param lastMonth its last month (12 for a year or a window)
 */
public record ItemPeriod(Kind kind, int year, int firstMonth, int lastMonth) {
  public enum Kind {
    MONTH,
    QUARTER,
    HALF_YEAR,
    YEAR,
    /** Several years, or not time-limited: due by the end of {@code year}. */
    WINDOW;

    /** Shorter than a year: a period of its own within the year. */
    public boolean subYear() {
      return this == MONTH || this == QUARTER || this == HALF_YEAR;
    }
  }

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern RANGE = Pattern.compile("(\\d{4})-(\\d{4})");
  private static final Pattern UPTO = Pattern.compile("upto-(\\d{4})");

  public static Optional<ItemPeriod> ofKey(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    String p = key.substring(key.lastIndexOf('/') + 1).strip();
    Matcher m;
    if ((m = QUARTER.matcher(p)).matches()) {
      int q = Integer.parseInt(m.group(2));
      return Optional.of(new ItemPeriod(Kind.QUARTER, year(m), q * 3 - 2, q * 3));
    }
    if ((m = HALF.matcher(p)).matches()) {
      int h = Integer.parseInt(m.group(2));
      return Optional.of(new ItemPeriod(Kind.HALF_YEAR, year(m), h == 1 ? 1 : 7, h == 1 ? 6 : 12));
    }
    if ((m = RANGE.matcher(p)).matches()) {
      return Optional.of(new ItemPeriod(Kind.WINDOW, Integer.parseInt(m.group(2)), 1, 12));
    }
    if ((m = MONTH.matcher(p)).matches()) {
      int month = Integer.parseInt(m.group(2));
      return month >= 1 && month <= 12
          ? Optional.of(new ItemPeriod(Kind.MONTH, year(m), month, month))
          : Optional.empty();
    }
    if ((m = YEAR.matcher(p)).matches()) {
      return Optional.of(new ItemPeriod(Kind.YEAR, year(m), 1, 12));
    }
    if ((m = UPTO.matcher(p)).matches()) {
      return Optional.of(new ItemPeriod(Kind.WINDOW, year(m), 1, 12));
    }
    return Optional.empty();
  }

  private static int year(Matcher m) {
    return Integer.parseInt(m.group(1));
  }

  /**
   * Whether the item is due within the given quarter (1–4) of {@code y}, or is one for the whole
   * year.
   */
  public boolean dueInQuarterOrYear(int y, int quarter) {
    if (year != y) {
      return false;
    }
    if (!kind.subYear()) {
      return true;
    }
    int first = quarter * 3 - 2;
    int last = quarter * 3;
    return firstMonth <= last && lastMonth >= first;
  }
}
