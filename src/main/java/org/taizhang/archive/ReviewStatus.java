package org.taizhang.archive;

/** 已提交 on upload, then 已通过 or 退回 by a reviewer. */
public enum ReviewStatus {
  SUBMITTED("已提交"),
  ACCEPTED("已通过"),
  RETURNED("退回");

  private final String label;

  ReviewStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
