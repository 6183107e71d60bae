package org.taizhang;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.support.Postgres;

/** The archive flow on PostgreSQL, in a schema of its own. */
class PostgresArchiveFlowTest extends ArchiveFlowTests {
  @BeforeAll
  static void requirePostgres() {
    Postgres.requireOrSkip();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    registry.add("taizhang.data-dir", () -> newDataDir("taizhang-pg").toString());
    Postgres.useFreshSchema(registry, "tz_");
  }
}
