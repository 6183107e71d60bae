package org.taizhang.index;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which writes of an index searches see, and the refreshes that make them visible, shared by the
 * threads that need one: a refresh covers the writes counted before it started, and readers that
 * arrive while it runs wait for it and then need none of their own, so under a steady stream of
 * writes every reader waits for at most one refresh beyond the one in progress.
 *
 * <p>Refreshes follow one another at most every {@link #GAP}: each one writes a new small segment,
 * which merges then fold into larger ones again. Under a stream of uploads a refresh per upload
 * kept the merges busy on a core the searches needed; waiting out the gap, a refresh covers the
 * uploads that arrive meanwhile. A refresh after a quiet spell starts at once.
 *
 * <p>A thread (a request, a job, a test) reads its own writes: per thread rather than per account,
 * as the clients of one account (an office's API token) upload and search side by side and must not
 * wait for each other.
 */
final class WriteVisibility {
  /** The least time from the end of one refresh to the start of the next. */
  static final Duration GAP = Duration.ofMillis(250);

  private final Runnable refresh;
  private final long gapNanos;

  /** Writes that have returned. */
  private final AtomicLong writes = new AtomicLong();

  /** The number of the last write each thread made. */
  private final ThreadLocal<long[]> ownWrite = ThreadLocal.withInitial(() -> new long[1]);

  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile long refreshedWrites;

  /** When the last refresh ended (System.nanoTime), under {@link #refreshing}. */
  private long refreshed;

  /**
   * @param refresh makes every write that has returned visible to new searches
   */
  WriteVisibility(Runnable refresh) {
    this(refresh, GAP);
  }

  WriteVisibility(Runnable refresh, Duration gap) {
    this.refresh = refresh;
    this.gapNanos = gap.toNanos();
    this.refreshed = System.nanoTime() - gapNanos;
  }

  /** Counts a write of this thread, which returned. */
  void written() {
    ownWrite.get()[0] = writes.incrementAndGet();
  }

  /** Counts a change nobody waits for (a writer replaced), which the next refresh must cover. */
  void changed() {
    writes.incrementAndGet();
  }

  /** Makes every write so far visible. */
  void all() {
    upTo(writes.get());
  }

  /** Makes this thread's writes visible (and everybody's before them). */
  void own() {
    upTo(ownWrite.get()[0]);
  }

  private void upTo(long target) {
    if (refreshedWrites >= target) {
      return;
    }
    refreshing.lock();
    try {
      if (refreshedWrites >= target) {
        return;
      }
      // The writes of whoever arrives meanwhile wait for this lock, and this refresh covers them.
      long wait = refreshed + gapNanos - System.nanoTime();
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      long covered = writes.get();
      try {
        refresh.run();
        refreshedWrites = covered;
      } finally {
        refreshed = System.nanoTime();
      }
    } finally {
      refreshing.unlock();
    }
  }
}
