package org.taizhang.review;

import org.junit.jupiter.api.condition.EnabledIf;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.support.Postgres;

/**
 * The to-do lists' filters, pages and batch acceptance on PostgreSQL (the same queries and
 * migration as on H2).
 */
@EnabledIf("postgresReachable")
class PostgresTodoTest extends TodoTest {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    Postgres.useFreshSchema(registry, "todo_");
  }

  /**
   * Skips without PostgreSQL on a developer machine; on CI (CI=true) an unreachable server fails.
   */
  static boolean postgresReachable() {
    try {
      Postgres.requireOrSkip();
      return true;
    } catch (TestAbortedException e) {
      return false;
    }
  }
}
