package org.taizhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.taizhang.support.S3Server;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The store in an S3 bucket (S3Proxy in a child process): the contract, and what only a shared
 * bucket needs — the grace period, the cache, keys of others, deletions racing uploads.
 */
class S3FileStoreTest extends FileStoreContract {
  private static final String PREFIX = "taizhang/";
  private static final long CACHE_BYTES = 10_000;

  @TempDir static Path serverDir;
  static S3Server server;
  static S3Client s3;
  String bucket;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3Server.start(serverDir);
    s3 = server.client();
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (s3 != null) {
      s3.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Override
  FileStore open(Path root) {
    bucket = "store-" + UUID.randomUUID().toString().substring(0, 8);
    server.createBucket(bucket);
    return open(root, bucket);
  }

  FileStore open(Path root, String bucket) {
    return FileStore.s3(root, settings(bucket), clock);
  }

  private static S3Settings settings(String bucket) {
    return new S3Settings(
        bucket,
        server.endpoint(),
        "us-east-1",
        S3Server.ACCESS_KEY,
        S3Server.SECRET_KEY,
        true,
        PREFIX,
        DataSize.ofBytes(CACHE_BYTES),
        Duration.ofHours(1));
  }

  /** The bucket's objects; S3Proxy's folder backend also lists its folders, as keys ending in /. */
  List<String> keys() {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
        .map(S3Object::key)
        .filter(k -> !k.endsWith("/"))
        .sorted()
        .toList();
  }

  void putKey(String key, String content) {
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(bytes(content)));
  }

  String key(String sha) {
    return PREFIX + "originals/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
  }

