package org.taizhang.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.backup.BackupCommand;
import org.taizhang.backup.MigrateCommand;
import org.taizhang.backup.RestoreCommand;
import org.taizhang.config.CommandArguments;
import org.taizhang.index.IndexMaintenance;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.ImportSummary;
import org.taizhang.job.Job;
import org.taizhang.job.Jobs;
import org.taizhang.job.ProgressBar;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * The operator commands: folder import, index rebuild, backup and restore; and the tools shipped in
 * the same jar (sample generator, benchmarks, relevance evaluation), found through {@link Tools} so
 * that the service never refers to them.
 */
@Component
public class Commands {
  private static final Set<String> WITH_CONTEXT = Set.of("import", "reindex");
  private static final Set<String> WITHOUT_CONTEXT =
      Set.of("help", "--help", "backup", "restore", "migrate");

  private final FolderImporter importer;
  private final IndexMaintenance maintenance;
  private final Jobs jobs;
  private final AuditLog audit;
  private final PrintStream out = System.out;

  Commands(FolderImporter importer, IndexMaintenance maintenance, Jobs jobs, AuditLog audit) {
    this.importer = importer;
    this.maintenance = maintenance;
    this.jobs = jobs;
    this.audit = audit;
  }

  public static boolean isCommand(String arg) {
    return WITH_CONTEXT.contains(arg)
        || WITHOUT_CONTEXT.contains(arg)
        || tools().stream().anyMatch(t -> t.names().contains(arg));
  }

  private static List<Tools> tools() {
    return ServiceLoader.load(Tools.class).stream().map(ServiceLoader.Provider::get).toList();
  }

  public static boolean needsContext(String arg) {
    return WITH_CONTEXT.contains(arg);
  }

  public int run(String[] args) throws InterruptedException {
    return switch (args[0]) {
      case "import" -> importFolder(args);
      case "reindex" -> reindex();
      default -> usage(System.err);
    };
  }

  /** The command line of {@code import}; what it does not name are the service's settings. */
  static final class ImportArguments {
    @Parameters(index = "0", paramLabel = "<目录>")
    Path dir;

    @Option(names = "--accepted")
    boolean accepted;

    @Unmatched List<String> settings = new ArrayList<>();
  }

  /**
   * {@code import <dir> [--accepted]}: with {@code --accepted}, a historical archive, marked 已通过 as
   * it is imported.
   */
  private int importFolder(String[] args) throws InterruptedException {
    ImportArguments a = new ImportArguments();
    if (!CommandArguments.read(
        a,
        Arrays.copyOfRange(args, 1, args.length),
        System.err,
        "用法：java -jar taizhang.jar import <目录> [--accepted]")) {
      return CommandArguments.USAGE_ERROR;
    }
    for (String setting : a.settings) {
      if (!setting.startsWith("--")) { // --name=value are the service's settings
        System.err.println("多余的参数：" + setting + "（import 只接受一个目录和 --accepted）");
        return CommandArguments.USAGE_ERROR;
      }
    }
    Path dir = a.dir;
    boolean accepted = a.accepted;
    if (!Files.isDirectory(dir)) {
      System.err.println("不是目录：" + dir);
      return 2;
    }
    Job job = jobs.start((accepted ? "导入历史档案 " : "导入 ") + dir, "命令行");
    ImportSummary s;
    try (ProgressBar bar = new ProgressBar(job, "导入", System.err)) {
      s = importer.importFolder(dir, "命令行导入", job, accepted);
      job.finish(s.outcome());
    }
    audit.record(
        "命令行导入",
        AuditAction.IMPORT,
        "目录 " + dir.toAbsolutePath().normalize(),
        (accepted ? "作为历史档案导入，新增材料直接通过；" : "") + s.outcome());
    out.printf(
        "导入完成：%s（%.1f 个/秒）%n",
        s.outcome(), s.total() * 1000.0 / Math.max(1, s.elapsed().toMillis()));
    for (ImportSummary.Rejected r : s.rejected()) {
      out.printf("  拒收 %s  %s  %s%n", r.name(), r.reason(), r.message());
    }
    return 0;
  }

  private int reindex() throws InterruptedException {
    Job job = jobs.start("重建索引", "命令行");
    IndexMaintenance.Outcome o;
    try (ProgressBar bar = new ProgressBar(job, "重建索引", System.err)) {
      o = maintenance.rebuild(job);
      job.finish(o.indexed() + " 篇");
    }
    out.printf("索引重建完成：%d 篇文档，移除 %d 篇数据库中已没有的%n", o.indexed(), o.removed());
    return 0;
  }

  public static int runWithoutContext(Class<?> application, String[] args) {
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (args[0].equals("backup")) {
      return BackupCommand.run(application, rest);
    }
    if (args[0].equals("restore")) {
      return RestoreCommand.run(application, rest);
    }
    if (args[0].equals("migrate")) {
      return MigrateCommand.run(application, rest);
    }
    for (Tools tools : tools()) {
      if (tools.names().contains(args[0])) {
        try {
          return tools.run(args[0], rest);
        } catch (Exception e) {
          System.err.println(args[0] + " 失败：" + e);
          return 1;
        }
      }
    }
    return usage(System.out);
  }

  private static int usage(PrintStream p) {
    p.println(
        """
        用法：java -jar target/taizhang.jar [命令]
          （无命令）                          启动 Web 服务
          import <目录> [--accepted]          导入目录树 <单位>/<年度>/<类别>/<文件>（须先停止服务）；
                                              --accepted：历史档案，新增的材料直接标记为已通过（逐份记入审计日志）
          reindex                             由数据库重建全文索引（须先停止服务）
          backup <目录> [--server=URL]        备份数据库、文件库和配置；服务运行时经其 API 备份（需 TAIZHANG_TOKEN）
          restore <备份目录>                  由备份重建实例（空数据目录和空数据库），含全文索引
          migrate --from=<数据目录> <集群设置>  将内置模式的实例（须先停止）迁入集群：备份、恢复到 PostgreSQL／对象存储／SolrCloud，
                                              再核对两边的搜索结果与完整性结论""");
    tools().forEach(t -> p.println(t.usage().stripTrailing()));
    return 2;
  }
}
