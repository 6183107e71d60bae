package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.Tesseract;
import org.taizhang.support.TestFiles;

/** Parsing in separate processes: results, limits, and what a hostile file costs. */
class ParserPoolTest {
  @TempDir Path dir;
  private ParserPool pool;

  private ParserPool pool(int threads, Duration timeout, long heapMegabytes) {
    pool = new ParserPool(new ParserPool.Settings(threads, timeout, heapMegabytes << 20, 100_000, 100_000_000, 1000,
        dir.resolve("tmp"), 0));
    return pool;
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

  private Path write(String name, byte[] content) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  @Test
  void readsAFileInAParserProcess() throws Exception {
    ParserPool p = pool(1, Duration.ofSeconds(60), 256);
    Extraction e = p.extract(write("a.docx", TestFiles.docx("会议记录", "主持人：李明")), "a.docx");
    assertThat(e.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(e.text()).contains("会议记录").contains("主持人：李明");
    Extraction again = p.extract(write("b.txt", TestFiles.utf8("创建工作台账")), "b.txt");
    assertThat(again.text()).isEqualTo("创建工作台账");
    assertThat(p.stats().parsed()).isEqualTo(2);
    assertThat(p.stats().started()).as("one process serves file after file").isEqualTo(1);
  }

  @Test
  void passesTheParsersVerdictThroughAndKeepsTheProcess() throws Exception {
    ParserPool p = pool(1, Duration.ofSeconds(60), 256);
    assertThatThrownBy(() -> p.extract(write("locked.pdf", TestFiles.pdf("secret", "pw")), "locked.pdf"))
        .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.failure()).isEqualTo(ExtractionFailure.ENCRYPTED));
    assertThat(p.extract(write("ok.txt", TestFiles.utf8("正常文件")), "ok.txt").text()).isEqualTo("正常文件");
    assertThat(p.stats().started()).isEqualTo(1);
  }

