package org.taizhang.completeness;

import java.util.List;

/**
 * The verdict on one leaf indicator for one unit and year: status, computed and effective grade (an
 * override replaces the computed one; a 实地考察 or 问卷调查 indicator has only a hand grade), points
 * earned, the documents used as evidence and every missing item.
 */
public record IndicatorResult(
    String code,
    String name,
    String parentName,
    double points,
    String method,
    IndicatorStatus status,
    Grade computedGrade,
    Grade grade,
    GradeOverride override,
    HandGrade handGrade,
    double score,
    List<Long> evidence,
    List<MissingItem> missing) {

  public IndicatorResult {
    evidence = List.copyOf(evidence);
    missing = List.copyOf(missing);
  }

  /** Whether the archive decides it (材料审核); otherwise it is graded by hand. */
  public boolean documentReview() {
    return EvaluationSystem.DOCUMENT_REVIEW.equals(method);
  }
}
