package org.taizhang.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command a test runs to its end in a process of its own. Its output goes to a file, never to a
 * pipe that must be read, so that waiting for it is always bounded by the time limit; a command
 * still running then is killed with everything it started, and the test fails instead of hanging
 * the build.
 */
public final class Command {
  private Command() {}

  /** How a command ended: its exit status and everything it printed, standard error included. */
  public record Result(int exit, String output) {}

  /**
   * The service's main class in a JVM of its own on the test class path, as an operator runs {@code
   * java -jar taizhang.jar …}; {@code jvmOptions} come before the class path.
   */
  public static List<String> taizhang(List<String> jvmOptions, List<String> args) {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", classPath, "org.taizhang.TaizhangApplication"));
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Runs {@code command} for at most {@code limit}; {@code env} is added to (or, where a value is
   * empty, removed from) the environment.
   */
  public static Result run(List<String> command, Map<String, String> env, Duration limit)
      throws IOException, InterruptedException {
    Path output = Files.createTempFile("taizhang-command", ".log");
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      env.forEach(
          (k, v) -> {
            if (v.isEmpty()) {
              pb.environment().remove(k);
            } else {
              pb.environment().put(k, v);
            }
          });
      Process p = pb.start();
      try {
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new AssertionError(
              "still running after "
                  + limit
                  + ": "
                  + String.join(" ", command)
                  + "\n"
                  + read(output));
        }
        return new Result(p.exitValue(), read(output));
      } finally {
        destroy(p);
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /**
   * Kills a process and whatever it started (a parser process, Tesseract), and waits until it is
   * gone.
   */
  public static void destroy(Process p) throws InterruptedException {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("process " + p.pid() + " still alive after SIGKILL");
    }
  }

  private static String read(Path output) throws IOException {
    return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
  }
}
