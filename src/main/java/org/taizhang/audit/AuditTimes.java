package org.taizhang.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * How audit times are stored. The database holds UTC wall-clock time, so the rows mean the same
 * thing whatever zone the server or database runs in; people read and filter by the office's zone
 * ({@link org.taizhang.time.OfficeTime}), like every other time they see.
 */
final class AuditTimes {
  private AuditTimes() {}

  static LocalDateTime stored(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant fromStored(LocalDateTime utc) {
    return utc.toInstant(ZoneOffset.UTC);
  }

  /** The first moment of a day of the office's calendar, as stored. */
  static LocalDateTime startOf(LocalDate day, ZoneId zone) {
    return stored(day.atStartOfDay(zone).toInstant());
  }
}
