package org.taizhang.job;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a job's progress on the command line — count, rate, time left — as one redrawn line on a
 * terminal and as a plain line every few seconds otherwise (logs, pipes).
 */
public final class ProgressBar implements AutoCloseable {
  private static final int WIDTH = 30;

  private final Job job;
  private final String label;
  private final PrintStream out;
  private final boolean terminal = System.console() != null;
  private final Thread ticker;

  public ProgressBar(Job job, String label, PrintStream out) {
    this.job = job;
    this.label = label;
    this.out = out;
    this.ticker = new Thread(this::tick, "progress");
    this.ticker.setDaemon(true);
    this.ticker.start();
  }

  private void tick() {
    long interval = terminal ? 200 : 5000;
    try {
      while (true) {
        Thread.sleep(interval);
        print(job.view());
      }
    } catch (InterruptedException e) {
      // finished
    }
  }

  private synchronized void print(JobView v) {
    int filled = v.total() == 0 ? 0 : (int) ((long) WIDTH * v.done() / v.total());
    String line =
        String.format(
            Locale.ROOT,
            "%s [%s%s] %d/%d  %.1f 个/秒  %.2f MB/秒  剩余 %s",
            label,
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            v.done(),
            v.total(),
            v.perSecond(),
            v.megabytesPerSecond(),
            JobView.format(v.left()));
    out.print(terminal ? "\r" + line + "   " : line + "\n");
    out.flush();
  }

  /** Prints the final state and stops redrawing. */
  @Override
  public void close() throws InterruptedException {
    ticker.interrupt();
    ticker.join();
    print(job.view());
    if (terminal) {
      out.println();
    }
  }
}
