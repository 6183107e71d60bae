package org.taizhang.rendition;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jodconverter.core.document.DefaultDocumentFormatRegistry;
import org.jodconverter.core.document.DocumentFormat;
import org.jodconverter.core.office.OfficeException;
import org.jodconverter.local.LocalConverter;
import org.jodconverter.local.office.LocalOfficeManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * LibreOffice headless, driven through JODConverter: one office process (the machine has few cores
 * and the service comes first), started on the first conversion rather than with the service,
 * replaced after {@code tasksPerProcess} conversions, and stopped after {@code idleStop} without
 * one, so an idle service keeps no soffice resident. A conversion overrunning {@code timeout} has
 * its office process killed and replaced.
 *
 * <p>The office runs with a profile of its own below {@code workingDir} (under the data directory).
 * An office left behind by a service that was killed is found by that directory on its command line
 * and ended before a new one starts.
 */
final class Office implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Office.class);

  static final String NAME = "LibreOffice";

  /** Where Debian installs it, then the Document Foundation's own packages. */
  private static final Path DEBIAN_HOME = Path.of("/usr/lib/libreoffice");

  /** Longest wait for an office process to start or stop. */
  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(120);

  private static final String MISSING =
      "服务器未安装 LibreOffice，Word、Excel、演示文稿、WPS 和文本文件无法转换为 PDF 装入迎检台账，也无法计算页数；"
          + "请安装 libreoffice-writer-nogui、libreoffice-calc-nogui、libreoffice-impress-nogui 软件包"
          + "（或用 taizhang.rendition.office-home 指明 LibreOffice 的安装目录）";

  /** CSV as offices save it, read as UTF-8: the text is re-encoded before conversion. */
  private static final DocumentFormat CSV_UTF8 =
      DocumentFormat.builder()
          .from(DefaultDocumentFormatRegistry.CSV)
          .loadFilterOptions("44,34,76,1")
          .unmodifiable(true)
          .build();

  private final Path home;
  private final String unavailableReason;
  private final Path workingDir;
  private final Duration timeout;
  private final int tasksPerProcess;
  private final Duration idleStop;
  private final ScheduledExecutorService idleCheck;

  /**
   * One conversion at a time, in the order asked: the office process converts one document at a
   * time anyway, and a conversion waiting here is not charged against its own time limit.
   */
  private final Semaphore turn = new Semaphore(1, true);

  /** The running office, or null; guarded by {@code this}. */
  private LocalOfficeManager manager;

  private LocalConverter converter;

  /** Conversions under way; guarded by {@code this}. */
  private int active;

  private long lastUsedNanos = System.nanoTime();

  /** Why the office would not start, until it starts. */
  private volatile String startFailure;

  private volatile boolean closed;

  Office(
      Path configuredHome,
      Path workingDir,
      Duration timeout,
      int tasksPerProcess,
      Duration idleStop) {
    Optional<Path> found = locate(configuredHome);
    this.home = found.orElse(null);
    this.unavailableReason =
        found.isPresent()
            ? null
            : configuredHome == null
                ? MISSING
                : "taizhang.rendition.office-home 指向的 "
                    + configuredHome
                    + " 下没有 LibreOffice（program/soffice）；"
                    + MISSING;
    this.workingDir = workingDir.toAbsolutePath();
    this.timeout = timeout;
    this.tasksPerProcess = Math.max(1, tasksPerProcess);
    this.idleStop = idleStop;
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "office-idle");
              t.setDaemon(true);
              return t;
            });
    long period = Math.max(1, Math.min(30_000, idleStop.toMillis() / 4));
    timer.scheduleWithFixedDelay(this::stopIfIdle, period, period, TimeUnit.MILLISECONDS);
    this.idleCheck = timer;
  }

  /** The configured directory if it holds LibreOffice; unset, Debian's, then the newest in /opt. */
  static Optional<Path> locate(Path configured) {
    if (configured != null) {
      return Optional.of(configured).filter(Office::isHome);
    }
    List<Path> candidates = new ArrayList<>(List.of(DEBIAN_HOME));
    try (DirectoryStream<Path> opt = Files.newDirectoryStream(Path.of("/opt"), "libreoffice*")) {
      List<Path> own = new ArrayList<>();
      opt.forEach(own::add);
      own.sort(Comparator.reverseOrder());
      candidates.addAll(own);
    } catch (IOException | RuntimeException e) {
      // no /opt: Debian's directory only
    }
    return candidates.stream().filter(Office::isHome).findFirst();
  }

  private static boolean isHome(Path dir) {
    return Files.isExecutable(dir.resolve("program/soffice.bin"))
        || Files.isExecutable(dir.resolve("program/soffice"));
  }

  Converter status() {
    if (home == null) {
      return new Converter(false, NAME, unavailableReason);
    }
    String failure = startFailure;
    return failure == null
        ? new Converter(true, NAME, null)
        : new Converter(
            false, NAME, "LibreOffice 未能启动（" + failure + "）；Word、Excel、演示文稿、WPS 和文本文件暂时无法转换为 PDF");
  }

  boolean closed() {
    return closed;
  }

  boolean available() {
    return home != null;
  }

  /** Whether an office process is running now. */
  synchronized boolean running() {
    return manager != null;
  }

  /**
   * Converts {@code source} (whose extension names its format) to the PDF {@code target}.
   *
   * @throws RenditionException why not, in Chinese
   * @throws OfficeUnavailableException the office is not installed or would not start: nothing is
   *     known about the document
   */
  void convert(Path source, Path target) throws RenditionException, OfficeUnavailableException {
    try {
      turn.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OfficeUnavailableException("服务正在停止");
    }
    try {
      convertInTurn(source, target);
    } finally {
      turn.release();
    }
  }

  private void convertInTurn(Path source, Path target)
      throws RenditionException, OfficeUnavailableException {
    LocalConverter c = acquire();
    try {
      var from = c.convert(source.toFile());
      var as = source.getFileName().toString().endsWith(".csv") ? from.as(CSV_UTF8) : from;
      as.to(target.toFile()).as(DefaultDocumentFormatRegistry.PDF).execute();
    } catch (OfficeException e) {
      throw new RenditionException(reason(e), e);
    } catch (RuntimeException e) {
      throw new RenditionException("LibreOffice 转换出错：" + e, e);
    } finally {
      release();
    }
  }

  private static String reason(OfficeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException) {
        return "LibreOffice 转换超时，已终止转换进程（文件过大或过于复杂）";
      }
      String m = String.valueOf(t.getMessage());
      if (m.contains("Could not open document")
          || m.contains("loadComponentFromURL")
          || m.contains("Unsupported URL")) {
        return "LibreOffice 无法打开此文件（文件已损坏、设有密码或不是它能读的格式）";
      }
    }
    return "LibreOffice 转换失败：" + e.getMessage();
  }

  private synchronized LocalConverter acquire() throws OfficeUnavailableException {
    if (closed) {
      throw new OfficeUnavailableException("服务正在停止");
    }
    if (home == null) {
      throw new OfficeUnavailableException(unavailableReason);
    }
    if (manager == null) {
      start();
    }
    active++;
    return converter;
  }

  private synchronized void release() {
    active--;
    lastUsedNanos = System.nanoTime();
  }

  private void start() throws OfficeUnavailableException {
    long begin = System.nanoTime();
    endLeftovers();
    LocalOfficeManager m =
        LocalOfficeManager.builder()
            .officeHome(home.toFile())
            .portNumbers(freePort())
            .workingDir(workingDir.toFile())
            .taskExecutionTimeout(timeout.toMillis())
            // conversions queue in turn() rather than in JODConverter, where running out of time
            // would look like the document's fault; this only covers a restart after a time-out
            .taskQueueTimeout(PROCESS_TIMEOUT.toMillis() + timeout.toMillis())
            .maxTasksPerProcess(tasksPerProcess)
            .processTimeout(PROCESS_TIMEOUT.toMillis())
            // start() returns once the office answers, or says why it would not start
            .startFailFast(true)
            .build();
    try {
      m.start();
    } catch (OfficeException | RuntimeException e) {
      startFailure = String.valueOf(e.getMessage());
      log.warn("LibreOffice 未能启动：{}", e.toString());
      try {
        m.stop();
      } catch (OfficeException | RuntimeException ignored) {
        // it never ran
      }
      throw new OfficeUnavailableException(status().unavailableReason());
    }
    startFailure = null;
    manager = m;
    converter =
        LocalConverter.builder()
            .officeManager(m)
            .loadProperty("MacroExecutionMode", (short) 0)
            .build();
    log.info(
        "LibreOffice 已启动（{}，{} 秒）",
        home,
        Duration.ofNanos(System.nanoTime() - begin).toMillis() / 1000.0);
  }

  private synchronized void stopIfIdle() {
    if (manager != null && active == 0 && System.nanoTime() - lastUsedNanos > idleStop.toNanos()) {
      log.info("LibreOffice 空闲 {} 秒，已停止", idleStop.toSeconds());
      stop();
    }
  }

  private void stop() {
    LocalOfficeManager m = manager;
    manager = null;
    converter = null;
    if (m != null) {
      try {
        m.stop();
      } catch (OfficeException | RuntimeException e) {
        log.warn("LibreOffice 停止时出错：{}", e.toString());
      }
    }
  }

  /**
   * Ends offices a killed service left running with a profile below our working directory, and
   * their profiles: they would otherwise stay resident for good.
   */
  void endLeftovers() {
    officesBelowWorkingDir()
        .forEach(
            p -> {
              log.warn("结束上次运行遗留的 LibreOffice 进程 {}", p.pid());
              p.destroyForcibly();
            });
    try {
      if (Files.isDirectory(workingDir)) {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(workingDir, ".jodconverter*")) {
          for (Path p : old) {
            FileSystemUtils.deleteRecursively(p);
          }
        }
      }
      Files.createDirectories(workingDir);
    } catch (IOException e) {
      log.warn("无法清理 LibreOffice 工作目录 {}：{}", workingDir, e.toString());
    }
  }

  /** Office processes with a profile below our working directory: ours, or a killed service's. */
  private java.util.stream.Stream<ProcessHandle> officesBelowWorkingDir() {
    String dir = workingDir.toString();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .filter(c -> c.contains("soffice") && c.contains(dir))
                    .isPresent());
  }

  private static int freePort() throws OfficeUnavailableException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new OfficeUnavailableException("没有可供 LibreOffice 使用的本机端口：" + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    idleCheck.shutdownNow();
    stop();
    // An office that restarted itself (as it does once on a fresh profile) while it was being
    // stopped can escape the manager: end whatever still runs on our profile.
    officesBelowWorkingDir().forEach(ProcessHandle::destroyForcibly);
  }

  /** The office is not installed here or would not start: the document itself is not at fault. */
  static final class OfficeUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    OfficeUnavailableException(String reason) {
      super(reason);
    }
  }
}
