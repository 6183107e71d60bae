package org.taizhang.support;

import java.time.Instant;
import java.time.LocalDate;
import org.taizhang.archive.Document;
import org.taizhang.archive.Lifecycle;
import org.taizhang.archive.Review;
import org.taizhang.extract.DocumentMetadata;

/** Documents for tests that write to the search index without the database. */
public final class TestDocuments {
  private TestDocuments() {}

  /** A current, submitted meeting record of 青禾县文明办 numbered {@code id}. */
  public static Document meetingRecord(long id) {
    return new Document(
        id,
        "qhx-wjj",
        "meeting",
        "会议记录 " + id,
        LocalDate.of(2025, 3, 1),
        2025,
        id + ".txt",
        "text/plain",
        100,
        "sha" + id,
        null,
        DocumentMetadata.EMPTY,
        100,
        false,
        "测试",
        Instant.EPOCH,
        Review.SUBMITTED,
        Lifecycle.CURRENT);
  }
}
