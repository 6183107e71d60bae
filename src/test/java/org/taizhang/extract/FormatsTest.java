package org.taizhang.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taizhang.support.DamagedFiles;
import org.taizhang.support.OfdTestFiles;
import org.taizhang.support.TestFiles;

/**
 * Formats units hand in beyond Word, Excel and PDF: OFD, text in every Chinese encoding, HEIC
 * photos, Kingsoft spreadsheets; and PDFs cut short, which must be refused rather than read as a
 * shorter document.
 */
class FormatsTest {
  static final String SIMPLIFIED = "青禾县星河社区道德讲堂活动记录：邻里互助，志愿者为孤寡老人送去温暖。时间：2025年3月12日";
  static final String TRADITIONAL = "青禾縣星河社區道德講堂活動紀錄：鄰里互助，志願者為孤寡老人送去溫暖。時間：2025年3月12日";

  @TempDir Path dir;
  private final TextExtractor extractor = new TextExtractor(100_000, 100_000_000);

  private Path write(String name, byte[] content) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  @Test
  void anOfdRedHeadDocumentIsReadWithItsDocumentNumberOnALineOfItsOwn() throws Exception {
    byte[] ofd = OfdTestFiles.redHeadNotice();
    Extraction e = extractor.extract(write("批复.ofd", ofd), "批复.ofd");
    assertThat(e.mediaType()).isEqualTo("application/ofd");
    assertThat(e.pageCount()).isEqualTo(1);
    assertThat(e.text().lines())
        .contains(
            "青禾县精神文明建设办公室文件", OfdTestFiles.DOCUMENT_NUMBER, "关于开展2025年学雷锋志愿服务月活动的通知", "2025年3月1日");
    // the content decides, not the name: an OFD sent as .zip is still an OFD
    assertThat(extractor.extract(write("收文.zip", ofd), "收文.zip").mediaType())
        .isEqualTo("application/ofd");
  }

