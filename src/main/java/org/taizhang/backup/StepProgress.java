package org.taizhang.backup;

/**
 * Where a long step of a backup or restore reports how far it has got; the command line draws a
 * bar.
 */
@FunctionalInterface
interface StepProgress {
  StepProgress NONE = (step, done, total) -> {};

  void update(String step, long done, long total);
}
