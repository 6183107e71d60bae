package org.taizhang.review;

import org.springframework.http.HttpStatus;
import org.taizhang.web.Problem;

/**
 * The document does not exist for this caller: unknown, or outside its scope or its role's reach.
 */
public class NotVisibleException extends RuntimeException implements Problem {
  public NotVisibleException() {
    super("没有找到", null, false, false);
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.NOT_FOUND;
  }

  @Override
  public String code() {
    return "NOT_FOUND";
  }
}