  /** Files in the local cache, its scratch folder left out. */
  List<Path> cached() throws IOException {
    Path cache = tmp.resolve("files").resolve("cache");
    try (Stream<Path> all = Files.walk(cache)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(cache.resolve("tmp")))
          .toList();
    }
  }

  @Test
  void objectsAreKeyedByContentBelowThePrefix() throws IOException {
    String sha = put("台账");
    assertThat(keys()).containsExactly(key(sha));
    assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(sha))).asUtf8String())
        .isEqualTo("台账");
  }

  @Test
  void anotherNodeFindsContentThroughItsOwnCache() throws Exception {
    String sha = put("另一节点可读");
    try (FileStore other = open(tmp.resolve("other-node"), bucket)) {
      Path copy = other.find(sha).orElseThrow();
      assertThat(copy).startsWith(tmp.resolve("other-node").resolve("cache"));
      assertThat(Files.readString(copy)).isEqualTo("另一节点可读");
    }
  }

  @Test
  void nothingYoungerThanTheGracePeriodIsDeleted() throws IOException {
    String sha = put("另一节点刚上传，尚未记录");
    assertThat(store.locked(sha, () -> store.deleteUnless(sha, () -> false))).isFalse();
    assertThat(store.sweep(Set.of(), s -> false)).isZero();
    assertThat(store.contains(sha)).isTrue();
    clock.advance(Duration.ofMinutes(61));
    assertThat(store.sweep(Set.of(), s -> false)).isEqualTo(1);
    assertThat(store.contains(sha)).isFalse();
  }

  @Test
  void aDocumentRecordedWhileTheObjectIsDeletedGetsItBack() throws IOException {
    String sha = put("删除时被新文档引用");
    ageEverything();
    AtomicInteger asked = new AtomicInteger();
    // the second question comes after the object was deleted: by then another node recorded it
    boolean deleted = store.deleteUnless(sha, () -> asked.incrementAndGet() > 1);
    assertThat(deleted).isFalse();
    assertThat(asked).hasValue(2);
    assertThat(keys()).containsExactly(key(sha));
    assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(sha))).asUtf8String())
        .isEqualTo("删除时被新文档引用");
  }

  @Test
  void anUploadPutsBackWhatAnotherNodeDeletedBeforeItsRowWasChecked() throws IOException {
    String sha = sha256("上传与删除交错");
    StagedFile staged = store.stage(new ByteArrayInputStream(bytes("上传与删除交错")), 1 << 20);
    store.locked(
        sha,
        () -> {
          store.commit(staged);
          // another node, deciding from a moment before this row, deletes the object
          s3.deleteObject(r -> r.bucket(bucket).key(key(sha)));
          return "row recorded";
        });
    assertThat(keys()).containsExactly(key(sha));
  }

  @Test
  void theSweepFinishesDeletionsCutShortByACrash() throws IOException {
    String needed = sha256("中断的删除：仍被引用");
    String unneeded = sha256("中断的删除：无引用");
    putKey(PREFIX + "trash/" + needed + "." + UUID.randomUUID(), "中断的删除：仍被引用");
    putKey(PREFIX + "trash/" + unneeded + "." + UUID.randomUUID(), "中断的删除：无引用");
    ageEverything();
    store.sweep(Set.of(needed), Set.of(needed)::contains);
    assertThat(keys()).containsExactly(key(needed));
    assertThat(Files.readString(store.find(needed).orElseThrow())).isEqualTo("中断的删除：仍被引用");
  }

  @Test
  void theSweepLeavesKeysThatAreNotTheStores() throws IOException {
    String sha = sha256("别人的对象");
    List<String> foreign =
        List.of(
            PREFIX + "originals/readme.txt",
            PREFIX + "originals/00/00/" + sha, // a hash in the wrong folder is not our key
            PREFIX
                + "originals/"
                + sha.substring(0, 2)
                + "/"
                + sha.substring(2, 4)
                + "/"
                + sha
                + ".bak",
            "outside-the-prefix/" + sha,
            PREFIX + "trash/notes/" + sha);
    foreign.forEach(k -> putKey(k, "别人的对象"));
    ageEverything();
    assertThat(store.sweep(Set.of(), s -> false)).isZero();
    assertThat(keys()).containsExactlyInAnyOrderElementsOf(foreign);
  }

  @Test
  void theCacheStaysWithinItsBoundLeastRecentlyUsedFirst() throws Exception {
    String a = put("a".repeat(4000));
    String b = put("b".repeat(4000));
    String c = put("c".repeat(4000));
    // commits leave their content in the cache; the bound (10,000 bytes) holds two of these
    assertThat(cached()).hasSize(2);
    assertThat(store.path(a)).doesNotExist();
    assertThat(store.find(b)).isPresent(); // b is now more recent than c
    assertThat(Files.readString(store.find(a).orElseThrow())).isEqualTo("a".repeat(4000));
    assertThat(store.path(c)).doesNotExist();
    assertThat(store.path(b)).exists();
    assertThat(cached()).hasSize(2);
    // a new start takes in what the cache holds, within the bound
    store.close();
    store = open(tmp.resolve("files"), bucket);
    assertThat(cached()).containsExactlyInAnyOrder(store.path(a), store.path(b));
  }

  @Test
  void aLargerObjectThanTheWholeCacheIsStillServed() throws IOException {
    String big = put("大".repeat(5000)); // 15,000 bytes
    assertThat(Files.size(store.find(big).orElseThrow())).isEqualTo(15_000);
    assertThat(cached()).containsExactly(store.path(big));
  }

  @Test
  void contentThatDoesNotMatchItsKeyIsNeverCached() throws IOException {
    String sha = sha256("原始内容");
    putKey(key(sha), "被篡改的内容");
    assertThatThrownBy(() -> store.find(sha))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(sha);
    assertThat(cached()).isEmpty();
  }

  @Test
  void aStoppedServerIsReportedNotTakenForMissingContent() throws Exception {
    S3Server down = S3Server.start(tmp.resolve("short-lived"));
    down.createBucket("short-lived");
    FileStore onDown =
        FileStore.s3(
            tmp.resolve("down"),
            new S3Settings(
                "short-lived",
                down.endpoint(),
                "us-east-1",
                S3Server.ACCESS_KEY,
                S3Server.SECRET_KEY,
                true,
                "",
                DataSize.ofMegabytes(1),
                Duration.ofHours(1)),
            clock);
    down.close();
    StagedFile staged = onDown.stage(new ByteArrayInputStream(bytes("无法写入")), 1 << 20);
    assertThatThrownBy(() -> onDown.commit(staged))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("short-lived");
    assertThat(staged.path()).exists(); // the caller's to drop, as after any failed commit
    staged.close();
    assertThatThrownBy(() -> onDown.find(sha256("无法读取")))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(StoreUnavailableException.class);
    assertThatThrownBy(() -> onDown.contains(sha256("无法读取")))
        .isInstanceOf(StoreUnavailableException.class);
    onDown.close();
  }
}
