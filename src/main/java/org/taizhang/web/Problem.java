package org.taizhang.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure with a stable code that the API reports as it is: the features' own exceptions
 * implement it, and {@link ApiErrors} turns it into a problem detail whose {@code detail} is the
 * exception's (Chinese) message.
 */
public interface Problem {
  HttpStatus status();

  /**
   * Stable, for scripts to match on: {@code NOT_FOUND}, {@code INVALID_REQUEST}, {@code
   * FILE_TOO_LARGE}…
   */
  String code();

  /** The exception's message; implemented by {@link Throwable}. */
  String getMessage();

  /**
   * What a person reads, in Chinese: the message unless the exception has a better one for the API.
   */
  default String detail() {
    return getMessage();
  }

  /** Further members of the problem detail, such as where in an edited list the problem is. */
  default Map<String, Object> properties() {
    return Map.of();
  }
}
