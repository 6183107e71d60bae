package org.taizhang.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The WenQuanYi font OFD pages are drawn in: skipped without it on a developer machine, required on
 * CI.
 */
public final class CjkFont {
  public static final Path MICROHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

  private CjkFont() {}

  public static void assumeInstalled() {
    if (Files.isRegularFile(MICROHEI)) {
      return;
    }
    String message = "需要中文字体 " + MICROHEI + "（Debian: apt-get install fonts-wqy-microhei）";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }
}
