package org.taizhang.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class LoginThrottleTest {
  /** A fresh embedded database as the service creates it, for the throttles of one test. */
  static JdbcClient database() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(
        "jdbc:h2:mem:throttle-"
            + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    ds.setUser("sa");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    return JdbcClient.create(ds);
  }

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-03-01T08:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void namesTriedOnceAreForgottenOnceTheWindowHasPassed() {
    ManualClock clock = new ManualClock();
    LoginThrottle t = new LoginThrottle(database(), clock);
    for (int i = 0; i < 999; i++) {
      t.failed("guess-" + i, "10.0.0." + (i % 200));
    }
    assertThat(t.tracked()).isEqualTo(999 + 200);
    clock.now = clock.now.plus(LoginThrottle.WINDOW).plusSeconds(1);
    t.failed("li", "10.0.0.9");
    assertThat(t.tracked()).as("only the newest failure's name and address are left").isEqualTo(2);
    assertThat(t.waitFor("li", "10.0.0.9")).isZero();
  }

  @Test
  void blocksAUserAfterFiveFailuresUntilTheWindowPasses() {
    ManualClock clock = new ManualClock();
    LoginThrottle t = new LoginThrottle(database(), clock);
    for (int i = 0; i < 4; i++) {
      t.failed("li", "10.0.0.1");
    }
    assertThat(t.waitFor("li", "10.0.0.1")).isZero();
    t.failed("li", "10.0.0.1");
    assertThat(t.waitFor("li", "10.0.0.2")).isEqualTo(LoginThrottle.WINDOW);
    assertThat(t.waitFor("wang", "10.0.0.1")).isZero();
    clock.now = clock.now.plus(LoginThrottle.WINDOW).plusSeconds(1);
    assertThat(t.waitFor("li", "10.0.0.1")).isZero();
  }

  @Test
  void blocksAnAddressOnlyAfterManyFailuresAcrossUsers() {
    ManualClock clock = new ManualClock();
    LoginThrottle t = new LoginThrottle(database(), clock);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
      t.failed("user" + i, "10.0.0.9");
    }
    assertThat(t.waitFor("someone-else", "10.0.0.9")).isPositive();
    assertThat(t.waitFor("someone-else", "10.0.0.8")).isZero();
  }

  @Test
  void successForgivesTheUser() {
    LoginThrottle t = new LoginThrottle(database(), new ManualClock());
    for (int i = 0; i < 5; i++) {
      t.failed("zhao", "10.0.0.1");
    }
    t.succeeded("zhao");
    assertThat(t.waitFor("zhao", "10.0.0.2")).isEqualTo(Duration.ZERO);
  }

  @Test
  void unlockingForgivesTheAccountAtEveryAddressButNotOthersAtThem() {
    ManualClock clock = new ManualClock();
    LoginThrottle t = new LoginThrottle(database(), clock);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
      t.failed("张三", "10.0.0.5");
    }
    assertThat(t.lockedFor("张三")).isEqualTo(LoginThrottle.WINDOW);
    assertThat(t.lockedFor("李四")).isZero();
    // Others at the same office address have failed too, short of the address limit.
    for (int i = 0;
        i < LoginThrottle.MAX_FAILURES_PER_ADDRESS - LoginThrottle.MAX_FAILURES_PER_USER;
        i++) {
      t.failed("guess" + i, "10.0.0.5");
    }
    assertThat(t.waitFor("李四", "10.0.0.5")).as("the address has reached its limit").isPositive();

    assertThat(t.unlock("张三")).isTrue();
    assertThat(t.lockedFor("张三")).isZero();
    assertThat(t.waitFor("张三", "10.0.0.5"))
        .as("his failures no longer count at the address either")
        .isZero();
    assertThat(t.unlock("张三")).as("nothing left to forgive").isFalse();
    // The others' failures still count: four more from them and the address is refused again.
    for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
      t.failed("guess-more" + i, "10.0.0.5");
    }
    assertThat(t.waitFor("张三", "10.0.0.5")).isPositive();
  }

  @Test
  void throttlesOverOneDatabaseCountEachOthersFailures() {
    ManualClock clock = new ManualClock();
    JdbcClient db = database();
    LoginThrottle a = new LoginThrottle(db, clock);
    LoginThrottle b = new LoginThrottle(db, clock);
    for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER; i++) {
      (i % 2 == 0 ? a : b).failed("钱七", "10.0.1." + i);
    }
    assertThat(a.waitFor("钱七", "10.0.2.1")).isEqualTo(LoginThrottle.WINDOW);
    assertThat(b.waitFor("钱七", "10.0.2.1")).isEqualTo(LoginThrottle.WINDOW);
    assertThat(b.lockedFor("孙八")).isZero();

    assertThat(b.unlock("钱七")).isTrue();
    assertThat(a.lockedFor("钱七")).as("forgiven through one, forgiven at the other").isZero();

    a.failed("周九", "10.0.3.1");
    a.succeeded("周九");
    for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_USER - 1; i++) {
      b.failed("周九", "10.0.3.1");
    }
    assertThat(a.lockedFor("周九"))
        .as("a sign-in through one node forgave the earlier failure")
        .isZero();
  }
}
