package org.taizhang.completeness;

/** How far a unit's archive meets one indicator, or where a hand-graded indicator stands. */
public enum IndicatorStatus {
  MET("达标"),
  PARTIAL("部分达标"),
  /**
   * Short of evidence unless documents that wait for a person's confirmation count: text recognised
   * with low confidence, a category inferred with low confidence, no stated date. Scored as not met
   * until they are confirmed.
   */
  PENDING("待确认"),
  MISSING("缺失"),
  /** Every missing item has a 缺项说明 whose deadline has not passed. */
  EXPLAINED("已说明"),
  /** A 缺项说明 exists but its completion deadline has passed. */
  OVERDUE("说明逾期"),
  /**
   * Not a 材料审核 indicator (实地考察, 问卷调查): graded by hand, and not yet graded. Earns nothing until it
   * is.
   */
  NOT_REVIEWED("待评"),
  /** Not a 材料审核 indicator, graded by hand by a reviewer (人工评定). */
  HAND_GRADED("人工评定");

  private final String label;

  IndicatorStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
