package org.taizhang.remind;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The office's reminder settings (schedule, robots) and each person's mutes, in the database. Times
 * are stored as UTC wall-clock time.
 */
@Repository
class ReminderStore {
  private static final String ROBOT_COLUMNS =
      "id, kind, name, url, secret, unit_code, enabled, created_by, created_at";

  private final JdbcClient jdbc;

  ReminderStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static LocalDateTime stored(Instant at) {
    return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  // ---- schedule

  Schedule schedule() {
    return jdbc.sql(
            "select frequency, day_of_week, send_hour, send_minute, due_days, effective_from, last_slot"
                + " from reminder_schedule where id = 1")
        .query(
            (rs, n) ->
                new Schedule(
                    Schedule.Frequency.valueOf(rs.getString("frequency")),
                    rs.getObject("day_of_week") == null
                        ? null
                        : DayOfWeek.of(rs.getInt("day_of_week")),
                    LocalTime.of(rs.getInt("send_hour"), rs.getInt("send_minute")),
                    rs.getInt("due_days"),
                    instant(rs, "effective_from"),
                    instant(rs, "last_slot")))
        .optional()
        .orElse(Schedule.NONE);
  }

  /** Saves the schedule; slots from {@code at} on are sent, earlier ones never. */
  void saveSchedule(Schedule s, String by, Instant at) {
    int updated =
        jdbc.sql(
                "update reminder_schedule set frequency = ?, day_of_week = ?, send_hour = ?,"
                    + " send_minute = ?, due_days = ?, effective_from = ?, updated_by = ?,"
                    + " updated_at = ? where id = 1")
            .params(
                s.frequency().name(),
                s.day().getValue(),
                s.at().getHour(),
                s.at().getMinute(),
                s.dueDays(),
                stored(at),
                by,
                stored(at))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into reminder_schedule(id, frequency, day_of_week, send_hour, send_minute,"
                  + " due_days, effective_from, updated_by, updated_at) values (1, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              s.frequency().name(),
              s.day().getValue(),
              s.at().getHour(),
              s.at().getMinute(),
              s.dueDays(),
              stored(at),
              by,
              stored(at))
          .update();
    }
  }

  /** Records that the deliveries of {@code slot} are queued. */
  void slotQueued(Instant slot) {
    jdbc.sql("update reminder_schedule set last_slot = ? where id = 1")
        .param(stored(slot))
        .update();
  }

  // ---- robots

  List<Robot> robots() {
    return jdbc.sql(
            "select " + ROBOT_COLUMNS + " from reminder_robot order by unit_code nulls first, id")
        .query(ReminderStore::robot)
        .list();
  }

  Optional<Robot> robot(long id) {
    return jdbc.sql("select " + ROBOT_COLUMNS + " from reminder_robot where id = ?")
        .param(id)
        .query(ReminderStore::robot)
        .optional();
  }

  long addRobot(
      Robot.Kind kind,
      String name,
      String url,
      String secret,
      String unitCode,
      String by,
      Instant at) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into reminder_robot(kind, name, url, secret, unit_code, enabled, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, true, ?, ?)")
        .params(kind.name(), name, url, secret, unitCode, by, stored(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  boolean setRobotEnabled(long id, boolean enabled) {
    return jdbc.sql("update reminder_robot set enabled = ? where id = ?")
            .params(enabled, id)
            .update()
        > 0;
  }

  boolean deleteRobot(long id) {
    return jdbc.sql("delete from reminder_robot where id = ?").param(id).update() > 0;
  }

  private static Robot robot(ResultSet rs, int n) throws SQLException {
    return new Robot(
        rs.getLong("id"),
        Robot.Kind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        rs.getString("url"),
        rs.getString("secret"),
        rs.getString("unit_code"),
        rs.getBoolean("enabled"),
        rs.getString("created_by"),
        instant(rs, "created_at"));
  }

  // ---- mutes

  Set<ReminderKind> mutes(String username) {
    Set<ReminderKind> out = EnumSet.noneOf(ReminderKind.class);
    jdbc.sql("select kind from reminder_mute where username = ?")
        .param(username)
        .query(String.class)
        .list()
        .forEach(
            k -> {
              try {
                out.add(ReminderKind.valueOf(k));
              } catch (IllegalArgumentException e) {
                // a kind of a later version: nothing this version sends
              }
            });
    return out;
  }

  void setMutes(String username, Set<ReminderKind> muted) {
    jdbc.sql("delete from reminder_mute where username = ?").param(username).update();
    for (ReminderKind k : muted) {
      jdbc.sql("insert into reminder_mute(username, kind) values (?, ?)")
          .params(username, k.name())
          .update();
    }
  }
}
