package org.taizhang.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.backup.BackupCommand;
import org.taizhang.backup.RestoreCommand;
import org.taizhang.completeness.CompletenessBenchmark;
import org.taizhang.config.ConfigException;
import org.taizhang.index.IndexMaintenance;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.ImportSummary;
import org.taizhang.ingest.IngestBenchmark;
import org.taizhang.job.Job;
import org.taizhang.job.Jobs;
import org.taizhang.sample.SampleArchiveGenerator;
import org.taizhang.search.RelevanceEvaluation;
import org.taizhang.search.SearchBenchmark;

/** The operator commands: folder import, index rebuild, and the sample/benchmark corpus generator. */
@Component
public class Commands {
  private static final Set<String> WITH_CONTEXT = Set.of("import", "reindex");
  private static final Set<String> WITHOUT_CONTEXT =
      Set.of("generate-sample", "benchmark-completeness", "benchmark-search", "benchmark-ingest", "evaluate-relevance", "help",
          "--help", "backup", "restore");

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
    return WITH_CONTEXT.contains(arg) || WITHOUT_CONTEXT.contains(arg);
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

  /** {@code import <dir> [--accepted]}: with {@code --accepted}, a historical archive, marked 已通过 as it is imported. */
  private int importFolder(String[] args) throws InterruptedException {
    if (args.length < 2 || args[1].startsWith("--")) {
      return usage(System.err);
    }
    boolean accepted = false;
    for (int i = 2; i < args.length; i++) {
      if (args[i].equals("--accepted")) {
        accepted = true;
      } else if (!args[i].startsWith("--")) { // --name=value are the service's settings
        System.err.println("多余的参数：" + args[i] + "（import 只接受一个目录和 --accepted）");
        return 2;
      }
    }
    Path dir = Path.of(args[1]);
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
    audit.record("命令行导入", AuditAction.IMPORT, "目录 " + dir.toAbsolutePath().normalize(),
        (accepted ? "作为历史档案导入，新增材料直接通过；" : "") + s.outcome());
    out.printf("导入完成：%s（%.1f 个/秒）%n", s.outcome(), s.total() * 1000.0 / Math.max(1, s.elapsed().toMillis()));
    for (ImportSummary.Rejected r : s.rejected()) {
      out.printf("  拒收 %s  %s  %s%n", r.file(), r.reason(), r.message());
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

  public static int runWithoutContext(String[] args) {
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (args[0].equals("backup")) {
      return BackupCommand.run(rest);
    }
    if (args[0].equals("restore")) {
      return RestoreCommand.run(rest);
    }
    if (args[0].equals("benchmark-search")) {
      return benchmark(() -> SearchBenchmark.main(rest));
    }
    if (args[0].equals("benchmark-ingest")) {
      return benchmark(() -> IngestBenchmark.main(rest));
    }
    if (args[0].equals("evaluate-relevance")) {
      RelevanceEvaluation.main(rest);
      return 0;
    }
    if (args[0].equals("benchmark-completeness")) {
      CompletenessBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
      return 0;
    }
    if (args[0].equals("generate-sample")) {
      if (args.length < 2) {
        return usage(System.err);
      }
      try {
        SampleArchiveGenerator.main(Arrays.copyOfRange(args, 1, args.length));
        return 0;
      } catch (Exception e) {
        System.err.println("生成失败：" + e.getMessage());
        return 1;
      }
    }
    return usage(System.out);
  }

  /** A benchmark's main method. */
  @FunctionalInterface
  private interface Benchmark {
    void run() throws Exception;
  }

  private static int benchmark(Benchmark b) {
    try {
      b.run();
      return 0;
    } catch (Exception e) {
      System.err.println("基准测试失败：" + e);
      return 1;
    }
  }

  /** One line for the operator when the command cannot start, most often because the service still runs. */
  public static String explainStartFailure(Throwable e) {
    if (dataDirectoryInUse(e)) {
      return "数据目录正被运行中的服务使用：请先停止服务，再执行此命令。";
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof ConfigException) {
        return "配置文件有误：" + c.getMessage();
      }
    }
    return "无法启动：" + e.getMessage();
  }

  /** Whether a command could not start because the running service holds the database or the index. */
  public static boolean dataDirectoryInUse(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage());
      if (c.getClass().getSimpleName().equals("LockObtainFailedException") || m.contains("already in use")
          || m.contains("Database may be already in use")) {
        return true;
      }
    }
    return false;
  }

  private static int usage(PrintStream p) {
    p.println("""
        用法：java -jar target/taizhang.jar [命令]
          （无命令）                          启动 Web 服务
          import <目录> [--accepted]          导入目录树 <单位>/<年度>/<类别>/<文件>（须先停止服务）；
                                              --accepted：历史档案，新增的材料直接标记为已通过（逐份记入审计日志）
          reindex                             由数据库重建全文索引（须先停止服务）
          backup <目录> [--server=URL]        备份数据库、文件库和配置；服务运行时经其 API 备份（需 TAIZHANG_TOKEN）
          restore <备份目录>                  由备份重建实例（空数据目录和空数据库），含全文索引
          generate-sample <目录> [--extra-units N] [--seed S]
                                              生成示例档案（或更大的基准测试语料）
          benchmark-completeness [--units=2000 --docs=100]
                                              完整性核查基准测试：全量重算与单次上传后的增量更新耗时
          benchmark-search [--docs=100000]    检索基准测试：生成语料、建索引，测并发 1 和 8 下的查询延迟
          benchmark-ingest [--files=5000 --clients=4]
                                              导入基准测试：同一批文件上比较极限速度、目录导入和 HTTP 上传
          evaluate-relevance                  用评测集（docs/relevance/）计算示例档案上的 recall@10、precision@10、nDCG@10""");
    return 2;
  }
}
