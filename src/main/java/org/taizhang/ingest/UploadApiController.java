package org.taizhang.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
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
    Intake intake =
        ingest(ingest, audit, caller, file, unit, category, date, title, year, replaces);
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

  /**
   * Shared by the API and the upload page, so both check a request the same way. A unit outside the
   * caller's reach is reported as unknown, so that codes of other units cannot be probed.
   */
  static Intake ingest(
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
    Intake intake;
    try (InputStream in = file.getInputStream()) {
      intake =
          ingest.take(
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
    if (intake.document() != null && !intake.document().duplicate()) {
      Document d = intake.document().document();
      audit.record(
          caller.username(),
          replaces == null ? AuditAction.UPLOAD : AuditAction.RESUBMIT,
          "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）",
          d.fileName() + "，" + d.size() + " 字节" + (replaces == null ? "" : "，替换材料 " + replaces));
    }
    String from = FileNames.clean(file.getOriginalFilename());
    for (MemberOutcome m : intake.members()) {
      if (m.stored()) {
        Document d = m.document();
        audit.record(
            caller.username(),
            AuditAction.UPLOAD,
            "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）",
            d.fileName() + "，" + d.size() + " 字节，来自 " + from + "（" + m.path() + "）");
      }
    }
    // The uploader's next search, on another request, finds what they uploaded.
    ingest.awaitSearchable();
    return intake;
  }
}
