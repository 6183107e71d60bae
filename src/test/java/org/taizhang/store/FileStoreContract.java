package org.taizhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every backend of the file store promises, run against each: a local folder ({@link
 * LocalFileStoreTest}) and an S3 bucket ({@link S3FileStoreTest}).
 */
abstract class FileStoreContract {
  /** A clock the tests move past the grace period. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  @TempDir Path tmp;
  final MovableClock clock = new MovableClock();
  FileStore store;

  /** A new, empty store under {@code root}, its deletions judged by {@link #clock}. */
  abstract FileStore open(Path root) throws Exception;

  /** Moves time on so that everything stored so far is older than any grace period. */
  void ageEverything() {
    clock.advance(Duration.ofDays(1));
  }

  @BeforeEach
  void openStore() throws Exception {
    store = open(tmp.resolve("files"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  String put(String text) throws IOException {
    StagedFile staged = store.stage(new ByteArrayInputStream(bytes(text)), 1 << 20);
    store.commit(staged);
    return staged.sha256();
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(String text) {
    return HexFormat.of().formatHex(Hashes.sha256().digest(bytes(text)));
  }

  long staged() throws IOException {
    try (Stream<Path> s = Files.list(tmp.resolve("files").resolve("staging"))) {
      return s.count();
    }
  }

  @Test
  void storedContentIsFoundUnderItsHash() throws IOException {
    String sha = put("创建文明城市工作方案");
    assertThat(sha).isEqualTo(sha256("创建文明城市工作方案"));
    Optional<Path> found = store.find(sha);
    assertThat(found).isPresent();
    assertThat(Files.readString(found.get())).isEqualTo("创建文明城市工作方案");
    assertThat(found.get()).isEqualTo(store.path(sha));
    assertThat(store.contains(sha)).isTrue();
    assertThat(staged()).isZero();
  }

  @Test
  void theSameContentTwiceIsOneObject() throws IOException {
    String first = put("同一份材料");
    String second = put("同一份材料");
    assertThat(second).isEqualTo(first);
    assertThat(Files.readString(store.find(first).orElseThrow())).isEqualTo("同一份材料");
    assertThat(staged()).isZero();
  }

  @Test
  void contentOverTheLimitLeavesNothing() throws IOException {
    assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[2048]), 1024))
        .isInstanceOf(FileTooLargeException.class);
    assertThat(staged()).isZero();
    assertThat(store.contains(HexFormat.of().formatHex(Hashes.sha256().digest(new byte[2048]))))
        .isFalse();
  }

  @Test
  void unknownContentIsNotFound() throws IOException {
    String sha = sha256("从未上传");
    assertThat(store.find(sha)).isEmpty();
    assertThat(store.contains(sha)).isFalse();
  }

  @Test
  void namesThatAreNotHashesReachNoPathAndNoKey() {
    String sha = sha256("x");
    for (String hostile :
        List.of(
            "../../../../etc/passwd",
            "../" + sha.substring(3),
            sha.toUpperCase(),
            sha.substring(1),
            sha + "0",
            sha.substring(0, 2) + "/" + sha.substring(3),
            "",
            sha.substring(1) + "\n")) {
      assertThatThrownBy(() -> store.path(hostile)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.find(hostile)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.contains(hostile))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> store.deleteUnless(hostile, () -> false))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void deletionKeepsWhatIsStillReferenced() throws IOException {
    String sha = put("仍被引用");
    ageEverything();
    assertThat(store.locked(sha, () -> store.deleteUnless(sha, () -> true))).isFalse();
    assertThat(store.contains(sha)).isTrue();
    assertThat(store.locked(sha, () -> store.deleteUnless(sha, () -> false))).isTrue();
    assertThat(store.contains(sha)).isFalse();
    assertThat(store.find(sha)).isEmpty();
  }

  @Test
  void sweepRemovesUnreferencedObjectsAndStagingLeftovers() throws IOException {
    String kept = put("有文档引用");
    String dropped = put("无文档引用");
    store.stage(new ByteArrayInputStream(bytes("上传中断")), 1 << 20); // never committed
    ageEverything();
    int removed = store.sweep(Set.of(kept), Set.of(kept)::contains);
    assertThat(removed).isEqualTo(2);
    assertThat(store.contains(kept)).isTrue();
    assertThat(store.contains(dropped)).isFalse();
    assertThat(staged()).isZero();
    assertThat(Files.readString(store.find(kept).orElseThrow())).isEqualTo("有文档引用");
  }
}
