package org.taizhang.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.FileSystemUtils;
import org.taizhang.store.FileStore;
import org.taizhang.support.S3Server;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Backup and restore of an instance whose originals are in a bucket: the backup reads them through
 * the store (its local cache emptied first, so from the bucket), the restore writes them through
 * the store into another bucket, and every original comes back byte for byte.
 */
class S3BackupRoundTripTest {
  @TempDir static Path serverDir;
  static S3Server server;

  @TempDir Path tmp;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3Server.start(serverDir);
    server.createBucket("source");
    server.createBucket("target");
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  private static Function<Path, FileStore> bucket(String name) {
    MockEnvironment env = new MockEnvironment();
    server.settings(name).forEach(env::setProperty);
    env.setProperty("taizhang.store.s3.prefix", "office-a");
    return root -> FileStore.configured(env, root);
  }

  private static List<String> keys(String bucket) {
    try (S3Client s3 = server.client()) {
      return s3
          .listObjectsV2Paginator(r -> r.bucket(bucket).prefix("office-a/originals/"))
          .contents()
          .stream()
          .map(o -> o.key())
          .filter(k -> !k.endsWith("/"))
          .sorted()
          .toList();
    }
  }

  @Test
  void originalsInABucketSurviveBackupAndRestore() throws Exception {
    BareInstance source =
        BareInstance.h2(tmp.resolve("source"), tmp.resolve("source-config"))
            .withStores(bucket("source"));
    int documents = SampleRows.fill(source);
    // the sample leaves one object no row refers to, as a crash would: a backup has no use for it
    assertThat(keys("source")).hasSize(5);
    FileSystemUtils.deleteRecursively(source.dataDir.resolve("files").resolve("cache"));

    BackupSummary summary = source.writer().write(tmp.resolve("backup"), StepProgress.NONE);
    assertThat(summary.documents()).isEqualTo(documents);
    assertThat(summary.files()).isEqualTo(4);
    try (Stream<Path> copied = Files.walk(tmp.resolve("backup").resolve("files"))) {
      assertThat(copied.filter(Files::isRegularFile).count()).isEqualTo(4);
    }

    BareInstance target =
        BareInstance.h2(tmp.resolve("target"), tmp.resolve("target-config"))
            .withStores(bucket("target"));
    Restorer.Outcome outcome = target.restorer(BackupReader.open(tmp.resolve("backup"))).run();
    assertThat(outcome.files()).isEqualTo(4);
    assertThat(keys("target")).hasSize(4);
    assertThat(keys("source")).containsAll(keys("target"));

    List<String> shas =
        target.jdbc().sql("select distinct sha256 from document").query(String.class).list();
    assertThat(shas).hasSize(4);
    FileStore restored = target.store();
    FileStore original = source.store();
    for (String sha : shas) {
      assertThat(Files.readAllBytes(restored.find(sha).orElseThrow()))
          .as(sha)
          .isEqualTo(Files.readAllBytes(original.find(sha).orElseThrow()));
    }
    restored.close();
    original.close();
  }
}
