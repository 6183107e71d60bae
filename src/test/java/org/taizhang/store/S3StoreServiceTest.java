package org.taizhang.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.support.Basic;
import org.taizhang.support.Multipart;
import org.taizhang.support.S3Server;
import org.taizhang.support.TestFiles;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with {@code taizhang.store=s3}: an upload lands in the bucket, is found, downloads
 * from the bucket when the local copy is gone, gets a thumbnail; with the bucket down an upload is
 * refused with a clear answer and leaves no row and no index entry.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      TestSettings.OWN_ARCHIVE,
      // OCR reads in the background and adds nothing the store must show; it would only cost time
      "taizhang.ocr.enabled=false",
      "taizhang.store.s3.prefix=county/",
      "taizhang.admin.password=" + S3StoreServiceTest.ADMIN_PASSWORD
    })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3StoreServiceTest {
  static final String ADMIN_PASSWORD = "s3-admin-password";
  static final String[] ADMIN = Basic.auth("admin", ADMIN_PASSWORD);
  private static final String BUCKET = "taizhang";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static S3Server server;

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired DocumentRepository documents;
  @Autowired FileStore store;
  @Autowired TaizhangProperties properties;

  final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void s3(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("taizhang-s3");
    server = S3Server.start(dir.resolve("server"));
    server.createBucket(BUCKET);
    server.settings(BUCKET).forEach((name, value) -> registry.add(name, () -> value));
    registry.add("taizhang.data-dir", () -> dir.resolve("data").toString());
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void units() throws IOException {
    TestUnits.load(importer, TestUnits.COUNTY);
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpResponse<String> upload(String fileName, byte[] content) throws Exception {
    return new Multipart()
        .field("unit", "edu")
        .file(fileName, content)
        .post(http, uri("/api/documents"), ADMIN);
  }

  <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).headers(ADMIN).build(), body);
  }

  long hits(String word) throws Exception {
    HttpResponse<String> r =
        get(
            "/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("total").asLong();
  }

  static boolean inBucket(String sha) {
    try (S3Client s3 = server.client()) {
      return s3.listObjectsV2(
                  r ->
                      r.bucket(BUCKET)
                          .prefix(
                              "county/originals/"
                                  + sha.substring(0, 2)
                                  + "/"
                                  + sha.substring(2, 4)
                                  + "/"
                                  + sha))
              .keyCount()
          > 0;
    }
  }

  @Test
  @Order(1)
  void anUploadIsInTheBucketFoundAndDownloadable() throws Exception {
    byte[] docx = TestFiles.docx("桶中材料", "议题：研究部署志愿服务星级评定");
    HttpResponse<String> r = upload("志愿服务会议.docx", docx);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode doc = JSON.readTree(r.body());
    String sha = doc.get("sha256").asString();
    assertThat(inBucket(sha)).isTrue();
    assertThat(hits("星级评定")).as("the text was read from the upload").isEqualTo(1);

    // the local copy gone, as on another node or after eviction: the download comes from the bucket
    Files.delete(store.path(sha));
    HttpResponse<byte[]> file =
        get(
            "/api/documents/" + doc.get("id").asLong() + "/file",
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(docx);
    assertThat(store.path(sha)).exists();
  }

  @Test
  @Order(2)
  void aPhotoInTheBucketGetsAThumbnail() throws Exception {
    HttpResponse<String> r =
        upload("志愿服务现场.jpg", TestFiles.jpeg(7, LocalDateTime.of(2025, 6, 1, 9, 30)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode doc = JSON.readTree(r.body());
    Files.deleteIfExists(store.path(doc.get("sha256").asString()));
    HttpResponse<byte[]> png =
        get(
            "/api/documents/" + doc.get("id").asLong() + "/thumbnail",
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  @Order(3)
  void withTheBucketDownAnUploadIsRefusedAndLeavesNothing() throws Exception {
    long before = documents.referencedHashes().size();
    server.close();
    HttpResponse<String> r = upload("停机期间的材料.docx", TestFiles.docx("停机期间的材料", "议题：对象存储停机演练"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.get("code").asString()).isEqualTo("STORE_UNAVAILABLE");
    assertThat(problem.get("detail").asString()).contains("文件未保存");
    assertThat(documents.referencedHashes()).hasSize((int) before);
    assertThat(hits("停机演练")).isZero();
    try (Stream<Path> staged = Files.list(properties.filesDir().resolve("staging"))) {
      assertThat(staged).isEmpty();
    }
  }
}
