package org.taizhang.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write sizes, times and positions. Exposed to the templates as {@code fmt}, because
 * Thymeleaf 3.1 no longer lets templates call static helpers.
 */
final class PageFormat {
  static final PageFormat INSTANCE = new PageFormat(ZoneId.systemDefault());

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DATE_TIME_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  // Upload times are instants; an office reads them in its own time zone, which is the server's.
  private final ZoneId zone;

  PageFormat(ZoneId zone) {
    this.zone = zone;
  }

  /** 1 234 字节, 12.3 KB, 4.5 MB: exact bytes only where a unit would round to zero. */
  public String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " 字节";
    }
    double kb = bytes / 1024.0;
    if (kb < 1024) {
      return oneDecimal(kb) + " KB";
    }
    double mb = kb / 1024.0;
    if (mb < 1024) {
      return oneDecimal(mb) + " MB";
    }
    return oneDecimal(mb / 1024.0) + " GB";
  }

  /** 12.3, but 100 rather than 100.0: a configured limit of 100MB should read as such. */
  private static String oneDecimal(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  public String dateTime(LocalDateTime t) {
    return t == null ? null : DATE_TIME.format(t);
  }

  public String instant(Instant t) {
    return t == null ? null : DATE_TIME_MINUTES.format(t.atZone(zone));
  }

  /** 北纬 31.230416°，东经 121.473701° — the way a reviewer would write it in a note. */
  public String gps(Double latitude, Double longitude) {
    if (latitude == null || longitude == null) {
      return null;
    }
    return String.format(Locale.ROOT, "%s %.6f°，%s %.6f°",
        latitude < 0 ? "南纬" : "北纬", Math.abs(latitude), longitude < 0 ? "西经" : "东经", Math.abs(longitude));
  }

  /** Full-width spaces keep an indented unit name readable inside a select, where CSS cannot indent. */
  public String indent(int depth) {
    return "\u3000".repeat(Math.max(0, depth));
  }
}
