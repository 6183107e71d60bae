package org.taizhang.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * How a column's values are written to a backup and read back, independent of the database: H2's
 * CLOB and PostgreSQL's {@code text} are both TEXT, H2's BOOLEAN and PostgreSQL's {@code bool}
 * (reported as BIT) both BOOLEAN. Times are written as ISO-8601 wall-clock values, exactly as
 * stored, so no time zone of either machine enters.
 */
enum ColumnType {
  TEXT {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      return rs.getString(i);
    }

    @Override
    Object decode(JsonNode v) {
      return v.stringValue();
    }
  },
  INTEGER {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      int v = rs.getInt(i);
      return rs.wasNull() ? null : v;
    }

    @Override
    Object decode(JsonNode v) {
      return v.intValue();
    }
  },
  BIGINT {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      long v = rs.getLong(i);
      return rs.wasNull() ? null : v;
    }

    @Override
    Object decode(JsonNode v) {
      return v.longValue();
    }
  },
  DOUBLE {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      double v = rs.getDouble(i);
      if (rs.wasNull()) {
        return null;
      }
      // JSON has no NaN or infinity
      return Double.isFinite(v) ? (Object) v : Double.toString(v);
    }

    @Override
    Object decode(JsonNode v) {
      return v.isString() ? Double.parseDouble(v.stringValue()) : v.doubleValue();
    }
  },
  DECIMAL {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      BigDecimal v = rs.getBigDecimal(i);
      return v == null ? null : v.toPlainString();
    }

    @Override
    Object decode(JsonNode v) {
      return new BigDecimal(v.stringValue());
    }
  },
  BOOLEAN {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      boolean v = rs.getBoolean(i);
      return rs.wasNull() ? null : v;
    }

    @Override
    Object decode(JsonNode v) {
      return v.booleanValue();
    }
  },
  DATE {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      LocalDate v = rs.getObject(i, LocalDate.class);
      return v == null ? null : v.toString();
    }

    @Override
    Object decode(JsonNode v) {
      return LocalDate.parse(v.stringValue());
    }
  },
  TIME {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      LocalTime v = rs.getObject(i, LocalTime.class);
      return v == null ? null : v.toString();
    }

    @Override
    Object decode(JsonNode v) {
      return LocalTime.parse(v.stringValue());
    }
  },
  TIMESTAMP {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      LocalDateTime v = rs.getObject(i, LocalDateTime.class);
      return v == null ? null : v.toString();
    }

    @Override
    Object decode(JsonNode v) {
      return LocalDateTime.parse(v.stringValue());
    }
  },
  TIMESTAMP_TZ {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
      return v == null ? null : v.toString();
    }

    @Override
    Object decode(JsonNode v) {
      return OffsetDateTime.parse(v.stringValue());
    }
  },
  BINARY {
    @Override
    Object read(ResultSet rs, int i) throws SQLException {
      byte[] v = rs.getBytes(i);
      return v == null ? null : Base64.getEncoder().encodeToString(v);
    }

    @Override
    Object decode(JsonNode v) {
      return Base64.getDecoder().decode(v.stringValue());
    }
  };

  /**
   * The value of column {@code i} as it goes into the JSON line: String, Integer, Long, Double,
   * Boolean or null.
   */
  abstract Object read(ResultSet rs, int i) throws SQLException;

  /** The Java value a JSON value stands for, as the JDBC drivers of both databases accept it. */
  abstract Object decode(JsonNode v);

  void bind(PreparedStatement ps, int i, JsonNode v, int jdbcType) throws SQLException {
    if (v == null || v.isNull()) {
      ps.setNull(i, jdbcType);
    } else {
      ps.setObject(i, decode(v));
    }
  }

  /** The type for a JDBC type code; refuses types that no migration uses, rather than guess. */
  static ColumnType of(int jdbcType, String typeName) {
    return switch (jdbcType) {
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          TEXT;
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INTEGER;
      case Types.BIGINT -> BIGINT;
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> DOUBLE;
      case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.DATE -> DATE;
      case Types.TIME -> TIME;
      case Types.TIMESTAMP -> TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
      default -> throw new BackupException("不支持的数据库列类型：" + typeName + "（JDBC " + jdbcType + "）");
    };
  }
}
