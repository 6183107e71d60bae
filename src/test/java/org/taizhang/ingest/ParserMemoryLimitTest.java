package org.taizhang.ingest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The parser process has 64 MB: the hostile file exhausts it long before the time limit. */
class ParserMemoryLimitTest extends ParserIsolationTests {
  @DynamicPropertySource
  static void limits(DynamicPropertyRegistry registry) {
    registry.add("taizhang.data-dir", () -> newDataDir("taizhang-oom").toString());
    registry.add("taizhang.extract.worker-heap", () -> "64MB");
    registry.add("taizhang.extract.timeout", () -> "120s");
  }

  @Override
  String expectedReason() {
    return "PARSE_OUT_OF_MEMORY";
  }
}
