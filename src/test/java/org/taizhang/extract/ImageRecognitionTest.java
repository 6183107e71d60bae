package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.Slow;
import org.taizhang.support.Tesseract;

/**
 * Images read with OCR in the parser process: an upside-down page comes back upright (its title
 * first), with either engine; a sideways page too; the reading states its engine and confidence.
 */
@Slow
class ImageRecognitionTest {
  static final Path SET = Path.of("src/test/resources/ocr-set");

  /** A scanned notice turned upside down. */
  static final Path UPSIDE_DOWN = SET.resolve("32-rotated.jpg");

  /** A scanned notice turned a quarter turn counter-clockwise. */
  static final Path SIDEWAYS = SET.resolve("33-rotated.jpg");

  @TempDir Path dir;
  private ParserPool pool;

  @BeforeAll
  static void tesseract() {
    Tesseract.assumeInstalled();
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

  private ParserPool pool() {
    pool =
        new ParserPool(
            new ParserPool.Settings(
                1,
                Duration.ofMinutes(2),
                512L << 20,
                100_000,
                100_000_000,
                1000,
                dir.resolve("tmp"),
                0,
                TextExtractor.OcrSettings.DEFAULT,
                Duration.ofMinutes(3)));
    return pool;
  }

  @Test
  void anUpsideDownPageReadsUprightWithTheDefaultEngine() throws Exception {
    ImageRecognizer.Recognition r = pool().recognizeImage(UPSIDE_DOWN, "auto");
    String title = firstLine(UPSIDE_DOWN);
    assertThat(r.rotation()).isEqualTo(180);
    assertThat(r.text().lines().findFirst().orElse("").replace(" ", "")).isEqualTo(title);
    assertThat(cer(truth(UPSIDE_DOWN), r.text())).isLessThan(0.05);
    assertThat(r.engine()).isIn("rapidocr", "tesseract");
    assertThat(r.confidence()).isBetween(0.0, 1.0);
    assertThat(r.lowConfidence()).isFalse();

    ImageRecognizer.Recognition side = pool.recognizeImage(SIDEWAYS, "auto");
    assertThat(side.rotation()).isEqualTo(90);
    assertThat(side.text().lines().findFirst().orElse("").replace(" ", ""))
        .isEqualTo(firstLine(SIDEWAYS));
  }

  @Test
  void tesseractTurnsAnUpsideDownPageUprightToo() throws Exception {
    ImageRecognizer.Recognition r = pool().recognizeImage(UPSIDE_DOWN, "tesseract");
    assertThat(r.engine()).isEqualTo("tesseract");
    assertThat(r.rotation()).isEqualTo(180);
    assertThat(r.text()).contains(firstLine(UPSIDE_DOWN).substring(0, 6));
  }

  @Test
  void somethingThatIsNoImageIsRefusedWithAReason() throws Exception {
    Path notAnImage = Files.writeString(dir.resolve("x.png"), "not an image");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> pool().recognizeImage(notAnImage, "tesseract"))
        .isInstanceOf(ExtractionException.class);
  }

  static String truth(Path image) throws Exception {
    return Files.readString(
        Path.of(image.toString().replaceAll("\\.[a-z]+$", ".txt")), StandardCharsets.UTF_8);
  }

  private static String firstLine(Path image) throws Exception {
    return truth(image).lines().findFirst().orElseThrow();
  }

  /** Edits over true characters, whitespace removed (as the benchmark counts). */
  static double cer(String truth, String read) {
    return org.taizhang.tools.ocr.OcrBenchmark.cer(truth, read);
  }
}
