package org.taizhang.access;

/** Who is making the current request, and what they may see. */
public record Caller(String username, String displayName, Role role, String unitCode, Scope scope) {
  /** The service itself, for work no person started (first-start import, maintenance). */
  public static Caller system(String name) {
    return new Caller(name, name, Role.ADMIN, null, Scope.ALL);
  }

  public boolean sees(String unit) {
    return scope.contains(unit);
  }

  /**
   * Uploading, resubmitting, deleting and restoring: administrators anywhere, clerks in their unit.
   */
  public boolean handsIn(String unit) {
    return role.handsIn() && scope.contains(unit);
  }

  public boolean reviews(String unit) {
    return role.reviews() && scope.contains(unit);
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
