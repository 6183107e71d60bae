package org.taizhang.extract;

import com.benjaminwan.ocrlibrary.OcrResult;
import io.github.mymonstercat.Model;
import io.github.mymonstercat.ocr.InferenceEngine;
import io.github.mymonstercat.ocr.config.HardwareConfig;
import io.github.mymonstercat.ocr.config.ParamConfig;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RapidOCR in a process of its own, a child of the parser process. Its native library prints to
 * standard output, which in the parser process carries the protocol; here nothing depends on
 * standard output but the line that marks a request done. A request is a line {@code image\tresult}
 * on standard input; the reading goes to the file {@code result} (confidence, rotation, then the
 * text), and the marker line follows. A native crash takes down only this process.
 */
final class RapidOcrProcess implements AutoCloseable {
  private static final String DONE = "@@rapidocr-done ";

  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;
  private long requests;

  private RapidOcrProcess(Process process) {
    this.process = process;
    this.in =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Starts the process and waits until its models are loaded. */
  static RapidOcrProcess start(int timeoutSeconds) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of(
            "-Xmx256m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8"));
    cmd.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    String classPath = System.getProperty("java.class.path");
    var source = RapidOcrProcess.class.getProtectionDomain().getCodeSource();
    if (source != null
        && source.getLocation() != null
        && source.getLocation().toString().contains("nested:")) {
      cmd.addAll(
          List.of(
              "-Dloader.main=" + RapidOcrProcess.class.getName(),
              "-cp",
              classPath,
              "org.springframework.boot.loader.launch.PropertiesLauncher"));
    } else {
      cmd.addAll(List.of("-cp", classPath, RapidOcrProcess.class.getName()));
    }
    ProcessBuilder b = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    b.environment().put("OMP_NUM_THREADS", "1");
    RapidOcrProcess p = new RapidOcrProcess(b.start());
    p.await(0, timeoutSeconds);
    return p;
  }

  /** Reads one image (already prepared: grey, sized) in the child process. */
  synchronized ImageRecognizer.Recognition read(Path image, int timeoutSeconds) throws IOException {
    long n = ++requests;
    Path result = Files.createTempFile("rapidocr", ".txt");
    try {
      in.write(image.toAbsolutePath() + "\t" + result.toAbsolutePath() + "\n");
      in.flush();
      await(n, timeoutSeconds);
      List<String> lines = Files.readAllLines(result, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.get(0).startsWith("error")) {
        throw new IOException(lines.isEmpty() ? "RapidOCR: no result" : lines.get(0));
      }
      String[] head = lines.get(0).split("\t");
      String text = String.join("\n", lines.subList(1, lines.size()));
      return new ImageRecognizer.Recognition(
          text, "rapidocr", Double.parseDouble(head[0]), Integer.parseInt(head[1]));
    } finally {
      Files.deleteIfExists(result);
    }
  }

  /** Reads standard output up to request {@code n}'s marker, skipping what the library prints. */
  private void await(long n, int timeoutSeconds) throws IOException {
    String marker = DONE + n + "@@";
    var watchdog =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rapidocr-watchdog");
              t.setDaemon(true);
              return t;
            });
    watchdog.schedule(process::destroyForcibly, timeoutSeconds, TimeUnit.SECONDS);
    try {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.contains(marker)) {
          return;
        }
      }
      throw new IOException("RapidOCR process ended (exit " + exit() + ")");
    } finally {
      watchdog.shutdownNow();
    }
  }

  private String exit() {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  public static void main(String[] args) throws IOException {
    PrintStream marks = System.out;
    System.setOut(System.err);
    Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
    }
    // If the parser process dies, so does this one.
    ProcessHandle.current()
        .parent()
        .ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
    InferenceEngine engine =
        InferenceEngine.getInstance(Model.ONNX_PPOCR_V4, new HardwareConfig(1, -1));
    marks.println("\n" + DONE + 0 + "@@");
    marks.flush();
    BufferedReader requests =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    long n = 0;
    while ((line = requests.readLine()) != null) {
      n++;
      String[] f = line.split("\t");
      Path result = Path.of(f[1]);
      Path partial = Path.of(f[1] + ".part");
      String content;
      try {
        ParamConfig p = ParamConfig.getDefaultConfig();
        p.setMaxSideLen(1280);
        p.setDoAngle(true);
        p.setMostAngle(true);
        OcrResult r = engine.runOcr(f[0], p);
        int[] size = size(Path.of(f[0]));
        ImageRecognizer.Recognition read =
            ImageRecognizer.RapidLayout.read(r.getTextBlocks(), size[0], size[1]);
        content =
            String.format(Locale.ROOT, "%.4f\t%d\n", read.confidence(), read.rotation())
                + read.text();
      } catch (RuntimeException | LinkageError e) {
        content = "error " + e;
      }
      Files.writeString(partial, content, StandardCharsets.UTF_8);
      Files.move(partial, result, StandardCopyOption.REPLACE_EXISTING);
      marks.println("\n" + DONE + n + "@@");
      marks.flush();
    }
  }

  private static int[] size(Path image) throws IOException {
    try (var in = javax.imageio.ImageIO.createImageInputStream(image.toFile())) {
      var readers = javax.imageio.ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no reader for " + image);
      }
      var reader = readers.next();
      try {
        reader.setInput(in);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    }
  }
}
