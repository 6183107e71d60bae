package org.taizhang.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES_PER_USER} failed logins within {@link
 * #WINDOW} for one user name, or {@value #MAX_FAILURES_PER_ADDRESS} from one address, further
 * attempts are refused until the window has passed, whatever the password. The address limit is
 * higher because a whole office often shares one address. The failures are rows of {@code
 * login_failure}, so every node over the database counts the failures any node saw: a guesser
 * spread over the nodes by a load balancer gets no more tries. An administrator may forgive one
 * account at once ({@link #unlock}), for the clerk who mistyped five times and cannot wait.
 */
@Component
class LoginThrottle {
  static final int MAX_FAILURES_PER_USER = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 30;
  static final Duration WINDOW = Duration.ofMinutes(10);

  /** The column's width: a longer name typed at the sign-in page counts by its beginning. */
  private static final int NAME_LENGTH = 200;

  private final JdbcClient jdbc;
  private final Clock clock;

  @Autowired
  LoginThrottle(JdbcClient jdbc) {
    this(jdbc, Clock.systemUTC());
  }

  LoginThrottle(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** How long the caller must wait before the next attempt; zero if it may try now. */
  Duration waitFor(String username, String address) {
    Instant now = clock.instant();
    Duration user = lockedFor(username, now);
    Duration byAddress = waitUntil("address = ?", address(address), MAX_FAILURES_PER_ADDRESS, now);
    return user.compareTo(byAddress) > 0 ? user : byAddress;
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    // Names and addresses tried once and never again would stay for good: guessing with ever new
    // names would grow the table without end. Failures are rare; each drops what has aged out.
    jdbc.sql("delete from login_failure where failed_at < ?")
        .param(Timestamp.from(now.minus(WINDOW)))
        .update();
    jdbc.sql(
            "insert into login_failure(username, address, failed_at, user_counts) values (?, ?, ?, true)")
        .params(name(username), address(address), Timestamp.from(now))
        .update();
  }

  /** Names and addresses with failures in the window, for tests of the sweep. */
  int tracked() {
    return jdbc.sql(
            "select (select count(distinct username) from login_failure where user_counts)"
                + " + (select count(distinct address) from login_failure)")
        .query(Integer.class)
        .single();
  }

  /** The user's failures stop counting against the user; they still count at their address. */
  void succeeded(String username) {
    jdbc.sql("update login_failure set user_counts = false where username = ? and user_counts")
        .param(name(username))
        .update();
  }

  /** How long the account itself is refused, whatever the address; zero when it is not. */
  Duration lockedFor(String username) {
    return lockedFor(username, clock.instant());
  }

  private Duration lockedFor(String username, Instant now) {
    return waitUntil("username = ? and user_counts", name(username), MAX_FAILURES_PER_USER, now);
  }

  /**
   * How long until the failures matching {@code where} in the window fall below {@code limit}:
   * until the oldest of them ages out.
   */
  private Duration waitUntil(String where, String value, int limit, Instant now) {
    record Count(long failures, Timestamp oldest) {}
    Count c =
        jdbc.sql(
                "select count(*) as failures, min(failed_at) as oldest from login_failure where "
                    + where
                    + " and failed_at >= ?")
            .params(value, Timestamp.from(now.minus(WINDOW)))
            .query((rs, n) -> new Count(rs.getLong("failures"), rs.getTimestamp("oldest")))
            .single();
    if (c.failures() < limit) {
      return Duration.ZERO;
    }
    Duration wait = Duration.between(now, c.oldest().toInstant().plus(WINDOW));
    return wait.isNegative() ? Duration.ZERO : wait;
  }

  /**
   * Forgives an account's failed sign-ins, at every address they came from; other people's failures
   * at a shared address still count. Returns whether the account was refused until now.
   */
  boolean unlock(String username) {
    boolean locked = !lockedFor(username).isZero();
    jdbc.sql("delete from login_failure where username = ?").param(name(username)).update();
    return locked;
  }

  private static String name(String username) {
    String n = username == null ? "" : username;
    return n.length() > NAME_LENGTH ? n.substring(0, NAME_LENGTH) : n;
  }

  private static String address(String address) {
    String a = address == null ? "" : address;
    return a.length() > 100 ? a.substring(0, 100) : a;
  }
}
