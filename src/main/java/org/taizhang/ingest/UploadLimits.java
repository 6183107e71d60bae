package org.taizhang.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.taizhang.web.ApiErrors;

/**
 * Multipart limits are enforced before any controller is chosen, so this advice covers every
 * request: API callers get the problem detail every API error has, people on the upload page the
 * Chinese error page.
 */
@ControllerAdvice
class UploadLimits {
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return answer(request, response, Rejection.FILE_TOO_LARGE, Rejection.FILE_TOO_LARGE.message());
  }

  @ExceptionHandler(MultipartException.class)
  ModelAndView badMultipart(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return answer(request, response, Rejection.MISSING_FILE, "上传请求格式有误");
  }

  private static ModelAndView answer(
      HttpServletRequest request, HttpServletResponse response, Rejection reason, String message)
      throws IOException {
    HttpStatus status = HttpStatus.valueOf(reason.status());
    if (request.getRequestURI().startsWith("/api/")) {
      ApiErrors.write(request, response, status, reason.name(), message);
      return new ModelAndView(); // the answer is written
    }
    ModelAndView page = new ModelAndView("error", status);
    page.addObject("status", status.value());
    page.addObject("detail", message);
    return page;
  }
}
