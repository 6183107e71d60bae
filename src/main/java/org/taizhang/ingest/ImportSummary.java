package org.taizhang.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The outcome of a folder import: counts, and every rejected file with its reason. */
public record ImportSummary(int imported, int duplicates, List<Rejected> rejected, long bytes, Duration elapsed) {
  public ImportSummary {
    rejected = List.copyOf(rejected);
  }

  /** A file that was not imported. */
  public record Rejected(Path file, Rejection reason, String message) {}

  public int total() {
    return imported + duplicates + rejected.size();
  }
}
