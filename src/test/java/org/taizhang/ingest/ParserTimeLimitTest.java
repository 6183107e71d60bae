package org.taizhang.ingest;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The parser process has ample memory but one second: the hostile file overruns the time limit. */
class ParserTimeLimitTest extends ParserIsolationTests {
  @DynamicPropertySource
  static void limits(DynamicPropertyRegistry registry) {
    registry.add("taizhang.data-dir", () -> newDataDir("taizhang-timeout").toString());
    registry.add("taizhang.extract.worker-heap", () -> "1GB");
    registry.add("taizhang.extract.timeout", () -> "1s");
  }

  @Override
  String expectedReason() {
    return "PARSE_TIMEOUT";
  }
}
