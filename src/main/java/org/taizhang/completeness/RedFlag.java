package org.taizhang.completeness;

import java.util.List;

/**
 * Something a reviewer should look at although no rule fails: an unfilled template, a photo whose
 * time does not match its activity, a summary nearly identical to another unit's, material made
 * up in bulk. {@code kind} is one of PLACEHOLDER, PHOTO_TIME_MISMATCH, NEAR_DUPLICATE, BACKFILLED.
 */
public record RedFlag(String kind, String text, List<Long> documents) {
  public RedFlag {
    documents = List.copyOf(documents);
  }
}
