package org.taizhang.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every version of the configuration offices change in the browser (evaluation systems, the
 * category list), in the text format of their files, and which file contents have been taken as a
 * version (V7__config_versions_units.sql). Versions are appended, never changed: a rollback is a
 * new version with an old text, so the history says who went back, and when.
 */
@Repository
public class ConfigVersions {
  /** Where a version came from, as the history shows it. */
  public static final String FROM_FILE = "配置文件";

  public static final String FROM_EDITOR = "网页编辑";
  public static final String FROM_EXCEL = "Excel 导入";
  public static final String ROLLBACK = "回滚";

  /** Column width of config_version.summary. */
  static final int SUMMARY_MAX = 4000;

  private static final String COLUMNS =
      "config_key, version_no, content, source, summary, created_by, created_at";

  private final JdbcClient jdbc;

  ConfigVersions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One version of one configuration.
   *
   * @param content the text, or null in a version that removed the configuration
   */
  public record Version(
      String key,
      int number,
      String content,
      String source,
      String summary,
      String by,
      Instant at) {
    public boolean removed() {
      return content == null;
    }
  }

  /**
   * The newest version of each key that starts with {@code prefix}, removed ones included, by key.
   */
  public List<Version> latest(String prefix) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from config_version v where config_key like ? escape '!' and version_no ="
                + " (select max(version_no) from config_version w where w.config_key = v.config_key) order by config_key")
        .param(like(prefix) + "%")
        .query((rs, n) -> map(rs))
        .list();
  }

  public Optional<Version> latestOf(String key) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from config_version where config_key = ? order by version_no desc")
        .param(key)
        .withMaxRows(1)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Every version of a key, newest first. */
  public List<Version> history(String key) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from config_version where config_key = ? order by version_no desc")
        .param(key)
        .query((rs, n) -> map(rs))
        .list();
  }

  public Optional<Version> version(String key, int number) {
    return jdbc.sql(
            "select " + COLUMNS + " from config_version where config_key = ? and version_no = ?")
        .params(key, number)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /**
   * Appends a version unless the newest one is not {@code expected} any more (someone else saved in
   * between): then nothing is written and the answer is empty. {@code expected} 0 means “no version
   * yet”.
   */
  @Transactional
  public Optional<Version> append(
      String key,
      int expected,
      String content,
      String source,
      String summary,
      String by,
      Instant at) {
    int newest =
        jdbc.sql("select coalesce(max(version_no), 0) from config_version where config_key = ?")
            .param(key)
            .query(Integer.class)
            .single();
    if (newest != expected) {
      return Optional.empty();
    }
    Version v = new Version(key, newest + 1, content, source, fit(summary), by, at);
    // the unique (config_key, version_no) constraint turns a concurrent append of the same number
    // away
    jdbc.sql("insert into config_version(" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
        .params(v.key(), v.number(), v.content(), v.source(), v.summary(), v.by(), stored(at))
        .update();
    return Optional.of(v);
  }

  /** The SHA-256 of the file last taken as a version of {@code key}. */
  public Optional<String> seededHash(String key) {
    return jdbc.sql("select content_hash from config_seed where config_key = ?")
        .param(key)
        .query(String.class)
        .optional()
        .map(String::strip);
  }

  @Transactional
  public void recordSeed(String key, String hash, Instant at) {
    jdbc.sql("delete from config_seed where config_key = ?").param(key).update();
    jdbc.sql("insert into config_seed(config_key, content_hash, seeded_at) values (?, ?, ?)")
        .params(key, hash, stored(at))
        .update();
  }

  private static Version map(ResultSet rs) throws SQLException {
    return new Version(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getObject(7, LocalDateTime.class).toInstant(ZoneOffset.UTC));
  }

  private static LocalDateTime stored(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static String like(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String fit(String summary) {
    String s = summary == null || summary.isBlank() ? "（无说明）" : summary.strip();
    return s.length() <= SUMMARY_MAX ? s : s.substring(0, SUMMARY_MAX - 1) + "…";
  }
}
