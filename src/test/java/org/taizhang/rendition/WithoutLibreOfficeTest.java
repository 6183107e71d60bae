package org.taizhang.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.Basic;
import org.taizhang.support.CjkFont;
import org.taizhang.support.FreshDataDirectory;
import org.taizhang.support.Multipart;
import org.taizhang.support.OfdTestFiles;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server without LibreOffice (here: {@code office-home} pointing nowhere) starts and takes
 * uploads as ever; it says what it cannot convert, on the admin page too, and OFD is still drawn.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      "taizhang.admin.password=" + WithoutLibreOfficeTest.PASSWORD,
      // the point of the test: no LibreOffice where the setting says
      "taizhang.rendition.office-home=/nonexistent/libreoffice"
    })
@ContextConfiguration(initializers = FreshDataDirectory.class)
class WithoutLibreOfficeTest {
  static final String PASSWORD = "no-office-admin-pw";
  private static final String[] ADMIN = Basic.auth("admin", PASSWORD);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired Renditions renditions;
  @Autowired FolderImporter importer;
  @Autowired DocumentRepository documents;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theServiceStartsAndSaysWhatItCannotConvert() throws Exception {
    Converter c = renditions.converter();
    assertThat(c.available()).isFalse();
    assertThat(c.unavailableReason())
        .contains("/nonexistent/libreoffice", "LibreOffice", "迎检台账", "libreoffice-writer-nogui");

    TestUnits.load(importer, TestUnits.COUNTY);
    Document word = upload("会议记录.docx", TestFiles.docx("第一季度会议记录"));
    assertThat(renditions.state(word)).isEqualTo(RenditionState.UNAVAILABLE);
    assertThat(renditions.reason(word)).hasValue(c.unavailableReason());
    assertThat(renditions.pages(word)).isEmpty();
    assertThatThrownBy(() -> renditions.render(word))
        .isInstanceOfSatisfying(
            RenditionException.class, e -> assertThat(e.reason()).isEqualTo(c.unavailableReason()));
    assertThat(renditions.state(word))
        .as("nothing recorded against the document")
        .isEqualTo(RenditionState.UNAVAILABLE);

    assertThat(get("/admin/jobs")).contains(c.unavailableReason());

    CjkFont.assumeInstalled();
    Document ofd = upload("批复.ofd", OfdTestFiles.redHeadNotice());
    assertThat(renditions.state(ofd)).isIn(RenditionState.PENDING, RenditionState.READY);
    assertThat(renditions.render(ofd).pages()).isEqualTo(1);
  }

  private Document upload(String name, byte[] content) throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("unit", "xinghe")
            .file(name, content)
            .post(http, URI.create("http://localhost:" + port + "/api/documents"), ADMIN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return documents.find(JSON.readTree(r.body()).get("id").asLong()).orElseThrow();
  }

  private String get(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .headers(ADMIN)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .body();
  }
}
