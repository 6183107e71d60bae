package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.TestFiles;

class TextExtractorTest {
  @TempDir Path dir;

  private Path write(String name, byte[] content) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  @Test
  void readsWordTextAndPageCount() throws Exception {
    TextExtractor x = new TextExtractor(100_000, 100_000_000);
    Extraction e = x.extract(write("a.docx", TestFiles.docx("会议记录", "主持人：李明")), "a.docx");
    assertThat(e.mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(e.text()).contains("会议记录").contains("主持人：李明");
    assertThat(e.truncated()).isFalse();
  }

  @Test
  void cutsTextAtTheLimitAndSaysSo() throws Exception {
    TextExtractor x = new TextExtractor(50, 100_000_000);
    Extraction e = x.extract(write("long.txt", TestFiles.utf8("创建工作".repeat(200))), "long.txt");
    assertThat(e.truncated()).isTrue();
    assertThat(e.text().length()).isLessThanOrEqualTo(50);
  }

  @Test
  void shortGbkTextIsNotMistakenForAnotherEncoding() throws Exception {
    TextExtractor x = new TextExtractor(100_000, 100_000_000);
    Extraction e = x.extract(write("gbk.txt", "台账目录".getBytes(Charset.forName("GBK"))), "gbk.txt");
    assertThat(e.text()).isEqualTo("台账目录");
  }

  @Test
  void refusesImagesWhoseDeclaredSizeIsAbsurd() throws Exception {
    // A PNG header declaring 30000×30000 pixels followed by no real image data.
    byte[] png =
        HexFormat.of()
            .parseHex("89504e470d0a1a0a0000000d494844520000753000007530080200000000000000");
    TextExtractor x = new TextExtractor(100_000, 100_000_000);
    assertThatThrownBy(() -> x.extract(write("huge.png", png), "huge.png"))
        .isInstanceOfSatisfying(
            ExtractionException.class,
            e ->
                assertThat(e.failure())
                    .isIn(ExtractionFailure.IMAGE_TOO_LARGE, ExtractionFailure.CORRUPT_FILE));
  }
}
