package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a pool's parser process starts and ends: with its first file, and with the pool. */
class ParserProcessLifecycleTest {
  @TempDir Path dir;

  private ParserPool pool(String name) {
    return new ParserPool(
        new ParserPool.Settings(
            1,
            Duration.ofSeconds(60),
            256L << 20,
            100_000,
            100_000_000,
            1000,
            dir.resolve(name),
            0));
  }

  /**
   * The live parser processes this JVM started for the pool whose scratch directory is {@code
   * name}.
   */
  private List<ProcessHandle> processesOf(String name) {
    String marker = "-Djava.io.tmpdir=" + dir.resolve(name).toAbsolutePath();
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains(marker + " "))
        .toList();
  }

  private Path text(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void aPoolStartsItsProcessWithItsFirstFileNotWhenCreated() throws Exception {
    try (ParserPool idle = pool("idle");
        ParserPool used = pool("used")) {
      // The used pool's first file waits for a whole JVM to start: time enough for a process
      // started along with the idle pool to be running by now.
      assertThat(used.extract(text("a.txt", "创建工作台账"), "a.txt").text()).isEqualTo("创建工作台账");

      assertThat(used.stats().started()).isEqualTo(1);
      assertThat(processesOf("used")).hasSize(1);
      assertThat(idle.stats().started()).as("a pool that read no file started no process").isZero();
      assertThat(idle.stats().running()).isFalse();
      assertThat(processesOf("idle")).isEmpty();
    }
  }

  @Test
  void closingThePoolEndsItsProcess() throws Exception {
    ParserPool pool = pool("closing");
    ProcessHandle process;
    try {
      pool.extract(text("b.txt", "会议记录"), "b.txt");
      List<ProcessHandle> running = processesOf("closing");
      assertThat(running).hasSize(1);
      process = running.get(0);
    } finally {
      pool.close();
    }
    process.onExit().get(30, TimeUnit.SECONDS);
    assertThat(process.isAlive()).isFalse();
    assertThat(processesOf("closing")).isEmpty();
  }
}
