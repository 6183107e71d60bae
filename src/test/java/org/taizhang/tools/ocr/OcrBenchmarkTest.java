package org.taizhang.tools.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The benchmark's error rate, and the committed test set it reads. */
class OcrBenchmarkTest {
  @Test
  void characterErrorRateCountsEditsOverTrueCharactersIgnoringWhitespace() {
    assertThat(OcrBenchmark.cer("学雷锋 志愿服务\n活动", "学雷锋志愿服务活动")).isZero();
    assertThat(OcrBenchmark.cer("志愿服务", "志患服务")).isEqualTo(0.25);
    assertThat(OcrBenchmark.cer("签到表", "")).isEqualTo(1.0);
    assertThat(OcrBenchmark.cer("签到", "签到表表")).isEqualTo(1.0);
  }

  @Test
  void theCommittedSetHasAtLeastFortyImagesOfEveryKindWithTheirText() throws Exception {
    var items = OcrBenchmark.load(Path.of("src/test/resources/ocr-set"));
    assertThat(items).hasSizeGreaterThanOrEqualTo(40);
    assertThat(items.stream().map(OcrBenchmark.Item::kind).distinct())
        .contains("scan", "photo", "stamp", "table", "signin", "rotated", "banner", "screenshot");
    assertThat(items).allSatisfy(i -> assertThat(i.truth()).isNotBlank());
    assertThat(items).allSatisfy(i -> assertThat(i.image()).exists());
  }
}
