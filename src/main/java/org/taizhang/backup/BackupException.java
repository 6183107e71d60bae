package org.taizhang.backup;

import org.springframework.http.HttpStatus;
import org.taizhang.web.Problem;

/**
 * A backup or restore that cannot go on, with a message for the operator in Chinese. {@link #status}
 * is the HTTP status when the service answers with it.
 */
class BackupException extends RuntimeException implements Problem {
  private final String code;
  private final HttpStatus status;

  BackupException(String message) {
    this("BACKUP_REFUSED", HttpStatus.BAD_REQUEST, message, null);
  }

  BackupException(String code, HttpStatus status, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.status = status;
  }

  static BackupException failed(String message, Throwable cause) {
    return new BackupException("BACKUP_FAILED", HttpStatus.INTERNAL_SERVER_ERROR, message, cause);
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public HttpStatus status() {
    return status;
  }
}
