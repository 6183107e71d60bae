package org.taizhang.ingest;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Facts about the installation kept in the database, such as when the sample archive was imported.
 */
@Repository
class AppState {
  private final JdbcClient jdbc;

  AppState(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> get(String name) {
    return jdbc.sql("select state_value from app_state where name = ?")
        .param(name)
        .query(String.class)
        .optional();
  }

  void put(String name, String value) {
    if (jdbc.sql("update app_state set state_value = ? where name = ?").params(value, name).update()
        == 0) {
      jdbc.sql("insert into app_state(name, state_value) values (?, ?)")
          .params(name, value)
          .update();
    }
  }
}
