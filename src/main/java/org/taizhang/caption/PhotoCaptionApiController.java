package org.taizhang.caption;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.access.Caller;
import org.taizhang.web.NotFoundException;

/**
 * A photo's caption in the API: {@code GET} and {@code PUT /api/documents/{id}/caption}. Outside
 * the caller's scope a photo is 404; a document that is not a photo is 400; a caller who sees the
 * photo but may not write its caption is 403.
 */
@RestController
class PhotoCaptionApiController {
  private final PhotoCaptions captions;

  PhotoCaptionApiController(PhotoCaptions captions) {
    this.captions = captions;
  }

  /** The four parts of a caption as the API reads and writes them. */
  record Parts(String time, String place, String people, String subject) {
    static Parts of(PhotoCaption c) {
      return new Parts(c.time(), c.place(), c.people(), c.subject());
    }

    PhotoCaption caption() {
      return new PhotoCaption(time, place, people, subject);
    }
  }

  /**
   * A caption as the API answers it: the printed parts, what is missing, and apart what inference
   * gives and what a person wrote.
   */
  record CaptionView(
      long documentId,
      String time,
      String place,
      String people,
      String subject,
      boolean complete,
      List<String> missing,
      List<String> lines,
      Parts inferred,
      Parts written,
      String editedBy,
      Instant editedAt,
      boolean editable) {
    static CaptionView of(PhotoCaptions.Sheet s) {
      PhotoCaption c = s.caption();
      return new CaptionView(
          s.photo().id(),
          c.time(),
          c.place(),
          c.people(),
          c.subject(),
          c.complete(),
          c.missing(),
          c.lines(),
          Parts.of(s.inferred()),
          Parts.of(s.written()),
          s.editedBy(),
          s.editedAt(),
          s.editable());
    }
  }

  @GetMapping("/api/documents/{id}/caption")
  CaptionView get(@PathVariable("id") String id, Caller caller) {
    return CaptionView.of(captions.sheet(caller, number(id)));
  }

  /**
   * Replaces what a person wrote: each part given wins over inference, a part left out or blank is
   * inferred again.
   */
  @PutMapping("/api/documents/{id}/caption")
  CaptionView put(@PathVariable("id") String id, @RequestBody Parts body, Caller caller) {
    Parts p = body == null ? new Parts(null, null, null, null) : body;
    return CaptionView.of(captions.write(caller, number(id), p.caption()));
  }

  private static long number(String id) {
    return PhotoCaptionController.parse(id)
        .orElseThrow(() -> new NotFoundException("没有找到编号为“" + id + "”的材料"));
  }
}
