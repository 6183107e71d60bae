package org.taizhang.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Nothing at this address; also what a caller gets for something it may not see. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException implements Problem {
  public NotFoundException() {
    this("没有找到");
  }

  /** {@code detail} says what was looked for, in words the caller may see. */
  public NotFoundException(String detail) {
    super(detail, null, false, false);
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
