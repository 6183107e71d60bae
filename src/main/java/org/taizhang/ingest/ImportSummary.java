package org.taizhang.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a folder import: counts, and every rejected file with its reason; {@code accepted}
 * counts the new documents marked 已通过 on import (a historical archive).
 */
public record ImportSummary(
    int imported,
    int duplicates,
    List<Rejected> rejected,
    long bytes,
    Duration elapsed,
    int accepted) {
  public ImportSummary {
    rejected = List.copyOf(rejected);
  }

  public ImportSummary(
      int imported, int duplicates, List<Rejected> rejected, long bytes, Duration elapsed) {
    this(imported, duplicates, rejected, bytes, elapsed, 0);
  }

  /**
   * A file that was not imported; for a member of a bundle or an attachment of a mail, {@code
   * member} is its path inside the file.
   */
  public record Rejected(Path file, String member, Rejection reason, String message) {
    public Rejected(Path file, Rejection reason, String message) {
      this(file, null, reason, message);
    }

    /** The file, and the member's path inside it after {@code !/}. */
    public String name() {
      return member == null ? file.toString() : file + "!/" + member;
    }
  }

  public int total() {
    return imported + duplicates + rejected.size();
  }

  /** One line for people: “共 256 个文件，新增 250，重复 4，拒收 2；4.9 MB，用时 7.0 秒”. */
  public String outcome() {
    return String.format(
        "共 %d 个文件，新增 %d%s，重复 %d，拒收 %d；%.1f MB，用时 %.1f 秒",
        total(),
        imported,
        accepted > 0 ? "（" + accepted + " 份作为历史档案直接通过）" : "",
        duplicates,
        rejected.size(),
        bytes / 1048576.0,
        elapsed.toMillis() / 1000.0);
  }
}
