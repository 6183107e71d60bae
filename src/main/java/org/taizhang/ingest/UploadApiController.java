package org.taizhang.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.taizhang.access.Caller;
import org.taizhang.archive.Document;
import org.taizhang.review.DocumentView;

/** Upload of documents through the API. */
@RestController
class UploadApiController {
  private final Uploads uploads;
  private final DocumentView.Factory views;

  UploadApiController(Uploads uploads, DocumentView.Factory views) {
    this.uploads = uploads;
    this.views = views;
  }

  /**
   * 201 with the new document once file and row are durable; 200 with {@code duplicate: true} when
   * the unit already had it. A mail answers with its message's document and, under {@code
   * attachments}, each attachment's outcome. A bundle (ZIP, 7z) answers with {@code bundle: true},
   * counts and {@code members}, each member's outcome: 201 when one was stored, 200 when all that
   * were taken in were there already. A bundle of nothing but refused members is refused as a file
   * is, its problem detail listing the members.
   */
  @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Object> upload(
      Caller caller,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "replaces", required = false) Long replaces)
      throws RejectedException, IOException {
    Intake intake = uploads.take(caller, file, unit, category, date, title, year, replaces);
    List<MemberAnswer> members =
        intake.members().stream().map(m -> MemberAnswer.of(m, views)).toList();
    if (intake.bundle()) {
      return ResponseEntity.status(intake.stored() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
          .body(
              new BundleAnswer(
                  FileNames.clean(file.getOriginalFilename()),
                  true,
                  intake.stored(),
                  intake.duplicates(),
                  intake.rejected(),
                  members));
    }
    IngestResult result = intake.document();
    Document d = result.document();
    DocumentView view = views.of(d, result.duplicate());
    return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/documents/" + d.id()))
        .body(members.isEmpty() ? view : new MessageAnswer(view, members));
  }

  /** A mail: its message's document, and each attachment's outcome. */
  record MessageAnswer(@JsonUnwrapped DocumentView document, List<MemberAnswer> attachments) {}

  /** A bundle: counts of its members' outcomes, and each member's. */
  record BundleAnswer(
      String fileName,
      boolean bundle,
      long stored,
      long duplicates,
      long rejected,
      List<MemberAnswer> members) {}

  /**
   * One member: {@code outcome} is {@code STORED}, {@code DUPLICATE} or {@code REJECTED}; a
   * document for the first two, the reason's {@code code} and {@code detail} for the last.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MemberAnswer(
      String path, String outcome, DocumentView document, String code, String detail) {
    static MemberAnswer of(MemberOutcome m, DocumentView.Factory views) {
      if (m.result() == null) {
        return new MemberAnswer(m.path(), "REJECTED", null, m.reason().name(), m.message());
      }
      return new MemberAnswer(
          m.path(),
          m.duplicate() ? "DUPLICATE" : "STORED",
          views.of(m.document(), m.duplicate()),
          null,
          null);
    }
  }
}
