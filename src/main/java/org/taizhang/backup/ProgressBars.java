package org.taizhang.backup;

import java.io.PrintStream;
import org.taizhang.job.Job;
import org.taizhang.job.ProgressBar;

/** One progress bar per step on the command line; a new step ends the bar of the one before. */
final class ProgressBars implements StepProgress {
  private final PrintStream out;
  private String step;
  private Job job;
  private ProgressBar bar;

  ProgressBars(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void update(String step, long done, long total) {
    if (!step.equals(this.step)) {
      finish();
      this.step = step;
      this.job = Job.untracked(step);
      this.bar = new ProgressBar(job, step, out);
    }
    job.update(done, total);
  }

  synchronized void finish() {
    if (bar != null) {
      job.finish("");
      try {
        bar.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      bar = null;
      job = null;
      step = null;
    }
  }
}
