package org.taizhang.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;

/**
 * What every feature's pages answer the same way: messages after a redirect, 404, downloads,
 * administrators only.
 */
public final class Pages {
  public static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private Pages() {}

  /**
   * A message shown once on the page the redirect leads to; {@code kind} is success, notice or
   * error.
   */
  public static void flash(RedirectAttributes redirect, String kind, String message) {
    redirect.addFlashAttribute("flash", message);
    redirect.addFlashAttribute("flashKind", kind);
  }

  /**
   * The error page with 404, for what does not exist or is outside the caller's scope (the two look
   * the same).
   */
  public static ModelAndView notFound(String detail) {
    ModelAndView mv = new ModelAndView("error");
    mv.setStatus(HttpStatus.NOT_FOUND);
    mv.addObject("status", 404);
    mv.addObject("detail", detail);
    return mv;
  }

  /** A file to save, named in Chinese (RFC 6266 {@code filename*}). */
  public static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(body);
  }

  /**
   * Spring Security lets only administrators reach /admin/**; checked again here, where it matters.
   */
  public static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw new AccessDeniedException("administrators only");
    }
  }
}
