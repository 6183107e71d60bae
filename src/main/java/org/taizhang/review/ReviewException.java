package org.taizhang.review;

import org.taizhang.web.Problem;
import org.springframework.http.HttpStatus;

/** A review or recycle-bin action that cannot be done as asked; the message is for the person who asked. */
public class ReviewException extends RuntimeException implements Problem {
  public ReviewException(String message) {
    super(message);
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.BAD_REQUEST;
  }

  @Override
  public String code() {
    return "INVALID_REQUEST";
  }
}
