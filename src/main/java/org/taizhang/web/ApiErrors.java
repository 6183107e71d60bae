package org.taizhang.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where failures of API calls become answers: RFC 9457 problem details with a stable
 * {@code code} and a Chinese {@code detail}, never a stack trace. The same problem has the same
 * code in every API; Spring Security's 401 and 403, the multipart limits and unknown {@code /api/}
 * addresses are written in the same shape through {@link #problem} and {@link #write}.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {
  public static final String INVALID_REQUEST = "INVALID_REQUEST";
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> failed(Exception e, HttpServletRequest request) {
    if (e instanceof AccessDeniedException denied) {
      throw denied; // Spring Security's decision: its handlers answer 401 or 403
    }
    if (clientGone(e)) {
      // The client closed the connection while the answer was written: nobody to answer, and
      // nothing wrong with the service.
      log.debug("client went away: {}", request.getRequestURI());
      return null;
    }
    ProblemDetail body = known(e, request);
    if (body == null) {
      log.error("request failed: {}", request.getRequestURI(), e);
      body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "服务器内部错误，请稍后重试", request);
    } else if (body.getStatus() >= 500) {
      log.error("request failed: {}", request.getRequestURI(), e);
    }
    return ResponseEntity.status(body.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  private static boolean clientGone(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof AsyncRequestNotUsableException
          || c.getClass().getSimpleName().equals("ClientAbortException")
          || (c instanceof IOException && String.valueOf(c.getMessage()).contains("Broken pipe"))) {
        return true;
      }
    }
    return false;
  }

  private static ProblemDetail known(Exception e, HttpServletRequest request) {
    // a store that did not answer, met where no checked exception may pass (finding a file)
    Throwable problem =
        e instanceof UncheckedIOException && e.getCause() instanceof Problem ? e.getCause() : e;
    if (problem instanceof Problem p) {
      ProblemDetail detail = problem(p.status(), p.code(), p.detail(), request);
      p.properties().forEach(detail::setProperty);
      return detail;
    }
    if (e instanceof MissingServletRequestParameterException m) {
      return problem(
          HttpStatus.BAD_REQUEST, INVALID_REQUEST, "缺少参数 " + m.getParameterName(), request);
    }
    if (e instanceof MissingServletRequestPartException m) {
      return problem(
          HttpStatus.BAD_REQUEST, INVALID_REQUEST, "缺少参数 " + m.getRequestPartName(), request);
    }
    if (e instanceof MethodArgumentTypeMismatchException m) {
      return problem(
          HttpStatus.BAD_REQUEST,
          INVALID_REQUEST,
          "参数 " + m.getName() + " 格式有误：" + m.getValue(),
          request);
    }
    if (e instanceof HttpMessageNotReadableException) {
      return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "请求内容无法读取，应为 JSON", request);
    }
    if (e instanceof IllegalArgumentException) {
      // our own validation messages are written for people and are safe to show
      return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, e.getMessage(), request);
    }
    if (e instanceof HttpRequestMethodNotSupportedException m) {
      return problem(
          HttpStatus.METHOD_NOT_ALLOWED,
          "METHOD_NOT_ALLOWED",
          "此地址不支持 " + m.getMethod() + " 请求",
          request);
    }
    if (e instanceof HttpMediaTypeNotSupportedException m) {
      return problem(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "UNSUPPORTED_MEDIA_TYPE",
          "不支持的请求内容类型：" + m.getContentType(),
          request);
    }
    return null;
  }

  /**
   * A problem detail of this service: title is the status's reason, {@code code} the stable code.
   */
  public static ProblemDetail problem(
      HttpStatus status, String code, String detail, HttpServletRequest request) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(status.getReasonPhrase());
    p.setInstance(URI.create(request.getRequestURI()));
    p.setProperty("code", code);
    return p;
  }

  /** Writes a problem detail where no controller answers: security filters, error pages. */
  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String code,
      String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(JSON.writeValueAsString(body(status, code, detail, request.getRequestURI())));
  }

  /** The members of a problem detail, for answers written without Spring MVC's converters. */
  static Map<String, Object> body(HttpStatus status, String code, String detail, String instance) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", instance);
    body.put("code", code);
    return body;
  }
}
