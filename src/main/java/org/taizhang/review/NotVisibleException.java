package org.taizhang.review;

/** The document does not exist for this caller: unknown, or outside its scope or its role's reach. */
public class NotVisibleException extends RuntimeException {
  public NotVisibleException() {
    super("not found", null, false, false);
  }
}
