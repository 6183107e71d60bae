package org.taizhang.ingest;

import org.springframework.http.HttpStatus;
import org.taizhang.web.Problem;

/** A file that was turned away; nothing of it was kept. */
public class RejectedException extends Exception implements Problem {
  private final Rejection reason;

  public RejectedException(Rejection reason, String detail) {
    super(detail == null ? reason.message() : reason.message() + "：" + detail);
    this.reason = reason;
  }

  public Rejection reason() {
    return reason;
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.valueOf(reason().status());
  }

  @Override
  public String code() {
    return reason().name();
  }
}
