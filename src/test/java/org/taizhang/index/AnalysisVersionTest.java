package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.SolrTestCluster;
import org.taizhang.support.TestDocuments;

/**
 * An index tells whether its documents were analysed as this version analyses them: an empty one
 * is, one filled by an earlier version is not until it is rebuilt, and it stays so after a restart.
 * On both engines: the embedded index keeps the version in its commit data, a Solr collection as a
 * collection property.
 */
class AnalysisVersionTest {
  private final ChineseAnalysis analysis = new ChineseAnalysis(Path.of("index-config"));

  @Test
  void anEmbeddedIndexOfAnEarlierVersionIsOutdatedUntilRebuilt(@TempDir Path dir) throws Exception {
    try (DocumentIndex fresh =
        new DocumentIndex(dir.resolve("new"), analysis, Duration.ofSeconds(5))) {
      assertThat(fresh.analysisCurrent()).isTrue();
      fresh.put(TestDocuments.meetingRecord(1), "会议记录");
      fresh.commit();
    }
    try (DocumentIndex reopened =
        new DocumentIndex(dir.resolve("new"), analysis, Duration.ofSeconds(5))) {
      assertThat(reopened.analysisCurrent()).as("written by this version").isTrue();
    }

    // What an earlier version left: documents, and no version in the commit data.
    Path old = dir.resolve("old");
    try (IndexWriter w =
        new IndexWriter(FSDirectory.open(old), new IndexWriterConfig(new StandardAnalyzer()))) {
      org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
      d.add(new StringField(DocumentFields.ID, "1", Field.Store.YES));
      w.addDocument(d);
      w.commit();
    }
    try (DocumentIndex index = new DocumentIndex(old, analysis, Duration.ofSeconds(5))) {
      assertThat(index.analysisCurrent()).isFalse();
      index.rebuild(fill -> fill.put(TestDocuments.meetingRecord(1), "会议记录"));
      assertThat(index.analysisCurrent()).isTrue();
      index.commit();
    }
    try (DocumentIndex index = new DocumentIndex(old, analysis, Duration.ofSeconds(5))) {
      assertThat(index.analysisCurrent()).as("after a restart").isTrue();
    }
  }

  @Test
  void aSolrCollectionOfAnEarlierVersionIsOutdatedUntilRebuilt() throws Exception {
    String alias = SolrTestCluster.newCollection();
    try (SolrIndex index =
        new SolrIndex(
            SolrTestCluster.zkHost(),
            alias,
            1,
            1,
            Duration.ofSeconds(1),
            SolrConfigSet.files(analysis))) {
      assertThat(index.analysisCurrent()).isTrue();
      index.put(TestDocuments.meetingRecord(1), "会议记录");
      index.refresh();
      assertThat(index.analysisCurrent()).isTrue();

      // What an earlier version left: documents in a collection without the property.
      String collection = index.collection();
      String target =
          SolrTestCluster.client().getClusterStateProvider().resolveSimpleAlias(collection);
      CollectionAdminRequest.setCollectionProperty(target, "taizhang.analysis", null)
          .process(SolrTestCluster.client());
      awaitCurrent(index, false);

      index.rebuild(fill -> fill.put(TestDocuments.meetingRecord(1), "会议记录"));
      awaitCurrent(index, true);
    }
  }

  /** Collection properties reach the client through a ZooKeeper watch. */
  private static void awaitCurrent(SolrIndex index, boolean expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (index.analysisCurrent() != expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(index.analysisCurrent()).isEqualTo(expected);
  }
}
