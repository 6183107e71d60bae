package org.taizhang.backup;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.taizhang.config.CommandArguments;
import org.taizhang.config.StartFailures;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code migrate --from=<data-dir> [--backup=<dir>] <the cluster's settings>}: moves a county that
 * runs embedded (H2, files and Lucene index under one data directory) onto a cluster (PostgreSQL,
 * the object store, SolrCloud). It is a backup of the stopped source, a restore with the cluster's
 * settings (database rows, originals, configuration, then the index rebuilt from them), and a check
 * that both answer the same searches and give every unit the same completeness verdict. The backup
 * stays on disk: it is the way back.
 */
public final class MigrateCommand {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private MigrateCommand() {}

  /** The command line; what it does not name are the cluster's settings. */
  static final class Arguments {
    @Option(names = "--from", required = true)
    String from;

    @Option(names = "--backup")
    String backup;

    @Unmatched List<String> settings = new ArrayList<>();
  }

  /** Runs the command; returns the exit code: 0 moved and identical, 1 failed or different. */
  public static int run(Class<?> application, String[] args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Arguments a = new Arguments();
    if (!CommandArguments.read(
        a,
        args,
        err,
        "用法：java -jar taizhang.jar migrate --from=<原数据目录> [--backup=<备份目录>]"
            + " --spring.datasource.url=… --taizhang.store=s3 … --taizhang.search.engine=solr …")) {
      return CommandArguments.USAGE_ERROR;
    }
    Path from;
    Path backup;
    try {
      from = Path.of(a.from).toAbsolutePath().normalize();
      backup =
          a.backup != null
              ? Path.of(a.backup).toAbsolutePath().normalize()
              : from.resolveSibling(
                  from.getFileName() + "-migration-" + LocalDateTime.now().format(STAMP));
    } catch (InvalidPathException e) {
      err.println("目录无效：" + e.getMessage());
      return CommandArguments.USAGE_ERROR;
    }
    if (!Files.isDirectory(from.resolve("db"))) {
      err.println("原数据目录 " + from + " 中没有内置数据库（db/）：迁移的来源须是内置模式的数据目录");
      return 1;
    }
    String[] source = {"--taizhang.data-dir=" + from};
    String[] target = a.settings.toArray(String[]::new);

    out.println("1/3 备份原实例到 " + backup);
    try (ConfigurableApplicationContext context =
        CommandContexts.service(application, source, false)) {
      ProgressBars bars = new ProgressBars(err);
      BackupSummary s = context.getBean(Backups.class).create("迁移", backup.toString(), bars);
      bars.finish();
      out.println(s.describe());
    } catch (RuntimeException e) {
      err.println(
          StartFailures.dataDirectoryInUse(e)
              ? "原实例正在运行：请先停止服务再迁移（迁移期间不能再有上传）"
              : "备份失败：" + StartFailures.explain(e));
      return 1;
    }

    out.println("2/3 恢复到新实例");
    List<String> restore = new ArrayList<>();
    restore.add(backup.toString());
    restore.addAll(a.settings);
    int restored = RestoreCommand.run(application, restore.toArray(String[]::new));
    if (restored != 0) {
      err.println("恢复未完成；原实例未改动，备份仍在 " + backup);
      return restored;
    }

    out.println("3/3 核对搜索与完整性");
    MigrationCheck.Outcome check;
    try (ConfigurableApplicationContext was = CommandContexts.service(application, source, false);
        ConfigurableApplicationContext is = CommandContexts.service(application, target, false)) {
      check = MigrationCheck.compare(was, is);
    } catch (RuntimeException e) {
      err.println("核对失败：" + StartFailures.explain(e));
      return 1;
    }
    if (!check.identical()) {
      err.printf("新实例与原实例不一致（%d 处）：%n", check.differences().size());
      check.differences().forEach(d -> err.println("  " + d));
      err.println("原实例未改动，备份在 " + backup + "；请查明原因后清空新实例再迁移");
      return 1;
    }
    out.printf(
        "迁移完成：%d 个搜索的结果与 %d 个单位·年度的完整性结论与原实例一致。原实例未改动，备份在 %s；" + "确认新实例运行正常后，可停用原数据目录。%n",
        check.queries(), check.verdicts(), backup);
    return 0;
  }
}
