package org.taizhang.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.taizhang.time.OfficeTime;

/**
 * How the pages write sizes, times and positions. Exposed to every template as {@code fmt}, because
 * Thymeleaf 3.1 no longer lets templates call static helpers.
 */
@Component
final class PageFormat {
  // Upload times are instants; an office reads them in its own zone (taizhang.time-zone), not the
  // server's.
  private final OfficeTime time;

  PageFormat(OfficeTime time) {
    this.time = time;
  }

  /** Puts {@code fmt} into the model of every page. */
  @ControllerAdvice
  static class Advice {
    private final PageFormat format;

    Advice(PageFormat format) {
      this.format = format;
    }

    @ModelAttribute("fmt")
    PageFormat fmt() {
      return format;
    }
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

  /** A wall-clock time that is already local (a photo's EXIF time), as it is. */
  public String dateTime(LocalDateTime t) {
    return OfficeTime.seconds(t);
  }

  /** An instant in the office's zone, to the minute. */
  public String instant(Instant t) {
    return time.minutes(t);
  }

  /** An instant in the office's zone, to the second. */
  public String seconds(Instant t) {
    return time.seconds(t);
  }

  /** 北纬 31.230416°，东经 121.473701° — the way a reviewer would write it in a note. */
  public String gps(Double latitude, Double longitude) {
    if (latitude == null || longitude == null) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%s %.6f°，%s %.6f°",
        latitude < 0 ? "南纬" : "北纬",
        Math.abs(latitude),
        longitude < 0 ? "西经" : "东经",
        Math.abs(longitude));
  }

  /**
   * Full-width spaces keep an indented unit name readable inside a select, where CSS cannot indent.
   */
  public String indent(int depth) {
    return "\u3000".repeat(Math.max(0, depth));
  }
}
