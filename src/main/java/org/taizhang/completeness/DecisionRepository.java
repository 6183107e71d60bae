package org.taizhang.completeness;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The durable copy of explanations, grade overrides, hand grades and vetoes (V4__completeness.sql,
 * V6__verdicts.sql). Rows from before V6 have no name of their author: it is read from the account,
 * or the login name stands for it.
 */
@Repository
class DecisionRepository {
  private final JdbcClient jdbc;

  DecisionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Decisions.ExplanationRow> explanations() {
    return jdbc.sql(
            "select id, unit_code, eval_year, item_key, reason, deadline, created_by, created_at from completeness_explanation")
        .query(
            (rs, n) ->
                new Decisions.ExplanationRow(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  /** The author's name: as recorded, else the account's, else the login name. */
  private static final String BY_NAME =
      "coalesce(d.created_by_name, (select u.display_name from app_user u where u.username = d.created_by), d.created_by)";

  List<Decisions.OverrideRow> overrides() {
    return jdbc.sql(
            "select d.unit_code, d.eval_year, d.indicator_code, d.grade_code, d.reason, d.created_by, "
                + BY_NAME
                + ", d.created_at from completeness_override d")
        .query(
            (rs, n) ->
                new Decisions.OverrideRow(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    Grade.valueOf(rs.getString(4).strip()),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant()))
        .list();
  }

  List<Decisions.VetoRow> vetoes() {
    return jdbc.sql(
            "select d.unit_code, d.eval_year, d.veto_code, d.reason, d.created_by, "
                + BY_NAME
                + ", d.created_at from completeness_veto d")
        .query(
            (rs, n) ->
                new Decisions.VetoRow(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  List<Decisions.HandGradeRow> handGrades() {
    return jdbc.sql(
            "select d.unit_code, d.eval_year, d.indicator_code, d.grade_code, d.note, d.assessed_on, d.created_by, "
                + BY_NAME
                + ", d.created_at from completeness_hand_grade d")
        .query(
            (rs, n) ->
                new Decisions.HandGradeRow(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getString(3),
                    Grade.valueOf(rs.getString(4).strip()),
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getTimestamp(9).toInstant()))
        .list();
  }

  @Transactional
  void save(Decisions.HandGradeRow h) {
    deleteHandGrade(h.unit(), h.year(), h.indicator());
    jdbc.sql(
            "insert into completeness_hand_grade(unit_code, eval_year, indicator_code, grade_code, note, assessed_on, created_by,"
                + " created_by_name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            h.unit(),
            h.year(),
            h.indicator(),
            h.grade().name(),
            h.note(),
            h.assessedOn(),
            h.by(),
            h.byName(),
            Timestamp.from(h.at()))
        .update();
  }

  boolean deleteHandGrade(String unit, int year, String indicator) {
    return jdbc.sql(
                "delete from completeness_hand_grade where unit_code = ? and eval_year = ? and indicator_code = ?")
            .params(unit, year, indicator)
            .update()
        > 0;
  }

  /** Stores an explanation, replacing an earlier one for the same item; returns it with its id. */
  @Transactional
  Decisions.ExplanationRow save(
      String unit,
      int year,
      String itemKey,
      String reason,
      LocalDate deadline,
      String by,
      Instant at) {
    jdbc.sql(
            "delete from completeness_explanation where unit_code = ? and eval_year = ? and item_key = ?")
        .params(unit, year, itemKey)
        .update();
    jdbc.sql(
            "insert into completeness_explanation(unit_code, eval_year, item_key, reason, deadline, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(unit, year, itemKey, reason, deadline, by, Timestamp.from(at))
        .update();
    long id =
        jdbc.sql(
                "select id from completeness_explanation where unit_code = ? and eval_year = ? and item_key = ?")
            .params(unit, year, itemKey)
            .query(Long.class)
            .single();
    return new Decisions.ExplanationRow(id, unit, year, itemKey, reason, deadline, by, at);
  }

  @Transactional
  void save(Decisions.OverrideRow o) {
    delete(o.unit(), o.year(), o.indicator());
    jdbc.sql(
            "insert into completeness_override(unit_code, eval_year, indicator_code, grade_code, reason, created_by, created_by_name,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            o.unit(),
            o.year(),
            o.indicator(),
            o.grade().name(),
            o.reason(),
            o.by(),
            o.byName(),
            Timestamp.from(o.at()))
        .update();
  }

  boolean delete(String unit, int year, String indicator) {
    return jdbc.sql(
                "delete from completeness_override where unit_code = ? and eval_year = ? and indicator_code = ?")
            .params(unit, year, indicator)
            .update()
        > 0;
  }

  @Transactional
  void save(Decisions.VetoRow v) {
    deleteVeto(v.unit(), v.year(), v.code());
    jdbc.sql(
            "insert into completeness_veto(unit_code, eval_year, veto_code, reason, created_by, created_by_name, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?)")
        .params(
            v.unit(), v.year(), v.code(), v.reason(), v.by(), v.byName(), Timestamp.from(v.at()))
        .update();
  }

  boolean deleteVeto(String unit, int year, String code) {
    return jdbc.sql(
                "delete from completeness_veto where unit_code = ? and eval_year = ? and veto_code = ?")
            .params(unit, year, code)
            .update()
        > 0;
  }
}
