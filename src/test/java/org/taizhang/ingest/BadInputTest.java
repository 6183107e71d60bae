package org.taizhang.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.extract.HeifImages;
import org.taizhang.index.DocumentIndex;
import org.taizhang.ingest.BadInputCorpus.Case;
import org.taizhang.support.Basic;
import org.taizhang.support.FreshDataDirectory;
import org.taizhang.support.Multipart;
import org.taizhang.support.OfdTestFiles;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestUnits;
import org.taizhang.thumbnail.Thumbnails;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every file of the bad-input corpus ({@code src/test/bad-input}, see its manifest) through
 * the HTTP upload and through the folder import of one running service, checks each outcome against
 * the manifest, and then that nothing was half-stored and the service still works.
 */
@ServiceTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputTest {
  static final String ADMIN_PASSWORD = ServiceTest.ADMIN_PASSWORD;
  private static final String[] ADMIN = Basic.auth("admin", ADMIN_PASSWORD);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Uploads and imports go to different units, so that the import is not answered with duplicates;
   * units of this test's own, so that what they hold is what this test put there.
   */
  private static final String UPLOAD_UNIT = "bad-upload";

  private static final String IMPORT_UNIT = "bad-import";

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired DocumentRepository documents;
  @Autowired DocumentIndex index;
  @Autowired TaizhangProperties properties;
  @Autowired Thumbnails thumbnails;

  private final HttpClient http = HttpClient.newHttpClient();
  private static List<Case> cases;

  @BeforeAll
  static void readManifest() throws IOException {
    cases = BadInputCorpus.read(BadInputCorpus.DIR);
  }

  @BeforeEach
  void units() throws IOException {
    TestUnits.load(
        importer,
        TestUnits.COUNTY
            + UPLOAD_UNIT
            + ",坏文件上传局,文明单位,county\n"
            + IMPORT_UNIT
            + ",坏文件导入社区,文明社区,county\n");
  }

  @Test
  @Order(0)
  void manifestListsEveryFileOfTheCorpusAndOnlyThose() throws IOException {
    Path dir = BadInputCorpus.DIR.toAbsolutePath();
    Set<Path> onDisk;
    try (Stream<Path> s = Files.list(dir)) {
      onDisk =
          s.filter(
                  p ->
                      !Set.of("README.md", BadInputCorpus.MANIFEST, ".gitattributes")
                          .contains(p.getFileName().toString()))
              .collect(Collectors.toSet());
    }
    assertThat(cases.stream().map(c -> c.path(dir)).collect(Collectors.toSet())).isEqualTo(onDisk);
    long bytes = 0;
    for (Case c : cases) {
      assertThat(c.expected())
          .isIn(
              Stream.concat(
                      Stream.of(Rejection.values()).map(Rejection::name),
                      Stream.of(BadInputCorpus.ACCEPTED))
                  .toList());
      if (!c.uploaded()) {
        assertThat(Files.isSymbolicLink(c.path(dir)))
            .as("%s should be a symbolic link (a checkout with core.symlinks=false?)", c.file())
            .isTrue();
      }
      bytes +=
          Files.readAttributes(c.path(dir), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
              .size();
    }
    assertThat(bytes).as("the corpus stays small").isLessThan(1024 * 1024);
  }

  @Test
  @Order(1)
  void everyUploadHasTheOutcomeTheManifestSays() throws Exception {
    SoftAssertions soft = new SoftAssertions();
    for (Case c : cases) {
      if (!c.uploaded()) {
        continue;
      }
      byte[] content = Files.readAllBytes(c.path(BadInputCorpus.DIR));
      State before = state();
      HttpResponse<String> r =
          new Multipart()
              .field("unit", UPLOAD_UNIT)
              .file(c.uploadNameBytes(), content)
              .post(http, uri("/api/documents"), ADMIN);
      if (c.expected().equals(BadInputCorpus.ACCEPTED)) {
        soft.assertThat(r.statusCode()).as("%s: %s", c.file(), r.body()).isEqualTo(201);
        if (r.statusCode() == 201) {
          JsonNode body = JSON.readTree(r.body());
          Document d = documents.find(body.get("id").asLong()).orElseThrow();
          soft.assertThat(body.get("fileName").asString()).isEqualTo(d.fileName());
          checkAccepted(soft, c, d, true);
        }
      } else {
        Rejection expected = Rejection.valueOf(c.expected());
        soft.assertThat(r.statusCode())
            .as("%s: %s", c.file(), r.body())
            .isEqualTo(expected.status());
        JsonNode body = JSON.readTree(r.body());
        soft.assertThat(body.path("code").asString())
            .as("%s: %s", c.file(), r.body())
            .isEqualTo(expected.name());
        soft.assertThat(body.path("detail").asString()).as(c.file()).isNotBlank();
        if (c.file().startsWith("truncated") && c.file().endsWith(".pdf")) {
          soft.assertThat(body.path("detail").asString()).as(c.file()).contains("文件不完整");
        }
        soft.assertThat(state()).as("%s left something behind", c.file()).isEqualTo(before);
      }
    }
    soft.assertAll();
  }

  @Test
  @Order(2)
  void everyImportedFileHasTheOutcomeTheManifestSays() throws Exception {
    Path root = Files.createTempDirectory("taizhang-bad-input-import");
    Path unitDir = Files.createDirectories(root.resolve(IMPORT_UNIT));
    for (Case c : cases) {
      Path from = c.path(BadInputCorpus.DIR);
      Path to = BadInputCorpus.resolve(unitDir, c.file());
      if (Files.isSymbolicLink(from)) {
        Files.createSymbolicLink(to, Files.readSymbolicLink(from));
      } else {
        Files.copy(from, to);
      }
    }
    Set<Path> folderBefore = listing(root);

    ImportSummary summary = importer.importFolder(root, "坏文件测试");

    Map<Path, Rejection> expected = new HashMap<>();
    for (Case c : cases) {
      if (!c.expected().equals(BadInputCorpus.ACCEPTED)) {
        expected.put(
            root.relativize(BadInputCorpus.resolve(unitDir, c.file())),
            Rejection.valueOf(c.expected()));
      }
    }
    Map<Path, Rejection> actual =
        summary.rejected().stream()
            .collect(
                // A bundle's members are listed one by one; in this corpus they share a reason.
                Collectors.toMap(
                    ImportSummary.Rejected::file, ImportSummary.Rejected::reason, (a, b) -> a));
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(actual).as("rejected on import").isEqualTo(expected);
    soft.assertThat(summary.rejected()).allSatisfy(r -> assertThat(r.message()).isNotBlank());
    soft.assertThat(summary.rejected())
        .filteredOn(r -> r.file().getFileName().toString().matches("truncated.*\\.pdf"))
        .hasSize(5)
        .allSatisfy(r -> assertThat(r.message()).contains("文件不完整"));
    soft.assertThat(summary.imported()).as("imported").isEqualTo(accepted());
    soft.assertThat(summary.duplicates()).as("duplicates").isZero();
    soft.assertThat(summary.imported() + summary.duplicates() + actual.size())
        .as("every entry accounted for")
        .isEqualTo(cases.size());
    for (Case c : cases) {
      if (c.expected().equals(BadInputCorpus.ACCEPTED)) {
        String sha = sha256(Files.readAllBytes(c.path(BadInputCorpus.DIR)));
        documents
            .findByUnitAndSha(IMPORT_UNIT, sha)
            .ifPresentOrElse(
                d -> checkAccepted(soft, c, d, false),
                () -> soft.fail("%s was not imported", c.file()));
      }
    }
    soft.assertThat(listing(root))
        .as("the import folder is left as it was")
        .isEqualTo(folderBefore);
    soft.assertAll();
  }

  @Test
  @Order(3)
  void nothingIsHalfStoredAndTheServiceStillWorks() throws Exception {
    index.refresh();
    State after = state();
    assertThat(documents.findByUnit(UPLOAD_UNIT).size() + documents.findByUnit(IMPORT_UNIT).size())
        .as("one row per accepted upload and import")
        .isEqualTo(2L * accepted());
    assertThat(after.objects())
        .as("the file store holds exactly what the rows reference")
        .isEqualTo(documents.referencedHashes());
    assertThat(after.staging()).as("files/staging").isEmpty();
    assertThat(after.indexed()).as("index ids").isEqualTo(documents.ids());
    Path sandbox = sandbox();
    try (Stream<Path> s = Files.walk(sandbox)) {
      assertThat(s.filter(p -> p.getFileName().toString().equals("x")).toList())
          .as("../../x was never a path")
          .isEmpty();
    }
    try (Stream<Path> s = Files.list(sandbox)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("a");
    }
    try (Stream<Path> s = Files.walk(sandbox)) {
      assertThat(s.filter(p -> p.getFileName().toString().contains("zip-slip")).toList())
          .as("no member of zip-slip.zip was written under its own name")
          .isEmpty();
    }
    assertThat(Path.of("/tmp/zip-slip-escaped.txt")).doesNotExist();
    try (Stream<Path> s = Files.list(properties.parseTempDir())) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("unpack-")).toList())
          .as("every bundle's scratch directory is removed")
          .isEmpty();
    }

    HttpResponse<String> ok =
        new Multipart()
            .field("unit", UPLOAD_UNIT)
            .file("坏文件之后的正常简报.txt", TestFiles.utf8("坏文件测试之后：教育局开展垃圾分类宣传周活动，台账齐全。"))
            .post(http, uri("/api/documents"), ADMIN);
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    HttpResponse<String> found =
        http.send(
            HttpRequest.newBuilder(
                    uri("/api/search?q=" + URLEncoder.encode("垃圾分类宣传周", StandardCharsets.UTF_8)))
                .headers(ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    assertThat(found.body()).contains("坏文件之后的正常简报");
  }

  /**
   * What must hold for every stored file, and what the manifest's case says about this one in
   * particular.
   */
  private void checkAccepted(SoftAssertions soft, Case c, Document d, boolean uploaded) {
    String name = d.fileName();
    soft.assertThat(name)
        .as("%s: stored name", c.file())
        .isNotBlank()
        .doesNotContain("/", "\\", "\uFFFD")
        .doesNotContainPattern("\\p{Cntrl}");
    soft.assertThat(name.codePointCount(0, name.length()))
        .as("%s: stored name %s", c.file(), name)
        .isLessThanOrEqualTo(200);
    String text = documents.text(d.id()).orElse("");
    switch (c.file()) {
      case "pdf-named-as.docx" ->
          soft.assertThat(d.mediaType())
              .as("the content decides, not the extension")
              .isEqualTo("application/pdf");
      case "dot-dot-x.txt" -> soft.assertThat(name).isEqualTo(uploaded ? "x" : "dot-dot-x.txt");
      case "gb18030-text.txt" -> soft.assertThat(text).contains("道德讲堂活动记录").contains("孤寡老人");
      case "big5-text.txt" -> soft.assertThat(text).isEqualTo(BadInputCorpus.BIG5_TEXT);
      case "utf16le-no-bom.txt", "utf16be-bom.txt" ->
          soft.assertThat(text).isEqualTo(BadInputCorpus.UTF16_TEXT);
      case "红头文件.ofd" -> {
        soft.assertThat(d.mediaType()).isEqualTo("application/ofd");
        soft.assertThat(d.pageCount()).isEqualTo(1);
        soft.assertThat(text.lines()).contains(OfdTestFiles.DOCUMENT_NUMBER);
        soft.assertThat(thumbnails.thumbnail(d)).as("OFD first-page preview").isPresent();
      }
      case "iphone-photo.heic" -> {
        soft.assertThat(d.mediaType()).isEqualTo("image/heic");
        soft.assertThat(d.metadata().takenAt()).hasToString("2025-03-05T09:30");
        soft.assertThat(d.metadata().camera()).isEqualTo("Apple iPhone 13");
        if (HeifImages.available() || "true".equals(System.getenv("CI"))) {
          soft.assertThat(thumbnails.thumbnail(d)).as("HEIC preview").isPresent();
        }
      }
      case "kingsoft.et" -> {
        soft.assertThat(d.mediaType()).isEqualTo("application/vnd.ms-excel");
        soft.assertThat(text).contains("金山表格志愿者签到表");
      }
      case "nested-30-levels.docx" -> {
        soft.assertThat(text)
            .contains("第 1 层嵌入文档")
            .contains("第 " + BadInputCorpus.TIKA_EMBEDDED_DEPTH + " 层嵌入文档")
            .doesNotContain("第 " + (BadInputCorpus.TIKA_EMBEDDED_DEPTH + 1) + " 层嵌入文档")
            .doesNotContain("第 " + BadInputCorpus.NESTED_DOCX_LEVELS + " 层嵌入文档");
        soft.assertThat(text.length())
            .as("text of the nested document is bounded")
            .isLessThan(2000);
      }
      case "long-upload-name.pdf" -> {
        if (uploaded) {
          soft.assertThat(name)
              .startsWith("文明创建志愿服务活动记录")
              .endsWith(".pdf")
              .hasSizeLessThan(BadInputCorpus.LONG_UPLOAD_NAME.length());
        } else {
          soft.assertThat(name).isEqualTo(c.file());
        }
      }
      default -> {
        if (c.file().equals(BadInputCorpus.LONG_DISK_NAME)) {
          soft.assertThat(name)
              .startsWith("志愿服务活动记录-aaa")
              .endsWith(".txt")
              .hasSizeLessThan(c.file().length());
        } else if (c.file().startsWith(BadInputCorpus.HEX)) {
          // The GB18030 bytes are not UTF-8 and cannot be recovered; what is left must still be a
          // usable name.
          soft.assertThat(name).startsWith("2025").endsWith(".txt");
          soft.assertThat(text).contains("组织志愿者清扫社区公共区域");
        } else {
          soft.assertThat(name).isEqualTo(c.file());
        }
      }
    }
  }

  /**
   * The folder that holds nothing but the data directory, two levels down ({@link
   * FreshDataDirectory}), so that a name such as ../../x, were it ever used as a path from the
   * data, files or staging directory, would land in here and be seen.
   */
  private Path sandbox() {
    return properties.dataDir().toAbsolutePath().getParent().getParent().getParent();
  }

  private static long accepted() {
    return cases.stream().filter(c -> c.expected().equals(BadInputCorpus.ACCEPTED)).count();
  }

  /** What a file can leave behind: rows, stored objects, staged parts and index entries. */
  private record State(long rows, Set<String> objects, List<Path> staging, Set<Long> indexed) {}

  private State state() throws IOException {
    Path files = properties.filesDir();
    Set<String> objects;
    try (Stream<Path> s = Files.walk(files.resolve("objects"))) {
      objects =
          s.filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toSet());
    }
    List<Path> staging;
    try (Stream<Path> s = Files.list(files.resolve("staging"))) {
      staging = s.toList();
    }
    return new State(documents.count(), objects, staging, new HashSet<>(index.ids()));
  }

  private static Set<Path> listing(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.collect(Collectors.toSet());
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
