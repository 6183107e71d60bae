package org.taizhang.search;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most so many embedded-index searches at once (by default one and a half per core, plus one);
 * the others wait their turn, in the order they came.
 *
 * <p>A search is CPU work from start to end. With more searches running than cores, every one of
 * them gets a share of a core and a long one takes several times its own CPU time to finish: eight
 * at once on two cores make each last about four times as long. Waiting in line instead, a search
 * costs the searches ahead of it and then runs at full speed, which shortens the slowest answers
 * (the 95th percentile at concurrency 8 in docs/search-benchmark.md) without lengthening the
 * average. A few slots more than cores keep the cores busy while a search stops for the garbage
 * collector or a page of the memory-mapped index: with exactly one per core, two cores searched at
 * 1.7 of their capacity. The default is Elasticsearch's for its search thread pool.
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
   * @param slots searches at once; 0 or less for the default, {@link #forCores}
   */
  public SearchSlots(@Value("${taizhang.search.slots:0}") int slots) {
    this.slots = slots > 0 ? slots : forCores(Runtime.getRuntime().availableProcessors());
    this.free = new Semaphore(this.slots, true);
  }

  /** Runs {@code search} once a slot is free. */
  <T> T run(Supplier<T> search) {
    int[] depth = held.get();
    if (depth[0] > 0) {
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

  /** The default: one and a half searches per core, plus one (4 on two cores). */
  static int forCores(int cores) {
    return cores * 3 / 2 + 1;
  }

  /** Searches that may run at once. */
  public int slots() {
    return slots;
  }
}
