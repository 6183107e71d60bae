package org.taizhang.web;

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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.access.Caller;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditEvent;
import org.taizhang.audit.AuditLog;
import org.taizhang.audit.AuditQuery;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.ImportSummary;
import org.taizhang.job.Job;
import org.taizhang.review.ReviewService;
import org.taizhang.support.Basic;
import org.taizhang.support.ServiceTest;
import org.taizhang.support.TestFiles;

/**
 * A historical archive imported as already accepted: what the import adds is 已通过, each document
 * through the reviewers' own decision and audited as taken on import, and it stays out of the to-do
 * list; files already in the archive keep their state. From the administrators' jobs page too.
 */
@ServiceTest
class ImportAsAcceptedTest {
  static final String PASSWORD = ServiceTest.ADMIN_PASSWORD;

  @LocalServerPort int port;
  @Autowired FolderImporter importer;
  @Autowired DocumentRepository documents;
  @Autowired AuditLog audit;
  @Autowired ReviewService reviews;

  private static Path archive(String name, String unit, String... files) throws IOException {
    Path root = Files.createTempDirectory(name);
    Files.writeString(
        root.resolve("units.csv"),
        "code,name,type,parent\ncounty,青禾县文明办,创建办,\n" + unit + ",青禾县" + unit + "局,文明单位,county\n",
        StandardCharsets.UTF_8);
    Path dir = Files.createDirectories(root.resolve(unit).resolve("2023").resolve("会议记录"));
    for (String f : files) {
      Files.write(
          dir.resolve(f + ".docx"),
          TestFiles.docx(f, "时间：2023年3月10日", "内容：" + f + System.nanoTime()));
    }
    return root;
  }

  @Test
  void newDocumentsAreAcceptedOneByOneAndAuditedAsSuch() throws Exception {
    Path earlier = archive("earlier", "old", "已在库中的会议记录");
    ImportSummary first = importer.importFolder(earlier, "test");
    Document already = documents.findByUnit("old").get(0);
    assertThat(already.review().status()).isEqualTo(ReviewStatus.SUBMITTED);
    // the historical archive holds the same file again and two new ones
    Path history = archive("history", "old", "第一季度会议记录", "第二季度会议记录");
    Files.copy(
        earlier.resolve("old/2023/会议记录/已在库中的会议记录.docx"),
        history.resolve("old/2023/会议记录/已在库中的会议记录.docx"));

    ImportSummary s = importer.importFolder(history, "county-admin", Job.untracked("导入"), true);
    assertThat(first.imported()).isEqualTo(1);
    assertThat(s.imported()).isEqualTo(2);
    assertThat(s.duplicates()).isEqualTo(1);
    assertThat(s.accepted()).isEqualTo(2);
    assertThat(s.outcome()).contains("新增 2（2 份作为历史档案直接通过）");

    List<Document> all = documents.findByUnit("old");
    assertThat(all).hasSize(3);
    for (Document d : all) {
      if (d.id() == already.id()) {
        assertThat(d.review().status())
            .as("a duplicate keeps its state")
            .isEqualTo(ReviewStatus.SUBMITTED);
        continue;
      }
      assertThat(d.review().status()).isEqualTo(ReviewStatus.ACCEPTED);
      assertThat(d.review().by()).isEqualTo("county-admin");
      List<AuditEvent> events =
          audit.find(
              new AuditQuery(
                  "county-admin", AuditAction.ACCEPT, null, null, "材料 " + d.id() + "《", 1, 10));
      assertThat(events).hasSize(1);
      assertThat(events.get(0).detail()).isEqualTo("导入时作为历史档案直接通过：目录 " + history);
    }
    // the to-do list shows only the one that still waits
    var awaiting =
        reviews.todo(
            Caller.system("test"),
            ReviewService.TodoList.AWAITING,
            new ReviewService.TodoFilter(Set.of("old"), null, null, false, false),
            1,
            100);
    assertThat(awaiting.documents()).extracting(Document::id).containsExactly(already.id());
  }

  @Test
  void theJobsPageOffersTheSameAndAuditsTheImportAsHistorical() throws Exception {
    Path history = archive("history-page", "page", "第三季度会议记录");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/jobs/import"))
                .headers(Basic.auth("admin", PASSWORD))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "dir="
                            + URLEncoder.encode(history.toString(), StandardCharsets.UTF_8)
                            + "&accepted=true"))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(302);
    // The import runs as a background job: wait for its audit record, which is written when it
    // ends.
    List<AuditEvent> imports = List.of();
    for (int i = 0; i < 600 && imports.isEmpty(); i++) {
      imports =
          audit.find(
              new AuditQuery("admin", AuditAction.IMPORT, null, null, history.toString(), 1, 10));
      if (imports.isEmpty()) {
        Thread.sleep(100);
      }
    }
    assertThat(imports).hasSize(1);
    assertThat(imports.get(0).detail())
        .startsWith("作为历史档案导入，新增材料直接通过；")
        .contains("新增 1（1 份作为历史档案直接通过）");
    assertThat(documents.findByUnit("page"))
        .singleElement()
        .satisfies(d -> assertThat(d.review().status()).isEqualTo(ReviewStatus.ACCEPTED));

    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/jobs"))
                .headers(Basic.auth("admin", PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(page.body()).contains("id=\"import-accepted\"", "作为历史档案导入");
  }
}
