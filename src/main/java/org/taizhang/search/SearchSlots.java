package org.taizhang.search;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most so many embedded-index searches at once, if configured; the others wait their turn, in
 * the order they came. No limit by default.
 *
 * <p>A search is CPU work from start to end. With more searches running than cores, every one of
 * them gets a share of a core and a long one takes several times its own CPU time to finish: eight
 * at once on two cores make each last about four times as long. Waiting in line instead, a search
 * costs the searches ahead of it and then runs at full speed, which shortens the slowest answers
 * when the server does nothing but search (the 95th percentile at concurrency 8 fell from 148 to
 * 107–115 ms with 4 slots on two cores, docs/search-benchmark.md). But the limit holds searches
 * back, not the other work on the cores: while 20 clients upload, searches waiting for a slot left
 * the cores to the uploads, which went twice as fast while searches took twice as long (p95 420–467
 * ms against 304–364 ms). As reviewers' searches matter most in the weeks when everyone uploads,
 * the limit is off unless an office's server mostly serves searches.
 *
 * <p>A search that runs inside another one on the same thread (the counts of a page) takes no
 * second slot, so a thread never waits for itself.
 */
@Component
public final class SearchSlots {
  private final int slots;
  private final Semaphore free;
  private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

  /**
   * @param slots searches at once; 0 or less for no limit
   */
  public SearchSlots(@Value("${taizhang.search.slots:0}") int slots) {
    this.slots = Math.max(0, slots);
    this.free = this.slots == 0 ? null : new Semaphore(this.slots, true);
  }

  /** Runs {@code search} once a slot is free. */
  <T> T run(Supplier<T> search) {
    int[] depth = held.get();
    if (free == null || depth[0] > 0) {
      return search.get();
    }
    try {
      free.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a search slot");
    }
    depth[0]++;
    try {
      return search.get();
    } finally {
      depth[0]--;
      free.release();
    }
  }

  /** Searches that may run at once; 0 for no limit. */
  public int slots() {
    return slots;
  }
}
