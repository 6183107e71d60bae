package org.taizhang.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The office's clock and how its times are written for people. One zone ({@code
 * taizhang.time-zone}, Beijing time by default) for every page, export, PDF and API answer,
 * whatever zone the server runs in: a county office reads 14:30 for an upload made at 14:30 its
 * time, on every screen.
 */
public final class OfficeTime {
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Clock clock;

  /**
   * @param clock the office's clock; its zone is the office's zone
   */
  public OfficeTime(Clock clock) {
    this.clock = clock;
  }

  /**
   * The office's clock for the named zone, or a Chinese explanation of what is wrong with the name.
   */
  public static Clock clock(String zone) {
    try {
      return Clock.system(ZoneId.of(zone == null ? "" : zone.strip()));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "taizhang.time-zone 设置有误：“" + zone + "”不是有效的时区名称（例如 Asia/Shanghai）", e);
    }
  }

  public ZoneId zone() {
    return clock.getZone();
  }

  public Clock clock() {
    return clock;
  }

  /** The office's today: what decides whether a deadline has passed. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The office's wall-clock time now (when an export was made). */
  public LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  /** 2025-11-02 16:00 in the office's zone; null for null. */
  public String minutes(Instant at) {
    return at == null ? null : MINUTES.format(at.atZone(zone()));
  }

  /** 2025-11-02 16:00:05 in the office's zone; null for null. */
  public String seconds(Instant at) {
    return at == null ? null : SECONDS.format(at.atZone(zone()));
  }

  /**
   * A wall-clock time that already is local (an export's time, a photo's EXIF time), written the
   * same way.
   */
  public static String minutes(LocalDateTime t) {
    return t == null ? null : MINUTES.format(t);
  }

  /** A wall-clock time that already is local, with seconds. */
  public static String seconds(LocalDateTime t) {
    return t == null ? null : SECONDS.format(t);
  }

  /** The instant with the office's offset, as the API writes it (2025-11-02T16:00:00+08:00). */
  public OffsetDateTime offset(Instant at) {
    return at == null ? null : at.atZone(zone()).toOffsetDateTime();
  }
}
