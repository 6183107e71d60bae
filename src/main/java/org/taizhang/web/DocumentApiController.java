package org.taizhang.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.catalog.Catalog;
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
  static final String API_UPLOADER = "接口上传";

  private final IngestService ingest;
  private final Archive archive;
  private final Catalog catalog;
  private final Thumbnails thumbnails;

  DocumentApiController(IngestService ingest, Archive archive, Catalog catalog, Thumbnails thumbnails) {
    this.ingest = ingest;
    this.archive = archive;
    this.catalog = catalog;
    this.thumbnails = thumbnails;
  }

  /** 201 with the new document once file and row are durable; 200 with {@code duplicate: true} when the unit already had it. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DocumentView> upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "title", required = false) String title) throws RejectedException, IOException {
    IngestResult result = ingest(ingest, file, unit, category, date, title, API_UPLOADER);
    Document d = result.document();
    DocumentView view = DocumentView.of(d, catalog, result.duplicate(), Thumbnails.supports(d.mediaType()));
    return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(java.net.URI.create("/api/documents/" + d.id()))
        .body(view);
  }

  /** Shared by the API and the upload page, so both validate a request the same way. */
  static IngestResult ingest(IngestService ingest, MultipartFile file, String unit, String category, String date,
      String title, String uploadedBy) throws RejectedException, IOException {
    if (file == null) {
      throw new RejectedException(Rejection.MISSING_FILE, null);
    }
    LocalDate parsed = null;
    if (date != null && !date.isBlank()) {
      parsed = ChineseDates.parse(date).orElseThrow(() -> new RejectedException(Rejection.INVALID_DATE, date));
    }
    try (InputStream in = file.getInputStream()) {
      return ingest.ingest(new IngestRequest(unit, category, parsed, title, null, file.getOriginalFilename(), uploadedBy), in, true);
    }
  }

  @GetMapping("/{id}")
  DocumentView get(@PathVariable("id") long id) {
    Document d = archive.document(id).orElseThrow(NotFoundException::new);
    return DocumentView.of(d, catalog, false, Thumbnails.supports(d.mediaType()));
  }

  @GetMapping("/{id}/text")
  ResponseEntity<String> text(@PathVariable("id") long id) {
    archive.document(id).orElseThrow(NotFoundException::new);
    return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(archive.text(id));
  }

  /** The original file, always as an attachment so that uploaded HTML never runs in the browser. */
  @GetMapping("/{id}/file")
  ResponseEntity<Resource> file(@PathVariable("id") long id) {
    Document d = archive.document(id).orElseThrow(NotFoundException::new);
    Path path = archive.original(d).orElseThrow(NotFoundException::new);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .contentLength(d.size())
        .body(new FileSystemResource(path));
  }

  @GetMapping("/{id}/thumbnail")
  ResponseEntity<Resource> thumbnail(@PathVariable("id") long id) {
    Document d = archive.document(id).orElseThrow(NotFoundException::new);
    Path png = thumbnails.thumbnail(d).orElseThrow(NotFoundException::new);
    return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(new FileSystemResource(png));
  }
}
