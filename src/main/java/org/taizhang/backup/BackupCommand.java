package org.taizhang.backup;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.taizhang.config.CommandArguments;
import org.taizhang.config.StartFailures;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code backup <target-dir> [--server=URL]}: a consistent backup of the database, the file store
 * and the configuration. With the service stopped it reads the data directory itself; while the
 * service runs (the data directory is locked) it asks the service to write the backup, with an
 * administrator's API token from {@code TAIZHANG_TOKEN}.
 */
public final class BackupCommand {
  static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

  private BackupCommand() {}

  /** The command line; what it does not name are the service's settings. */
  static final class Arguments {
    @Parameters(index = "0", paramLabel = "<备份目录>")
    String target;

    @Option(names = "--server")
    String server = DEFAULT_SERVER;

    @Unmatched List<String> settings = new ArrayList<>();
  }

  /**
   * Runs the command; {@code args} are the target directory, {@code --server=…} and settings.
   * Returns the exit code.
   */
  public static int run(Class<?> application, String[] args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    Arguments a = new Arguments();
    if (!CommandArguments.read(
        a,
        args,
        err,
        "用法：java -jar taizhang.jar backup <备份目录> [--server=" + DEFAULT_SERVER + "]（目录须不存在或为空）")) {
      return CommandArguments.USAGE_ERROR;
    }
    Path target;
    try {
      target = Path.of(a.target).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      err.println("备份目录无效：" + a.target);
      return CommandArguments.USAGE_ERROR;
    }

    ConfigurableApplicationContext context;
    try {
      context = CommandContexts.service(application, a.settings.toArray(String[]::new), false);
    } catch (RuntimeException e) {
      if (StartFailures.dataDirectoryInUse(e)) {
        return new BackupClient(a.server, System.getenv("TAIZHANG_TOKEN"), out, err)
            .request(target);
      }
      err.println(StartFailures.explain(e));
      return 1;
    }
    ProgressBars bars = new ProgressBars(err);
    try (context) {
      BackupSummary s = context.getBean(Backups.class).create("命令行", target.toString(), bars);
      bars.finish();
      out.println(s.describe());
      return 0;
    } catch (RuntimeException e) {
      bars.finish();
      err.println("备份失败：" + e.getMessage());
      return 1;
    }
  }
}
