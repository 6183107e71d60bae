package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.common.cloud.ZkStateReader;
import org.junit.jupiter.api.Test;
import org.taizhang.support.SolrTestCluster;
import org.taizhang.support.TestDocuments;

/**
 * An installation whose index is a plain collection with the alias's name (made before the alias)
 * goes on using it, and its first rebuild puts the alias in its place.
 */
class SolrPlainCollectionTest {
  @Test
  void theFirstRebuildReplacesThePlainCollectionWithTheAlias() throws Exception {
    String name = SolrTestCluster.newCollection();
    Map<String, byte[]> configSet =
        SolrConfigSet.files(new ChineseAnalysis(Path.of("index-config")));
    String zk = SolrTestCluster.zkHost();
    CloudSolrClient solr = SolrTestCluster.client();
    // the configset as the service uploads it, then a plain collection of the alias's name
    try (SolrIndex first = new SolrIndex(zk, name, 1, 1, Duration.ofSeconds(1), configSet)) {
      String made = aliases(solr).get(name);
      CollectionAdminRequest.deleteAlias(name).process(solr);
      CollectionAdminRequest.deleteCollection(made).process(solr);
    }
    CollectionAdminRequest.createCollection(name, name, 1, 1).process(solr);
    ZkStateReader reader = ZkStateReader.from(solr);
    reader.waitForState(
        name,
        60,
        TimeUnit.SECONDS,
        s ->
            s != null
                && s.getReplicas().stream()
                    .allMatch(r -> r.isActive(reader.getClusterState().getLiveNodes())));

    try (SolrIndex index = new SolrIndex(zk, name, 1, 1, Duration.ofSeconds(1), configSet)) {
      index.put(TestDocuments.meetingRecord(1), "旧集合里的文件");
      assertThat(index.ids()).containsExactly(1L);
      assertThat(aliases(solr)).doesNotContainKey(name);

      index.rebuild(
          fill -> {
            fill.put(TestDocuments.meetingRecord(1), "重建的文件");
            fill.put(TestDocuments.meetingRecord(2), "重建的文件");
          });

      String target = aliases(solr).get(name);
      assertThat(target).startsWith(name + "_");
      assertThat(CollectionAdminRequest.listCollections(solr))
          .contains(target)
          .doesNotContain(name);
      assertThat(index.ids()).isEqualTo(Set.of(1L, 2L));
      index.put(TestDocuments.meetingRecord(3), "重建后上传");
      assertThat(index.ids()).isEqualTo(Set.of(1L, 2L, 3L));
    }
  }

  private static Map<String, String> aliases(CloudSolrClient solr) throws Exception {
    return new CollectionAdminRequest.ListAliases().process(solr).getAliases();
  }
}
