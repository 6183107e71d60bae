package org.taizhang.backup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.access.Caller;

/**
 * Backups while the service runs (administrators only). The embedded database is locked by the
 * service, so the {@code backup} command hands the work to this route instead.
 */
@RestController
class BackupApiController {
  private static final Logger log = LoggerFactory.getLogger(BackupApiController.class);

  /** The body of an error, as every API error has it: a stable code for scripts and a message for people. */
  record Refusal(String error, String message) {}

  private final Backups backups;

  BackupApiController(Backups backups) {
    this.backups = backups;
  }

  /** {@code dir}: an absolute path on the server that does not exist or is empty; by default under {@code <data-dir>/backups}. */
  @PostMapping("/api/admin/backups")
  ResponseEntity<?> create(Caller caller, @RequestParam(name = "dir", required = false) String dir) {
    if (!caller.isAdmin()) {
      return error(HttpStatus.FORBIDDEN.value(), "FORBIDDEN", "当前账号无权执行此操作");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(backups.create(caller.username(), dir, StepProgress.NONE));
  }

  @ExceptionHandler(BackupException.class)
  ResponseEntity<Refusal> refused(BackupException e) {
    if (e.status() >= 500) {
      log.error("备份失败", e);
    }
    return error(e.status(), e.code(), e.getMessage());
  }

  private static ResponseEntity<Refusal> error(int status, String code, String message) {
    return ResponseEntity.status(status).body(new Refusal(code, message));
  }
}
