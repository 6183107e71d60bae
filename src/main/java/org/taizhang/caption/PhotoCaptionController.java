package org.taizhang.caption;

import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;
import org.taizhang.web.NotFoundException;
import org.taizhang.web.Pages;
import org.taizhang.web.ProblemException;

/**
 * A photo's caption on the document page (the form posts to {@code /documents/{id}/caption}) and in
 * the API ({@code GET} and {@code PUT /api/documents/{id}/caption}). Outside the caller's scope a
 * photo is 404, as everywhere.
 */
@Controller
class PhotoCaptionController {
  private static final String NOT_FOUND = "没有找到编号为“%s”的材料，可能已被删除或地址有误。";

  private final PhotoCaptions captions;

  PhotoCaptionController(PhotoCaptions captions) {
    this.captions = captions;
  }

  @PostMapping("/documents/{id}/caption")
  ModelAndView post(
      @PathVariable("id") String id,
      @RequestParam(name = "time", required = false) String time,
      @RequestParam(name = "place", required = false) String place,
      @RequestParam(name = "people", required = false) String people,
      @RequestParam(name = "subject", required = false) String subject,
      Caller caller,
      RedirectAttributes redirect) {
    Optional<Long> n = parse(id);
    if (n.isEmpty()) {
      return Pages.notFound(NOT_FOUND.formatted(id));
    }
    try {
      PhotoCaptions.Sheet s =
          captions.write(caller, n.get(), new PhotoCaption(time, place, people, subject));
      Pages.flash(
          redirect,
          "success",
          s.caption().complete()
              ? "已保存照片说明"
              : "已保存照片说明，仍缺" + String.join("、", s.caption().missing()));
    } catch (NotFoundException e) {
      return Pages.notFound(NOT_FOUND.formatted(id));
    } catch (ProblemException e) {
      if (e.status() == HttpStatus.FORBIDDEN) {
        throw new org.springframework.security.access.AccessDeniedException(e.getMessage());
      }
      Pages.flash(redirect, "error", e.getMessage());
    }
    return new ModelAndView("redirect:/documents/" + n.get() + "#caption");
  }

  static Optional<Long> parse(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
