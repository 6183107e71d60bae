package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.TestDocuments;

/**
 * Searches do not wait for index refreshes, which under a stream of uploads on a busy machine made
 * every search slow; a writer still reads its own writes at once, and everybody within the refresh
 * interval.
 */
class DocumentIndexVisibilityTest {
  private static final ChineseAnalysis ANALYSIS = new ChineseAnalysis(Path.of("index-config"));

  @TempDir Path dir;
  private final ExecutorService otherReader = Executors.newSingleThreadExecutor();

  @AfterEach
  void stop() {
    otherReader.shutdownNow();
  }

  @Test
  void anUploaderFindsItsUploadAtOnceWhileAnotherReaderDoesNotWaitForTheRefresh() throws Exception {
    try (DocumentIndex index =
        new DocumentIndex(dir, ANALYSIS, Duration.ofHours(1), Duration.ofHours(1))) {
      index.put(TestDocuments.meetingRecord(1), "志愿服务活动记录");
      index.refresh();
      index.put(TestDocuments.meetingRecord(2), "垃圾分类宣传活动");

      // The other reader is served from the last refresh: it did not wait for one covering id 2.
      assertThat(otherReader.submit(() -> found(index, 1)).get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(otherReader.submit(() -> found(index, 2)).get(10, TimeUnit.SECONDS)).isFalse();
      // The writer sees its own write in its next read.
      assertThat(found(index, 2)).isTrue();
      // ... and having waited for it, so does everybody (the upload request's next page).
      index.put(TestDocuments.meetingRecord(3), "道德讲堂");
      index.awaitOwnWrites();
      assertThat(otherReader.submit(() -> found(index, 3)).get(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void othersSeeAWriteWithinTheRefreshIntervalWithoutRefreshingThemselves() throws Exception {
    try (DocumentIndex index =
        new DocumentIndex(dir, ANALYSIS, Duration.ofHours(1), Duration.ofMillis(50))) {
      CompletableFuture.runAsync(
              () -> index.put(TestDocuments.meetingRecord(7), "移风易俗"), otherReader)
          .get();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      boolean seen = false;
      while (!seen && System.nanoTime() < deadline) {
        seen = found(index, 7);
        Thread.sleep(10);
      }
      assertThat(seen).as("visible after a background refresh").isTrue();
    }
  }

  private static boolean found(DocumentIndex index, long id) {
    return index.read(
            v -> v.searcher().count(new TermQuery(new Term(DocumentFields.ID, Long.toString(id)))))
        == 1;
  }
}
