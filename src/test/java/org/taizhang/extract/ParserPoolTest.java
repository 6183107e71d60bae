package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.job.BackgroundPriority;
import org.taizhang.support.Command;
import org.taizhang.support.Tesseract;
import org.taizhang.support.TestFiles;

/**
 * Parsing in separate processes: results, limits, and what a hostile file costs. No time limit here
 * runs out by itself ({@link HeldTimeLimits}: an hour, which no file here comes near); a test lets
 * one run out while a file is certainly in flight: a named pipe that nobody writes to, which the
 * parser waits for without end.
 */
class ParserPoolTest {
  private static final Duration LIMIT = Duration.ofHours(1);
  private static final Duration OCR_LIMIT = Duration.ofHours(2);

  /** Longest a test waits for a result before it fails rather than hang the build. */
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @TempDir Path dir;
  private final HeldTimeLimits limits = new HeldTimeLimits(LIMIT, OCR_LIMIT);
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private ParserPool pool;

  private ParserPool pool(int threads, long heapMegabytes) {
    return pool(threads, heapMegabytes, 0);
  }

  /** {@code backgroundNice}: how low background threads run (ParserPool.Settings.niceness). */
  private ParserPool pool(int threads, long heapMegabytes, int backgroundNice) {
    pool =
        new ParserPool(
            new ParserPool.Settings(
                threads,
                LIMIT,
                heapMegabytes << 20,
                100_000,
                100_000_000,
                1000,
                dir.resolve("tmp"),
                backgroundNice,
                TextExtractor.OcrSettings.DEFAULT,
                OCR_LIMIT),
            limits);
    return pool;
  }

  @AfterEach
  void close() {
    callers.shutdownNow();
    if (pool != null) {
      pool.close();
    }
  }

  /** The result of a call made on another thread. */
  private static <T> T result(Future<T> call) throws Exception {
    return call.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Asserts that a call made on another thread was refused with {@code failure}. */
  private static void assertRefused(Future<?> call, ExtractionFailure failure) {
    assertThatThrownBy(() -> result(call))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ExtractionException.class, e -> assertThat(e.failure()).isEqualTo(failure));
  }

  private Path write(String name, byte[] content) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  @Test
  void readsAFileInAParserProcess() throws Exception {
    ParserPool p = pool(1, 256);
    Extraction e = p.extract(write("a.docx", TestFiles.docx("会议记录", "主持人：李明")), "a.docx");
    assertThat(e.mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(e.text()).contains("会议记录").contains("主持人：李明");
    Extraction again = p.extract(write("b.txt", TestFiles.utf8("创建工作台账")), "b.txt");
    assertThat(again.text()).isEqualTo("创建工作台账");
    assertThat(p.stats().parsed()).isEqualTo(2);
    assertThat(p.stats().started()).as("one process serves file after file").isEqualTo(1);
  }

  @Test
  void passesTheParsersVerdictThroughAndKeepsTheProcess() throws Exception {
    ParserPool p = pool(1, 256);
    assertThatThrownBy(
            () -> p.extract(write("locked.pdf", TestFiles.pdf("secret", "pw")), "locked.pdf"))
        .isInstanceOfSatisfying(
            ExtractionException.class,
            e -> assertThat(e.failure()).isEqualTo(ExtractionFailure.ENCRYPTED));
    assertThat(p.extract(write("ok.txt", TestFiles.utf8("正常文件")), "ok.txt").text())
        .isEqualTo("正常文件");
    assertThat(p.stats().started()).isEqualTo(1);
  }

  @Test
  void readsAScanWithOcrUnderItsOwnTimeLimit() throws Exception {
    Tesseract.assumeInstalled();
    Path scan = Path.of("sample-archive/hxz-xqc/2025/目标责任书/2025年度文明创建目标责任书（签字盖章扫描件）.pdf");
    String name = scan.getFileName().toString();
    ParserPool p = pool(1, 512);
    assertThat(p.extract(scan, name).text()).as("a scan has no text layer").isBlank();
    assertThat(p.recognize(scan, name).text()).contains("目标责任书", "村规民约", "美丽庭院");

    // OCR has a limit of its own, far longer than a parse's; overrunning it costs the process,
    // nothing else.
    Future<Extraction> ocr = callers.submit(() -> p.recognize(scan, name));
    limits.awaitPending(OCR_LIMIT, 1);
    ProcessHandle tesseract = stopTesseractAtWork(ocr);
    limits.expire(OCR_LIMIT);
    assertRefused(ocr, ExtractionFailure.PARSE_TIMEOUT);
    assertThat(p.extract(write("next.txt", TestFiles.utf8("下一个文件")), "next.txt").text())
        .isEqualTo("下一个文件");
    assertThat(p.stats().timeouts()).isEqualTo(1);
    assertThat(tesseract.onExit().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).isAlive())
        .as("the Tesseract of the killed process ends with it")
        .isFalse();
    assertThat(tesseracts()).as("no Tesseract left running for a killed process").isEmpty();
  }

