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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;
import org.taizhang.job.BackgroundPriority;

/**
 * Parses files outside the service, in a parser process ({@link ParseWorker}, a separate JVM) that
 * reads up to {@code threads} files at once. A file whose parse overruns the time limit gets the
 * process killed; a parser that exhausts the heap takes down only that process ({@code
 * -XX:+ExitOnOutOfMemoryError}). The next request starts a fresh process, and the service itself
 * never runs parser code. The first file starts the first process, not the pool's creation: a
 * service that reads no file runs no parser process and holds no heap for one.
 *
 * <p>When a process dies, the files that were in flight beside the culprit are not rejected: a file
 * whose own time ran out is the culprit and is rejected; any other is read again, alone in a fresh
 * process if the cause is unknown (out of memory, a crash), so that only a file that brings down a
 * process by itself is rejected for it.
 *
 * <p>One process with parallel threads rather than one process per thread: the JIT compiles the
 * parsers once instead of once per process, which on two cores saves more processor time than a
 * thousand files take to parse. The process lives for {@code filesPerProcess} files, then is
 * replaced, so a slow leak in a parser stays bounded.
 *
 * <p>A file is read at the priority of the thread that asks for it ({@link BackgroundPriority}), by
 * threads of the parser process lowered as far: a page's thumbnail at the service's priority, an
 * upload a little lower, an import lower still. The process itself runs at the service's priority.
 */
