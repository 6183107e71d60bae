package org.taizhang.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Decodes HEIC/HEIF photos (what iPhones shoot), which the JDK's image readers cannot, with
 * libheif's {@code heif-convert} (Debian {@code libheif-examples}) as a child process under a time
 * limit. Native decoding of untrusted files: call it in the parser process only ({@link
 * ParseWorker}), never in the service.
 */
public final class HeifImages {
  /** The media types Tika gives HEIC and HEIF files. */
  private static final Set<String> TYPES =
      Set.of("image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence");

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final List<Path> PROGRAMS =
      List.of(Path.of("/usr/bin/heif-convert"), Path.of("/usr/local/bin/heif-convert"));

  private HeifImages() {}

  public static boolean isHeif(String mediaType) {
    return TYPES.contains(mediaType);
  }

  /** Whether {@code heif-convert} is installed. */
  public static boolean available() {
    return program() != null;
  }

  /**
   * Writes the primary image of the HEIC/HEIF file {@code heif} to {@code png} as PNG, for
   * thumbnails and for OCR (which reads images by path). Runs {@code heif-convert}; the parser
   * process's time limit kills it with the process, and it has its own limit of 30 s.
   *
   * @throws ExtractionException {@link ExtractionFailure#UNSUPPORTED_TYPE} without {@code
   *     heif-convert}, {@link ExtractionFailure#PARSE_TIMEOUT} when it overruns, {@link
   *     ExtractionFailure#CORRUPT_FILE} when it cannot decode the file
   */
  public static void convertToPng(Path heif, Path png) throws ExtractionException {
    Path program = program();
    if (program == null) {
      throw new ExtractionException(
          ExtractionFailure.UNSUPPORTED_TYPE, "heif-convert is not installed", null);
    }
    Process p = null;
    try {
      Files.deleteIfExists(png);
      p =
          new ProcessBuilder(
                  program.toString(),
                  heif.toAbsolutePath().toString(),
                  png.toAbsolutePath().toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new ExtractionException(
            ExtractionFailure.PARSE_TIMEOUT, "heif-convert ran over " + TIMEOUT, null);
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(png) || Files.size(png) == 0) {
        throw new ExtractionException(
            ExtractionFailure.CORRUPT_FILE, "heif-convert exit " + p.exitValue(), null);
      }
    } catch (IOException e) {
      throw new ExtractionException(ExtractionFailure.CORRUPT_FILE, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExtractionException(ExtractionFailure.PARSE_TIMEOUT, "interrupted", e);
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
    }
  }

  private static Path program() {
    return PROGRAMS.stream().filter(Files::isExecutable).findFirst().orElse(null);
  }
}
