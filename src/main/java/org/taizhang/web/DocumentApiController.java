package org.taizhang.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.taizhang.access.Caller;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestResult;
import org.taizhang.ingest.IngestService;
import org.taizhang.ingest.RejectedException;
import org.taizhang.ingest.Rejection;
import org.taizhang.text.ChineseDates;
import org.taizhang.thumbnail.Thumbnails;

/** Upload, metadata, download and thumbnail of documents. */
@RestController
@RequestMapping("/api/documents")
class DocumentApiController {
  private final IngestService ingest;
  private final Archive archive;
  private final DocumentView.Factory views;
  private final Thumbnails thumbnails;
  private final AuditLog audit;

  DocumentApiController(IngestService ingest, Archive archive, DocumentView.Factory views, Thumbnails thumbnails, AuditLog audit) {
    this.ingest = ingest;
    this.archive = archive;
    this.views = views;
    this.thumbnails = thumbnails;
    this.audit = audit;
  }

  /** Every version of the document, newest first. */
  @GetMapping("/{id}/versions")
  List<DocumentView> versions(Caller caller, @PathVariable("id") long id) {
    List<Document> versions = archive.versions(id, caller.scope());
    if (versions.isEmpty()) {
      throw new NotFoundException();
    }
    return versions.stream().map(d -> views.of(d)).toList();
  }

  /** 201 with the new document once file and row are durable; 200 with {@code duplicate: true} when the unit already had it. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DocumentView> upload(
      Caller caller,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "replaces", required = false) Long replaces) throws RejectedException, IOException {
    IngestResult result = ingest(ingest, audit, caller, file, unit, category, date, title, year, replaces);
    Document d = result.document();
    DocumentView view = views.of(d, result.duplicate());
    return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/api/documents/" + d.id()))
        .body(view);
  }

  /**
   * Shared by the API and the upload page, so both check a request the same way. A unit outside
   * the caller's reach is reported as unknown, so that codes of other units cannot be probed.
   */
  static IngestResult ingest(IngestService ingest, AuditLog audit, Caller caller, MultipartFile file, String unit,
      String category, String date, String title, String year, Long replaces) throws RejectedException, IOException {
    if (unit == null || !caller.handsIn(unit)) {
      throw new RejectedException(Rejection.UNKNOWN_UNIT, unit);
    }
    if (file == null) {
      throw new RejectedException(Rejection.MISSING_FILE, null);
    }
    LocalDate parsed = null;
    if (date != null && !date.isBlank()) {
      parsed = ChineseDates.parse(date).orElseThrow(() -> new RejectedException(Rejection.INVALID_DATE, date));
    }
    Integer archiveYear = null;
    if (year != null && !year.isBlank()) {
      archiveYear = year(year).orElseThrow(() -> new RejectedException(Rejection.INVALID_YEAR, year));
    }
    IngestResult result;
    try (InputStream in = file.getInputStream()) {
      result = ingest.ingest(new IngestRequest(unit, category, parsed, title, archiveYear, file.getOriginalFilename(), caller.username(),
          replaces), in);
    }
    if (!result.duplicate()) {
      Document d = result.document();
      audit.record(caller.username(), replaces == null ? AuditAction.UPLOAD : AuditAction.RESUBMIT,
          "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）",
          d.fileName() + "，" + d.size() + " 字节" + (replaces == null ? "" : "，替换材料 " + replaces));
    }
    return result;
  }

  /** An archive year as a person writes it (2025, 2025年, 2025年度), within the years an archive can have. */
  static Optional<Integer> year(String value) {
    String y = value == null ? "" : value.strip().replaceFirst("\\s*年\\s*度?$", "");
    if (!y.matches("[0-9]{4}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(y);
    return n >= 1990 && n <= 2100 ? Optional.of(n) : Optional.empty();
  }

  @GetMapping("/{id}")
  DocumentView get(Caller caller, @PathVariable("id") long id) {
    Document d = archive.document(id, caller.scope()).orElseThrow(NotFoundException::new);
    audit.record(caller.username(), AuditAction.VIEW, "材料 " + id, "接口");
    return views.of(d);
  }

  @GetMapping("/{id}/text")
  ResponseEntity<String> text(Caller caller, @PathVariable("id") long id) {
    archive.document(id, caller.scope()).orElseThrow(NotFoundException::new);
    return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(archive.text(id));
  }

  /** The original file, always as an attachment so that uploaded HTML never runs in the browser. */
  @GetMapping("/{id}/file")
  ResponseEntity<Resource> file(Caller caller, @PathVariable("id") long id) {
    Document d = archive.document(id, caller.scope()).orElseThrow(NotFoundException::new);
    Path path = archive.original(d).orElseThrow(NotFoundException::new);
    audit.record(caller.username(), AuditAction.DOWNLOAD, "材料 " + id + "《" + d.title() + "》（" + d.unitCode() + "）", d.fileName());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentLength(d.size())
        .body(new FileSystemResource(path));
  }

  @GetMapping("/{id}/thumbnail")
  ResponseEntity<Resource> thumbnail(Caller caller, @PathVariable("id") long id) {
    Document d = archive.document(id, caller.scope()).orElseThrow(NotFoundException::new);
    Path png = thumbnails.thumbnail(d).orElseThrow(NotFoundException::new);
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(new FileSystemResource(png));
  }
}
