package org.taizhang.backup;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.taizhang.config.StartFailures;

/**
 * {@code backup <target-dir> [--server=URL]}: a consistent backup of the database, the file store and
 * the configuration. With the service stopped it reads the data directory itself; while the
 * service runs (the data directory is locked) it asks the service to write the backup, with an
 * administrator's API token from {@code TAIZHANG_TOKEN}.
 */
public final class BackupCommand {
  static final String DEFAULT_SERVER = "http://127.0.0.1:8080";

  private BackupCommand() {}

  /** Runs the command; {@code args} are the target directory, {@code --server=…} and settings. Returns the exit code. */
  public static int run(Class<?> application, String[] args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (args.length < 1 || args[0].startsWith("--")) {
      err.println("用法：java -jar taizhang.jar backup <备份目录> [--server=" + DEFAULT_SERVER + "]（目录须不存在或为空）");
      return 2;
    }
    Path target;
    try {
      target = Path.of(args[0]).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      err.println("备份目录无效：" + args[0]);
      return 2;
    }
    String server = DEFAULT_SERVER;
    List<String> settings = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if (args[i].startsWith("--server=")) {
        server = args[i].substring("--server=".length());
      } else {
        settings.add(args[i]);
      }
    }

    ConfigurableApplicationContext context;
    try {
      context = CommandContexts.service(application, settings.toArray(String[]::new), false);
    } catch (RuntimeException e) {
      if (StartFailures.dataDirectoryInUse(e)) {
        return new BackupClient(server, System.getenv("TAIZHANG_TOKEN"), out, err).request(target);
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
