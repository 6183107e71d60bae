package org.taizhang.tools.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.pdf.ExportFont;
import org.taizhang.support.Slow;

/**
 * Generates the sample archive once into a temporary directory and checks the properties the
 * importer, the search index and the completeness checker rely on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleArchiveGeneratorTest {

  /** The committed archive, relative to the project directory Maven runs tests in. */
  private static final Path COMMITTED = Path.of("sample-archive");

  private static final Path INDEX_CONFIG = Path.of("index-config");
  private static final List<Integer> YEARS = List.of(2024, 2025);

  private Path archive;
  private SampleArchiveGenerator.Summary summary;

  /** Unit-relative path (code/year/category/name) of every evidence file. */
  private List<String> evidence;

  private Map<String, String> textByPath;

  @BeforeAll
  void generate(@TempDir Path dir) throws IOException {
    ExportFont font = SampleArchiveGenerator.font();
    if (font.locate().isEmpty()) {
      String message =
          "需要中文字体 " + font.candidates() + "（Debian：apt-get install fonts-wqy-microhei）";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    archive = dir.resolve("archive");
    summary = new SampleArchiveGenerator(SampleArchiveGenerator.DEFAULT_SEED).generate(archive, 0);
    evidence = evidenceFiles(archive);
    textByPath = new HashMap<>();
    for (String path : evidence) {
      String text = extractText(archive.resolve(path));
      if (text != null) {
        textByPath.put(path, text);
      }
    }
  }

  // ---- units.csv ----

  @Test
  void unitsFormATreeOfKnownTypes() throws IOException {
    List<String> lines = Files.readAllLines(archive.resolve("units.csv"), StandardCharsets.UTF_8);
    assertEquals("code,name,type,parent", lines.get(0));
    Set<String> allowedTypes = configLines("unit-types.txt").stream().collect(Collectors.toSet());
    Map<String, String> parentOf = new TreeMap<>();
    Set<String> types = new HashSet<>();
    List<String> roots = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split(",", -1);
      assertEquals(4, cols.length, line);
      assertTrue(cols[0].matches("[a-z0-9-]+"), "code is a lowercase slug: " + cols[0]);
      assertTrue(allowedTypes.contains(cols[2]), "type in unit-types.txt: " + line);
      assertFalse(parentOf.containsKey(cols[0]), "duplicate code " + cols[0]);
      parentOf.put(cols[0], cols[3]);
      if (cols[3].isEmpty()) {
        roots.add(cols[0]);
        assertEquals("创建办", cols[2], "the root is the creation office");
      } else {
        types.add(cols[2]);
      }
    }
    assertEquals(1, roots.size(), "exactly one root");
    assertTrue(parentOf.size() - 1 >= 8, "at least 8 units besides the root");
    assertTrue(types.size() >= 4, "at least 4 unit types: " + types);
    for (String code : parentOf.keySet()) {
      String cursor = code;
      for (int steps = 0; !parentOf.get(cursor).isEmpty(); steps++) {
        assertTrue(parentOf.containsKey(parentOf.get(cursor)), "parent of " + cursor + " exists");
        assertTrue(steps < parentOf.size(), "no cycle through " + code);
        cursor = parentOf.get(cursor);
      }
      assertEquals(roots.get(0), cursor, code + " hangs under the root");
    }
    assertEquals(parentOf.size(), summary.units());
    try (Stream<Path> dirs = Files.list(archive)) {
      dirs.filter(Files::isDirectory)
          .forEach(
              d ->
                  assertTrue(
                      parentOf.containsKey(d.getFileName().toString()), "folder is a unit: " + d));
    }
  }

  // ---- layout ----

  @Test
  void everyUnitHasBothYearsAndKnownCategoriesOnly() throws IOException {
    Set<String> categories =
        configLines("categories.txt").stream()
            .map(line -> line.split("\\|")[1].trim())
            .collect(Collectors.toSet());
    assertTrue(evidence.size() >= 150, "at least 150 files: " + evidence.size());
    assertEquals(summary.files(), evidence.size());
    Map<String, Set<String>> yearsByUnit = new TreeMap<>();
    for (String path : evidence) {
      String[] parts = path.split("/");
      assertEquals(4, parts.length, "unit/year/category/file: " + path);
      assertTrue(YEARS.contains(Integer.parseInt(parts[1])), path);
      assertTrue(categories.contains(parts[2]), "category folder in categories.txt: " + path);
      yearsByUnit.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(parts[1]);
    }
    yearsByUnit.forEach(
        (unit, years) -> {
          if (!unit.equals(QingheCounty.ROOT)) {
            assertEquals(Set.of("2024", "2025"), years, unit);
          }
        });
    long bytes = 0;
    for (String path : evidence) {
      bytes += Files.size(archive.resolve(path));
    }
    assertEquals(summary.bytes(), bytes);
    assertTrue(bytes < 25L * 1024 * 1024, "archive well under 25 MB: " + bytes);
  }

  @Test
  void mixesFormats() {
    Map<String, Long> byExtension =
        evidence.stream()
            .collect(
                Collectors.groupingBy(
                    p -> p.substring(p.lastIndexOf('.') + 1), Collectors.counting()));
    for (String ext : List.of("pdf", "docx", "xlsx", "jpg", "txt")) {
      assertTrue(byExtension.getOrDefault(ext, 0L) > 0, "has ." + ext + " files: " + byExtension);
    }
  }

  @Test
  void committedArchiveMatchesTheGenerator() throws IOException {
    assertTrue(
        Files.isDirectory(COMMITTED),
        "sample-archive/ missing; run SampleArchiveGenerator sample-archive from the project directory");
    assertEquals(
        allFiles(archive),
        allFiles(COMMITTED),
        "sample-archive/ differs from what the generator writes; regenerate it");
    assertEquals(
        Files.readString(archive.resolve("units.csv")),
        Files.readString(COMMITTED.resolve("units.csv")));
  }

  @Test
  @Slow
  void generatingTwiceGivesIdenticalFiles(@TempDir Path dir) throws IOException {
    Path again = dir.resolve("again");
    new SampleArchiveGenerator(SampleArchiveGenerator.DEFAULT_SEED).generate(again, 0);
    assertEquals(allFiles(archive), allFiles(again));
    for (String path : allFiles(archive)) {
      assertArrayEquals(
          Files.readAllBytes(archive.resolve(path)), Files.readAllBytes(again.resolve(path)), path);
    }
  }

  @Test
  @Slow
  void extraUnitsExtendTheCorpus(@TempDir Path dir) throws IOException {
    Path bench = dir.resolve("bench");
    SampleArchiveGenerator.Summary big = new SampleArchiveGenerator(7L).generate(bench, 6);
    List<String> lines = Files.readAllLines(bench.resolve("units.csv"));
    assertEquals(summary.units() + 6, big.units());
    assertEquals(big.units() + 1, lines.size());
    Set<String> benchTypes = new HashSet<>();
    for (int i = 1; i <= 6; i++) {
      String code = String.format("bench-%04d", i);
      String row = lines.stream().filter(l -> l.startsWith(code + ",")).findFirst().orElseThrow();
      assertTrue(row.endsWith("," + QingheCounty.ROOT), row);
      benchTypes.add(row.split(",")[2]);
      for (int year : YEARS) {
        Path yearDir = bench.resolve(code).resolve(Integer.toString(year));
        for (String category : List.of("会议记录", "年终总结", "活动照片", "签到表", "领导小组文件")) {
          assertTrue(Files.isDirectory(yearDir.resolve(category)), yearDir + "/" + category);
        }
        try (Stream<Path> meetings = Files.list(yearDir.resolve("会议记录"))) {
          assertEquals(4, meetings.count());
        }
      }
    }
    assertEquals(5, benchTypes.size(), "bench units cycle through the five unit types");
    assertTrue(big.files() > summary.files() + 6 * 2 * 12);
  }

  @Test
  void refusesToWriteIntoAForeignDirectory(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "not an archive");
    assertThrows(IOException.class, () -> new SampleArchiveGenerator(1L).generate(dir, 0));
  }

  // ---- special files ----

  @Test
  void briefingInGb18030IsNotUtf8() throws IOException {
    Path file = single("hxz/2025/工作简报", ".txt");
    byte[] bytes = Files.readAllBytes(file);
    assertThrows(
        CharacterCodingException.class,
        () ->
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)));
    String text = new String(bytes, ArchiveFileWriter.GB18030);
    assertTrue(text.contains("工作简报"), text);
    assertTrue(text.contains("创建"), text);
    assertTrue(text.contains("杏桥村"), "the town's briefing reports on its villages");
  }

  @Test
  void textPdfsEmbedTheirFontsAndHaveText() throws IOException {
    int checked = 0;
    for (String path : evidence) {
      if (!path.endsWith(".pdf") || path.contains("扫描件")) {
        continue;
      }
      try (PDDocument doc = Loader.loadPDF(archive.resolve(path).toFile())) {
        PDResources resources = doc.getPage(0).getResources();
        int fonts = 0;
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          assertTrue(font.isEmbedded(), path + ": font " + font.getName() + " embedded");
          fonts++;
        }
        assertTrue(fonts > 0, path + " has a font on page 1");
        assertNotNull(
            doc.getDocumentInformation().getCreationDate(), path + " has a creation date");
      }
      assertTrue(textByPath.get(path).contains("创建"), path + " mentions 创建");
      checked++;
    }
    assertTrue(checked >= 40, "checked " + checked + " text PDFs");
  }

  @Test
  void scannedPdfHasAnImageButNoText() throws IOException {
    Path file = single("hxz-xqc/2025/目标责任书", ".pdf");
    assertTrue(file.getFileName().toString().contains("扫描件"));
    try (PDDocument doc = Loader.loadPDF(file.toFile())) {
      assertTrue(new PDFTextStripper().getText(doc).isBlank(), "no text layer");
      PDPage page = doc.getPage(0);
      int images = 0;
      for (COSName name : page.getResources().getXObjectNames()) {
        if (page.getResources().getXObject(name) instanceof PDImageXObject) {
          images++;
        }
      }
      assertEquals(1, images, "one page image");
      assertFalse(page.getResources().getFontNames().iterator().hasNext(), "no fonts");
    }
  }

  @Test
  void photosCarryExifTimeGpsAndCamera() throws IOException {
    DateTimeFormatter exifTime = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    int mismatches = 0;
    int photos = 0;
    for (String path : evidence) {
      if (!path.endsWith(".jpg")) {
        continue;
      }
      photos++;
      ImageMetadata metadata = Imaging.getMetadata(archive.resolve(path).toFile());
      assertTrue(metadata instanceof JpegImageMetadata, path);
      JpegImageMetadata jpeg = (JpegImageMetadata) metadata;
      TiffField original =
          jpeg.findExifValueWithExactMatch(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL);
      assertNotNull(original, path + " has DateTimeOriginal");
      LocalDateTime taken = LocalDateTime.parse(original.getStringValue().trim(), exifTime);
      assertNotNull(
          jpeg.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_MAKE), path + " has Make");
      assertNotNull(
          jpeg.findExifValueWithExactMatch(TiffTagConstants.TIFF_TAG_MODEL), path + " has Model");
      TiffImageMetadata.GpsInfo gps = jpeg.getExif().getGpsInfo();
      assertNotNull(gps, path + " has GPS");
      double lat = gps.getLatitudeAsDegreesNorth();
      double lon = gps.getLongitudeAsDegreesEast();
      assertTrue(
          lat > 29.5 && lat < 30.5 && lon > 116.5 && lon < 117.5,
          path + " GPS in the county: " + lat + "," + lon);
      LocalDate named = LocalDate.parse(Path.of(path).getFileName().toString().substring(0, 10));
      if (!named.equals(taken.toLocalDate())) {
        mismatches++;
        assertTrue(path.startsWith("cg-nhsq/2025/"), "only the planted photo mismatches: " + path);
      }
    }
    assertTrue(photos >= 20, "photos: " + photos);
    assertEquals(1, mismatches, "exactly one photo's EXIF time differs from its name");
  }

  @Test
  void signInSheetsHaveTitleDateAndStandardColumns() throws IOException {
    int sheets = 0;
    for (String path : evidence) {
      if (!path.endsWith(".xlsx")) {
        continue;
      }
      sheets++;
      try (InputStream in = Files.newInputStream(archive.resolve(path));
          XSSFWorkbook workbook = new XSSFWorkbook(in)) {
        Sheet sheet = workbook.getSheetAt(0);
        String title = sheet.getRow(0).getCell(0).getStringCellValue();
        assertTrue(title.contains("会议签到表"), path + ": " + title);
        assertTrue(
            sheet
                .getRow(1)
                .getCell(0)
                .getStringCellValue()
                .matches("时间：\\d{4}年\\d{1,2}月\\d{1,2}日.*"),
            path);
        List<String> header = new ArrayList<>();
        sheet.getRow(2).forEach(cell -> header.add(cell.getStringCellValue()));
        assertEquals(List.of("序号", "姓名", "职务", "签名"), header, path);
        assertTrue(sheet.getLastRowNum() >= 2 + 6, path + " lists the attendees");
      }
    }
    assertEquals(20, sheets, "one sign-in sheet per unit-year");
  }

  @Test
  void traditionalRecordIsWrittenInTraditionalCharacters() {
    String path = only("cg-yxsq/2024/活动记录/");
    String text = textByPath.get(path);
    for (String word : List.of("臺賬", "志願服務", "會議", "銀杏社區")) {
      assertTrue(text.contains(word), word);
    }
    assertFalse(
        text.contains("台账") || text.contains("志愿") || text.contains("会议"), "no simplified forms");
  }

  @Test
  void bothLedgerSpellingsOccurAndCreationIsEverywhere() {
    long withZhang = textByPath.values().stream().filter(t -> t.contains("台账")).count();
    long withZhangOld = textByPath.values().stream().filter(t -> t.contains("台帐")).count();
    long withCreation = textByPath.values().stream().filter(t -> t.contains("创建")).count();
    assertTrue(withZhang >= 20, "台账 in " + withZhang + " documents");
    assertTrue(withZhangOld >= 10, "台帐 in " + withZhangOld + " documents");
    assertTrue(
        withCreation > textByPath.size() * 3 / 4,
        "创建 in " + withCreation + " of " + textByPath.size());
  }

  // ---- deliberate defects ----

  @Test
  void unfilledTemplateKeepsItsPlaceholders() {
    String text = textByPath.get(only("hxz-ltc/2025/活动记录/"));
    for (String placeholder : List.of("×××", "XX", "20xx年x月x日")) {
      assertTrue(text.contains(placeholder), placeholder);
    }
    long elsewhere =
        textByPath.entrySet().stream()
            .filter(
                e -> !e.getKey().startsWith("hxz-ltc/2025/活动记录/") && e.getValue().contains("×××"))
            .count();
    assertEquals(0, elsewhere, "no other document has placeholders");
  }

  @Test
  void gapsAreWhereTheReadmeSaysTheyAre() throws IOException {
    assertEquals(
        List.of("2025年第一季度创建工作会议记录", "2025年第二季度创建工作会议记录", "2025年第四季度创建工作会议记录"),
        names("qhx-wjj/2025/会议记录"));
    assertEquals(4, names("qhx-wjj/2024/会议记录").size());
    assertFalse(
        Files.exists(archive.resolve("hxz-zxxx/2025/年终总结")), "hxz-zxxx has no 2025 annual summary");
    assertTrue(Files.exists(archive.resolve("hxz-zxxx/2024/年终总结")));

    String withoutRecorder = textByPath.get("qhx-jyj/2024/会议记录/2024年第二季度创建工作会议记录.pdf");
    assertFalse(withoutRecorder.contains("记录人"), withoutRecorder);
    assertTrue(withoutRecorder.contains("主持人") && withoutRecorder.contains("2024年"));
    long recordsWithRecorder =
        textByPath.entrySet().stream()
            .filter(e -> e.getKey().contains("/会议记录/") && e.getValue().contains("记录人："))
            .count();
    long records = evidence.stream().filter(p -> p.contains("/会议记录/")).count();
    assertEquals(records - 1, recordsWithRecorder, "every other meeting record names its recorder");

    String readme = Files.readString(archive.resolve("README.md"));
    for (String expected :
        List.of(
            "qhx-wjj/2025/会议记录/",
            "hxz-zxxx/2025/年终总结/",
            "qhx-jyj/2024/会议记录/2024年第二季度创建工作会议记录.pdf",
            only("hxz-ltc/2025/活动记录/"),
            only("cg-yxsq/2025/年终总结/"),
            single("hxz/2025/工作简报", ".txt").toString().substring(archive.toString().length() + 1),
            only("cg-yxsq/2024/活动记录/"),
            single("hxz-xqc/2025/目标责任书", ".pdf")
                .toString()
                .substring(archive.toString().length() + 1))) {
      assertTrue(readme.contains(expected), "README lists " + expected);
    }
    for (Quirk quirk : Quirk.values()) {
      assertTrue(readme.contains(quirk.description()), "README describes " + quirk);
    }
  }

  @Test
  void copiedAnnualSummaryIsTheOnlyNearDuplicate() {
    String copyPath = only("cg-yxsq/2025/年终总结/");
    String sourcePath = only("cg-nhsq/2025/年终总结/");
    String copy = textByPath.get(copyPath);
    assertTrue(copy.contains("银杏社区") && copy.contains("南湖小区"), "renamed, with a leftover");
    double copied = similarity(copy, textByPath.get(sourcePath));
    assertTrue(copied > 0.9, "copy vs source " + copied);
    List<String> summaries = evidence.stream().filter(p -> p.contains("/年终总结/")).toList();
    for (int i = 0; i < summaries.size(); i++) {
      for (int j = i + 1; j < summaries.size(); j++) {
        String a = summaries.get(i);
        String b = summaries.get(j);
        if (Set.of(a, b).equals(Set.of(copyPath, sourcePath))) {
          continue;
        }
        double s = similarity(textByPath.get(a), textByPath.get(b));
        assertTrue(s < 0.75, a + " vs " + b + " too similar: " + s);
      }
    }
  }

  // ---- helpers ----

  /** Jaccard similarity of character bigrams, whitespace ignored. */
  private static double similarity(String a, String b) {
    Set<String> x = bigrams(a);
    Set<String> y = bigrams(b);
    Set<String> union = new HashSet<>(x);
    union.addAll(y);
    x.retainAll(y);
    return (double) x.size() / union.size();
  }

  private static Set<String> bigrams(String s) {
    String t = s.replaceAll("\\s+", "");
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 2 <= t.length(); i++) {
      grams.add(t.substring(i, i + 2));
    }
    return grams;
  }

  private String only(String folder) {
    List<String> inFolder = evidence.stream().filter(p -> p.startsWith(folder)).toList();
    assertEquals(1, inFolder.size(), folder + " holds one file: " + inFolder);
    return inFolder.get(0);
  }

  private Path single(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(archive.resolve(folder))) {
      List<Path> matches = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
      assertEquals(1, matches.size(), folder + ": " + matches);
      return matches.get(0);
    }
  }

  private List<String> names(String folder) throws IOException {
    try (Stream<Path> files = Files.list(archive.resolve(folder))) {
      return files
          .map(p -> p.getFileName().toString().replaceFirst("\\.[a-z]+$", ""))
          .sorted(
              Comparator.comparing(
                  n -> n.contains("第一") ? 1 : n.contains("第二") ? 2 : n.contains("第三") ? 3 : 4))
          .toList();
    }
  }

  private static List<String> configLines(String name) throws IOException {
    return Files.readAllLines(INDEX_CONFIG.resolve(name), StandardCharsets.UTF_8).stream()
        .map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private static List<String> evidenceFiles(Path root) throws IOException {
    return allFiles(root).stream().filter(p -> p.contains("/")).toList();
  }

  /** Every file below {@code root} as a sorted '/'-separated relative path. */
  private static List<String> allFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /**
   * Text of PDF, DOCX and TXT files (TXT read as UTF-8 unless it is the GB18030 one); null for
   * others.
   */
  private static String extractText(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".pdf")) {
      try (PDDocument doc = Loader.loadPDF(file.toFile())) {
        return new PDFTextStripper().getText(doc);
      }
    }
    if (name.endsWith(".docx")) {
      try (InputStream in = Files.newInputStream(file);
          XWPFDocument doc = new XWPFDocument(in);
          XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
        return extractor.getText();
      }
    }
    if (name.endsWith(".txt")) {
      byte[] bytes = Files.readAllBytes(file);
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        return new String(bytes, ArchiveFileWriter.GB18030);
      }
    }
    return null;
  }
}
