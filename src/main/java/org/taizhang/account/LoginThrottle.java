package org.taizhang.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES_PER_USER} failed logins within
 * {@link #WINDOW} for one user name, or {@value #MAX_FAILURES_PER_ADDRESS} from one address, further
 * attempts are refused until the window has passed, whatever the password. The address limit is
 * higher because a whole office often shares one address. Kept in memory: a restart forgives, which
 * is acceptable for throttling (it is not a lockout an administrator must lift).
 */
@Component
class LoginThrottle {
  static final int MAX_FAILURES_PER_USER = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 30;
  static final Duration WINDOW = Duration.ofMinutes(10);

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
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
      Deque<Instant> times = failures.get(key);
      if (times == null) {
        continue;
      }
      synchronized (times) {
        prune(times, now);
        if (times.size() >= (key.startsWith("u:") ? MAX_FAILURES_PER_USER : MAX_FAILURES_PER_ADDRESS)) {
          Duration w = Duration.between(now, times.peekFirst().plus(WINDOW));
          wait = w.compareTo(wait) > 0 ? w : wait;
        }
      }
    }
    return wait;
  }

  void failed(String username, String address) {
    Instant now = clock.instant();
    for (String key : keys(username, address)) {
      Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      synchronized (times) {
        prune(times, now);
        times.addLast(now);
      }
    }
  }

  void succeeded(String username) {
    failures.remove("u:" + username);
  }

  private static String[] keys(String username, String address) {
    return new String[] {"u:" + username, "a:" + address};
  }

  private static void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) {
      times.removeFirst();
    }
  }
}
