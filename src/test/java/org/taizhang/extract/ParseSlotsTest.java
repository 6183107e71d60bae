package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background work leaves the last parse slot to requests; a file read alone runs by itself. */
class ParseSlotsTest {
  /** A slot taken on a thread of its own; the thread ends once it has the slot. */
  private static Thread taking(ParseSlots slots, boolean background, boolean alone) {
    Thread t =
        new Thread(
            () -> {
              try {
                slots.acquire(background, alone);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits until {@code t} waits for a slot (or has ended); true if it waits. */
  private static boolean waitsForASlot(Thread t) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && t.isAlive()) {
      if (t.getState() == Thread.State.WAITING) {
        return true;
      }
      Thread.sleep(5);
    }
    return false;
  }

  private static boolean ends(Thread t) throws InterruptedException {
    t.join(TimeUnit.SECONDS.toMillis(10));
    return !t.isAlive();
  }

  @Test
  void backgroundWorkLeavesTheLastSlotToARequest() throws Exception {
    ParseSlots slots = new ParseSlots(2);
    assertThat(slots.capacity()).isEqualTo(3);
    slots.acquire(true, false);
    slots.acquire(true, false);
    Thread third = taking(slots, true, false);
    assertThat(waitsForASlot(third)).as("a third import file waits").isTrue();
    Thread upload = taking(slots, false, false);
    assertThat(ends(upload)).as("an upload takes the slot left").isTrue();
    Thread another = taking(slots, false, false);
    assertThat(waitsForASlot(another)).as("every slot is taken now").isTrue();
    // The two import slots and the upload's: with the upload's still held, the import's file would
    // wait whenever the request took a freed slot first, as background work may not take the last.
    slots.release(false);
    slots.release(false);
    slots.release(false);
    assertThat(ends(third) && ends(another)).isTrue();
  }

  @Test
  void aFileReadAloneWaitsForTheOthersAndKeepsNewOnesOut() throws Exception {
    ParseSlots slots = new ParseSlots(2);
    slots.acquire(false, false);
    Thread alone = taking(slots, false, true);
    assertThat(waitsForASlot(alone)).isTrue();
    Thread later = taking(slots, false, false);
    assertThat(waitsForASlot(later))
        .as("a request that comes after waits behind the file read alone")
        .isTrue();
    slots.release(false);
    assertThat(ends(alone)).isTrue();
    assertThat(waitsForASlot(later)).as("nothing runs beside a file read alone").isTrue();
    slots.release(true);
    assertThat(ends(later)).isTrue();
  }

  @Test
  void anInterruptedFileReadAloneLetsTheOthersIn() throws Exception {
    ParseSlots slots = new ParseSlots(1);
    slots.acquire(false, false);
    Thread alone = taking(slots, false, true);
    assertThat(waitsForASlot(alone)).isTrue();
    Thread later = taking(slots, false, false);
    assertThat(waitsForASlot(later)).isTrue();
    alone.interrupt();
    assertThat(ends(alone)).isTrue();
    assertThat(ends(later)).as("the request takes the slot left").isTrue();
  }
}
