package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchSlotsTest {

  @Test
  void noMoreSearchesRunAtOnceThanThereAreSlots() throws Exception {
    SearchSlots slots = new SearchSlots(2);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        done.add(
            pool.submit(
                () ->
                    slots.run(
                        () -> {
                          most.accumulateAndGet(running.incrementAndGet(), Math::max);
                          sleep(5);
                          running.decrementAndGet();
                          return 1;
                        })));
      }
      int sum = 0;
      for (Future<Integer> f : done) {
        sum += f.get(30, TimeUnit.SECONDS);
      }
      assertThat(sum).isEqualTo(40);
      assertThat(most.get()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aSearchInsideASearchTakesNoSecondSlot() {
    SearchSlots slots = new SearchSlots(1);
    assertThat(slots.run(() -> slots.run(() -> "counts") + " of the page"))
        .isEqualTo("counts of the page");
  }

  @Test
  void waitingSearchesRunInTheOrderTheyCame() throws Exception {
    SearchSlots slots = new SearchSlots(1);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      Future<?> first =
          pool.submit(
              () ->
                  slots.run(
                      () -> {
                        holding.countDown();
                        await(release);
                        return null;
                      }));
      holding.await();
      List<Future<?>> waiting = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        int n = i;
        waiting.add(pool.submit(() -> slots.run(() -> order.add(n))));
        sleep(50); // each one queued before the next
      }
      release.countDown();
      first.get(10, TimeUnit.SECONDS);
      for (Future<?> f : waiting) {
        f.get(10, TimeUnit.SECONDS);
      }
      assertThat(order).containsExactly(0, 1, 2, 3, 4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void byDefaultOneAndAHalfSearchesPerCorePlusOne() {
    assertThat(SearchSlots.byCores(2)).isEqualTo(4);
    assertThat(SearchSlots.byCores(8)).isEqualTo(13);
    assertThat(new SearchSlots(-1).slots())
        .isEqualTo(SearchSlots.byCores(Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void zeroSlotsMeanNoLimit() throws Exception {
    SearchSlots slots = new SearchSlots(0);
    assertThat(slots.slots()).isZero();
    CountDownLatch all = new CountDownLatch(6);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Boolean>> done = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        done.add(
            pool.submit(
                () ->
                    slots.run(
                        () -> {
                          all.countDown();
                          try {
                            return all.await(10, TimeUnit.SECONDS); // all six inside at once
                          } catch (InterruptedException e) {
                            return false;
                          }
                        })));
      }
      for (Future<Boolean> f : done) {
        assertThat(f.get(20, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
