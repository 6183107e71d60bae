package org.taizhang.rendition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code rendition} table: per content hash, whether it was converted (with its page count and
 * converter) or failed (with the reason). A document whose content has no row is still to be
 * converted, which is how the backlog survives a restart.
 */
@Repository
class RenditionTable {
  /** What the table says about one content. */
  record Row(RenditionState state, Integer pages, String converter, String error) {}

  private static final String CURRENT = "d.superseded_by is null and d.deleted_at is null";

  private final JdbcClient jdbc;

  RenditionTable(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Row> find(String sha256) {
    return jdbc.sql("select state, pages, converter, error from rendition where sha256 = ?")
        .param(sha256)
        .query(
            (rs, n) ->
                new Row(
                    RenditionState.valueOf(rs.getString("state")),
                    (Integer) rs.getObject("pages", Integer.class),
                    rs.getString("converter"),
                    rs.getString("error")))
        .optional();
  }

  void ready(String sha256, int pages, String converter, long millis) {
    put(sha256, RenditionState.READY, pages, converter, null, millis);
  }

  void failed(String sha256, String converter, String error, long millis) {
    put(sha256, RenditionState.FAILED, null, converter, error, millis);
  }

  private void put(
      String sha256,
      RenditionState state,
      Integer pages,
      String converter,
      String error,
      long millis) {
    String detail = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    Timestamp now = Timestamp.from(Instant.now());
    // update, then insert: one statement both H2 and PostgreSQL accept; a lost race is harmless
    int updated =
        jdbc.sql(
                "update rendition set state = ?, pages = ?, converter = ?, error = ?, millis = ?, updated_at = ? where sha256 = ?")
            .params(state.name(), pages, converter, detail, millis, now, sha256)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "insert into rendition(sha256, state, pages, converter, error, millis, updated_at) values (?, ?, ?, ?, ?, ?, ?)")
            .params(sha256, state.name(), pages, converter, detail, millis, now)
            .update();
      } catch (org.springframework.dao.DuplicateKeyException e) {
        // converted at the same moment by another thread: its row stands
      }
    }
  }

  /**
   * Current documents that {@link Kinds#SQL} selects whose content has no row yet, after {@code
   * afterId}, oldest first: the next ones to convert.
   */
  List<Long> unconverted(long afterId, int limit) {
    return jdbc.sql(
            "select d.id from document d where d.id > ? and "
                + CURRENT
                + " and "
                + Kinds.SQL
                + " and not exists (select 1 from rendition r where r.sha256 = d.sha256)"
                + " order by d.id fetch first "
                + limit
                + " rows only")
        .param(afterId)
        .query(Long.class)
        .list();
  }

  /** How many contents of current documents wait for their first conversion. */
  long countUnconverted() {
    return jdbc.sql(
            "select count(distinct d.sha256) from document d where "
                + CURRENT
                + " and "
                + Kinds.SQL
                + " and not exists (select 1 from rendition r where r.sha256 = d.sha256)")
        .query(Long.class)
        .single();
  }

  /** Contents no document refers to any more (purged from the recycle bin). */
  List<String> unreferenced() {
    return jdbc.sql(
            "select r.sha256 from rendition r where not exists"
                + " (select 1 from document d where d.sha256 = r.sha256)")
        .query(String.class)
        .list();
  }

  void delete(String sha256) {
    jdbc.sql("delete from rendition where sha256 = ?").param(sha256).update();
  }

  /** Rows by state, for the admin page. */
  long count(RenditionState state) {
    return jdbc.sql("select count(*) from rendition where state = ?")
        .param(state.name())
        .query(Long.class)
        .single();
  }
}
