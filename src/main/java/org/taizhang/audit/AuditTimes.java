package org.taizhang.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How audit times are stored and shown. The database holds UTC wall-clock time, so the rows mean the
 * same thing whatever zone the server or database runs in; people read and filter by Beijing time,
 * the county's own, regardless of the server's zone.
 */
final class AuditTimes {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private AuditTimes() {}

  static LocalDateTime stored(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant fromStored(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }

  /** The first moment of a local day, as stored. */
  static LocalDateTime startOf(LocalDate day) {
    return stored(day.atStartOfDay(ZONE).toInstant());
  }

  static String shown(Instant at) {
    return SHOWN.format(at.atZone(ZONE));
  }
}
