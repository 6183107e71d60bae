package org.taizhang.audit;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.taizhang.support.ServiceTest;

/**
 * The audit tests, in the application most tests share. Each test starts from an empty trail; the
 * other tests read only events they wrote themselves, within one test.
 */
@ServiceTest
abstract class AuditTestSupport {
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void emptyTrail() {
    // Start-up work (such as creating the first administrator) may already have written events.
    jdbc.sql("delete from audit_event").update();
    // Much of the trail is written where no request is bound (imports, start-up), so tests begin
    // without one and bind a request where they mean to.
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
