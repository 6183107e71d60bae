package org.taizhang.completeness;

import java.util.List;

/**
 * One thing a unit's archive lacks, said in plain Chinese ("2025年第三季度缺少会议记录", "会议记录 2025-05-14
 * 缺少记录人"). {@code key} is stable across recomputations, so an explanation filed for it stays
 * attached. {@code returned} lists the documents of the period that would count but were returned
 * by a reviewer.
 */
public record MissingItem(
    String key, String text, Explanation explanation, List<ReturnedDocument> returned) {
  public MissingItem {
    returned = returned == null ? List.of() : List.copyOf(returned);
  }

  public MissingItem(String key, String text, Explanation explanation) {
    this(key, text, explanation, List.of());
  }
}
