package org.taizhang.remind;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When the office sends digests: never, every day or once a week at a time of the office's day, and
 * how near a return's deadline must be to count as due soon. A slot is one scheduled moment; it
 * identifies a digest, so the same slot is never sent twice.
 *
 * @param effectiveFrom when the schedule was saved: slots before it are not sent late
 * @param lastSlot the latest slot whose deliveries were queued, or null
 */
record Schedule(
    Frequency frequency,
    DayOfWeek day,
    LocalTime at,
    int dueDays,
    Instant effectiveFrom,
    Instant lastSlot) {
  static final int MAX_DUE_DAYS = 60;

  /** How often digests go out. */
  enum Frequency {
    OFF("不发送"),
    DAILY("每天"),
    WEEKLY("每周");

    private final String label;

    Frequency(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Before an administrator has set anything: no digests. */
  static final Schedule NONE =
      new Schedule(Frequency.OFF, DayOfWeek.MONDAY, LocalTime.of(8, 0), 3, Instant.EPOCH, null);

  Schedule {
    day = day == null ? DayOfWeek.MONDAY : day;
  }

  /**
   * The latest slot at or before {@code now} in the office's zone, if any is due: none when off or
   * when that slot lies before the schedule was saved.
   */
  Optional<Instant> latestSlot(Instant now, ZoneId zone) {
    if (frequency == Frequency.OFF) {
      return Optional.empty();
    }
    ZonedDateTime z = now.atZone(zone);
    ZonedDateTime slot = z.toLocalDate().atTime(at).atZone(zone);
    if (frequency == Frequency.WEEKLY) {
      slot = slot.with(TemporalAdjusters.previousOrSame(day));
    }
    if (slot.isAfter(z)) {
      slot = frequency == Frequency.WEEKLY ? slot.minusWeeks(1) : slot.minusDays(1);
    }
    Instant s = slot.toInstant();
    return s.isBefore(effectiveFrom) ? Optional.empty() : Optional.of(s);
  }

  /** The slot before {@code slot}: what "since the last digest" starts from. */
  Instant previous(Instant slot, ZoneId zone) {
    ZonedDateTime z = slot.atZone(zone);
    return (frequency == Frequency.WEEKLY ? z.minusWeeks(1) : z.minusDays(1)).toInstant();
  }

  /** 每天 08:00, 每周一 08:00, 不发送. */
  public String describe() {
    return switch (frequency) {
      case OFF -> Frequency.OFF.label();
      case DAILY -> "每天 " + at;
      case WEEKLY -> "每" + weekday(day) + " " + at;
    };
  }

  static String weekday(DayOfWeek d) {
    return "周" + "一二三四五六日".charAt(d.getValue() - 1);
  }
}
