package org.taizhang.completeness;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns failures of the completeness API into JSON errors with a stable code and a Chinese message. */
@RestControllerAdvice(assignableTypes = {CompletenessApiController.class, EvaluationSystemApiController.class})
class CompletenessApiErrors {
  private static final Logger log = LoggerFactory.getLogger(CompletenessApiErrors.class);

  /** The body of every error answer. */
  record ErrorBody(String error, String message) {}

  @ExceptionHandler(CompletenessException.class)
  ResponseEntity<ErrorBody> refused(CompletenessException e) {
    HttpStatus status = switch (e.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
    };
    return ResponseEntity.status(status).body(new ErrorBody(e.kind().name(), e.getMessage()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorBody> missing(MissingServletRequestParameterException e) {
    return ResponseEntity.badRequest().body(new ErrorBody("INVALID_REQUEST", "缺少参数 " + e.getParameterName()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorBody> mismatch(MethodArgumentTypeMismatchException e) {
    return ResponseEntity.badRequest().body(new ErrorBody("INVALID_REQUEST", "参数 " + e.getName() + " 格式有误：" + e.getValue()));
  }

  /** Access decisions are Spring Security's; rethrown so its handlers answer 401/403. */
  @ExceptionHandler(AccessDeniedException.class)
  void accessDenied(AccessDeniedException e) {
    throw e;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> unexpected(Exception e) {
    log.error("completeness request failed", e);
    return ResponseEntity.internalServerError().body(new ErrorBody("INTERNAL_ERROR", "服务器内部错误，请稍后重试"));
  }
}
