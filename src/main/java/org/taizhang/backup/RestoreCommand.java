package org.taizhang.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.ConfigurableApplicationContext;
import org.taizhang.config.CommandArguments;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.index.IndexMaintenance;
import org.taizhang.job.Job;
import org.taizhang.job.ProgressBar;
import org.taizhang.store.FileStore;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code restore <backup-dir> [--taizhang.data-dir=…] [--spring.datasource.url=…]}: rebuilds a
 * working instance from a backup, offline, into an empty data directory and an empty database, and
 * rebuilds the search index, so the instance is complete when the command ends.
 */
public final class RestoreCommand {
  private RestoreCommand() {}

  /** The command line: the backup directory, then the service's settings. */
  static final class Arguments {
    @Parameters(index = "0", paramLabel = "<备份目录>")
    String backup;

    @Unmatched List<String> settings = new ArrayList<>();
  }

  /**
   * Runs the command; {@code args} are the backup directory and settings. Returns the exit code.
   */
  public static int run(Class<?> application, String[] args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Arguments a = new Arguments();
    if (!CommandArguments.read(
        a,
        args,
        err,
        "用法：java -jar taizhang.jar restore <备份目录> [--taizhang.data-dir=…] [--spring.datasource.url=…]")) {
      return CommandArguments.USAGE_ERROR;
    }
    long start = System.nanoTime();
    BackupReader backup;
    try {
      backup = BackupReader.open(Path.of(a.backup));
    } catch (BackupException | InvalidPathException e) {
      err.println("无法恢复：" + e.getMessage());
      return 1;
    }
    BackupManifest m = backup.manifest();
    out.printf(
        "备份 %s：%s 写出（台账 %s，数据库结构版本 %s），文档 %d 篇，文件 %d 个%n",
        backup.dir(),
        m.createdAt(),
        m.productVersion(),
        m.schemaVersion(),
        backup.table("document").map(BackupManifest.TableEntry::rows).orElse(0L),
        m.files().count());
    String[] settings = a.settings.toArray(String[]::new);

    Restorer.Outcome outcome;
    ProgressBars bars = new ProgressBars(err);
    Path dataDir = null;
    Restorer restorer = null;
    try (ConfigurableApplicationContext context = CommandContexts.restore(settings)) {
      TaizhangProperties p = context.getBean(TaizhangProperties.class);
      Restorer.refuseUsedDataDirectory(p.dataDir());
      dataDir = p.dataDir();
      restorer =
          new Restorer(
              backup,
              context.getBean(DataSource.class),
              context.getBean(Flyway.class),
              p.dataDir(),
              p.filesDir(),
              p.configDir(),
              bars,
              files -> FileStore.configured(context.getEnvironment(), files));
      outcome = restorer.run();
      bars.finish();
    } catch (BackupException | IOException e) {
      bars.finish();
      return failed(err, e.getMessage(), dataDir, restorer);
    } catch (RuntimeException e) {
      bars.finish();
      return failed(err, String.valueOf(rootMessage(e)), dataDir, restorer);
    }

    IndexMaintenance.Outcome indexed;
    try (ConfigurableApplicationContext context =
        CommandContexts.service(application, settings, true)) {
      Job job = Job.untracked("重建索引");
      try (ProgressBar bar = new ProgressBar(job, "重建索引", err)) {
        indexed = context.getBean(IndexMaintenance.class).rebuild(job);
        job.finish(indexed.indexed() + " 篇");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (RuntimeException e) {
      err.println("数据已恢复，但重建索引失败：" + rootMessage(e) + "。可稍后执行 reindex，或直接启动服务（启动时会补建索引）");
      return 1;
    }
    out.printf(
        "恢复完成：数据库 %d 行（文档 %d 篇），文件 %d 个 %.1f MB，索引 %d 篇；用时 %.1f 秒%n",
        outcome.rows(),
        outcome.documents(),
        outcome.files(),
        outcome.fileBytes() / 1048576.0,
        indexed.indexed(),
        (System.nanoTime() - start) / 1e9);
    out.println(outcome.configNote());
    return 0;
  }

  /**
   * Reports a failed restore. A data directory found empty is emptied again if the database was not
   * yet written, so the same command can simply be run again once the cause is fixed.
   */
  private static int failed(PrintStream err, String message, Path dataDir, Restorer restorer) {
    err.println("无法恢复：" + message);
    if (dataDir == null || restorer == null) {
      return 1;
    }
    if (restorer.databaseTouched()) {
      err.println("数据库和数据目录 " + dataDir.toAbsolutePath().normalize() + " 中可能已有部分恢复的内容：请清空两者后重新恢复。");
    } else if (Files.isDirectory(dataDir)) {
      try (Stream<Path> entries = Files.list(dataDir)) {
        entries.forEach(Restorer::deleteTree);
      } catch (IOException e) {
        err.println("未能清理数据目录 " + dataDir + "：" + e.getMessage());
      }
    }
    return 1;
  }

  private static String rootMessage(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getMessage() == null ? c.toString() : c.getMessage();
  }
}
