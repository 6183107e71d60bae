package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The parser pool's timer, except that a request's time limit runs out only when the test says so
 * ({@link #expire}): whether a file is killed never depends on how fast this machine parses. The
 * pool is given limits far longer than any test (an hour, a day), and every kill scheduled with one
 * of them is kept here, next to the real timer's future that the pool cancels when the answer
 * comes.
 */
final class HeldTimeLimits extends ScheduledThreadPoolExecutor {
  /** How long {@link #awaitPending} waits before the test fails instead of hanging the build. */
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private record Kill(Duration limit, Runnable kill, ScheduledFuture<?> timer) {
    boolean pending() {
      return !timer.isDone();
    }
  }

  private final List<Duration> held;
  private final List<Kill> kills = new ArrayList<>();

  HeldTimeLimits(Duration... held) {
    super(
        1,
        r -> {
          Thread t = new Thread(r, "test-parser-watchdog");
          t.setDaemon(true);
          return t;
        });
    this.held = List.of(held);
    setRemoveOnCancelPolicy(true);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Duration limit = Duration.ofNanos(unit.toNanos(delay));
    ScheduledFuture<?> timer = super.schedule(command, delay, unit);
    if (held.contains(limit)) {
      synchronized (kills) {
        kills.add(new Kill(limit, command, timer));
        kills.notifyAll();
      }
    }
    return timer;
  }

  /**
   * Waits until {@code count} requests under {@code limit} are in flight, their kills scheduled and
   * not cancelled.
   */
  void awaitPending(Duration limit, int count) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    synchronized (kills) {
      while (pending(limit).size() < count) {
        long left = deadline - System.nanoTime();
        assertThat(left).as("%d requests in flight under the %s limit", count, limit).isPositive();
        kills.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }
  }

  /**
   * The time limit of the oldest request in flight under {@code limit} runs out now: the pool kills
   * its process.
   */
  void expire(Duration limit) {
    Kill first;
    synchronized (kills) {
      List<Kill> pending = pending(limit);
      assertThat(pending).as("a request in flight under the %s limit", limit).isNotEmpty();
      first = pending.get(0);
      kills.remove(first);
    }
    assertThat(first.timer().cancel(false)).as("the request was still in flight").isTrue();
    first.kill().run();
  }

  private List<Kill> pending(Duration limit) {
    return kills.stream().filter(k -> k.limit().equals(limit) && k.pending()).toList();
  }
}
