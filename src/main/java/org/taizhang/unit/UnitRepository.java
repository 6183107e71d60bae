package org.taizhang.unit;

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

/** Units as stored in the database, the source of truth once imported. */
@Repository
public class UnitRepository {
  private final JdbcClient jdbc;

  UnitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String COLUMNS = "code, name, unit_type, parent_code, active";

  /** Every unit, deactivated ones included (their archives stay readable). */
  public List<Unit> findAll() {
    return jdbc.sql("select " + COLUMNS + " from unit order by code")
        .query(UnitRepository::map)
        .list();
  }

  /** The units that take uploads and are judged. */
  public List<Unit> findActive() {
    return jdbc.sql("select " + COLUMNS + " from unit where active order by code")
        .query(UnitRepository::map)
        .list();
  }

  public Optional<Unit> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from unit where code = ?")
        .param(code)
        .query(UnitRepository::map)
        .optional();
  }

  private static Unit map(ResultSet rs, int n) throws SQLException {
    return new Unit(
        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5));
  }

  /** Deactivates or reactivates a unit, remembering who deactivated it and when. */
  void setActive(String code, boolean active, String by, Instant at) {
    jdbc.sql("update unit set active = ?, deactivated_at = ?, deactivated_by = ? where code = ?")
        .params(
            active,
            active ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC),
            active ? null : by,
            code)
        .update();
  }

  /**
   * Inserts or updates units (name, type, parent; whether a unit is active is left as it is);
   * parents are written before children so the foreign key holds.
   */
  @Transactional
  public int saveAll(List<Unit> units) {
    int changed = 0;
    for (Unit u : UnitTree.parentsFirst(units)) {
      int updated =
          jdbc.sql("update unit set name = ?, unit_type = ?, parent_code = ? where code = ?")
              .params(u.name(), u.type(), u.parentCode(), u.code())
              .update();
      if (updated == 0) {
        jdbc.sql("insert into unit(code, name, unit_type, parent_code) values (?, ?, ?, ?)")
            .params(u.code(), u.name(), u.type(), u.parentCode())
            .update();
      }
      changed++;
    }
    return changed;
  }
}
