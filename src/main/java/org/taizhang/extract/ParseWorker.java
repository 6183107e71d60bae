package org.taizhang.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.job.BackgroundPriority;

/**
 * The main class of a parser process: reads requests from standard input, parses each file with an
 * in-process {@link TextExtractor} (or renders its thumbnail) and writes the result to standard
 * output, until its input ends. It runs in its own JVM so that a parser that hangs or exhausts
 * memory can be killed without harming the service; {@link ParserPool} starts, watches and replaces
 * these processes.
 *
 * <p>Several files are parsed at once on parallel threads, which share one JIT-compiled copy of the
 * parsers: a second process would compile them all again, which costs more processor time than
 * parsing a few thousand files.
 *
 * <p>Arguments: maximum characters of text, maximum image pixels, parallel parses, then OCR's
 * languages, resolution (DPI) and time limit per page in seconds. Each file is read at the priority
 * its request names.
 */
public final class ParseWorker {
  private static final List<String> WARM_UP =
      List.of("warm-up.pdf", "warm-up.docx", "warm-up.xlsx", "warm-up.jpg", "warm-up.txt");

  private ParseWorker() {}

  public static void main(String[] args) throws IOException {
    // Standard output carries the protocol: nothing else may write to it, so stray prints go to
    // stderr.
    DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    // If the service dies (even by SIGKILL) a parse stuck in a loop must not outlive it.
    ProcessHandle.current()
        .parent()
        .ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(2)));
    quietLogging();
    DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
    TextExtractor extractor =
        new TextExtractor(
            Integer.parseInt(args[0]),
            Long.parseLong(args[1]),
            new TextExtractor.OcrSettings(
                args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5])));
    ThumbnailRenderer thumbnails = new ThumbnailRenderer(Long.parseLong(args[1]));
    OfdPdf ofdPdf = new OfdPdf(Long.parseLong(args[1]));
    // RapidOCR's native library loads on the first image read, not here: most processes read none.
    ImageRecognizer images = new ImageRecognizer(args[3], Integer.parseInt(args[5]));
    int threads = Integer.parseInt(args[2]);
    warmUp(extractor, thumbnails);
    out.writeInt(WorkerProtocol.READY);
    out.flush();
    // One set of threads per priority asked for (ParseSlots bounds them all together).
    Map<Integer, ExecutorService> byNice = new HashMap<>();
    while (true) {
      WorkerProtocol.Numbered n;
      try {
        n = WorkerProtocol.readRequest(in);
      } catch (EOFException e) {
        return; // the pool closed our input: a normal end
      }
      byNice
          .computeIfAbsent(
              n.request().nice(),
              nice ->
                  Executors.newFixedThreadPool(
                      threads + 1, daemon(nice == 0 ? "parse" : "parse-" + nice, nice)))
          .execute(() -> answer(n, extractor, thumbnails, ofdPdf, images, out));
    }
  }

  /**
   * Daemon threads (when the pool closes our input the process ends, finished or not) that run
   * {@code nice} lower than the process ({@link BackgroundPriority}).
   */
  private static ThreadFactory daemon(String name, int nice) {
    return BackgroundPriority.daemons(name, nice);
  }

  private static void answer(
      WorkerProtocol.Numbered n,
      TextExtractor extractor,
      ThumbnailRenderer thumbnails,
      OfdPdf ofdPdf,
      ImageRecognizer images,
      DataOutputStream out) {
    WorkerProtocol.Request request = n.request();
    Extraction result = null;
    Unpacked unpacked = null;
    ImageRecognizer.Recognition recognition = null;
    ExtractionException failure = null;
    try {
      switch (request.kind()) {
        case PARSE -> result = extractor.extract(Path.of(request.path()), request.name());
        case RECOGNIZE -> result = extractor.recognize(Path.of(request.path()), request.name());
        case THUMBNAIL ->
            thumbnails.render(Path.of(request.path()), request.name(), Path.of(request.target()));
        case OFD_PDF -> ofdPdf.render(Path.of(request.path()), Path.of(request.target()));
        case PRINT_IMAGE ->
            thumbnails.print(Path.of(request.path()), request.name(), Path.of(request.target()));
        case UNPACK ->
            unpacked =
                new BundleUnpacker(extractor, request.unpack().limits(), Path.of(request.target()))
                    .unpack(Path.of(request.path()), request.name(), request.unpack().depth());
        case RECOGNIZE_IMAGE ->
            recognition =
                images.recognize(
                    Path.of(request.path()), ImageRecognizer.Engine.of(request.name()));
      }
    } catch (ExtractionException e) {
      failure = e;
    }
    try {
      synchronized (out) {
        if (failure != null) {
          WorkerProtocol.writeFailure(
              out, n.id(), failure.failure(), String.valueOf(failure.getMessage()));
        } else if (result != null) {
          WorkerProtocol.writeResult(out, n.id(), result);
        } else if (unpacked != null) {
          WorkerProtocol.writeUnpacked(out, n.id(), unpacked);
        } else if (recognition != null) {
          WorkerProtocol.writeRecognition(out, n.id(), recognition);
        } else {
          WorkerProtocol.writeDone(out, n.id());
        }
        out.flush();
      }
    } catch (IOException e) {
      Runtime.getRuntime().halt(1); // the pool is gone
    }
  }

  /**
   * Reads one small file of each common kind before the first request, so that loading the parsers'
   * classes (seconds on a fresh JVM) is done before the process counts as ready and never counts
   * against a real file's time limit.
   */
  private static void warmUp(TextExtractor extractor, ThumbnailRenderer thumbnails)
      throws IOException {
    Path dir = Files.createTempDirectory("warm-up");
    try {
      for (String name : WARM_UP) {
        Path file = dir.resolve(name);
        try (InputStream in = ParseWorker.class.getResourceAsStream("warm-up/" + name)) {
          if (in == null) {
            continue;
          }
          Files.copy(in, file);
          Extraction x = extractor.extract(file, name);
          if (ThumbnailRenderer.supports(x.mediaType())) {
            thumbnails.render(file, x.mediaType(), dir.resolve(name + ".png"));
          }
        } catch (ExtractionException | IOException e) {
          System.err.println("parser warm-up: " + name + ": " + e.getMessage());
        }
      }
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  /**
   * The service's logging settings do not reach this JVM; parsers' chatter below WARN is noise
   * here.
   */
  private static void quietLogging() {
    Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    if (root instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
      for (String noisy :
          new String[] {
            "org.apache.pdfbox", "org.apache.fontbox", "org.apache.poi", "org.apache.tika"
          }) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(noisy))
            .setLevel(ch.qos.logback.classic.Level.ERROR);
      }
    }
  }
}
