package org.taizhang.cli;

import java.io.PrintStream;

/** A one-line progress bar with count, rate and time left; plain lines when output is not a terminal. */
public final class ProgressBar {
  private static final int WIDTH = 30;

  private final String label;
  private final PrintStream out;
  private final boolean terminal = System.console() != null;
  private final long start = System.nanoTime();
  private long lastPrint;

  public ProgressBar(String label, PrintStream out) {
    this.label = label;
    this.out = out;
  }

  public synchronized void update(int done, int total) {
    long now = System.nanoTime();
    long interval = terminal ? 100_000_000L : 5_000_000_000L;
    if (done != total && now - lastPrint < interval) {
      return;
    }
    lastPrint = now;
    double seconds = (now - start) / 1e9;
    double rate = done / Math.max(seconds, 1e-3);
    long left = rate > 0 ? Math.round((total - done) / rate) : 0;
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String line = String.format("%s [%s%s] %d/%d  %.1f 个/秒  剩余 %d 秒", label, "#".repeat(filled),
        " ".repeat(WIDTH - filled), done, total, rate, left);
    out.print(terminal ? "\r" + line : line + "\n");
    out.flush();
  }

  public void finish() {
    if (terminal) {
      out.println();
    }
  }
}
