package org.taizhang.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.store.FileStore;
import org.taizhang.support.TestFiles;

/**
 * What backup and restore refuse, and that they say why: a target that is not empty, a damaged
 * manifest or database file, a missing or altered original, a backup from a newer schema. A refused
 * restore leaves the target as empty as it found it.
 */
class RestoreRefusalTest {
  @TempDir Path tmp;
  private Path backup;
  private BareInstance source;

  @BeforeEach
  void backUp() throws IOException {
    source = BareInstance.h2(tmp.resolve("source"), tmp.resolve("source-config"));
    SampleRows.fill(source);
    backup = tmp.resolve("backup");
    source.writer().write(backup, StepProgress.NONE);
  }

  private BareInstance target() {
    return BareInstance.h2(tmp.resolve("target"), tmp.resolve("target-config"));
  }

  @Test
  void refusesANonEmptyDataDirectory() throws IOException {
    BareInstance target = target();
    Files.createDirectories(target.dataDir);
    Files.writeString(target.dataDir.resolve("notes.txt"), "别人的东西");
    assertThatThrownBy(() -> target.restorer(BackupReader.open(backup)).run())
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("数据目录 " + target.dataDir.toAbsolutePath() + " 不是空的");
    assertThat(Files.readString(target.dataDir.resolve("notes.txt"))).isEqualTo("别人的东西");
  }

  @Test
  void refusesANonEmptyDatabase() throws IOException {
    BareInstance restored = target();
    restored.restorer(BackupReader.open(backup)).run();
    // the same database again, with a new and empty data directory
    Restorer again =
        new Restorer(
            BackupReader.open(backup),
            restored.dataSource,
            restored.flyway,
            tmp.resolve("other"),
            tmp.resolve("other/files"),
            tmp.resolve("other-config"),
            StepProgress.NONE);
    assertThatThrownBy(again::run)
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("数据库不是空的（已有表 api_token、app_state")
        .hasMessageContaining("恢复只写入空数据库");
    assertThat(tmp.resolve("other/files")).doesNotExist();
  }

  @Test
  void refusesAMissingManifest() throws IOException {
    Files.delete(backup.resolve("manifest.json"));
    assertThatThrownBy(() -> BackupReader.open(backup))
        .hasMessageContaining("中没有 manifest.json：不是备份目录，或备份没有完成");
  }

  @Test
  void refusesADamagedManifest() throws IOException {
    String manifest = Files.readString(backup.resolve("manifest.json"));
    Files.writeString(
        backup.resolve("manifest.json"), manifest.substring(0, manifest.length() / 2));
    assertThatThrownBy(() -> BackupReader.open(backup))
        .isInstanceOf(BackupException.class)
        .hasMessageStartingWith("备份清单 manifest.json 已损坏，无法读取");
  }

  @Test
  void refusesAnAlteredDatabaseFile() throws IOException {
    Path units = backup.resolve("database/unit.jsonl");
    Files.writeString(units, Files.readString(units).replace("青禾县禾溪镇", "青禾县禾西镇"));
    assertThatThrownBy(() -> BackupReader.open(backup))
        .hasMessage("备份已损坏：database/unit.jsonl 的 SHA-256 与清单不符（文件被改动或不完整）");
  }

