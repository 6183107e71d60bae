package org.taizhang.completeness;

/**
 * An indicator's grade; the share of its points each grade earns is configured per evaluation
 * system.
 */
public enum Grade {
  A,
  B,
  C,
  D
}
