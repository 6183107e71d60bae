package org.taizhang.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice, which converts office files to PDF: skipped without it on a developer machine,
 * required on CI.
 */
public final class LibreOffice {
  private LibreOffice() {}

  public static void assumeInstalled() {
    if (Files.isExecutable(Path.of("/usr/lib/libreoffice/program/soffice.bin"))) {
      return;
    }
    String message =
        "需要 LibreOffice（Debian: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
            + " libreoffice-impress-nogui）";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }
}
