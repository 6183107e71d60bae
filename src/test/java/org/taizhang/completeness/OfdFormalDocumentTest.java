package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.archive.Document;
import org.taizhang.archive.Lifecycle;
import org.taizhang.archive.Review;
import org.taizhang.extract.Extraction;
import org.taizhang.extract.TextExtractor;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.support.OfdTestFiles;

/** An OFD 红头文件 counts as a formal document: its text, as extracted, shows the 文号. */
class OfdFormalDocumentTest {
  @TempDir Path dir;

  @Test
  void anOfdRedHeadDocumentWithADocumentNumberIsFormal() throws Exception {
    Path ofd = Files.write(dir.resolve("通知.ofd"), OfdTestFiles.redHeadNotice());
    Extraction x = new TextExtractor(100_000, 100_000_000).extract(ofd, "通知.ofd");
    EvidenceFactExtractor facts =
        new EvidenceFactExtractor(
            new ChineseAnalysis(Path.of("index-config"))::fold, Set.of("时间"), Set.of());
    Document d =
        new Document(
            1,
            "u1",
            "leading-group",
            "关于开展2025年学雷锋志愿服务月活动的通知",
            LocalDate.parse("2025-03-01"),
            2025,
            "通知.ofd",
            x.mediaType(),
            Files.size(ofd),
            "0".repeat(64),
            x.pageCount(),
            x.metadata(),
            x.text().length(),
            false,
            "test",
            Instant.EPOCH,
            Review.SUBMITTED,
            Lifecycle.CURRENT);
    assertThat(facts.extract(d, x.text()).formal()).isTrue();
    // the same notice without its 文号 line is not
    String withoutNumber = x.text().replace(OfdTestFiles.DOCUMENT_NUMBER, "");
    assertThat(facts.extract(d, withoutNumber).formal()).isFalse();
  }
}