  @Test
  void refusesAMissingOriginal() throws IOException {
    String sha = anyObject();
    Files.delete(object(sha));
    assertThatThrownBy(() -> BackupReader.open(backup))
        .hasMessageStartingWith(
            "备份缺少文件 files/objects/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha)
        .hasMessageContaining("（文档 ");
  }

  @Test
  void refusesAnAlteredOriginalAndLeavesTheTargetEmpty() throws Exception {
    String sha = anyObject();
    byte[] bytes = Files.readAllBytes(object(sha));
    bytes[bytes.length / 2] ^= 1;
    Files.write(object(sha), bytes);
    BareInstance target = target();
    Restorer restorer = target.restorer(BackupReader.open(backup));
    assertThatThrownBy(restorer::run)
        .hasMessage(
            "备份中的文件 files/objects/"
                + sha.substring(0, 2)
                + "/"
                + sha.substring(2, 4)
                + "/"
                + sha
                + " 已损坏或被改动：内容与其 SHA-256（或文档记录的大小）不符，恢复中止");
    assertThat(restorer.databaseTouched()).isFalse();
    assertThat(target.dataDir.resolve("files")).doesNotExist();
    try (Connection c = target.dataSource.getConnection()) {
      assertThat(Schema.tableNames(c)).isEmpty();
    }
  }

  @Test
  void refusesABackupFromANewerSchema() throws IOException {
    Path manifest = backup.resolve("manifest.json");
    Matcher version =
        Pattern.compile("\"schemaVersion\" : \"(\\d+)\"").matcher(Files.readString(manifest));
    assertThat(version.find()).isTrue();
    int current = Integer.parseInt(version.group(1));
    Files.writeString(
        manifest, version.replaceFirst("\"schemaVersion\" : \"" + (current + 13) + "\""));
    BareInstance target = target();
    assertThatThrownBy(() -> target.restorer(BackupReader.open(backup)).run())
        .hasMessageContaining(
            "数据库结构版本 " + (current + 13) + "），本程序只到结构版本 " + current + "：请先升级程序再恢复");
  }

  @Test
  void refusesABackupIntoANonEmptyDirectory() throws IOException {
    Path used = Files.createDirectories(tmp.resolve("used"));
    Files.writeString(used.resolve("keep.txt"), "保留");
    assertThatThrownBy(() -> source.writer().write(used, StepProgress.NONE))
        .hasMessage("备份目录 " + used + " 已存在且不为空：请指定一个新目录或空目录");
    assertThat(Files.readString(used.resolve("keep.txt"))).isEqualTo("保留");
    try (Stream<Path> entries = Files.list(used)) {
      assertThat(entries).hasSize(1);
    }
  }

  @Test
  void aBackupInsideTheConfigurationIsRefused() {
    Path inside = source.configDir.resolve("backup");
    assertThatThrownBy(() -> source.writer().write(inside, StepProgress.NONE))
        .hasMessageStartingWith("备份目录不能位于配置目录");
  }

  /**
   * The guarantee behind a consistent backup of a running service: a purge waits until the backup
   * has its copies.
   */
  @Test
  void deletionsWaitWhileABackupKeepsObjects() throws Exception {
    FileStore store = new FileStore(tmp.resolve("store"));
    String sha =
        store
            .commit(store.stage(new ByteArrayInputStream(TestFiles.utf8("待删除")), 1000))
            .getFileName()
            .toString();
    AtomicReference<Thread> purger = new AtomicReference<>();
    CompletableFuture<Boolean> purge =
        store.keepingObjects(
            () -> {
              CompletableFuture<Boolean> p =
                  CompletableFuture.supplyAsync(
                      () -> {
                        purger.set(Thread.currentThread());
                        try {
                          return store.locked(sha, () -> store.deleteUnless(sha, () -> false));
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                      });
              // Held, not merely slow: the purge's thread is parked on the lock the backup holds.
              long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
              while (!p.isDone() && !parkedOnReadWriteLock(purger.get())) {
                assertThat(System.nanoTime())
                    .as("the purge either ends or waits")
                    .isLessThan(deadline);
                Thread.sleep(1);
              }
              assertThat(p).as("the purge waits for the backup").isNotDone();
              assertThat(store.find(sha)).as("still there while the backup runs").isPresent();
              return p;
            });
    assertThat(purge.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(store.find(sha)).isEmpty();
  }

  private static boolean parkedOnReadWriteLock(Thread t) {
    Object blocker = t == null ? null : LockSupport.getBlocker(t);
    return blocker != null
        && blocker.getClass().getName().startsWith(ReentrantReadWriteLock.class.getName() + "$");
  }

  private String anyObject() throws IOException {
    try (Stream<Path> all = Files.walk(backup.resolve("files/objects"))) {
      return all.filter(Files::isRegularFile).findFirst().orElseThrow().getFileName().toString();
    }
  }

  private Path object(String sha) {
    return backup
        .resolve("files/objects")
        .resolve(sha.substring(0, 2))
        .resolve(sha.substring(2, 4))
        .resolve(sha);
  }
}