  @Test
  void killsAParseThatOverrunsItsTimeAndCarriesOn() throws Exception {
    ParserPool p = pool(1, 1024);
    p.extract(write("warm.txt", TestFiles.utf8("预热")), "warm.txt");
    Path endless = namedPipe("endless.docx");
    Future<Extraction> culprit = callers.submit(() -> p.extract(endless, "endless.docx"));
    limits.awaitPending(LIMIT, 1);
    limits.expire(LIMIT);
    assertRefused(culprit, ExtractionFailure.PARSE_TIMEOUT);
    assertThat(p.extract(write("next.txt", TestFiles.utf8("下一个文件")), "next.txt").text())
        .isEqualTo("下一个文件");
    assertThat(p.stats().timeouts()).isEqualTo(1);
    assertThat(p.stats().started()).as("the killed process was replaced").isEqualTo(2);
  }

  @Test
  void aParserThatExhaustsItsHeapCostsOneRejection() throws Exception {
    ParserPool p = pool(1, 64);
    Path heavy = write("heavy.docx", TestFiles.heavyDocx(300_000));
    assertThatThrownBy(() -> p.extract(heavy, "heavy.docx"))
        .isInstanceOfSatisfying(
            ExtractionException.class,
            e -> assertThat(e.failure()).isEqualTo(ExtractionFailure.OUT_OF_MEMORY));
    assertThat(p.extract(write("next.docx", TestFiles.docx("下一个文件")), "next.docx").text())
        .isEqualTo("下一个文件");
    assertThat(p.stats().outOfMemory()).isEqualTo(1);
  }

  @Test
  void rendersThumbnailsInTheProcesses() throws Exception {
    ParserPool p = pool(1, 256);
    Path png = dir.resolve("thumbs/a.png");
    p.thumbnail(write("a.pdf", TestFiles.pdf("Ledger page", null)), "application/pdf", png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isBetween(1, ThumbnailRenderer.WIDTH);
    assertThatThrownBy(
            () ->
                p.thumbnail(
                    write("broken.pdf", TestFiles.truncatedPdf()),
                    "application/pdf",
                    dir.resolve("thumbs/b.png")))
        .isInstanceOf(ExtractionException.class);
    assertThat(dir.resolve("thumbs/b.png")).doesNotExist();
  }

  @Test
  void readsSeveralFilesAtOnceInOneProcess() throws Exception {
    ParserPool p = pool(2, 256);
    List<Future<Extraction>> results = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Path f = write("f" + i + ".docx", TestFiles.docx("第" + i + "份材料"));
      results.add(callers.submit(() -> p.extract(f, f.getFileName().toString())));
    }
    for (int i = 0; i < results.size(); i++) {
      assertThat(result(results.get(i)).text()).isEqualTo("第" + i + "份材料");
    }
    assertThat(p.stats().started()).isEqualTo(1);
    assertThat(p.stats().parsed()).isEqualTo(24);
  }

  @Test
  void filesCaughtInAnotherFilesFallAreReadAgainNotRejected() throws Exception {
    ParserPool p = pool(2, 1024);
    p.extract(write("warm.txt", TestFiles.utf8("预热")), "warm.txt");
    Path endless = namedPipe("endless.docx");
    // The innocent file is a link to a pipe: the old process waits on the pipe, a fresh one finds
    // the real file.
    Path pipe = namedPipe("beside.pipe");
    Path beside = Files.createSymbolicLink(dir.resolve("beside.txt"), pipe);
    Future<Extraction> culprit = callers.submit(() -> p.extract(endless, "endless.docx"));
    limits.awaitPending(LIMIT, 1);
    Future<OutputStream> reading = callers.submit(() -> new FileOutputStream(pipe.toFile()));
    Future<Extraction> innocent = callers.submit(() -> p.extract(beside, "beside.txt"));
    try (OutputStream held = result(reading)) {
      // The process has the innocent file open, and waits for its content beside the culprit.
      Path real = write("beside-content.txt", TestFiles.utf8("与超时文件同时在解析的活动记录"));
      Files.move(
          Files.createSymbolicLink(dir.resolve("beside.new"), real),
          beside,
          StandardCopyOption.ATOMIC_MOVE);
      limits.expire(LIMIT);
      assertRefused(culprit, ExtractionFailure.PARSE_TIMEOUT);
      assertThat(result(innocent).text())
          .as("an innocent file is not rejected")
          .isEqualTo("与超时文件同时在解析的活动记录");
    }
    assertThat(p.stats().timeouts()).isEqualTo(1);
    assertThat(p.stats().retried())
        .as("the file in flight beside the culprit was read again")
        .isEqualTo(1);
    assertThat(p.stats().started()).isEqualTo(2);
  }

