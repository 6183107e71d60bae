package org.taizhang.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses files in separate JVMs ({@link ParseWorker}), at most {@code processes} at a time. A file
 * whose parse overruns the time limit gets its process killed; a parser that exhausts its heap
 * takes down only its own process ({@code -XX:+ExitOnOutOfMemoryError}). Either way the caller gets
 * a rejection reason and the next file a fresh process, and the service itself never runs parser
 * code.
 *
 * <p>Processes are long-lived (started in the background when the pool is created, reused for
 * {@code filesPerProcess} files), so the JVM start and the JIT warm-up are paid rarely. Callers
 * beyond {@code processes} wait for a free process: this bounds parsing to the machine's cores
 * whatever the number of concurrent uploads and imports.
 */
public final class ParserPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ParserPool.class);
  /** The exit status of a JVM that ran out of memory under {@code -XX:+ExitOnOutOfMemoryError}. */
  private static final int OUT_OF_MEMORY_EXIT = 3;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Path NICE = Path.of("/usr/bin/nice");

  /**
   * @param processes parser processes, hence files parsed at once
   * @param timeout longest parse of one file before its process is killed
   * @param heapBytes maximum heap of each process
   * @param filesPerProcess files a process parses before it is replaced, so that a slow leak in a parser stays bounded
   * @param tempDir scratch directory of the processes (Tika spools some formats to disk); emptied at start
   * @param niceness how much lower the processes' CPU priority is than the service's (Unix {@code nice};
   *     0 for none), so that searches and page views stay quick while a bulk import keeps every core busy
   */
  public record Settings(int processes, Duration timeout, long heapBytes, int maxChars, long maxImagePixels,
      int filesPerProcess, Path tempDir, int niceness) {}

  /** What the pool is doing and has done since it started. */
  public record Stats(int processes, int running, int busy, int waiting, long parsed, long timeouts, long outOfMemory,
      long crashes, long started) {}

  private final Settings settings;
  private final List<String> command;
  private final Semaphore slots;
  private final LinkedBlockingDeque<Worker> idle = new LinkedBlockingDeque<>();
  private final Set<Worker> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watchdog;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicLong parsed = new AtomicLong();
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong outOfMemory = new AtomicLong();
  private final AtomicLong crashes = new AtomicLong();
  private final AtomicLong started = new AtomicLong();
  private volatile boolean closed;

  public ParserPool(Settings settings) {
    this.settings = settings;
    this.slots = new Semaphore(settings.processes(), true);
    this.command = command(settings);
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "parser-watchdog");
      t.setDaemon(true);
      return t;
    });
    emptyTempDir(settings.tempDir());
    Thread warmUp = new Thread(this::warmUp, "parser-start");
    warmUp.setDaemon(true);
    warmUp.start();
  }

  /**
   * Reads a file in a parser process. Waits for a free process if all are busy.
   *
   * @throws ExtractionException why the file cannot be accepted, including {@link ExtractionFailure#PARSE_TIMEOUT}
   *     and {@link ExtractionFailure#OUT_OF_MEMORY} when its process had to be killed or died
   */
  public Extraction extract(Path file, String fileName) throws ExtractionException {
    return run(new WorkerProtocol.Request(WorkerProtocol.Kind.PARSE, file.toAbsolutePath().toString(), fileName, null)).get();
  }

  /** Whether {@link #thumbnail} can render files of this media type: PDFs and images. */
  public static boolean rendersThumbnail(String mediaType) {
    return ThumbnailRenderer.supports(mediaType);
  }

  /**
   * Renders a PNG thumbnail of a PDF's first page or of an image to {@code target}, in a parser
   * process under the same limits as parsing.
   */
  public void thumbnail(Path original, String mediaType, Path target) throws ExtractionException {
    run(new WorkerProtocol.Request(WorkerProtocol.Kind.THUMBNAIL, original.toAbsolutePath().toString(), mediaType,
        target.toAbsolutePath().toString())).get();
  }

  private WorkerProtocol.Reply run(WorkerProtocol.Request request) throws ExtractionException {
    waiting.incrementAndGet();
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a parser process", e);
    } finally {
      waiting.decrementAndGet();
    }
    busy.incrementAndGet();
    try {
      Worker w = idle.pollFirst();
      if (w == null) {
        w = startWorker();
      }
      return w.call(request);
    } finally {
      busy.decrementAndGet();
      slots.release();
    }
  }

  /** Waits until all processes are up (they start in the background when the pool is created). */
  public void awaitStarted(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running.size() < settings.processes() && System.nanoTime() < deadline && !closed) {
      Thread.sleep(50);
    }
  }

  public Stats stats() {
    return new Stats(settings.processes(), running.size(), busy.get(), waiting.get(), parsed.get(), timeouts.get(),
        outOfMemory.get(), crashes.get(), started.get());
  }

  public Settings settings() {
    return settings;
  }

  private void warmUp() {
    for (int i = 0; i < settings.processes() && !closed; i++) {
      if (!slots.tryAcquire()) {
        return; // callers already start processes themselves
      }
      try {
        if (running.size() >= settings.processes()) {
          return;
        }
        idle.addLast(startWorker());
      } catch (RuntimeException e) {
        log.warn("解析进程预启动失败：{}", e.getMessage());
        return;
      } finally {
        slots.release();
      }
    }
  }

  private Worker startWorker() {
    if (closed) {
      throw new IllegalStateException("parser pool is closed");
    }
    try {
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      Worker w = new Worker(p);
      running.add(w);
      started.incrementAndGet();
      w.awaitReady();
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a parser process: " + String.join(" ", command), e);
    }
  }

  /** One parser process and the pipes to it. Used by one caller at a time. */
  private final class Worker {
    private final Process process;
    private final DataOutputStream in;
    private final DataInputStream out;
    private final AtomicBoolean killed = new AtomicBoolean();
    private int files;

    Worker(Process process) {
      this.process = process;
      this.in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      this.out = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    void awaitReady() {
      ScheduledFuture<?> timer = watchdog.schedule(this::kill, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      try {
        skipToGreeting();
      } catch (IOException e) {
        discard();
        throw new UncheckedIOException("parser process did not start (exit " + exitStatus() + ")", e);
      } finally {
        timer.cancel(false);
      }
    }

    /**
     * Reads up to the worker's greeting. A JVM may print to standard output before our main runs
     * (options such as -XX:StartFlightRecording in JAVA_TOOL_OPTIONS do), so anything before the
     * greeting is skipped rather than taken for a broken protocol.
     */
    private void skipToGreeting() throws IOException {
      int window = 0;
      StringBuilder skipped = new StringBuilder();
      for (int read = 0; read < 1 << 20; read++) {
        int b = out.read();
        if (b < 0) {
          throw new IOException("parser process ended before it was ready");
        }
        window = (window << 8) | b;
        if (window == WorkerProtocol.READY) {
          if (skipped.length() > 3) {
            log.info("解析进程启动时输出：{}", skipped.substring(0, skipped.length() - 3).strip());
          }
          return;
        }
        skipped.append((char) b);
      }
      throw new IOException("no greeting from the parser process");
    }

    WorkerProtocol.Reply call(WorkerProtocol.Request request) throws ExtractionException {
      ScheduledFuture<?> timer = watchdog.schedule(this::kill, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
      WorkerProtocol.Reply reply;
      try {
        WorkerProtocol.writeRequest(in, request);
        reply = WorkerProtocol.readReply(out);
      } catch (IOException e) {
        timer.cancel(false);
        discard();
        throw died(e);
      }
      boolean inTime = timer.cancel(false);
      parsed.incrementAndGet();
      if (inTime && ++files < settings.filesPerProcess() && !closed) {
        idle.addFirst(this); // the most recently used process has the warmest caches
      } else {
        discard();
      }
      return reply;
    }

    private ExtractionException died(IOException e) {
      if (killed.get()) {
        timeouts.incrementAndGet();
        double seconds = settings.timeout().toMillis() / 1000.0;
        log.warn("解析超时（{} 秒），已终止解析进程", seconds);
        return new ExtractionException(ExtractionFailure.PARSE_TIMEOUT, "no result after " + seconds + " s", e);
      }
      int status = exitStatus();
      if (status == OUT_OF_MEMORY_EXIT) {
        outOfMemory.incrementAndGet();
        log.warn("解析进程内存耗尽（上限 {} MB），已替换", settings.heapBytes() >> 20);
        return new ExtractionException(ExtractionFailure.OUT_OF_MEMORY,
            "parser needed more than " + (settings.heapBytes() >> 20) + " MB", e);
      }
      crashes.incrementAndGet();
      log.warn("解析进程意外退出（状态 {}），已替换", status);
      return new ExtractionException(ExtractionFailure.CORRUPT_FILE, "parser process exited with status " + status, e);
    }

    private void kill() {
      killed.set(true);
      process.destroyForcibly();
    }

    private int exitStatus() {
      try {
        return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return -1;
      }
    }

    /** Ends the process: closing its input lets a healthy one exit by itself. */
    void discard() {
      running.remove(this);
      try {
        in.close();
      } catch (IOException ignored) {
        // already gone
      }
      if (killed.get() || !process.isAlive()) {
        process.destroyForcibly();
      } else {
        process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> {
          process.destroyForcibly();
          return null;
        });
      }
    }
  }

  private static List<String> command(Settings s) {
    List<String> cmd = new ArrayList<>();
    if (s.niceness() > 0 && Files.isExecutable(NICE)) {
      cmd.addAll(List.of(NICE.toString(), "-n", Integer.toString(s.niceness())));
    }
    cmd.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + Math.max(16, s.heapBytes() >> 20) + "m",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:+UseSerialGC",
        "-XX:-UsePerfData",
        "-Djava.awt.headless=true",
        "-Dfile.encoding=UTF-8",
        "-Djava.io.tmpdir=" + s.tempDir().toAbsolutePath()));
    String classPath = System.getProperty("java.class.path");
    if (isInsideBootJar()) {
      // java -jar taizhang.jar: the classes are nested in the jar, which only Boot's launcher can read.
      cmd.addAll(List.of("-Dloader.main=" + ParseWorker.class.getName(), "-cp", classPath,
          "org.springframework.boot.loader.launch.PropertiesLauncher"));
    } else {
      cmd.addAll(List.of("-cp", classPath, ParseWorker.class.getName()));
    }
    cmd.add(Integer.toString(s.maxChars()));
    cmd.add(Long.toString(s.maxImagePixels()));
    return List.copyOf(cmd);
  }

  private static boolean isInsideBootJar() {
    var source = ParseWorker.class.getProtectionDomain().getCodeSource();
    return source != null && source.getLocation() != null && source.getLocation().toString().contains("nested:");
  }

  private static void emptyTempDir(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> all = Files.walk(dir)) {
          for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
            if (!p.equals(dir)) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + dir, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    watchdog.shutdownNow();
    for (Worker w : List.copyOf(running)) {
      w.discard();
    }
    idle.clear();
  }
}
