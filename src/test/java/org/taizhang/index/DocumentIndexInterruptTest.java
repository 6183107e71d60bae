package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.archive.Document;
import org.taizhang.archive.Lifecycle;
import org.taizhang.archive.Review;
import org.taizhang.extract.DocumentMetadata;

/**
 * Threads that write to the index get interrupted: a cancelled import, a job stopped at shutdown.
 * Lucene writes through interruptible channels, and a segment write cut short by an interrupt is a
 * tragic event that closes the writer and drops everything not yet committed. The index must keep
 * every write whatever the caller's interrupt status, and a shutdown during a commit must lose nothing.
 */
class DocumentIndexInterruptTest {
  private static final ChineseAnalysis ANALYSIS = new ChineseAnalysis(Path.of("index-config"));

  @TempDir Path dir;

  @Test
  void writesAndReadsFromInterruptedThreadsKeepTheWriterOpen() throws Exception {
    try (DocumentIndex index = new DocumentIndex(dir, ANALYSIS, Duration.ofHours(1))) {
      for (long id = 1; id <= 400; id++) {
        Thread.currentThread().interrupt();
        index.put(document(id), ("关于开展文明创建台账检查的通知 第" + id + "号 ").repeat(50));
        assertThat(Thread.interrupted()).as("the caller's interrupt status is kept").isTrue();
        if (id % 50 == 0) {
          Thread.currentThread().interrupt();
          assertThat(index.ids()).hasSize((int) id);
          Thread.currentThread().interrupt();
          index.commit();
          assertThat(Thread.interrupted()).isTrue();
        }
      }
      index.put(document(401), "interrupts are over");
    }
    assertThat(indexedIds()).isEqualTo(ids(1, 401));
  }

  @Test
  void closingWhileTheBackgroundCommitRunsLosesNothing() throws Exception {
    // A commit every millisecond: close() then almost always meets one in progress.
    for (int round = 0; round < 20; round++) {
      Path roundDir = dir.resolve("r" + round);
      try (DocumentIndex index = new DocumentIndex(roundDir, ANALYSIS, Duration.ofMillis(1))) {
        for (long id = 1; id <= 60; id++) {
          index.put(document(id), "志愿服务活动记录 ".repeat(200) + id);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(roundDir))) {
        assertThat(reader.numDocs()).as("round %d", round).isEqualTo(60);
      }
    }
  }

  private Set<Long> indexedIds() throws Exception {
    Set<Long> ids = new HashSet<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
      StoredFields fields = reader.storedFields();
      for (int d = 0; d < reader.maxDoc(); d++) {
        ids.add(Long.parseLong(fields.document(d).get(DocumentFields.ID)));
      }
    }
    return ids;
  }

  private static Set<Long> ids(long from, long to) {
    Set<Long> ids = new HashSet<>();
    LongStream.rangeClosed(from, to).forEach(ids::add);
    return ids;
  }

  private static Document document(long id) {
    return new Document(id, "qhx-wjj", "meeting", "会议记录 " + id, LocalDate.of(2025, 3, 1), 2025, id + ".txt",
        "text/plain", 100, "sha" + id, null, DocumentMetadata.EMPTY, 100, false, "测试", Instant.EPOCH,
        Review.SUBMITTED, Lifecycle.CURRENT);
  }
}
