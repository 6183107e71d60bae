package org.taizhang.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.node.Leases;
import org.taizhang.store.FileStore;

/**
 * Backups of this instance, taken while it runs: by an administrator through the API, or by the
 * {@code backup} command when the service is stopped. One at a time, across the nodes over the
 * database too (the {@code backup} lease); each is in the audit log.
 */
@Service
class Backups {
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'taizhang-'yyyyMMdd-HHmmss");

  private static final String LEASE = "backup";

  private final DataSource dataSource;
  private final FileStore store;
  private final TaizhangProperties properties;
  private final Flyway flyway;
  private final AuditLog audit;
  private final Clock clock;
  private final ReentrantLock running = new ReentrantLock();
  private final Leases leases;

  Backups(
      DataSource dataSource,
      FileStore store,
      TaizhangProperties properties,
      Flyway flyway,
      AuditLog audit,
      Clock clock,
      Leases leases) {
    this.leases = leases;
    this.dataSource = dataSource;
    this.store = store;
    this.properties = properties;
    this.flyway = flyway;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Writes a backup into {@code dir} (absolute; must not exist or be empty), or into a new
   * directory under {@code <data-dir>/backups} when it is null.
   */
  BackupSummary create(String actor, String dir, StepProgress progress) {
    Path target =
        dir == null || dir.isBlank() ? defaultDirectory() : requestedDirectory(dir.strip());
    if (!running.tryLock()) {
      throw new BackupException("BACKUP_RUNNING", HttpStatus.CONFLICT, "已有一个备份正在进行，请等它完成后再试", null);
    }
    if (!leases.claim(LEASE)) {
      running.unlock();
      throw new BackupException("BACKUP_RUNNING", HttpStatus.CONFLICT, "另一节点正在备份，请等它完成后再试", null);
    }
    try {
      BackupWriter writer =
          new BackupWriter(
              dataSource,
              store,
              properties.configDir(),
              schemaVersion(),
              Schema.notData(flyway.getConfiguration().getTable()),
              clock);
      BackupSummary s = writer.write(target, progress);
      audit.record(
          actor,
          AuditAction.BACKUP,
          s.dir(),
          String.format(
              "文档 %d 篇，文件 %d 个（%.1f MB），用时 %.1f 秒",
              s.documents(), s.files(), s.fileBytes() / 1048576.0, s.elapsedMillis() / 1000.0));
      return s;
    } catch (IOException e) {
      throw BackupException.failed(
          "写入备份失败（" + e.getClass().getSimpleName() + "）：" + e.getMessage(), e);
    } finally {
      leases.release(LEASE);
      running.unlock();
    }
  }

  private Path requestedDirectory(String dir) {
    Path p;
    try {
      p = Path.of(dir);
    } catch (RuntimeException e) {
      throw new BackupException("备份目录无效：" + dir);
    }
    if (!p.isAbsolute()) {
      throw new BackupException("备份目录须为绝对路径：" + dir);
    }
    p = p.normalize();
    Path files = properties.filesDir().toAbsolutePath().normalize();
    if (p.startsWith(files)) {
      throw new BackupException("备份目录不能位于文件库 " + files + " 之内");
    }
    return p;
  }

  private Path defaultDirectory() {
    Path base = properties.dataDir().resolve("backups").toAbsolutePath().normalize();
    String name = NAME.format(LocalDateTime.now(clock));
    Path p = base.resolve(name);
    for (int i = 2; Files.exists(p); i++) {
      p = base.resolve(name + "-" + i);
    }
    return p;
  }

  private String schemaVersion() {
    MigrationInfo current = flyway.info().current();
    return current == null || current.getVersion() == null
        ? "0"
        : current.getVersion().getVersion();
  }
}
