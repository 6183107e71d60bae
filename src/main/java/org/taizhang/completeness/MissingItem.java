package org.taizhang.completeness;

import java.util.List;

/**
 * One thing a unit's archive lacks, said in plain Chinese ("2025年第三季度缺少会议记录", "会议记录 2025-05-14
 * 缺少记录人"). {@code key} is stable across recomputations, so an explanation filed for it stays
 * attached. {@code returned} lists the documents of the period that would count but were returned
 * by a reviewer; {@code pending} those that would count once a person confirms what the machine is
 * unsure of (待确认).
 */
public record MissingItem(
    String key,
    String text,
    Explanation explanation,
    List<ReturnedDocument> returned,
    List<PendingDocument> pending) {
  public MissingItem {
    returned = returned == null ? List.of() : List.copyOf(returned);
    pending = pending == null ? List.of() : List.copyOf(pending);
  }

  public MissingItem(
      String key, String text, Explanation explanation, List<ReturnedDocument> returned) {
    this(key, text, explanation, returned, List.of());
  }

  public MissingItem(String key, String text, Explanation explanation) {
    this(key, text, explanation, List.of(), List.of());
  }
}
