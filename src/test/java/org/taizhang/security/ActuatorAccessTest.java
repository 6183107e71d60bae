package org.taizhang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The operations endpoints: health is open to a load balancer but says nothing beyond up or down;
 * the service's figures (the connection pool among them) are for administrators only.
 */
class ActuatorAccessTest extends SecurityFixture {

  @Test
  void healthIsOpenAndSaysOnlyWhetherTheServiceIsUp() throws Exception {
    setUpTree();
    HttpResponse<String> health = get("/actuator/health", Who.ANONYMOUS);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"status\":\"UP\"")
        .doesNotContain("components")
        .doesNotContain("details")
        .doesNotContain("H2")
        .doesNotContain("diskSpace");
  }

  @Test
  void metricsAreForAdministratorsOnly() throws Exception {
    setUpTree();
    String pool = "/actuator/metrics/hikaricp.connections.active";
    assertThat(get(pool, Who.ANONYMOUS).statusCode()).isEqualTo(401);
    for (Who who : new Who[] {Who.CLERK, Who.REVIEWER, Who.DISTRICT}) {
      assertThat(get(pool, who).statusCode()).as(who.name()).isEqualTo(403);
      assertThat(get("/actuator/metrics", who).statusCode()).as(who.name()).isEqualTo(403);
    }
    HttpResponse<String> admin = get(pool, Who.ADMIN);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body())
        .contains("\"name\":\"hikaricp.connections.active\"")
        .contains("\"statistic\":\"VALUE\"");
  }
}
