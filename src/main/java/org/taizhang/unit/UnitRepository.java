package org.taizhang.unit;

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

  public List<Unit> findAll() {
    return jdbc.sql("select code, name, unit_type, parent_code from unit order by code")
        .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  public Optional<Unit> find(String code) {
    return jdbc.sql("select code, name, unit_type, parent_code from unit where code = ?")
        .param(code)
        .query((rs, n) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  /** Inserts or updates units; parents are written before children so the foreign key holds. */
  @Transactional
  public int saveAll(List<Unit> units) {
    int changed = 0;
    for (Unit u : UnitTree.parentsFirst(units)) {
      int updated = jdbc.sql("update unit set name = ?, unit_type = ?, parent_code = ? where code = ?")
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
