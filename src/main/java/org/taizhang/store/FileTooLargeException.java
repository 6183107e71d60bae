package org.taizhang.store;

import java.io.IOException;

/** The content exceeded the size limit while it was being staged; nothing was kept. */
public class FileTooLargeException extends IOException {
  private final long limit;

  public FileTooLargeException(long limit) {
    super("file exceeds " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
