package org.taizhang.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server tests run against: 127.0.0.1:5432, database {@code test}, user {@code
 * postgres}. Tests skip without it on a developer machine; with {@code CI=true} they fail.
 */
public final class Postgres {
  public static final String URL =
      System.getProperty("taizhang.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");

  private Postgres() {}

  public static void requireOrSkip() {
    try (Connection c = DriverManager.getConnection(URL, "postgres", "")) {
      c.isValid(2);
    } catch (Exception e) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(
            "PostgreSQL is required on CI but not reachable at " + URL, e);
      }
      Assumptions.abort("PostgreSQL not reachable at " + URL + ": " + e.getMessage());
    }
  }

  /** Points the application at a fresh schema of its own, created by Flyway. */
  public static void useFreshSchema(DynamicPropertyRegistry registry, String prefix) {
    freshSchema(prefix).forEach((name, value) -> registry.add(name, () -> value));
  }

  /** The settings that point an application at a fresh schema of its own, created by Flyway. */
  public static Map<String, Object> freshSchema(String prefix) {
    String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return Map.of(
        "spring.datasource.url", URL + "?currentSchema=" + schema,
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "",
        "spring.flyway.schemas", schema,
        "spring.flyway.create-schemas", "true");
  }
}
