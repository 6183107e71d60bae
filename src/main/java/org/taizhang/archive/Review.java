package org.taizhang.archive;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a document stands with the reviewers: the status, and for a return its reason and deadline.
 */
public record Review(
    ReviewStatus status, String reason, LocalDate deadline, String by, Instant at) {
  public static final Review SUBMITTED = new Review(ReviewStatus.SUBMITTED, null, null, null, null);
}
