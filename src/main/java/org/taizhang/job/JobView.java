package org.taizhang.job;

import java.time.Duration;
import java.time.Instant;

/** A job as shown to people: counts, rate (items and MB per second), time taken and time left. */
public record JobView(
    long id,
    String name,
    String startedBy,
    Instant startedAt,
    Job.State state,
    long done,
    long total,
    long bytes,
    double perSecond,
    double megabytesPerSecond,
    Duration elapsed,
    Duration left,
    String outcome) {

  public int percent() {
    return total <= 0
        ? (state == Job.State.RUNNING ? 0 : 100)
        : (int) Math.min(100, done * 100 / total);
  }

  /** “2 分 05 秒” — how a duration reads in a progress line. */
  public static String format(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " 秒";
    }
    if (s < 3600) {
      return String.format("%d 分 %02d 秒", s / 60, s % 60);
    }
    return String.format("%d 小时 %02d 分", s / 3600, (s % 3600) / 60);
  }
}