  @Test
  void aRequestIsReadAtOnceBesideBackgroundWorkThatHoldsEverySlot() throws Exception {
    assumeLinuxUnlessCi();
    ParserPool p = pool(1, 256, 6);
    // An import's file that the parser waits on holds the one slot background work may take. It
    // is the first file: the import's thread is the one that needs the process.
    Path pipe = namedPipe("import.txt");
    Future<Extraction> imported =
        callers.submit(
            () -> {
              assertThat(BackgroundPriority.lowerCurrentThread(6)).isTrue();
              return p.extract(pipe, "import.txt");
            });
    limits.awaitPending(LIMIT, 1);
    assertThat(p.extract(write("upload.txt", TestFiles.utf8("单位上传的活动记录")), "upload.txt").text())
        .as("a request does not queue behind the import")
        .isEqualTo("单位上传的活动记录");

    String tmp = dir.resolve("tmp").toAbsolutePath().toString();
    long worker =
        ProcessHandle.current()
            .children()
            .filter(h -> h.isAlive() && h.info().commandLine().orElse("").contains(tmp))
            .findFirst()
            .orElseThrow()
            .pid();
    int own = BackgroundPriority.niceOf(Path.of("/proc/self"));
    assertThat(BackgroundPriority.niceOf(Path.of("/proc", Long.toString(worker))))
        .as("the process runs at the service's priority, whoever asked first")
        .isEqualTo(own);
    // A thread lowers itself as it starts, which may still be under way when the file is pending.
    assertThat(niceOfThreadsOnceAt(worker, "parse-6", Math.min(19, own + 6)))
        .as("the import's file is read by a thread %d lower", 6)
        .isNotEmpty()
        .containsOnly(Math.min(19, own + 6));
    assertThat(niceOfThreads(worker, "parse"))
        .as("the request's file at the service's priority")
        .isNotEmpty()
        .containsOnly(own);
    limits.expire(LIMIT);
    assertRefused(imported, ExtractionFailure.PARSE_TIMEOUT);
  }

  private static void assumeLinuxUnlessCi() {
    if (!"true".equals(System.getenv("CI"))) {
      assumeTrue(
          Files.exists(Path.of("/proc/thread-self"))
              && Files.isExecutable(Path.of("/usr/bin/renice")),
          "needs Linux's per-thread nice values and renice");
    }
  }

  /**
   * The nice values of a process's threads named {@code name}, once they are all {@code nice} or
   * after ten seconds.
   */
  private static List<Integer> niceOfThreadsOnceAt(long pid, String name, int nice)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<Integer> found = niceOfThreads(pid, name);
    while (System.nanoTime() < deadline
        && (found.isEmpty() || found.stream().anyMatch(n -> n != nice))) {
      Thread.sleep(20);
      found = niceOfThreads(pid, name);
    }
    return found;
  }

  /** The nice values of a process's threads whose name is {@code name}. */
  private static List<Integer> niceOfThreads(long pid, String name) throws IOException {
    List<Integer> out = new ArrayList<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        if (Files.readString(t.resolve("comm")).strip().equals(name)) {
          out.add(BackgroundPriority.niceOf(t));
        }
      }
    }
    return out;
  }

  /**
   * A named pipe in the test's directory: a parser that opens it waits until someone writes to it.
   */
  private Path namedPipe(String name) throws Exception {
    Path pipe = dir.resolve(name);
    Command.Result made =
        Command.run(List.of("mkfifo", pipe.toString()), Map.of(), Duration.ofSeconds(30));
    assertThat(made.exit()).as("mkfifo %s: %s", pipe, made.output()).isZero();
    return pipe;
  }

  /** Tesseract processes anywhere below this JVM (the parser processes start them). */
  private static List<ProcessHandle> tesseracts() {
    return ProcessHandle.current()
        .descendants()
        .filter(h -> h.info().command().orElse("").endsWith("tesseract"))
        .toList();
  }

  /**
   * Waits until the parser process has Tesseract reading a page, and stops it there (SIGSTOP), so
   * the OCR is certainly still running when its time limit runs out.
   */
  private static ProcessHandle stopTesseractAtWork(Future<?> ocr) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(ocr.isDone()).as("the OCR finished before Tesseract was seen at work").isFalse();
      for (ProcessHandle t : tesseracts()) {
        if (Command.run(
                        List.of("kill", "-STOP", Long.toString(t.pid())),
                        Map.of(),
                        Duration.ofSeconds(30))
                    .exit()
                == 0
            && stopped(t)) {
          return t;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no Tesseract at work within " + PATIENCE);
  }

  /** Whether the process is stopped (state T in /proc); false once it has ended. */
  private static boolean stopped(ProcessHandle p) throws Exception {
    Path stat = Path.of("/proc", Long.toString(p.pid()), "stat");
    for (int i = 0; i < 1000 && p.isAlive(); i++) {
      try {
        String s = Files.readString(stat);
        if (s.substring(s.lastIndexOf(')') + 2).startsWith("T")) {
          return true;
        }
      } catch (IOException e) {
        return false; // ended meanwhile
      }
      Thread.sleep(1);
    }
    return false;
  }
}
