package org.taizhang.extract;

/**
 * The parses the parser process runs at once: {@code threads} for background work, one more that
 * only a request can take. A unit's upload therefore never queues behind an import's files, which
 * run at a lower priority and, while searches keep the cores busy, could hold every slot for long.
 * A file read alone waits until nothing else runs and keeps everyone else out meanwhile.
 */
final class ParseSlots {
  private final int threads;
  private int used;
  private int aloneWaiting;

  ParseSlots(int threads) {
    this.threads = threads;
  }

  /** The most files read at once: the parser process's threads for requests. */
  int capacity() {
    return threads + 1;
  }

  /**
   * Takes a slot, or all of them for a file read {@code alone}; {@code background} work may not
   * take the last one.
   */
  synchronized void acquire(boolean background, boolean alone) throws InterruptedException {
    if (alone) {
      aloneWaiting++;
      try {
        while (used > 0) {
          wait();
        }
      } finally {
        aloneWaiting--;
        // An interrupted wait lets in the files it kept out.
        notifyAll();
      }
      used = capacity();
      return;
    }
    int limit = background ? threads : capacity();
    while (aloneWaiting > 0 || used >= limit) {
      wait();
    }
    used++;
  }

  synchronized void release(boolean alone) {
    used = alone ? 0 : used - 1;
    notifyAll();
  }
}
