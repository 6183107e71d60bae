package org.taizhang.backup;

/**
 * A backup or restore that cannot go on, with a message for the operator in Chinese. {@link #status}
 * is the HTTP status when the service answers with it.
 */
class BackupException extends RuntimeException {
  private final String code;
  private final int status;

  BackupException(String message) {
    this("BACKUP_REFUSED", 400, message, null);
  }

  BackupException(String code, int status, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.status = status;
  }

  static BackupException failed(String message, Throwable cause) {
    return new BackupException("BACKUP_FAILED", 500, message, cause);
  }

  String code() {
    return code;
  }

  int status() {
    return status;
  }
}
