package org.taizhang.ingest;

/** Receives progress while a folder is imported; called from worker threads. */
@FunctionalInterface
public interface ImportProgress {
  void update(int done, int total, long bytes);

  ImportProgress NONE = (done, total, bytes) -> {};
}
