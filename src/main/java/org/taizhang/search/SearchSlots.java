package org.taizhang.search;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most so many embedded-index searches at once; the others wait their turn, in the order they
 * came. By default one and a half per core, plus one (as Elasticsearch sizes its search threads): 4
 * on two cores.
 *
 * <p>A search is CPU work from start to end. With more searches running than cores, every one of
 * them gets a share of a core and a long one takes several times its own CPU time to finish: eight
 * at once on two cores make each last about four times as long. Waiting in line instead, a search
 * costs the searches ahead of it and then runs at full speed, which shortens the slowest answers:
 * at 100,000 documents and eight searches at once on two cores, the 95th percentile fell from
 * 93–101 ms to 71 ms, at the same throughput (docs/search-benchmark.md). While 20 clients upload
 * (on threads of their own, below requests), the limit shortened the slowest searches too and left
 * the uploads more of the cores. With one slot per core the cores idle while a search between two
 * slots reads the database, hence the half more.
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
   * @param slots searches at once; 0 for no limit, less than 0 for {@link #byCores}
   */
  public SearchSlots(@Value("${taizhang.search.slots:-1}") int slots) {
    this.slots = slots < 0 ? byCores(Runtime.getRuntime().availableProcessors()) : slots;
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

  /** The default: one and a half searches per core, plus one. */
  static int byCores(int cores) {
    return cores * 3 / 2 + 1;
  }

  /** Searches that may run at once; 0 for no limit. */
  public int slots() {
    return slots;
  }
}
