package org.taizhang.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers the CPU priority of the thread that calls it, and tells whether a thread runs lowered.
 * Background threads (imports, jobs, OCR, thumbnails, renditions) lower themselves by {@code
 * taizhang.background-nice}; what they ask of the parser process and of the index runs there at the
 * same lower priority, while the same work asked by a request runs higher: a unit's upload at
 * {@code taizhang.upload.nice} (between the two), anything else at the service's. Searches go
 * first, then uploads, then background work; the cores stay busy with background work whenever
 * nobody is waiting for an answer, and an upload is never starved behind an import.
 *
 * <p>Linux gives each thread its own nice value; {@code renice} on the thread's id ({@code
 * /proc/thread-self}) sets it, which needs no privilege when it lowers the priority. A thread
 * cannot take it back, so only threads that do nothing but background work call this. Elsewhere (no
 * {@code /proc/thread-self}, no {@code renice}) it does nothing.
 */
public final class BackgroundPriority {
  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
  private static final Path THREAD_SELF = Path.of("/proc/thread-self");
  private static final Path PROCESS_SELF = Path.of("/proc/self");
  private static final Path RENICE = Path.of("/usr/bin/renice");

  private BackgroundPriority() {}

  /**
   * Sets the calling thread's nice value {@code by} (1–19; 0 leaves it as it is) above the
   * service's, as {@code nice -n} does for a process: a service started at nice 10 runs its
   * background work at 15.
   *
   * @return whether the priority is now lower
   */
  public static boolean lowerCurrentThread(int by) {
    if (by <= 0 || !Files.isExecutable(RENICE) || !Files.exists(THREAD_SELF)) {
      return false;
    }
    try {
      // "<pid>/task/<tid>"
      String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
      // From the service's value, not the thread's: a thread inherits its creator's nice value, and
      // a pool's thread may have been created by a background thread.
      int nice = Math.min(19, niceOf(PROCESS_SELF) + by);
      Process p =
          new ProcessBuilder(RENICE.toString(), "-n", Integer.toString(nice), "-p", tid)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException | RuntimeException e) {
      log.debug("线程优先级未调低：{}", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** {@code work}, run by a thread that first lowers itself by {@code nice}. */
  public static Runnable lowered(int nice, Runnable work) {
    return () -> {
      lowerCurrentThread(nice);
      work.run();
    };
  }

  /** Daemon threads named {@code name}, each lowered by {@code nice} before it runs its work. */
  public static ThreadFactory daemons(String name, int nice) {
    return r -> {
      Thread t = new Thread(lowered(nice, r), name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Whether the calling thread runs at a lower priority than the service's main thread: work done
   * on its behalf elsewhere (a parse, an index write) is background work too. False where nice
   * values cannot be read.
   */
  public static boolean currentThreadLowered() {
    return currentThreadNice() > 0;
  }

  /**
   * How much lower the calling thread runs than the service's main thread (0 where nice values
   * cannot be read): work done on its behalf elsewhere runs that much lower too.
   */
  public static int currentThreadNice() {
    if (!Files.exists(THREAD_SELF)) {
      return 0;
    }
    try {
      return Math.max(0, niceOf(THREAD_SELF) - niceOf(PROCESS_SELF));
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * The nice value of a thread: field 19 of its {@code stat}, counted after the command name, which
   * may hold spaces.
   */
  public static int niceOf(Path task) throws IOException {
    String stat = Files.readString(task.resolve("stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }
}
