package org.taizhang.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the thread that calls it: the threads that index, import and recount
 * completeness, so that searches and pages go first while units upload. The cores stay busy with
 * background work whenever nobody is waiting for an answer.
 *
 * <p>Linux gives each thread its own nice value; {@code renice} on the thread's id ({@code
 * /proc/thread-self}) sets it, which needs no privilege when it lowers the priority. A thread
 * cannot take it back, so only threads that do nothing but background work call this. Elsewhere (no
 * {@code /proc/thread-self}, no {@code renice}) it does nothing.
 */
public final class BackgroundPriority {
  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final Path RENICE = Path.of("/usr/bin/renice");

  private BackgroundPriority() {}

  /**
   * Sets the calling thread's nice value to {@code nice} (1–19; 0 leaves it as it is).
   *
   * @return whether the priority is now lower
   */
  public static boolean lowerCurrentThread(int nice) {
    if (nice <= 0 || !Files.isExecutable(RENICE) || !Files.exists(THREAD_SELF)) {
      return false;
    }
    try {
      // "<pid>/task/<tid>"
      String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
      Process p =
          new ProcessBuilder(
                  RENICE.toString(), "-n", Integer.toString(Math.min(19, nice)), "-p", tid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      log.debug("线程优先级未调低：{}", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
