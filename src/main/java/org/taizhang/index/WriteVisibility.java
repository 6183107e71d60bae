package org.taizhang.index;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which writes of an index searches see, and the refreshes that make them visible, shared by the
 * threads that need one: a refresh covers the writes counted before it started, and readers that
 * arrive while it runs wait for it and then need none of their own, so under a steady stream of
 * writes every reader waits for at most one refresh beyond the one in progress.
 *
 * <p>A thread (a request, a job, a test) reads its own writes: per thread rather than per account,
 * as the clients of one account (an office's API token) upload and search side by side and must not
 * wait for each other.
 */
final class WriteVisibility {
  private final Runnable refresh;

  /** Writes that have returned. */
  private final AtomicLong writes = new AtomicLong();

  /** The number of the last write each thread made. */
  private final ThreadLocal<long[]> ownWrite = ThreadLocal.withInitial(() -> new long[1]);

  private final ReentrantLock refreshing = new ReentrantLock();
  private volatile long refreshedWrites;

  /**
   * @param refresh makes every write that has returned visible to new searches
   */
  WriteVisibility(Runnable refresh) {
    this.refresh = refresh;
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
      long covered = writes.get();
      refresh.run();
      refreshedWrites = covered;
    } finally {
      refreshing.unlock();
    }
  }
}
