package org.taizhang.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.taizhang.ingest.RejectedException;
import org.taizhang.review.NotVisibleException;
import org.taizhang.review.ReviewException;
import org.taizhang.ingest.Rejection;

/** Turns failures of API calls into JSON errors with a stable code; never a stack trace. */
@RestControllerAdvice(assignableTypes = {DocumentApiController.class, SearchApiController.class, ReviewApiController.class})
class ApiErrors {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(RejectedException.class)
  ResponseEntity<ApiError> rejected(RejectedException e) {
    return ResponseEntity.status(e.reason().status()).body(new ApiError(e.reason().name(), e.getMessage()));
  }

  @ExceptionHandler({NotFoundException.class, NotVisibleException.class})
  ResponseEntity<ApiError> notFound(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("NOT_FOUND", "没有找到"));
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
      MissingServletRequestPartException.class})
  ResponseEntity<ApiError> badRequest(Exception e) {
    return ResponseEntity.badRequest().body(new ApiError("BAD_REQUEST", "请求参数有误：" + e.getMessage()));
  }

  /** Our own validation messages are written for people and are safe to show. */
  @ExceptionHandler({ReviewException.class, IllegalArgumentException.class})
  ResponseEntity<ApiError> invalid(RuntimeException e) {
    return ResponseEntity.badRequest().body(new ApiError("INVALID_REQUEST", e.getMessage()));
  }

  /** Access decisions are Spring Security's; rethrown so its handlers answer 401/403. */
  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  void accessDenied(org.springframework.security.access.AccessDeniedException e) {
    throw e;
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    log.error("request failed", e);
    return ResponseEntity.internalServerError().body(new ApiError("INTERNAL_ERROR", "服务器内部错误，请稍后重试"));
  }

  /**
   * Multipart limits are enforced before any controller is chosen, so this advice covers every
   * request: API callers get the JSON error, people on the upload page the Chinese error page.
   */
  @ControllerAdvice
  static class UploadLimits {
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
      return answer(request, Rejection.FILE_TOO_LARGE, Rejection.FILE_TOO_LARGE.message());
    }

    @ExceptionHandler(MultipartException.class)
    Object badMultipart(HttpServletRequest request) {
      return answer(request, Rejection.MISSING_FILE, "上传请求格式有误");
    }

    private static Object answer(HttpServletRequest request, Rejection reason, String message) {
      HttpStatus status = HttpStatus.valueOf(reason.status());
      if (request.getRequestURI().startsWith("/api/")) {
        return ResponseEntity.status(status).body(new ApiError(reason.name(), message));
      }
      ModelAndView page = new ModelAndView("error", status);
      page.addObject("status", status.value());
      page.addObject("detail", message);
      return page;
    }
  }
}
