package org.taizhang.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * service's request threads keep theirs. The embedded index's write threads run at its writer nice
 * value.
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
    assertThat(after.get()).isEqualTo(7);
    assertThat(nice(Path.of("/proc/thread-self"))).isEqualTo(before);
  }

  @Test
  void zeroLeavesThePriorityAlone() {
    assertThat(BackgroundPriority.lowerCurrentThread(0)).isFalse();
  }

  @Test
  void theIndexWritesAtItsWriterNiceValue(@TempDir Path dir) throws Exception {
    assumeLinuxUnlessCi();
    try (DocumentIndex index =
        new DocumentIndex(
            dir,
            new ChineseAnalysis(Path.of("index-config")),
            Duration.ofSeconds(5),
            DocumentIndex.REFRESH_INTERVAL,
            6)) {
      index.put(TestDocuments.meetingRecord(1), "会议记录 文明创建工作例会");
      index.awaitOwnWrites();
      List<Integer> writers = niceOfThreadsNamed("index-write");
      assertThat(writers).isNotEmpty().containsOnly(6);
      assertThat(niceOfThreadsNamed("index-refresh")).containsOnly(0);
    }
  }

  private static void assumeLinuxUnlessCi() {
    boolean linux =
        Files.exists(Path.of("/proc/thread-self")) && Files.exists(Path.of("/usr/bin/renice"));
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(linux, "needs Linux's per-thread nice values and renice");
    }
  }

  private static List<Integer> niceOfThreadsNamed(String prefix) throws IOException {
    try (Stream<Path> tasks = Files.list(TASKS)) {
      return tasks
          .filter(t -> comm(t).startsWith(prefix))
          .map(
              t -> {
                try {
                  return nice(t);
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
          .toList();
    }
  }

  private static String comm(Path task) {
    try {
      return Files.readString(task.resolve("comm")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** Field 19 of {@code stat}, counted after the command name, which may hold spaces. */
  private static int nice(Path task) throws IOException {
    String stat = Files.readString(task.resolve("stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }
}
