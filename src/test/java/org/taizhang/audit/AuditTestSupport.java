package org.taizhang.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.request.RequestContextHolder;
import org.taizhang.support.TestSettings;

/**
 * One application on a fresh data directory, shared by the audit tests (same configuration, so
 * Spring's test context cache starts it once). Each test starts from an empty trail.
 */
@SpringBootTest(properties = {
    TestSettings.OWN_ARCHIVE,
    "taizhang.admin.password=test-admin-pw"})
abstract class AuditTestSupport {
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    // Created here, once: the supplier may be asked for the value many times.
    Path dir = newDataDir();
    registry.add("taizhang.data-dir", dir::toString);
  }

  private static Path newDataDir() {
    try {
      return Files.createTempDirectory("taizhang-audit");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeEach
  void emptyTrail() {
    // Start-up work (such as creating the first administrator) may already have written events.
    jdbc.sql("delete from audit_event").update();
    // The mock web environment binds a pretend request (from 127.0.0.1) to every test thread. Much of
    // the trail is written where there is none (imports, start-up), so tests begin without one and
    // bind a request where they mean to.
    RequestContextHolder.resetRequestAttributes();
  }

  /** An event at a known moment, from a known address. */
  void at(String instant, String actor, AuditAction action, String target, String detail) {
    audit.write(Instant.parse(instant), actor, "192.0.2.1", action, target, detail);
  }

  static AuditQuery all() {
    return new AuditQuery(null, null, null, null, null, 1, 1000);
  }
}
