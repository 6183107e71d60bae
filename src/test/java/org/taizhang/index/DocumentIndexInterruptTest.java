package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.TestDocuments;

/**
 * Threads that write to the index get interrupted: a cancelled import, a job stopped at shutdown.
 * Lucene writes through interruptible channels, and a segment write cut short by an interrupt is a
 * tragic event that closes the writer and drops everything not yet committed. The index must keep
 * every write whatever the caller's interrupt status, and a shutdown during a commit must lose
 * nothing.
 */
class DocumentIndexInterruptTest {
  private static final ChineseAnalysis ANALYSIS = new ChineseAnalysis(Path.of("index-config"));

  @TempDir Path dir;

  @Test
  void writesAndReadsFromInterruptedThreadsKeepTheWriterOpen() throws Exception {
    try (DocumentIndex index = new DocumentIndex(dir, ANALYSIS, Duration.ofHours(1))) {
      for (long id = 1; id <= 400; id++) {
        Thread.currentThread().interrupt();
        index.put(TestDocuments.meetingRecord(id), ("关于开展文明创建台账检查的通知 第" + id + "号 ").repeat(50));
        assertThat(Thread.interrupted()).as("the caller's interrupt status is kept").isTrue();
        if (id % 50 == 0) {
          Thread.currentThread().interrupt();
          assertThat(index.ids()).hasSize((int) id);
          Thread.currentThread().interrupt();
          index.commit();
          assertThat(Thread.interrupted()).isTrue();
        }
      }
      index.put(TestDocuments.meetingRecord(401), "interrupts are over");
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
          index.put(TestDocuments.meetingRecord(id), "志愿服务活动记录 ".repeat(200) + id);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(roundDir))) {
        assertThat(reader.numDocs()).as("round %d", round).isEqualTo(60);
      }
    }
  }

  @Test
  void aLostWriterIsReplacedAndItsLossAnnounced() throws Exception {
    AtomicInteger announced = new AtomicInteger();
    try (DocumentIndex index = new DocumentIndex(dir, ANALYSIS, Duration.ofHours(1))) {
      index.onWriterReplaced(announced::incrementAndGet);
      for (long id = 1; id <= 10; id++) {
        index.put(TestDocuments.meetingRecord(id), "会议记录 " + id);
      }
      index.commit();
      for (long id = 11; id <= 15; id++) {
        index.put(TestDocuments.meetingRecord(id), "会议记录 " + id);
      }
      // Break the writer the way a stray interrupt did: its files closed under it mid-commit.
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> index.writer().commit()).isInstanceOf(IOException.class);
      Thread.interrupted();
      assertThatThrownBy(() -> index.writer().commit())
          .as("the writer is lost")
          .isInstanceOf(AlreadyClosedException.class);

      index.put(TestDocuments.meetingRecord(16), "会议记录 16");
      assertThat(announced).as("the replacement announced once").hasValue(1);
      assertThat(index.ids())
          .as(
              "committed documents and the write after the loss; 11–15 are for the listener to re-index")
          .isEqualTo(union(ids(1, 10), ids(16, 16)));
      for (long id = 11; id <= 15; id++) {
        index.put(TestDocuments.meetingRecord(id), "会议记录 " + id);
      }
      assertThat(index.ids()).isEqualTo(ids(1, 16));
      assertThat(announced).hasValue(1);
    }
    assertThat(indexedIds()).isEqualTo(ids(1, 16));
  }

  private static Set<Long> union(Set<Long> a, Set<Long> b) {
    Set<Long> u = new HashSet<>(a);
    u.addAll(b);
    return u;
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
}
