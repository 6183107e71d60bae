package org.taizhang.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.extract.ParserPool;
import org.taizhang.support.Basic;
import org.taizhang.support.Multipart;
import org.taizhang.support.Slow;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;

/**
 * A file that makes Word's parser take seconds and hundreds of megabytes — a few megabytes of
 * ordinary-looking XML that the parser builds in memory whole — costs one rejection and one parser
 * process, never the service: uploads and imports after it work. Subclasses set the limit that
 * trips first.
 */
@Slow
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      "taizhang.admin.password=" + ParserIsolationTests.PASSWORD,
      // one file at a time: the heavy file is alone in its process when the limit trips
      "taizhang.extract.threads=1"
    })
abstract class ParserIsolationTests {
  static final String PASSWORD = "isolation-admin-password";
  private static final String[] ADMIN = Basic.auth("admin", PASSWORD);
  private static final int PARAGRAPHS = 300_000;

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired ParserPool parsers;
  @Autowired DocumentRepository documents;
  private final HttpClient http = HttpClient.newHttpClient();

  /** The rejection code the configured limit produces. */
  abstract String expectedReason();

  static Path newDataDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  @Test
  void aParserThatBlowsItsLimitCostsOneRejectionNotTheService() throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY);
    byte[] heavy = TestFiles.heavyDocx(PARAGRAPHS);
    long rows = documents.count();
    // The process starts with the first file; started now, every start counted below replaces a
    // lost one.
    parsers.awaitStarted(Duration.ofMinutes(2));
    ParserPool.Stats before = parsers.stats();
    assertThat(before.running()).isTrue();

    long start = System.nanoTime();
    HttpResponse<String> r =
        new Multipart()
            .field("unit", "edu")
            .file("总结.docx", heavy)
            .post(http, uri("/api/documents"), ADMIN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.body()).contains(expectedReason());
    System.out.printf(
        "%s after %d ms%n", expectedReason(), (System.nanoTime() - start) / 1_000_000);
    assertThat(documents.count()).isEqualTo(rows);

    HttpResponse<String> next =
        new Multipart()
            .field("unit", "edu")
            .file("简报.txt", TestFiles.utf8("隔离测试之后的正常简报"))
            .post(http, uri("/api/documents"), ADMIN);
    assertThat(next.statusCode()).as("the service carries on").isEqualTo(201);
    HttpResponse<String> found =
        http.send(
            HttpRequest.newBuilder(uri("/api/search?q=" + URLEncoder.encode("隔离测试", "UTF-8")))
                .headers(ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(found.body()).contains("\"total\":1");

    // The same file in a folder import: one rejected file, the rest imported.
    Path folder = Files.createTempDirectory("import");
    Path dir = Files.createDirectories(folder.resolve("edu/2025/年终总结"));
    Files.write(dir.resolve("年终总结（异常）.docx"), heavy);
    Files.write(dir.resolve("年终总结.docx"), TestFiles.docx("青禾县教育局2025年文明创建工作总结", "隔离测试导入"));
    ImportSummary s = importer.importFolder(folder, "test");
    assertThat(s.imported()).isEqualTo(1);
    assertThat(s.rejected())
        .singleElement()
        .satisfies(x -> assertThat(x.reason().name()).isEqualTo(expectedReason()));

    HttpResponse<String> last =
        new Multipart()
            .field("unit", "edu")
            .file("简报2.txt", TestFiles.utf8("导入之后的又一份简报"))
            .post(http, uri("/api/documents"), ADMIN);
    assertThat(last.statusCode()).isEqualTo(201);
    ParserPool.Stats after = parsers.stats();
    long tripped =
        expectedReason().equals("PARSE_TIMEOUT")
            ? after.timeouts() - before.timeouts()
            : after.outOfMemory() - before.outOfMemory();
    assertThat(tripped).as("two processes were lost, one per hostile file").isEqualTo(2);
    assertThat(after.started() - before.started()).as("each was replaced").isEqualTo(2);
    assertThat(after.crashes()).isEqualTo(before.crashes());
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(3));
  }
}
