package org.taizhang.review;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.access.Caller;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.thumbnail.Thumbnails;
import org.taizhang.web.NotFoundException;

/** Metadata, versions, text, download and thumbnail of documents. */
@RestController
@RequestMapping("/api/documents")
class DocumentApiController {
  private final Archive archive;
  private final DocumentView.Factory views;
  private final Thumbnails thumbnails;
  private final AuditLog audit;

  DocumentApiController(
      Archive archive, DocumentView.Factory views, Thumbnails thumbnails, AuditLog audit) {
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

  @GetMapping("/{id}")
  DocumentView get(Caller caller, @PathVariable("id") long id) {
    Document d = archive.document(id, caller.scope()).orElseThrow(NotFoundException::new);
    audit.record(caller.username(), AuditAction.VIEW, "材料 " + id, "接口");
    return views.of(d);
  }

  @GetMapping("/{id}/text")
  ResponseEntity<String> text(Caller caller, @PathVariable("id") long id) {
    if (archive.document(id, caller.scope()).isEmpty()) {
      throw new NotFoundException();
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(archive.text(id));
  }

  /** The original file, always as an attachment so that uploaded HTML never runs in the browser. */
  @GetMapping("/{id}/file")
  ResponseEntity<Resource> file(Caller caller, @PathVariable("id") long id) {
    Document d = archive.document(id, caller.scope()).orElseThrow(NotFoundException::new);
    Path path = archive.original(d).orElseThrow(NotFoundException::new);
    audit.record(
        caller.username(),
        AuditAction.DOWNLOAD,
        "材料 " + id + "《" + d.title() + "》（" + d.unitCode() + "）",
        d.fileName());
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(d.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
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
