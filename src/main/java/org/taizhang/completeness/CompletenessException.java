package org.taizhang.completeness;

import org.springframework.http.HttpStatus;
import org.taizhang.web.Problem;

/**
 * A refused completeness action, with a Chinese message safe to show. {@link Kind#NOT_FOUND} is
 * also what a unit outside the caller's scope gets, exactly as if it did not exist.
 */
class CompletenessException extends RuntimeException implements Problem {
  public enum Kind {
    NOT_FOUND,
    FORBIDDEN,
    INVALID_REQUEST
  }

  private final Kind kind;

  public CompletenessException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static CompletenessException notFound() {
    return new CompletenessException(Kind.NOT_FOUND, "没有找到");
  }

  static CompletenessException forbidden(String message) {
    return new CompletenessException(Kind.FORBIDDEN, message);
  }

  static CompletenessException invalid(String message) {
    return new CompletenessException(Kind.INVALID_REQUEST, message);
  }

  @Override
  public HttpStatus status() {
    return switch (kind) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
    };
  }

  @Override
  public String code() {
    return kind.name();
  }
}
