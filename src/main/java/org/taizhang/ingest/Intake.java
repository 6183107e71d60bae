package org.taizhang.ingest;

import java.util.List;

/**
 * What became of a file handed in: the document it is ({@code document}; none for a bundle, whose
 * members are the documents), and the outcome of every member of a bundle or attachment of a mail,
 * in the order they came.
 */
public record Intake(IngestResult document, List<MemberOutcome> members) {
  public Intake {
    members = List.copyOf(members);
  }

  static Intake of(IngestResult document) {
    return new Intake(document, List.of());
  }

  /** Whether the file was a bundle (ZIP, 7z) rather than a document. */
  public boolean bundle() {
    return document == null;
  }

  public long stored() {
    return members.stream().filter(MemberOutcome::stored).count();
  }

  public long duplicates() {
    return members.stream().filter(MemberOutcome::duplicate).count();
  }

  public long rejected() {
    return members.stream().filter(MemberOutcome::rejected).count();
  }
}
