package org.taizhang.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES_PER_USER} failed logins within {@link
 * #WINDOW} for one user name, or {@value #MAX_FAILURES_PER_ADDRESS} from one address, further
 * attempts are refused until the window has passed, whatever the password. The address limit is
 * higher because a whole office often shares one address. Kept in memory: a restart forgives, which
 * is acceptable for throttling. An administrator may forgive one account at once ({@link #unlock}),
 * for the clerk who mistyped five times and cannot wait.
 */
@Component
class LoginThrottle {
  static final int MAX_FAILURES_PER_USER = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 30;
  static final Duration WINDOW = Duration.ofMinutes(10);

  /**
   * One failed sign-in: when, and as whom, so that forgiving an account also clears its failures at
   * its address.
   */
  private record Failure(Instant at, String username) {}

  private static final int SWEEP_EVERY = 1000;

  private final Map<String, Deque<Failure>> failures = new ConcurrentHashMap<>();
  private final AtomicLong recorded = new AtomicLong();
  private final Clock clock;

  LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must wait before the next attempt; zero if it may try now. */
  Duration waitFor(String username, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : keys(username, address)) {
      Deque<Failure> times = failures.get(key);
      if (times == null) {
        continue;
      }
      synchronized (times) {
        prune(times, now);
        if (times.size()
            >= (key.startsWith("u:") ? MAX_FAILURES_PER_USER : MAX_FAILURES_PER_ADDRESS)) {
          Duration w = Duration.between(now, times.peekFirst().at().plus(WINDOW));
          wait = w.compareTo(wait) > 0 ? w : wait;
        }
      }
    }
    return wait;
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    for (String key : keys(username, address)) {
      failures.compute(
          key,
          (k, times) -> {
            Deque<Failure> t = times == null ? new ArrayDeque<>() : times;
            synchronized (t) {
              prune(t, now);
              t.addLast(new Failure(now, username));
            }
            return t;
          });
    }
    // Names and addresses tried once and never again would stay for good: guessing with ever new
    // names would grow the map without end. Now and then, drop what has aged out of the window.
    if (recorded.incrementAndGet() % SWEEP_EVERY == 0) {
      for (String key : failures.keySet()) {
        failures.computeIfPresent(
            key,
            (k, t) -> {
              synchronized (t) {
                prune(t, now);
                return t.isEmpty() ? null : t;
              }
            });
      }
    }
  }

  /** Names and addresses with failures in the window, for tests of the sweep. */
  int tracked() {
    return failures.size();
  }

  void succeeded(String username) {
    failures.remove("u:" + username);
  }

  /** How long the account itself is refused, whatever the address; zero when it is not. */
  Duration lockedFor(String username) {
    Deque<Failure> times = failures.get("u:" + username);
    if (times == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    synchronized (times) {
      prune(times, now);
      return times.size() >= MAX_FAILURES_PER_USER
          ? Duration.between(now, times.peekFirst().at().plus(WINDOW))
          : Duration.ZERO;
    }
  }

  /**
   * Forgives an account's failed sign-ins, at every address they came from; other people's failures
   * at a shared address still count. Returns whether the account was refused until now.
   */
  boolean unlock(String username) {
    boolean locked = !lockedFor(username).isZero();
    failures.remove("u:" + username);
    failures.forEach(
        (key, times) -> {
          if (key.startsWith("a:")) {
            synchronized (times) {
              times.removeIf(f -> username.equals(f.username()));
            }
          }
        });
    return locked;
  }

  private static String[] keys(String username, String address) {
    return new String[] {"u:" + username, "a:" + address};
  }

  private static void prune(Deque<Failure> times, Instant now) {
    while (!times.isEmpty() && times.peekFirst().at().plus(WINDOW).isBefore(now)) {
      times.removeFirst();
    }
  }
}
