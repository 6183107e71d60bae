package org.taizhang.backup;

import org.springframework.http.HttpStatus;
import org.taizhang.web.ProblemException;

/**
 * A backup or restore that cannot go on, with a message for the operator in Chinese; its status is
 * the HTTP status when the service answers with it.
 */
class BackupException extends ProblemException {
  BackupException(String message) {
    super(HttpStatus.BAD_REQUEST, "BACKUP_REFUSED", message);
  }

  BackupException(String code, HttpStatus status, String message, Throwable cause) {
    super(status, code, message, cause);
  }

  static BackupException failed(String message, Throwable cause) {
    return new BackupException("BACKUP_FAILED", HttpStatus.INTERNAL_SERVER_ERROR, message, cause);
  }
}
