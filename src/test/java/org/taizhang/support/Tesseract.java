package org.taizhang.support;

import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.taizhang.ocr.TextRecognition;

/**
 * Tesseract with the languages OCR uses: skipped without it on a developer machine, required on CI.
 */
public final class Tesseract {
  private Tesseract() {}

  public static void assumeInstalled() {
    Optional<String> missing = TextRecognition.missingTesseract("chi_sim+eng");
    if (missing.isEmpty()) {
      return;
    }
    String message =
        missing.get() + "（Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim）";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }
}
