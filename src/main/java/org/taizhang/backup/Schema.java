package org.taizhang.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables of the connection's current schema as JDBC metadata describes them. Read from the
 * database rather than listed by hand, so a table a later migration adds is backed up without
 * anyone remembering to add it here.
 */
final class Schema {
  private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE");

  record Column(String name, ColumnType type, int jdbcType, boolean identity) {}

  /**
   * A foreign key from a table to itself, such as a unit's parent: rows must load parents first.
   */
  record SelfReference(String column, String referenced) {}

  record Table(
      String name,
      List<Column> columns,
      List<String> primaryKey,
      List<SelfReference> selfReferences) {
    Optional<Column> identity() {
      return columns.stream().filter(Column::identity).findFirst();
    }

    Optional<Column> column(String name) {
      return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
  }

  private Schema() {}

  /** Every table of the current schema, by name; an absent schema has none. */
  static List<String> tableNames(Connection c) throws SQLException {
    String schema = c.getSchema();
    if (schema == null) {
      return List.of();
    }
    DatabaseMetaData md = c.getMetaData();
    List<String> out = new ArrayList<>();
    try (ResultSet rs = md.getTables(c.getCatalog(), pattern(md, schema), "%", null)) {
      while (rs.next()) {
        if (schema.equals(rs.getString("TABLE_SCHEM"))
            && TABLE_TYPES.contains(rs.getString("TABLE_TYPE"))) {
          out.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Tables that are not the archive's data and stay out of backups: Flyway's history ({@code
   * history}, by its configured name) and what the running nodes keep in the database — sessions,
   * sign-in failures, the node registry, leases on background work and the change feed. A restored
   * instance starts with none of them: nobody signed in, no node registered, no work claimed.
   */
  static Set<String> notData(String history) {
    return Set.of(
        history,
        "spring_session",
        "spring_session_attributes",
        "login_failure",
        "node",
        "lease",
        "change_feed");
  }

  /**
   * The tables of the current schema but {@code excluded}, each after the tables its foreign keys
   * refer to (by name among equals, so the order is the same every time).
   */
  static List<Table> read(Connection c, Set<String> excluded) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String schema = c.getSchema();
    Map<String, Table> tables = new TreeMap<>();
    Map<String, Set<String>> dependsOn = new TreeMap<>();
    for (String name : tableNames(c)) {
      if (excluded.contains(name)) {
        continue;
      }
      List<Column> columns = new ArrayList<>();
      try (ResultSet rs =
          md.getColumns(c.getCatalog(), pattern(md, schema), pattern(md, name), "%")) {
        Map<Integer, Column> byPosition = new TreeMap<>();
        while (rs.next()) {
          if (!schema.equals(rs.getString("TABLE_SCHEM"))
              || !name.equals(rs.getString("TABLE_NAME"))) {
            continue;
          }
          int jdbcType = rs.getInt("DATA_TYPE");
          byPosition.put(
              rs.getInt("ORDINAL_POSITION"),
              new Column(
                  rs.getString("COLUMN_NAME"),
                  ColumnType.of(
                      jdbcType,
                      name + "." + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")),
                  jdbcType,
                  "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
        }
        columns.addAll(byPosition.values());
      }
      Map<Integer, String> key = new TreeMap<>();
      try (ResultSet rs = md.getPrimaryKeys(c.getCatalog(), schema, name)) {
        while (rs.next()) {
          key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
      }
      List<SelfReference> self = new ArrayList<>();
      Set<String> refers = new TreeSet<>();
      try (ResultSet rs = md.getImportedKeys(c.getCatalog(), schema, name)) {
        while (rs.next()) {
          String target = rs.getString("PKTABLE_NAME");
          if (target.equals(name)) {
            self.add(
                new SelfReference(rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")));
          } else if (!excluded.contains(target)) {
            refers.add(target);
          }
        }
      }
      tables.put(
          name,
          new Table(name, List.copyOf(columns), List.copyOf(key.values()), List.copyOf(self)));
      dependsOn.put(name, refers);
    }
    return inLoadOrder(tables, dependsOn);
  }

  private static List<Table> inLoadOrder(
      Map<String, Table> tables, Map<String, Set<String>> dependsOn) {
    Map<String, Table> ordered = new LinkedHashMap<>();
    while (ordered.size() < tables.size()) {
      boolean progress = false;
      for (Table t : tables.values()) {
        Set<String> needs = new TreeSet<>(dependsOn.get(t.name()));
        needs.retainAll(tables.keySet());
        if (!ordered.containsKey(t.name()) && ordered.keySet().containsAll(needs)) {
          ordered.put(t.name(), t);
          progress = true;
        }
      }
      if (!progress) {
        Set<String> left = new TreeSet<>(tables.keySet());
        left.removeAll(ordered.keySet());
        throw new BackupException("数据表的外键构成循环，无法确定载入顺序：" + String.join("、", left));
      }
    }
    return List.copyOf(ordered.values());
  }

  /**
   * An identifier quoted for SQL: the names metadata reports are the stored ones, case included.
   */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String pattern(DatabaseMetaData md, String name) throws SQLException {
    String escape = md.getSearchStringEscape();
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
