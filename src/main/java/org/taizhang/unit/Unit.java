package org.taizhang.unit;

/**
 * A participating unit (参创单位) or an office node of the unit tree. A deactivated unit keeps its
 * place in the tree, its documents and its history, but takes no uploads and is not judged.
 */
public record Unit(String code, String name, String type, String parentCode, boolean active) {
  /** An active unit. */
  public Unit(String code, String name, String type, String parentCode) {
    this(code, name, type, parentCode, true);
  }
}
