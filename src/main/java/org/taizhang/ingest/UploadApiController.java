package org.taizhang.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.taizhang.access.Caller;
import org.taizhang.archive.Document;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.review.DocumentView;
import org.taizhang.text.ChineseDates;

/** Upload of documents through the API, and the checks the upload page shares. */
@RestController
class UploadApiController {
  private final IngestService ingest;
  private final DocumentView.Factory views;
  private final AuditLog audit;

  UploadApiController(IngestService ingest, DocumentView.Factory views, AuditLog audit) {
    this.ingest = ingest;
    this.views = views;
    this.audit = audit;
  }

  /**
   * 201 with the new document once file and row are durable; 200 with {@code duplicate: true} when
   * the unit already had it.
   */
  @PostMapping(path = "/api/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DocumentView> upload(
      Caller caller,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "replaces", required = false) Long replaces)
      throws RejectedException, IOException {
    IngestResult result =
        ingest(ingest, audit, caller, file, unit, category, date, title, year, replaces);
    Document d = result.document();
    DocumentView view = views.of(d, result.duplicate());
    return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/documents/" + d.id()))
        .body(view);
  }

  /**
   * Shared by the API and the upload page, so both check a request the same way. A unit outside the
   * caller's reach is reported as unknown, so that codes of other units cannot be probed.
   */
  static IngestResult ingest(
      IngestService ingest,
      AuditLog audit,
      Caller caller,
      MultipartFile file,
      String unit,
      String category,
      String date,
      String title,
      String year,
      Long replaces)
      throws RejectedException, IOException {
    if (unit == null || !caller.handsIn(unit)) {
      throw new RejectedException(Rejection.UNKNOWN_UNIT, unit);
    }
    if (file == null) {
      throw new RejectedException(Rejection.MISSING_FILE, null);
    }
    LocalDate parsed = null;
    if (date != null && !date.isBlank()) {
      parsed =
          ChineseDates.parse(date)
              .orElseThrow(() -> new RejectedException(Rejection.INVALID_DATE, date));
    }
    Integer archiveYear = null;
    if (year != null && !year.isBlank()) {
      archiveYear =
          ChineseDates.archiveYear(year)
              .orElseThrow(() -> new RejectedException(Rejection.INVALID_YEAR, year));
    }
    IngestResult result;
    try (InputStream in = file.getInputStream()) {
      result =
          ingest.ingest(
              new IngestRequest(
                  unit,
                  category,
                  parsed,
                  title,
                  archiveYear,
                  file.getOriginalFilename(),
                  caller.username(),
                  replaces),
              in);
    }
    if (!result.duplicate()) {
      Document d = result.document();
      audit.record(
          caller.username(),
          replaces == null ? AuditAction.UPLOAD : AuditAction.RESUBMIT,
          "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）",
          d.fileName() + "，" + d.size() + " 字节" + (replaces == null ? "" : "，替换材料 " + replaces));
    }
    return result;
  }
}
