package org.taizhang.access;

/** What an account may do; where it may do it is its {@link Scope}. */
public enum Role {
  /** 创建办管理员: manages units, users and required lists; sees everything. */
  ADMIN("创建办管理员"),
  /** 区县/街镇创建办: sees and reviews the units under its node of the unit tree. */
  DISTRICT("下级创建办"),
  /** 测评员: reads and searches every unit in scope, reviews and comments, never deletes. */
  REVIEWER("测评员"),
  /** 单位填报员: uploads and manages only its own unit's material. */
  CLERK("单位填报员");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Roles whose account must be bound to a unit. */
  public boolean needsUnit() {
    return this == DISTRICT || this == CLERK;
  }

  public boolean reviews() {
    return this == ADMIN || this == DISTRICT || this == REVIEWER;
  }

  public boolean handsIn() {
    return this == ADMIN || this == CLERK;
  }
}
