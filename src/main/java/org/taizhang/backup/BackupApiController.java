package org.taizhang.backup;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.access.Caller;
import org.taizhang.web.Pages;

/**
 * Backups while the service runs (administrators only). The embedded database is locked by the
 * service, so the {@code backup} command hands the work to this route instead.
 */
@RestController
class BackupApiController {
  private final Backups backups;

  BackupApiController(Backups backups) {
    this.backups = backups;
  }

  /**
   * {@code dir}: an absolute path on the server that does not exist or is empty; by default under
   * {@code <data-dir>/backups}.
   */
  @PostMapping("/api/admin/backups")
  ResponseEntity<BackupSummary> create(
      Caller caller, @RequestParam(name = "dir", required = false) String dir) {
    Pages.requireAdmin(caller);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(backups.create(caller.username(), dir, StepProgress.NONE));
  }
}