  @Test
  void anOfdPageRendersWithItsRedHeading() throws Exception {
    Path ofd = write("红头.ofd", OfdTestFiles.redHeadNotice());
    Path png = dir.resolve("thumb.png");
    new ThumbnailRenderer(100_000_000).render(ofd, "application/ofd", png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(ThumbnailRenderer.WIDTH);
    assertThat(image.getHeight()).as("an A4 page, taller than wide").isGreaterThan(300);
    int red = 0;
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 150 && g < 110 && b < 110) {
          red++;
        } else if (r < 110 && g < 110 && b < 110) {
          dark++;
        }
      }
    }
    assertThat(red).as("red heading pixels").isGreaterThan(30);
    assertThat(dark).as("black body text pixels").isGreaterThan(100);
  }

  @Test
  void anOfdThatInflatesOutOfAllProportionIsAZipBomb() throws Exception {
    Path bomb = write("bomb.ofd", OfdTestFiles.ratioBomb(40));
    assertThat(Files.size(bomb)).isLessThan(100_000);
    long free = Files.getFileStore(dir).getUsableSpace();
    assertFailure(bomb, "bomb.ofd", ExtractionFailure.ZIP_BOMB);
    assertThat(Files.getFileStore(dir).getUsableSpace())
        .as("never unpacked in full")
        .isGreaterThan(free - (30L << 20));
    assertFailure(
        write("many.ofd", OfdTestFiles.manyEntries(10_001)),
        "many.ofd",
        ExtractionFailure.ZIP_BOMB);
    assertFailure(
        write("escape.ofd", OfdTestFiles.escapingEntry()),
        "escape.ofd",
        ExtractionFailure.CORRUPT_FILE);
    assertThat(dir.getParent().resolve("escaped.txt")).doesNotExist();
    assertFailure(
        write("entity.ofd", OfdTestFiles.externalEntity()),
        "entity.ofd",
        ExtractionFailure.CORRUPT_FILE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "UTF-8, s, ''",
    "UTF-8 with BOM, s, EFBBBF",
    "GB2312, s, ''",
    "GBK, s, ''",
    "GB18030, s, ''",
    "Big5, t, ''",
    "UTF-16LE, s, FFFE",
    "UTF-16BE, s, FEFF",
    "UTF-16LE without BOM, s, ''",
    "UTF-16BE without BOM, t, ''",
  })
  void textInEveryChineseEncodingIsDecoded(String name, String script, String bom)
      throws Exception {
    String text = script.equals("t") ? TRADITIONAL : SIMPLIFIED;
    String charset = name.split(" ")[0];
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(java.util.HexFormat.of().parseHex(bom));
    bytes.write(text.getBytes(Charset.forName(charset)));
    Extraction e = extractor.extract(write("记录.txt", bytes.toByteArray()), "记录.txt");
    assertThat(e.text()).isEqualTo(text);
  }

  @Test
  void theDetectorTellsBig5FromGbkOnShortText() {
    for (String word : new String[] {"活動紀錄", "簽到表", "青禾縣道德講堂"}) {
      assertThat(ChineseTextEncodingDetector.detect(word.getBytes(Charset.forName("Big5"))))
          .as(word)
          .isEqualTo(ChineseTextEncodingDetector.BIG5);
    }
    for (String word : new String[] {"台账目录", "会议记录", "签到表"}) {
      assertThat(ChineseTextEncodingDetector.detect(word.getBytes(Charset.forName("GBK"))))
          .as(word)
          .isEqualTo(Charset.forName("GB18030"));
    }
    assertThat(ChineseTextEncodingDetector.detect(SIMPLIFIED.getBytes(Charset.forName("GBK"))))
        .isEqualTo(Charset.forName("GB18030"));
    assertThat(
            ChineseTextEncodingDetector.detect("meeting notes".getBytes(StandardCharsets.UTF_16LE)))
        .isEqualTo(StandardCharsets.UTF_16LE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cut in the middle", "no %%EOF", "broken xref", "stream cut short"})
  void aPdfCutShortIsRefusedAsIncomplete(String how) throws Exception {
    byte[] whole = TestFiles.pdf("Ledger page of the volunteer service month", null);
    Path pdf = write("cut.pdf", DamagedFiles.pdf(whole, how));
    assertThatThrownBy(() -> extractor.extract(pdf, "cut.pdf"))
        .isInstanceOfSatisfying(
            ExtractionException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(ExtractionFailure.CORRUPT_FILE);
              assertThat(e.shownDetail()).startsWith("文件不完整");
            });
  }

  @Test
  void aWholePdfStillParsesBesideOfdrw() throws Exception {
    // ofdrw brings PDFBox 2; with PDFBox 3 kept, Tika's PDF parser must still read PDFs
    Extraction e =
        extractor.extract(write("ok.pdf", TestFiles.pdf("Whole ledger page", null)), "ok.pdf");
    assertThat(e.mediaType()).isEqualTo("application/pdf");
    assertThat(e.text()).contains("Whole ledger page");
    assertThat(e.pageCount()).isEqualTo(1);
    assertThat(org.apache.pdfbox.Loader.class.getPackage().getImplementationVersion())
        .startsWith("3.");
  }

  @Test
  void passwordProtectedWordAndExcelAreEncrypted() throws Exception {
    for (String name : new String[] {"加密.docx", "加密.xlsx"}) {
      byte[] encrypted = DamagedFiles.encryptedOffice(name, "secret");
      assertFailure(write(name, encrypted), name, ExtractionFailure.ENCRYPTED);
    }
  }

  @Test
  void kingsoftSpreadsheetsAreReadAsExcel() throws Exception {
    byte[] et;
    try (HSSFWorkbook wb = new HSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.createSheet("签到表").createRow(0).createCell(0).setCellValue("志愿者签到表");
      wb.write(out);
      et = out.toByteArray();
    }
    Extraction e = extractor.extract(write("签到.et", et), "签到.et");
    assertThat(e.mediaType()).isEqualTo("application/vnd.ms-excel");
    assertThat(e.text()).contains("志愿者签到表");
  }

  @Test
  void kingsoftPresentationsAreReadAsPowerPoint() throws Exception {
    byte[] dps;
    try (org.apache.poi.hslf.usermodel.HSLFSlideShow show =
            new org.apache.poi.hslf.usermodel.HSLFSlideShow();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      show.createSlide().addTitle().setText("文明创建工作汇报");
      show.write(out);
      dps = out.toByteArray();
    }
    Extraction e = extractor.extract(write("汇报.dps", dps), "汇报.dps");
    assertThat(e.mediaType()).isEqualTo("application/vnd.ms-powerpoint");
    assertThat(e.text()).contains("文明创建工作汇报");
  }

  @Test
  void aHeicPhotoGivesItsExifAndAThumbnail() throws Exception {
    Path heic = dir.resolve("IMG_0001.HEIC");
    try (InputStream in = getClass().getResourceAsStream("iphone-photo.heic")) {
      Files.copy(in, heic);
    }
    Extraction e = extractor.extract(heic, "IMG_0001.HEIC");
    assertThat(e.mediaType()).isEqualTo("image/heic");
    assertThat(e.metadata().takenAt()).hasToString("2025-03-05T09:30");
    assertThat(e.metadata().camera()).isEqualTo("Apple iPhone 13");
    assertThat(e.metadata().latitude())
        .isCloseTo(39.9087, org.assertj.core.data.Offset.offset(1e-3));
    assertThat(e.metadata().longitude())
        .isCloseTo(116.3975, org.assertj.core.data.Offset.offset(1e-3));

    assumeTrue(
        HeifImages.available() || "true".equals(System.getenv("CI")),
        "heif-convert is not installed (Debian: libheif-examples)");
    Path png = dir.resolve("photo.png");
    HeifImages.convertToPng(heic, png);
    BufferedImage full = ImageIO.read(png.toFile());
    assertThat(full.getWidth()).isEqualTo(480);
    assertThat(full.getHeight()).isEqualTo(360);
    Path thumb = dir.resolve("thumb.png");
    new ThumbnailRenderer(100_000_000).render(heic, "image/heic", thumb);
    BufferedImage t = ImageIO.read(thumb.toFile());
    assertThat(t.getWidth()).isEqualTo(ThumbnailRenderer.WIDTH);
    int rgb = t.getRGB(5, 5);
    assertThat((rgb & 0xff) > ((rgb >> 16) & 0xff)).as("the sky is blue").isTrue();
  }

  private void assertFailure(Path file, String name, ExtractionFailure failure) {
    assertThatThrownBy(() -> extractor.extract(file, name))
        .isInstanceOfSatisfying(
            ExtractionException.class, e -> assertThat(e.failure()).isEqualTo(failure));
  }

  static byte[] bytes(byte[] a, int from, int to) {
    return Arrays.copyOfRange(a, from, to);
  }
}
