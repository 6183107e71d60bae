package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.access.Scope;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.job.Job;
import org.taizhang.search.SearchRequest;
import org.taizhang.search.SearchService;
import org.taizhang.support.SolrTestCluster;
import org.taizhang.support.TestSettings;
import org.taizhang.support.TestUnits;

/**
 * A rebuild on Solr fills a new collection and moves the alias: searches meanwhile answer in full
 * from the old collection, and an upload made during the rebuild is in the new one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = TestSettings.OWN_ARCHIVE)
class SolrRebuildTest {
  private static final int DOCUMENTS = 24;

  @DynamicPropertySource
  static void solr(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("taizhang-solr-rebuild");
    registry.add("taizhang.data-dir", dir::toString);
    SolrTestCluster.use(registry);
  }

  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired SearchService search;
  @Autowired IndexMaintenance maintenance;
  @Autowired SolrIndex index;

  @Test
  void searchesAnswerInFullWhileTheRebuildFillsANewCollection() throws Exception {
    TestUnits.load(importer, TestUnits.COUNTY);
    for (int i = 1; i <= DOCUMENTS; i++) {
      upload("梧桐路第" + i + "次会议记录", "梧桐路社区第" + i + "次议事会，讨论绿化养护。");
    }
    assertThat(total("梧桐")).isEqualTo(DOCUMENTS);
    CloudSolrClient solr = SolrTestCluster.client();
    String alias = index.collection();
    String before = aliasTarget(solr, alias);
    assertThat(before).startsWith(alias + "_");

    AtomicBoolean rebuilding = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Long> totals = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    CompletableFuture<Void> searching =
        CompletableFuture.runAsync(
            () -> {
              while (rebuilding.get()) {
                try {
                  totals.add(total("梧桐"));
                } catch (Throwable e) {
                  errors.add(e);
                }
              }
            });
    CompletableFuture<IndexMaintenance.Outcome> rebuild =
        CompletableFuture.supplyAsync(() -> maintenance.rebuild(Job.untracked("重建索引")));
    // an upload while the rebuild runs, once its collection exists
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (collections(solr, alias).size() < 2 && !rebuild.isDone()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }
    boolean uploadedDuringRebuild = !rebuild.isDone();
    upload("银杏园补充说明", "银杏园小区补充材料，与议事会无关。");
    IndexMaintenance.Outcome outcome = rebuild.get(300, TimeUnit.SECONDS);
    rebuilding.set(false);
    searching.get(60, TimeUnit.SECONDS);

    assertThat(uploadedDuringRebuild).as("the upload came during the rebuild").isTrue();
    assertThat(outcome.indexed()).isBetween(DOCUMENTS, DOCUMENTS + 1);
    assertThat(errors).isEmpty();
    assertThat(totals).isNotEmpty().allMatch(t -> t == DOCUMENTS);
    String after = aliasTarget(solr, alias);
    assertThat(after).startsWith(alias + "_").isNotEqualTo(before);
    assertThat(collections(solr, alias)).containsExactly(after);
    assertThat(total("梧桐")).isEqualTo(DOCUMENTS);
    assertThat(total("银杏")).isEqualTo(1);
  }

  private void upload(String title, String text) throws Exception {
    LocalDate d = LocalDate.of(2025, 3, 1);
    ingest.ingest(
        new IngestRequest("xinghe", "meeting", d, title, d.getYear(), title + ".txt", "test"),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private long total(String q) {
    return search.search(new SearchRequest(q, null, null, null, null, 1, 10), Scope.ALL).total();
  }

  private static String aliasTarget(CloudSolrClient solr, String alias) throws Exception {
    return new CollectionAdminRequest.ListAliases().process(solr).getAliases().get(alias);
  }

  /** The cluster's collections of this alias (others belong to other tests' applications). */
  private static List<String> collections(CloudSolrClient solr, String alias) throws Exception {
    List<String> out = new ArrayList<>();
    for (String c : CollectionAdminRequest.listCollections(solr)) {
      if (c.startsWith(alias + "_")) {
        out.add(c);
      }
    }
    return out;
  }
}
