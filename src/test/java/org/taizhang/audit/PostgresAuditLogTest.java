package org.taizhang.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same trail on PostgreSQL, in a schema of its own: the migration, the date and LIKE filters and
 * the read-only transaction case differ between the databases where it matters. Runs whenever a
 * server answers on 127.0.0.1:5432 (as the archive's PostgreSQL test does); with {@code CI=true} a
 * missing server fails instead of skipping.
 */
class PostgresAuditLogTest extends AuditLogTest {
  static final String URL = System.getProperty("taizhang.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String SCHEMA = "tz_audit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

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
    registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.flyway.schemas", () -> SCHEMA);
    registry.add("spring.flyway.create-schemas", () -> "true");
  }
}
