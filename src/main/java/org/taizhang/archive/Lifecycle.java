package org.taizhang.archive;

import java.time.Instant;

/**
 * A document's place among its versions and whether it sits in the recycle bin. Only a current (not
 * superseded), not deleted document is listed, indexed and counted.
 */
public record Lifecycle(Long supersedesId, Long supersededBy, Instant deletedAt, String deletedBy) {
  public static final Lifecycle CURRENT = new Lifecycle(null, null, null, null);

  public boolean current() {
    return supersededBy == null && deletedAt == null;
  }

  public boolean deleted() {
    return deletedAt != null;
  }
}
