package org.taizhang.ingest;

/** A file that was turned away; nothing of it was kept. */
public class RejectedException extends Exception {
  private final Rejection reason;

  public RejectedException(Rejection reason, String detail) {
    super(detail == null ? reason.message() : reason.message() + "：" + detail);
    this.reason = reason;
  }

  public Rejection reason() {
    return reason;
  }
}
