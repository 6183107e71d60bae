package org.taizhang.backup;

import java.io.PrintStream;
import org.taizhang.cli.ProgressBar;

/** One progress bar per step on the command line; a new step ends the bar of the one before. */
final class ProgressBars implements StepProgress {
  private final PrintStream out;
  private String step;
  private ProgressBar bar;

  ProgressBars(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void update(String step, long done, long total) {
    if (!step.equals(this.step)) {
      finish();
      this.step = step;
      this.bar = new ProgressBar(step, out);
    }
    bar.update((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total, Integer.MAX_VALUE));
  }

  synchronized void finish() {
    if (bar != null) {
      bar.finish();
      bar = null;
      step = null;
    }
  }
}
