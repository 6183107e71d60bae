package org.taizhang.remind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every sending, written before it is attempted. The unique key (channel, recipient, kind, period)
 * turns a second attempt to queue the same digest — after a restart, from a second sweep — into
 * nothing; a failed sending waits for its next try with growing back-off, and is given up after the
 * last.
 */
@Repository
class Outbox {
  /** The wait after the n-th failed attempt; after the last, the sending is given up. */
  static final List<Duration> BACKOFF =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(6));

  static final int MAX_ATTEMPTS = BACKOFF.size() + 1;
  static final int ERROR_MAX = 1000;
  private static final int SUBJECT_MAX = 300;

  private static final String COLUMNS =
      "id, channel, recipient, kind, period_key, address, subject, body, state, attempts,"
          + " last_error, next_try_at, created_at, sent_at";

  private final JdbcClient jdbc;

  Outbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Queues a sending, due at once; false when the same one (channel, recipient, kind, period) was
   * queued before, whatever became of it.
   */
  boolean enqueue(
      Delivery.Channel channel,
      String recipient,
      ReminderKind kind,
      String periodKey,
      String address,
      String subject,
      String body,
      Instant now) {
    try {
      jdbc.sql(
              "insert into reminder_outbox(channel, recipient, kind, period_key, address, subject,"
                  + " body, state, attempts, next_try_at, created_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
          .params(
              channel.name(),
              recipient,
              kind.name(),
              periodKey,
              address,
              clip(subject, SUBJECT_MAX),
              body,
              ReminderStore.stored(now),
              ReminderStore.stored(now))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** Pending sendings whose time has come, oldest first. */
  List<Delivery> due(Instant now, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from reminder_outbox where state = 'PENDING' and next_try_at <= ?"
                + " order by next_try_at, id limit ?")
        .params(ReminderStore.stored(now), limit)
        .query(Outbox::map)
        .list();
  }

  void sent(long id, int attempts, Instant at) {
    jdbc.sql(
            "update reminder_outbox set state = 'SENT', attempts = ?, sent_at = ?, last_error = null"
                + " where id = ?")
        .params(attempts, ReminderStore.stored(at), id)
        .update();
  }

  /** Records a failed attempt: retried at {@code next}, or given up when {@code next} is null. */
  void failed(long id, int attempts, String error, Instant next) {
    jdbc.sql(
            "update reminder_outbox set state = ?, attempts = ?, last_error = ?, next_try_at ="
                + " coalesce(?, next_try_at) where id = ?")
        .params(
            next == null ? "FAILED" : "PENDING",
            attempts,
            clip(error, ERROR_MAX),
            ReminderStore.stored(next),
            id)
        .update();
  }

  /** A given-up sending is tried again at {@code now}, with its attempts counted anew. */
  boolean retry(long id, Instant now) {
    return jdbc.sql(
                "update reminder_outbox set state = 'PENDING', attempts = 0, next_try_at = ?"
                    + " where id = ? and state = 'FAILED'")
            .params(ReminderStore.stored(now), id)
            .update()
        > 0;
  }

  /**
   * What still waits or was given up, for the jobs page: pending first, then failed, newest first.
   */
  List<Delivery> unsent(int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from reminder_outbox where state <> 'SENT'"
                + " order by state desc, next_try_at, id desc limit ?")
        .param(limit)
        .query(Outbox::map)
        .list();
  }

  long count(Delivery.State state) {
    return jdbc.sql("select count(*) from reminder_outbox where state = ?")
        .param(state.name())
        .query(Long.class)
        .single();
  }

  /** Every sending, newest first (tests and support). */
  List<Delivery> all() {
    return jdbc.sql("select " + COLUMNS + " from reminder_outbox order by id")
        .query(Outbox::map)
        .list();
  }

  /** The wait after {@code attempts} failed attempts, or null when it is time to give up. */
  static Duration backoff(int attempts) {
    return attempts >= MAX_ATTEMPTS ? null : BACKOFF.get(Math.max(0, attempts - 1));
  }

  static String clip(String s, int max) {
    if (s == null) {
      return null;
    }
    String t = s.replace("\0", "");
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }

  private static Delivery map(ResultSet rs, int n) throws SQLException {
    return new Delivery(
        rs.getLong("id"),
        Delivery.Channel.valueOf(rs.getString("channel")),
        rs.getString("recipient"),
        ReminderKind.valueOf(rs.getString("kind")),
        rs.getString("period_key"),
        rs.getString("address"),
        rs.getString("subject"),
        rs.getString("body"),
        Delivery.State.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        ReminderStore.instant(rs, "next_try_at"),
        ReminderStore.instant(rs, "created_at"),
        ReminderStore.instant(rs, "sent_at"));
  }
}
