package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;

/**
 * When the index writer is lost at run time, the service carries on: uploads keep being indexed on
 * a new writer, and the documents the lost one had not committed are indexed again from the
 * database in the background, without a restart.
 */
// No commit on its own schedule: the test decides which documents the lost writer had not
// committed.
@SpringBootTest(properties = {TestSettings.OWN_ARCHIVE, "taizhang.index.commit-interval=1h"})
class LostWriterRecoveryTest {
  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired DocumentIndex index;
  @Autowired DocumentRepository documents;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws IOException {
    registry.add("taizhang.data-dir", Files.createTempDirectory("taizhang-lost-writer")::toString);
  }

  @Test
  void uncommittedDocumentsOfALostWriterAreIndexedAgainFromTheDatabase() throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY);
    for (int i = 0; i < 4; i++) {
      upload("第" + i + "次党组会议记录", "会议议题：文明创建台账第" + i + "项");
    }
    index.commit();
    for (int i = 4; i < 8; i++) {
      upload("第" + i + "次党组会议记录", "会议议题：文明创建台账第" + i + "项");
    }

    Thread.currentThread().interrupt();
    try {
      index.writer().commit();
    } catch (IOException expected) {
      // The writer's files were closed under it; the writer is gone.
    }
    Thread.interrupted();
    assertThat(index.writer().isOpen()).isFalse();

    long last = upload("志愿服务活动记录", "写入器失效之后上传的材料");
    assertThat(index.ids()).contains(last).hasSizeLessThan(9);

    Set<Long> expected = documents.ids();
    assertThat(expected).hasSize(9);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!index.ids().equals(expected) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(index.ids())
        .as("the reconciliation after the replacement restored the lost documents")
        .isEqualTo(expected);
  }

  private long upload(String title, String text) throws Exception {
    byte[] content = TestFiles.utf8(title + "\n" + text);
    return ingest
        .ingest(
            new IngestRequest("edu", null, null, title, 2025, title + ".txt", "测试"),
            new ByteArrayInputStream(content))
        .document()
        .id();
  }
}
