package org.taizhang.audit;

import org.junit.jupiter.api.BeforeAll;
import org.taizhang.support.Postgres;
import org.taizhang.support.PostgresServiceTest;

/**
 * The same trail on PostgreSQL, in a schema of its own: the migration, the date and LIKE filters
 * and the read-only transaction case differ between the databases where it matters.
 */
@PostgresServiceTest
class PostgresAuditLogTest extends AuditLogTest {
  @BeforeAll
  static void requirePostgres() {
    Postgres.requireOrSkip();
  }
}
