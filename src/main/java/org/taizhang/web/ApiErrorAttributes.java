package org.taizhang.web;

import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What the error endpoint answers for {@code /api/} addresses no controller took (an unknown
 * address, a method not allowed there): the problem detail every API error has. Pages keep Spring
 * Boot's attributes for the Chinese error page.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {
  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Object uri =
        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST);
    Object code =
        request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
    if (!(uri instanceof String path)
        || !path.startsWith("/api/")
        || !(code instanceof Integer status)) {
      return super.getErrorAttributes(request, options);
    }
    HttpStatus s = HttpStatus.resolve(status);
    if (s == null) {
      s = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String detail =
        switch (s) {
          case NOT_FOUND -> "没有找到：" + path;
          case METHOD_NOT_ALLOWED -> "此地址不支持该请求方法";
          case UNSUPPORTED_MEDIA_TYPE -> "不支持的请求内容类型";
          case PAYLOAD_TOO_LARGE -> "请求内容超过大小上限";
          case UNAUTHORIZED -> "请先登录（HTTP Basic 或 Bearer 令牌）";
          case FORBIDDEN -> "当前账号无权执行此操作";
          default -> s.is5xxServerError() ? "服务器内部错误，请稍后重试" : "请求有误";
        };
    String problem =
        switch (s) {
          case NOT_FOUND -> "NOT_FOUND";
          case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
          case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
          case PAYLOAD_TOO_LARGE -> "FILE_TOO_LARGE";
          case UNAUTHORIZED -> "UNAUTHENTICATED";
          case FORBIDDEN -> "FORBIDDEN";
          default -> s.is5xxServerError() ? "INTERNAL_ERROR" : ApiErrors.INVALID_REQUEST;
        };
    return ApiErrors.body(s, problem, detail, path);
  }
}
