package org.taizhang.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentIndex;
import org.taizhang.support.TestDocuments;

/**
 * A thread that lowers its priority runs at the nice value asked for, and only that thread: the
 * service's request threads keep theirs. The embedded index's writer threads keep the service's
 * priority, whoever writes first (they would inherit a background thread's).
 */
class BackgroundPriorityTest {
  private static final Path TASKS = Path.of("/proc/self/task");

  @Test
  void lowersOnlyTheCallingThread() throws Exception {
    assumeLinuxUnlessCi();
    int before = nice(Path.of("/proc/thread-self"));
    AtomicBoolean lowered = new AtomicBoolean();
    AtomicInteger after = new AtomicInteger(-100);
    Thread t =
        new Thread(
            () -> {
              lowered.set(BackgroundPriority.lowerCurrentThread(7));
              try {
                after.set(nice(Path.of("/proc/thread-self")));
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    t.start();
    t.join();
    assertThat(lowered).isTrue();
    assertThat(after.get()).isEqualTo(Math.min(19, before + 7));
    assertThat(nice(Path.of("/proc/thread-self"))).isEqualTo(before);
  }

  @Test
  void zeroLeavesThePriorityAlone() {
    assertThat(BackgroundPriority.lowerCurrentThread(0)).isFalse();
  }

  @Test
  void tellsWhetherTheCallingThreadRunsLowered() throws Exception {
    assumeLinuxUnlessCi();
    assertThat(BackgroundPriority.currentThreadLowered()).isFalse();
    AtomicBoolean lowered = new AtomicBoolean();
    Thread t =
        new Thread(
            () -> {
              BackgroundPriority.lowerCurrentThread(3);
              lowered.set(BackgroundPriority.currentThreadLowered());
            });
    t.start();
    t.join();
    assertThat(lowered).isTrue();
  }

  @Test
  void theIndexWritesAtTheServicesPriorityWhenABackgroundThreadWritesFirst(@TempDir Path dir)
      throws Exception {
    assumeLinuxUnlessCi();
    // Other tests' indexes in this JVM have write threads of the same name.
    Map<Path, Integer> before = niceOfThreadsNamed("index-write");
    try (DocumentIndex index =
        new DocumentIndex(
            dir,
            new ChineseAnalysis(Path.of("index-config")),
            Duration.ofSeconds(5),
            DocumentIndex.REFRESH_INTERVAL)) {
      int own = nice(Path.of("/proc/thread-self"));
      Thread importer =
          new Thread(
              () -> {
                BackgroundPriority.lowerCurrentThread(6);
                index.put(TestDocuments.meetingRecord(1), "会议记录 文明创建工作例会");
                index.awaitOwnWrites();
              });
      importer.start();
      importer.join();
      Map<Path, Integer> writers = new HashMap<>(niceOfThreadsNamed("index-write"));
      writers.keySet().removeAll(before.keySet());
      assertThat(writers.values()).isNotEmpty().containsOnly(own);
    }
  }

  private static void assumeLinuxUnlessCi() {
    boolean linux =
        Files.exists(Path.of("/proc/thread-self")) && Files.exists(Path.of("/usr/bin/renice"));
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(linux, "needs Linux's per-thread nice values and renice");
    }
  }

  private static Map<Path, Integer> niceOfThreadsNamed(String prefix) throws IOException {
    Map<Path, Integer> out = new HashMap<>();
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path t : tasks.filter(t -> comm(t).startsWith(prefix)).toList()) {
        out.put(t.getFileName(), nice(t));
      }
    }
    return out;
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static int nice(Path task) throws IOException {
    return BackgroundPriority.niceOf(task);
  }
}