  @Test
  void readsAScanWithOcrUnderItsOwnTimeLimit() throws Exception {
    Tesseract.assumeInstalled();
    Path scan = Path.of("sample-archive/hxz-xqc/2025/目标责任书/2025年度文明创建目标责任书（签字盖章扫描件）.pdf");
    String name = scan.getFileName().toString();
    pool = new ParserPool(new ParserPool.Settings(1, Duration.ofSeconds(60), 512 << 20, 100_000, 100_000_000, 1000,
        dir.resolve("tmp"), 0, TextExtractor.OcrSettings.DEFAULT, Duration.ofMinutes(3)));
    assertThat(pool.extract(scan, name).text()).as("a scan has no text layer").isBlank();
    assertThat(pool.recognize(scan, name).text()).contains("目标责任书", "村规民约", "美丽庭院");

    // OCR has a limit of its own, far longer than a parse's; overrunning it costs the process, nothing else.
    try (ParserPool hurried = new ParserPool(new ParserPool.Settings(1, Duration.ofSeconds(60), 512 << 20, 100_000,
        100_000_000, 1000, dir.resolve("tmp2"), 0, TextExtractor.OcrSettings.DEFAULT, Duration.ofMillis(300)))) {
      hurried.extract(write("warm.txt", TestFiles.utf8("预热")), "warm.txt");
      assertThatThrownBy(() -> hurried.recognize(scan, name))
          .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.failure()).isEqualTo(ExtractionFailure.PARSE_TIMEOUT));
      assertThat(hurried.extract(write("next.txt", TestFiles.utf8("下一个文件")), "next.txt").text()).isEqualTo("下一个文件");
      assertThat(hurried.stats().timeouts()).isEqualTo(1);
    }
    assertThat(ProcessHandle.current().descendants().filter(h -> h.info().command().orElse("").endsWith("tesseract")))
        .as("no Tesseract left running for a killed process").isEmpty();
  }

  @Test
  void killsAParseThatOverrunsItsTimeAndCarriesOn() throws Exception {
    ParserPool p = pool(1, Duration.ofMillis(500), 1024);
    Path heavy = write("heavy.docx", TestFiles.heavyDocx(300_000));
    p.extract(write("warm.txt", TestFiles.utf8("预热")), "warm.txt");
    long start = System.nanoTime();
    assertThatThrownBy(() -> p.extract(heavy, "heavy.docx"))
        .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.failure()).isEqualTo(ExtractionFailure.PARSE_TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(p.extract(write("next.txt", TestFiles.utf8("下一个文件")), "next.txt").text()).isEqualTo("下一个文件");
    assertThat(p.stats().timeouts()).isEqualTo(1);
    assertThat(p.stats().started()).as("the killed process was replaced").isEqualTo(2);
  }

  @Test
  void aParserThatExhaustsItsHeapCostsOneRejection() throws Exception {
    ParserPool p = pool(1, Duration.ofSeconds(120), 64);
    Path heavy = write("heavy.docx", TestFiles.heavyDocx(300_000));
    assertThatThrownBy(() -> p.extract(heavy, "heavy.docx"))
        .isInstanceOfSatisfying(ExtractionException.class, e -> assertThat(e.failure()).isEqualTo(ExtractionFailure.OUT_OF_MEMORY));
    assertThat(p.extract(write("next.docx", TestFiles.docx("下一个文件")), "next.docx").text()).isEqualTo("下一个文件");
    assertThat(p.stats().outOfMemory()).isEqualTo(1);
  }

  @Test
  void rendersThumbnailsInTheProcesses() throws Exception {
    ParserPool p = pool(1, Duration.ofSeconds(60), 256);
    Path png = dir.resolve("thumbs/a.png");
    p.thumbnail(write("a.pdf", TestFiles.pdf("Ledger page", null)), "application/pdf", png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isBetween(1, ThumbnailRenderer.WIDTH);
    assertThatThrownBy(() -> p.thumbnail(write("broken.pdf", TestFiles.truncatedPdf()), "application/pdf", dir.resolve("thumbs/b.png")))
        .isInstanceOf(ExtractionException.class);
    assertThat(dir.resolve("thumbs/b.png")).doesNotExist();
  }

  @Test
  void readsSeveralFilesAtOnceInOneProcess() throws Exception {
    ParserPool p = pool(2, Duration.ofSeconds(60), 256);
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<Future<Extraction>> results = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        Path f = write("f" + i + ".docx", TestFiles.docx("第" + i + "份材料"));
        results.add(callers.submit(() -> p.extract(f, f.getFileName().toString())));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get().text()).isEqualTo("第" + i + "份材料");
      }
    } finally {
      callers.shutdownNow();
    }
    assertThat(p.stats().started()).isEqualTo(1);
    assertThat(p.stats().parsed()).isEqualTo(24);
  }

  @Test
  void filesCaughtInAnotherFilesFallAreReadAgainNotRejected() throws Exception {
    ParserPool p = pool(2, Duration.ofSeconds(2), 1024);
    Path heavy = write("heavy.docx", TestFiles.heavyDocx(300_000));
    p.awaitStarted(Duration.ofSeconds(60));
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      Future<?> culprit = callers.submit(() -> p.extract(heavy, "heavy.docx"));
      java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
      List<Future<Integer>> streams = new ArrayList<>();
      for (int s = 0; s < 3; s++) {
        int stream = s;
        streams.add(callers.submit(() -> {
          int n = 0;
          while (!done.get()) {
            Path f = write("s" + stream + "-" + n + ".docx", TestFiles.docx("第" + stream + "组第" + n + "份", "志愿服务".repeat(500)));
            assertThat(p.extract(f, f.getFileName().toString()).text()).startsWith("第" + stream + "组第" + n + "份");
            n++;
          }
          return n;
        }));
      }
      assertThatThrownBy(culprit::get).hasCauseInstanceOf(ExtractionException.class)
          .cause().satisfies(e -> assertThat(((ExtractionException) e).failure()).isEqualTo(ExtractionFailure.PARSE_TIMEOUT));
      Thread.sleep(500);
      done.set(true);
      int innocent = 0;
      for (Future<Integer> f : streams) {
        innocent += f.get(); // an innocent file rejected would fail here
      }
      assertThat(innocent).isPositive();
    } finally {
      callers.shutdownNow();
    }
    assertThat(p.stats().timeouts()).isEqualTo(1);
    assertThat(p.stats().retried()).as("a file in flight beside the culprit was read again").isGreaterThanOrEqualTo(1);
    assertThat(p.stats().started()).isEqualTo(2);
  }
}
