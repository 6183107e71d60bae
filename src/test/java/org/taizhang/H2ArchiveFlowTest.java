package org.taizhang;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The archive flow on the embedded default: H2 file database under a fresh data directory. */
class H2ArchiveFlowTest extends ArchiveFlowTests {
  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("taizhang.data-dir", () -> newDataDir("taizhang-h2").toString());
  }
}
