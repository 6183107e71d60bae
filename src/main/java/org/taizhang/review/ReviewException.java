package org.taizhang.review;

import org.springframework.http.HttpStatus;
import org.taizhang.web.ProblemException;

/**
 * A review or recycle-bin action that cannot be done as asked; the message is for the person who
 * asked.
 */
public class ReviewException extends ProblemException {
  public ReviewException(String message) {
    super(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", message);
  }
}
