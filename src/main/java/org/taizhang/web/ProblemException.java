package org.taizhang.web;

import org.springframework.http.HttpStatus;

/** A refusal with a fixed status and code, and a message in Chinese for the person who asked. */
public class ProblemException extends RuntimeException implements Problem {
  private final HttpStatus status;
  private final String code;

  public ProblemException(HttpStatus status, String code, String message) {
    this(status, code, message, null);
  }

  public ProblemException(HttpStatus status, String code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  @Override
  public HttpStatus status() {
    return status;
  }

  @Override
  public String code() {
    return code;
  }
}
