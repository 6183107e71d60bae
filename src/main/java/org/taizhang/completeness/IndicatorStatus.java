package org.taizhang.completeness;

/** How far a unit's archive meets one indicator. */
public enum IndicatorStatus {
  MET("达标"),
  PARTIAL("部分达标"),
  MISSING("缺失"),
  /** Every missing item has a 缺项说明 whose deadline has not passed. */
  EXPLAINED("已说明"),
  /** A 缺项说明 exists but its completion deadline has passed. */
  OVERDUE("说明逾期"),
  /** Not a 材料审核 indicator: judged by field inspection or survey, not by the archive. */
  NOT_REVIEWED("非材料审核");

  private final String label;

  IndicatorStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
