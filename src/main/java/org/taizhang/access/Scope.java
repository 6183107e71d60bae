package org.taizhang.access;

import java.util.Set;

/**
 * The units whose material an account may see: everything, or a fixed set of unit codes (a subtree
 * of the unit tree, or a single unit). Every read of documents filters by it.
 */
public record Scope(boolean everything, Set<String> units) {
  public static final Scope ALL = new Scope(true, Set.of());
  public static final Scope NOTHING = new Scope(false, Set.of());

  public Scope {
    units = Set.copyOf(units);
  }

  public static Scope of(Set<String> units) {
    return new Scope(false, units);
  }

  public boolean contains(String unitCode) {
    return everything || (unitCode != null && units.contains(unitCode));
  }
}
