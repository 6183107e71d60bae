package org.taizhang.completeness;

/**
 * One thing a unit's archive lacks, said in plain Chinese ("2025年第三季度缺少会议记录",
 * "会议记录 2025-05-14 缺少记录人"). {@code key} is stable across recomputations, so an
 * explanation filed for it stays attached.
 */
public record MissingItem(String key, String text, Explanation explanation) {}
