package org.taizhang.remind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The in-app notification centre: what each person was told, newest first, read or not. The page
 * header shows the unread count on every page through {@link #unread}.
 */
@Service
public class Notifications {
  static final int PAGE = 100;
  private static final int TITLE_MAX = 300;
  private static final int BODY_MAX = 4000;

  private final JdbcClient jdbc;
  private final Clock clock;

  Notifications(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** How many of the person's notifications are unread; 0 for nobody. */
  public long unread(String username) {
    if (username == null) {
      return 0;
    }
    return jdbc.sql("select count(*) from notification where username = ? and read_at is null")
        .param(username)
        .query(Long.class)
        .single();
  }

  /**
   * Tells {@code username} something once: a second call with the same kind and key does nothing.
   * True when the notification is new.
   */
  boolean add(
      String username, ReminderKind kind, String key, String title, String body, String link) {
    try {
      jdbc.sql(
              "insert into notification(username, kind, dedupe_key, title, body, link, created_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?)")
          .params(
              username,
              kind.name(),
              Outbox.clip(key, 300),
              Outbox.clip(title, TITLE_MAX),
              Outbox.clip(body, BODY_MAX),
              link,
              ReminderStore.stored(clock.instant()))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  /** The person's latest notifications, newest first. */
  List<Notification> latest(String username, int limit) {
    return jdbc.sql(
            "select id, kind, title, body, link, created_at, read_at from notification"
                + " where username = ? order by created_at desc, id desc limit ?")
        .params(username, limit)
        .query(Notifications::map)
        .list();
  }

  /** Marks one of the person's notifications read; false when it is not theirs or not there. */
  boolean markRead(String username, long id) {
    return jdbc.sql(
                "update notification set read_at = coalesce(read_at, ?) where id = ? and username = ?")
            .params(ReminderStore.stored(clock.instant()), id, username)
            .update()
        > 0;
  }

  int markAllRead(String username) {
    return jdbc.sql("update notification set read_at = ? where username = ? and read_at is null")
        .params(ReminderStore.stored(clock.instant()), username)
        .update();
  }

  private static Notification map(ResultSet rs, int n) throws SQLException {
    return new Notification(
        rs.getLong("id"),
        ReminderKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("body"),
        rs.getString("link"),
        ReminderStore.instant(rs, "created_at"),
        ReminderStore.instant(rs, "read_at"));
  }
}
