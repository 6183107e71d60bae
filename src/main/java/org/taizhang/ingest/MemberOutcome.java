package org.taizhang.ingest;

import org.taizhang.archive.Document;

/**
 * One member of a bundle or one attachment of a mail: its path inside the bundle, and the document
 * it became (new or already there) or the reason it was refused.
 */
public record MemberOutcome(String path, IngestResult result, Rejection reason, String message) {
  static MemberOutcome of(String path, IngestResult result) {
    return new MemberOutcome(path, result, null, null);
  }

  static MemberOutcome refused(String path, Rejection reason, String message) {
    return new MemberOutcome(path, null, reason, message);
  }

  public boolean stored() {
    return result != null && !result.duplicate();
  }

  public boolean duplicate() {
    return result != null && result.duplicate();
  }

  public boolean rejected() {
    return reason != null;
  }

  public Document document() {
    return result == null ? null : result.document();
  }

  /** The same outcome found one level further down: {@code outer.zip/} before its path. */
  MemberOutcome under(String parent) {
    return new MemberOutcome(parent + "/" + path, result, reason, message);
  }
}