public final class ParserPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ParserPool.class);

  /** The exit status of a JVM that ran out of memory under {@code -XX:+ExitOnOutOfMemoryError}. */
  private static final int OUT_OF_MEMORY_EXIT = 3;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** A file is read at most this often before the pool gives up on it. */
  private static final int ATTEMPTS = 3;

  /** A pause this long in parsing means no import or upload burst is under way. */
  private static final Duration QUIET = Duration.ofSeconds(2);

  /**
   * @param threads files parsed at once for background work; a request may take one more (see
   *     {@link ParseSlots})
   * @param timeout longest parse of one file before the process is killed
   * @param heapBytes maximum heap of the parser process, shared by the files it reads at once
   * @param filesPerProcess files a process reads before it is replaced
   * @param tempDir scratch directory of the processes (Tika spools some formats to disk); emptied
   *     at start
   * @param niceness how much lower than the service's background threads run (Unix {@code nice}; 0
   *     for none): files asked by threads that low are background work, which may not take the last
   *     parse slot
   * @param ocr how {@link #recognize} reads scanned pages
   * @param ocrTimeout longest OCR of one file before the process is killed
   */
  public record Settings(
      int threads,
      Duration timeout,
      long heapBytes,
      int maxChars,
      long maxImagePixels,
      int filesPerProcess,
      Path tempDir,
      int niceness,
      TextExtractor.OcrSettings ocr,
      Duration ocrTimeout) {
    public Settings(
        int threads,
        Duration timeout,
        long heapBytes,
        int maxChars,
        long maxImagePixels,
        int filesPerProcess,
        Path tempDir,
        int niceness) {
      this(
          threads,
          timeout,
          heapBytes,
          maxChars,
          maxImagePixels,
          filesPerProcess,
          tempDir,
          niceness,
          TextExtractor.OcrSettings.DEFAULT,
          Duration.ofMinutes(10));
    }
  }

  /** What the pool is doing and has done since it started. */
  public record Stats(
      int threads,
      boolean running,
      int busy,
      int waiting,
      long parsed,
      long timeouts,
      long outOfMemory,
      long crashes,
      long retried,
      long started) {}

  /** Why a process ended under a request. */
  private enum Cause {
    TIMEOUT,
    OUT_OF_MEMORY,
    CRASH
  }

  /**
   * The process ended while a request was in flight; {@code culprit} when it was this request's
   * time that ran out.
   */
  private static final class Died extends Exception {
    final Cause cause;
    final boolean culprit;
    final boolean alone;
    final String detail;

    Died(Cause cause, boolean culprit, boolean alone, String detail) {
      super(detail, null, false, false);
      this.cause = cause;
      this.culprit = culprit;
      this.alone = alone;
      this.detail = detail;
    }
  }

  private final Settings settings;
  private final List<String> command;

  private final ParseSlots slots;

  private final Object lifecycle = new Object();

  /** The live process; replaced under {@link #lifecycle}. */
  private Worker current;

  private final ScheduledExecutorService watchdog;
  private final ExecutorService launcher;
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicLong parsed = new AtomicLong();
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong outOfMemory = new AtomicLong();
  private final AtomicLong crashes = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong started = new AtomicLong();

  /** When a file was last handed in or answered (thumbnails do not count). */
  private volatile long lastParseNanos = System.nanoTime();

  private volatile boolean closed;

  public ParserPool(Settings settings) {
    this(settings, watchdog());
  }

  /**
   * With the timer that enforces the time limits: a test passes one whose limits run out when it
   * says so.
   */
  ParserPool(Settings settings, ScheduledExecutorService watchdog) {
    this.settings = settings;
    this.slots = new ParseSlots(settings.threads());
    this.command = command(settings);
    this.watchdog = watchdog;
    ThreadPoolExecutor launcher =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "parser-launcher");
              t.setDaemon(true);
              return t;
            });
    // Started now, by the thread that creates the pool, and not by whichever thread first needs a
    // process: a process and its threads inherit the nice value of the thread that starts them,
    // and that may be a background thread's.
    launcher.prestartAllCoreThreads();
    this.launcher = launcher;
    emptyTempDir(settings.tempDir());
  }

  /**
   * Reads a file in the parser process. Waits while {@code threads} files are being read.
   *
   * @throws ExtractionException why the file cannot be accepted, including {@link
   *     ExtractionFailure#PARSE_TIMEOUT} and {@link ExtractionFailure#OUT_OF_MEMORY} when it
   *     brought the process down
   */
  public Extraction extract(Path file, String fileName) throws ExtractionException {
    lastParseNanos = System.nanoTime();
    try {
      return run(
              new WorkerProtocol.Request(
                  WorkerProtocol.Kind.PARSE, file.toAbsolutePath().toString(), fileName, null),
              settings.timeout())
          .get();
    } finally {
      lastParseNanos = System.nanoTime();
    }
  }

  /**
   * Reads a PDF again with OCR for its scanned pages (see {@link TextExtractor#recognize}), in the
   * parser process under the OCR time limit. Background work: it does not count as parsing for
   * {@link #quietFor}.
   */
  public Extraction recognize(Path file, String fileName) throws ExtractionException {
    return run(
            new WorkerProtocol.Request(
                WorkerProtocol.Kind.RECOGNIZE, file.toAbsolutePath().toString(), fileName, null),
            settings.ocrTimeout())
        .get();
  }

  /**
   * Unpacks a bundle (ZIP, 7z) or a mail's attachments ({@code .eml}, {@code .msg}) in the parser
   * process, into a scratch directory of its own below the pool's temporary directory (emptied at
   * every start, so a crash leaves nothing behind for long). {@code depth} is the nesting level of
   * the bundle itself: 1 for a file handed in. Close the answer to remove the directory.
   */
  public Unpacked unpack(Path file, String fileName, int depth, BundleLimits limits)
      throws ExtractionException {
    Path dir = settings.tempDir().toAbsolutePath().resolve("unpack-" + UUID.randomUUID());
    lastParseNanos = System.nanoTime();
    try {
      return run(
              new WorkerProtocol.Request(
                  WorkerProtocol.Kind.UNPACK,
                  file.toAbsolutePath().toString(),
                  fileName,
                  dir.toString(),
                  new WorkerProtocol.Unpack(depth, limits)),
              settings.timeout())
          .getUnpacked();
    } catch (ExtractionException | RuntimeException e) {
      try {
        FileSystemUtils.deleteRecursively(dir);
      } catch (IOException ignored) {
        // the next start empties the temporary directory
      }
      throw e;
    } finally {
      lastParseNanos = System.nanoTime();
    }
  }

  /** Whether files of this media type are bundles whose members are documents (ZIP, 7z). */
  public static boolean isArchive(String mediaType) {
    return BundleUnpacker.ARCHIVES.contains(mediaType);
  }

  /** Whether files of this media type are mail whose attachments are documents of their own. */
  public static boolean isMail(String mediaType) {
    return BundleUnpacker.MAIL.contains(mediaType);
  }

  /**
   * Reads the text of an image (a photo, screenshot or scanned page) with OCR in the parser
   * process, under the OCR time limit; {@code engine} is {@code auto}, {@code tesseract} or {@code
   * rapidocr} (see {@link ImageRecognizer}). The image must be a file the parser process can decode
   * (JPEG, PNG, TIFF, BMP, GIF): formats it cannot (HEIC) are converted to PNG first and that file
   * passed here. Background work, like {@link #recognize}.
   */
  public ImageRecognizer.Recognition recognizeImage(Path image, String engine)
      throws ExtractionException {
    return run(
            new WorkerProtocol.Request(
                WorkerProtocol.Kind.RECOGNIZE_IMAGE,
                image.toAbsolutePath().toString(),
                engine,
                null),
            settings.ocrTimeout())
        .getRecognition();
  }

  /** How long no file has been handed in for reading: background work waits for a quiet spell. */
  public Duration quietFor() {
    return busy.get() > 0 || waiting.get() > 0
        ? Duration.ZERO
        : Duration.ofNanos(System.nanoTime() - lastParseNanos);
  }

  /**
   * Waits until no file has been handed in for reading for two seconds: background work
   * (thumbnails, OCR) runs then, so an import or an upload burst is never slowed by it.
   */
  public void awaitQuiet() throws InterruptedException {
    while (quietFor().compareTo(QUIET) < 0) {
      Thread.sleep(200);
    }
  }

  /** Whether {@link #thumbnail} can render files of this media type: PDFs, OFDs and images. */
  public static boolean rendersThumbnail(String mediaType) {
    return ThumbnailRenderer.supports(mediaType);
  }

  /**
   * Renders a PNG thumbnail of the first page of a PDF or an OFD, or of an image, to {@code
   * target}, in the parser process under the same limits as parsing.
   */
  public void thumbnail(Path original, String mediaType, Path target) throws ExtractionException {
    run(
            new WorkerProtocol.Request(
                WorkerProtocol.Kind.THUMBNAIL,
                original.toAbsolutePath().toString(),
                mediaType,
                target.toAbsolutePath().toString()),
            settings.timeout())
        .get();
  }

  /** Whether files of this media type are OFD packages, which {@link #ofdToPdf} draws. */
  public static boolean isOfd(String mediaType) {
    return OfdFiles.MEDIA_TYPE.equals(mediaType);
  }

  /**
   * Draws every page of an OFD into a PDF at {@code target} (written atomically), in the parser
   * process under {@code timeout}: the package is unpacked under the same limits as for parsing.
   * Background work like {@link #thumbnail}: it does not count as parsing for {@link #quietFor}.
   */
  public void ofdToPdf(Path original, Path target, Duration timeout) throws ExtractionException {
    run(
            new WorkerProtocol.Request(
                WorkerProtocol.Kind.OFD_PDF,
                original.toAbsolutePath().toString(),
                OfdFiles.MEDIA_TYPE,
                target.toAbsolutePath().toString()),
            timeout)
        .get();
  }

  /**
   * Writes an image (HEIC too) as it is printed on a page to {@code target}: turned upright by its
   * EXIF orientation, at most {@link ThumbnailRenderer#PRINT_EDGE} pixels on its long side, as
   * JPEG; in the parser process under the same limits as parsing.
   */
  public void printImage(Path original, String mediaType, Path target) throws ExtractionException {
    run(
            new WorkerProtocol.Request(
                WorkerProtocol.Kind.PRINT_IMAGE,
                original.toAbsolutePath().toString(),
                mediaType,
                target.toAbsolutePath().toString()),
            settings.timeout())
        .get();
  }

  /**
   * Runs a request at the priority of the thread that asks: a background thread's files are read by
   * the parser process's lowered threads.
   */
  private WorkerProtocol.Reply run(WorkerProtocol.Request asked, Duration timeout)
      throws ExtractionException {
    WorkerProtocol.Request request = asked.atNice(BackgroundPriority.currentThreadNice());
    boolean alone = false;
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(request, timeout, alone);
      } catch (Died d) {
        if (d.culprit || d.alone || attempt >= ATTEMPTS) {
          throw rejection(d);
        }
        // Caught in another file's fall: read it again, and alone unless the culprit is known.
        alone = d.cause != Cause.TIMEOUT;
        retried.incrementAndGet();
      }
    }
  }

  private ExtractionException rejection(Died d) {
    return switch (d.cause) {
      case TIMEOUT -> new ExtractionException(ExtractionFailure.PARSE_TIMEOUT, d.detail, null);
      case OUT_OF_MEMORY ->
          new ExtractionException(ExtractionFailure.OUT_OF_MEMORY, d.detail, null);
      case CRASH -> new ExtractionException(ExtractionFailure.CORRUPT_FILE, d.detail, null);
    };
  }

  /** Background work's files: asked by a thread lowered as far as background threads are. */
  private boolean background(WorkerProtocol.Request request) {
    return request.nice() > 0 && request.nice() >= settings.niceness();
  }

  private WorkerProtocol.Reply attempt(
      WorkerProtocol.Request request, Duration timeout, boolean alone) throws Died {
    waiting.incrementAndGet();
    try {
      slots.acquire(background(request), alone);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the parser process", e);
    } finally {
      waiting.decrementAndGet();
    }
    busy.incrementAndGet();
    try {
      WorkerProtocol.Reply reply = worker().call(request, timeout);
      parsed.incrementAndGet();
      return reply;
    } finally {
      busy.decrementAndGet();
      slots.release(alone);
    }
  }

  /** The live process, started (and waited for) if there is none. */
  private Worker worker() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("parser pool is closed");
      }
      if (current == null || !current.accepting()) {
        current = startWorker();
      }
      return current;
    }
  }

  /**
   * Starts the parser process now rather than on the first file, and waits until it is up. Only for
   * callers that measure parsing and must not count the start: the pool itself starts the process
   * when a file first comes, so a service that reads no file runs no parser process.
   */
  public void awaitStarted(Duration timeout) throws InterruptedException {
    Thread starter =
        new Thread(
            () -> {
              try {
                worker();
              } catch (RuntimeException e) {
                log.warn("解析进程预启动失败：{}", e.getMessage());
              }
            },
            "parser-start");
    starter.setDaemon(true);
    starter.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && !closed) {
      synchronized (lifecycle) {
        if (current != null && current.accepting()) {
          return;
        }
      }
      Thread.sleep(50);
    }
  }

  public Stats stats() {
    boolean running;
    synchronized (lifecycle) {
      running = current != null && current.accepting();
    }
    return new Stats(
        settings.threads(),
        running,
        busy.get(),
        waiting.get(),
        parsed.get(),
        timeouts.get(),
        outOfMemory.get(),
        crashes.get(),
        retried.get(),
        started.get());
  }

  public Settings settings() {
    return settings;
  }

  /** A new process, started by the launcher thread at the pool's own priority. */
  private Worker startWorker() {
    try {
      return launcher.submit(this::launch).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a parser process", e);
    }
  }

  private Worker launch() {
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
      // OCR is background work: Tesseract keeps to one core rather than take them all.
      builder.environment().put("OMP_THREAD_LIMIT", "1");
      Process p = builder.start();
      started.incrementAndGet();
      Worker w = new Worker(p);
      w.awaitReady();
      return w;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start a parser process: " + String.join(" ", command), e);
    }
  }

  /** The parser process, the pipes to it, and the requests it has not answered yet. */
  private final class Worker {
    private final Process process;
    private final DataOutputStream in;
    private final DataInputStream out;
    private final Map<Long, CompletableFuture<WorkerProtocol.Reply>> inFlight =
        new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    /** The request whose time ran out, if that is why the process was killed; 0 otherwise. */
    private volatile long killedFor;

    /** That request's time limit. */
    private volatile Duration killedAfter;

    private volatile boolean dead;
    private volatile boolean retiring;

    Worker(Process process) {
      this.process = process;
      this.in = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
      this.out = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    }

    boolean accepting() {
      return !dead && !retiring;
    }

    void awaitReady() {
      ScheduledFuture<?> timer =
          watchdog.schedule(
              process::destroyForcibly, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      try {
        skipToGreeting();
      } catch (IOException e) {
        dead = true;
        process.destroyForcibly();
        throw new UncheckedIOException(
            "parser process did not start (exit " + exitStatus() + ")", e);
      } finally {
        timer.cancel(false);
      }
      Thread reader = new Thread(this::readReplies, "parser-replies");
      reader.setDaemon(true);
      reader.start();
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

    WorkerProtocol.Reply call(WorkerProtocol.Request request, Duration timeout) throws Died {
      long id = ids.incrementAndGet();
      CompletableFuture<WorkerProtocol.Reply> reply = new CompletableFuture<>();
      inFlight.put(id, reply);
      if (requests.incrementAndGet() >= settings.filesPerProcess()) {
        retiring =
            true; // the next request starts a fresh process; this one ends when its last reply is
        // in
      }
      ScheduledFuture<?> timer =
          watchdog.schedule(() -> kill(id, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
      try {
        synchronized (in) {
          WorkerProtocol.writeRequest(in, id, request);
        }
        return reply.get();
      } catch (IOException e) {
        // the process is gone; the reader reports how to everyone in flight, this request included
        return await(reply);
      } catch (ExecutionException e) {
        throw (Died) e.getCause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while parsing", e);
      } finally {
        timer.cancel(false);
        inFlight.remove(id);
        if (retiring && inFlight.isEmpty()) {
          end();
        }
      }
    }

    private WorkerProtocol.Reply await(CompletableFuture<WorkerProtocol.Reply> reply) throws Died {
      try {
        // If the process was already gone before this request was registered, nobody will answer
        // it.
        return reply.get(dead ? 2 : 30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        throw (Died) e.getCause();
      } catch (InterruptedException | TimeoutException e) {
        throw new Died(Cause.CRASH, false, false, "parser process unreachable");
      }
    }

    private void readReplies() {
      try {
        while (true) {
          long id = out.readLong();
          WorkerProtocol.Reply reply = WorkerProtocol.readReply(out);
          CompletableFuture<WorkerProtocol.Reply> f = inFlight.get(id);
          if (f != null) {
            f.complete(reply);
          }
        }
      } catch (IOException e) {
        died();
      }
    }

    /** The process ended: every request still in flight learns why, and whether it was alone. */
    private void died() {
      dead = true;
      List<Map.Entry<Long, CompletableFuture<WorkerProtocol.Reply>>> pending =
          new ArrayList<>(inFlight.entrySet());
      if (pending.isEmpty()) {
        process.destroyForcibly();
        return; // a normal end (input closed), or idle
      }
      long culprit = killedFor;
      int status = culprit != 0 ? -1 : exitStatus();
      Cause cause =
          culprit != 0
              ? Cause.TIMEOUT
              : status == OUT_OF_MEMORY_EXIT ? Cause.OUT_OF_MEMORY : Cause.CRASH;
      String detail =
          switch (cause) {
            case TIMEOUT -> "no result after " + killedAfter.toMillis() / 1000.0 + " s";
            case OUT_OF_MEMORY -> "parser needed more than " + (settings.heapBytes() >> 20) + " MB";
            case CRASH -> "parser process exited with status " + status;
          };
      switch (cause) {
        case TIMEOUT -> {
          timeouts.incrementAndGet();
          log.warn(
              "解析超时（{} 秒），已终止解析进程；同时在解析的 {} 个文件将重新解析",
              killedAfter.toMillis() / 1000.0,
              pending.size() - 1);
        }
        case OUT_OF_MEMORY -> {
          outOfMemory.incrementAndGet();
          log.warn(
              "解析进程内存耗尽（上限 {} MB）；当时在解析的 {} 个文件将逐个重新解析",
              settings.heapBytes() >> 20,
              pending.size());
        }
        case CRASH -> {
          crashes.incrementAndGet();
          log.warn("解析进程意外退出（状态 {}）；当时在解析的 {} 个文件将逐个重新解析", status, pending.size());
        }
      }
      for (Map.Entry<Long, CompletableFuture<WorkerProtocol.Reply>> e : pending) {
        e.getValue()
            .completeExceptionally(
                new Died(cause, e.getKey() == culprit, pending.size() == 1, detail));
      }
      process.destroyForcibly();
    }

    private void kill(long id, Duration after) {
      if (killedFor == 0) {
        killedAfter = after;
        killedFor = id;
      }
      // Tesseract runs as the worker's child: it goes too, rather than finish a page for nobody.
      process.descendants().forEach(ProcessHandle::destroyForcibly);
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

    /** Closes the process's input: it ends once it has answered what it has. */
    void end() {
      try {
        synchronized (in) {
          in.close();
        }
      } catch (IOException ignored) {
        // already gone
      }
      process
          .onExit()
          .orTimeout(30, TimeUnit.SECONDS)
          .exceptionally(
              t -> {
                process.destroyForcibly();
                return null;
              });
    }
  }

  private static ScheduledExecutorService watchdog() {
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "parser-watchdog");
              t.setDaemon(true);
              return t;
            });
    // Every request schedules a kill and cancels it when the answer comes. Left in the queue, a
    // cancelled kill would keep its process reachable for the whole time limit (ten minutes for
    // OCR) and a bulk import would pile up thousands of them.
    timers.setRemoveOnCancelPolicy(true);
    // At the priority of the thread that creates the pool, as the launcher.
    timers.prestartAllCoreThreads();
    return timers;
  }

  private static List<String> command(Settings s) {
    List<String> cmd = new ArrayList<>();
    cmd.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + Math.max(16, s.heapBytes() >> 20) + "m",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseParallelGC",
            "-XX:-UsePerfData",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "-Djava.io.tmpdir=" + s.tempDir().toAbsolutePath()));
    String classPath = System.getProperty("java.class.path");
    if (isInsideBootJar()) {
      // java -jar taizhang.jar: the classes are nested in the jar, which only Boot's launcher can
      // read.
      cmd.addAll(
          List.of(
              "-Dloader.main=" + ParseWorker.class.getName(),
              "-cp",
              classPath,
              "org.springframework.boot.loader.launch.PropertiesLauncher"));
    } else {
      cmd.addAll(List.of("-cp", classPath, ParseWorker.class.getName()));
    }
    cmd.add(Integer.toString(s.maxChars()));
    cmd.add(Long.toString(s.maxImagePixels()));
    cmd.add(Integer.toString(s.threads()));
    cmd.add(s.ocr().languages());
    cmd.add(Integer.toString(s.ocr().dpi()));
    cmd.add(Integer.toString(s.ocr().pageTimeoutSeconds()));
    return List.copyOf(cmd);
  }

  private static boolean isInsideBootJar() {
    var source = ParseWorker.class.getProtectionDomain().getCodeSource();
    return source != null
        && source.getLocation() != null
        && source.getLocation().toString().contains("nested:");
  }

  private static void emptyTempDir(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          for (Path p : (Iterable<Path>) entries::iterator) {
            FileSystemUtils.deleteRecursively(p);
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
    launcher.shutdownNow();
    synchronized (lifecycle) {
      if (current != null) {
        current.end();
        current.process.destroyForcibly();
        current = null;
      }
    }
  }
}
