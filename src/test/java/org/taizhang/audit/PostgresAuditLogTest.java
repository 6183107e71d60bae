package org.taizhang.audit;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.support.Postgres;

/**
 * The same trail on PostgreSQL, in a schema of its own: the migration, the date and LIKE filters and
 * the read-only transaction case differ between the databases where it matters.
 */
class PostgresAuditLogTest extends AuditLogTest {
  @BeforeAll
  static void requirePostgres() {
    Postgres.requireOrSkip();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    Postgres.useFreshSchema(registry, "tz_audit_");
  }
}
