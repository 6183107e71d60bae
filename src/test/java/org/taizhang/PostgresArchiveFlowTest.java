package org.taizhang;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The archive flow on PostgreSQL, in a schema of its own. Runs whenever a server answers on
 * 127.0.0.1:5432; with {@code CI=true} a missing server fails the build instead of skipping.
 */
class PostgresArchiveFlowTest extends ArchiveFlowTests {
  static final String URL = System.getProperty("taizhang.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String SCHEMA = "tz_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @BeforeAll
  static void requirePostgres() {
    try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
      c.isValid(2);
    } catch (Exception e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("PostgreSQL is required on CI but not reachable at " + URL, e);
      }
      Assumptions.abort("PostgreSQL not reachable at " + URL + ": " + e.getMessage());
    }
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("taizhang.data-dir", () -> newDataDir("taizhang-pg").toString());
    registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.create-schemas", () -> "true");
  }
}
