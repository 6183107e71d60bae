package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.OfdTestFiles;

/** OFD drawn into a PDF page by page: text that can be read back, the red heading, page count. */
class OfdPdfTest {
  @TempDir Path dir;
  private final OfdPdf renderer = new OfdPdf(100_000_000);

  @BeforeEach
  void font() {
    org.taizhang.support.CjkFont.assumeInstalled();
  }

  @Test
  void aRedHeadNoticeBecomesAOnePagePdfWithItsTextAndRedHeading() throws Exception {
    Path ofd = Files.write(dir.resolve("红头.ofd"), OfdTestFiles.redHeadNotice());
    Path pdf = dir.resolve("out/红头.pdf");
    renderer.render(ofd, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(doc.getPage(0).getMediaBox().getHeight()).as("A4 in points").isBetween(830f, 850f);
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains(OfdTestFiles.DOCUMENT_NUMBER, "关于开展2025年学雷锋志愿服务月活动的通知", "青禾县精神文明建设办公室文件");
      BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 36);
      int red = 0;
      for (int y = 0; y < page.getHeight() / 4; y++) {
        for (int x = 0; x < page.getWidth(); x++) {
          int rgb = page.getRGB(x, y);
          if (((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 100 && (rgb & 0xff) < 100) {
            red++;
          }
        }
      }
      assertThat(red).as("red pixels of the heading at the top of the page").isGreaterThan(20);
    }
    assertThat(Files.list(pdf.getParent())).as("no part file left").hasSize(1);
  }

  @Test
  void everyPageIsDrawn() throws Exception {
    Path ofd = Files.write(dir.resolve("总结.ofd"), OfdTestFiles.longSummary(120));
    Path pdf = dir.resolve("总结.pdf");
    renderer.render(ofd, pdf);
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(2);
      PDFTextStripper last = new PDFTextStripper();
      last.setStartPage(doc.getNumberOfPages());
      last.setEndPage(doc.getNumberOfPages());
      assertThat(last.getText(doc)).contains("第120段").doesNotContain("第1段：");
    }
  }

  @Test
  void aBombIsRefusedBeforeAnyPageIsDrawn() throws Exception {
    Path bomb = Files.write(dir.resolve("bomb.ofd"), OfdTestFiles.ratioBomb(40));
    Path pdf = dir.resolve("bomb.pdf");
    assertThatThrownBy(() -> renderer.render(bomb, pdf))
        .isInstanceOfSatisfying(
            ExtractionException.class,
            e -> assertThat(e.failure()).isEqualTo(ExtractionFailure.ZIP_BOMB));
    assertThat(pdf).doesNotExist();
  }
}
