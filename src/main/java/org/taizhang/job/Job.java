package org.taizhang.job;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long piece of work — a folder import, a re-index, a backup — and how far it has got. Workers
 * report with {@link #update}; the command line and the administrators' page read {@link #view()},
 * which works out the rate and the time left in one place for both.
 */
public final class Job {
  /** Where a job stands. */
  public enum State {
    RUNNING,
    DONE,
    FAILED
  }

  private final long id;
  private final String name;
  private final String startedBy;
  private final Instant startedAt;
  private final long startNanos;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private volatile long total;
  private volatile State state = State.RUNNING;
  private volatile String outcome;
  private volatile long endNanos;

  Job(long id, String name, String startedBy) {
    this.id = id;
    this.name = name;
    this.startedBy = startedBy;
    this.startedAt = Instant.now();
    this.startNanos = System.nanoTime();
  }

  /** A job nobody watches, for callers that need to hand one in. */
  public static Job untracked(String name) {
    return new Job(0, name, "");
  }

  /** Work done so far out of {@code total} items, and the bytes those items held. */
  public void update(long done, long total, long bytes) {
    this.total = total;
    this.done.accumulateAndGet(done, Math::max);
    this.bytes.accumulateAndGet(bytes, Math::max);
  }

  public void update(long done, long total) {
    update(done, total, bytes.get());
  }

  public void finish(String outcome) {
    this.outcome = outcome;
    this.endNanos = System.nanoTime();
    this.state = State.DONE;
  }

  public void fail(String reason) {
    this.outcome = reason;
    this.endNanos = System.nanoTime();
    this.state = State.FAILED;
  }

  public long id() {
    return id;
  }

  public State state() {
    return state;
  }

  /** What the job looks like now. */
  public JobView view() {
    State s = state;
    long elapsedNanos = (s == State.RUNNING ? System.nanoTime() : endNanos) - startNanos;
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    long d = done.get();
    long t = total;
    double rate = d / seconds;
    Duration left =
        s != State.RUNNING || rate <= 0 || t <= d
            ? Duration.ZERO
            : Duration.ofSeconds(Math.round((t - d) / rate));
    return new JobView(
        id,
        name,
        startedBy,
        startedAt,
        s,
        d,
        t,
        bytes.get(),
        rate,
        bytes.get() / 1048576.0 / seconds,
        Duration.ofNanos(elapsedNanos),
        left,
        outcome);
  }
}
