package org.taizhang.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.taizhang.ingest.RejectedException;
import org.taizhang.ingest.Rejection;

/** Turns failures of API calls into JSON errors with a stable code; never a stack trace. */
@RestControllerAdvice(assignableTypes = {DocumentApiController.class, SearchApiController.class})
class ApiErrors {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(RejectedException.class)
  ResponseEntity<ApiError> rejected(RejectedException e) {
    return ResponseEntity.status(e.reason().status()).body(new ApiError(e.reason().name(), e.getMessage()));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("NOT_FOUND", "没有找到"));
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
      MissingServletRequestPartException.class})
  ResponseEntity<ApiError> badRequest(Exception e) {
    return ResponseEntity.badRequest().body(new ApiError("BAD_REQUEST", "请求参数有误：" + e.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    log.error("request failed", e);
    return ResponseEntity.internalServerError().body(new ApiError("INTERNAL_ERROR", "服务器内部错误，请稍后重试"));
  }

  /** Multipart limits are enforced before any controller is chosen; this advice covers every request. */
  @RestControllerAdvice
  static class UploadLimits {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
      return ResponseEntity.status(Rejection.FILE_TOO_LARGE.status())
          .body(new ApiError(Rejection.FILE_TOO_LARGE.name(), Rejection.FILE_TOO_LARGE.message()));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> badMultipart(MultipartException e) {
      return ResponseEntity.badRequest().body(new ApiError(Rejection.MISSING_FILE.name(), "上传请求格式有误：" + e.getMessage()));
    }
  }
}
