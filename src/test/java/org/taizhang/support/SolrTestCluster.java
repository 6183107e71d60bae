package org.taizhang.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The SolrCloud the tests of the Solr engine run against: two nodes and an embedded ZooKeeper in
 * the test JVM, started once, at the first test that asks, and stopped when the JVM exits. Each
 * application gets a collection of its own (two shards, so that scores must come out equal across
 * shards). Nothing is skipped: the cluster needs no external service.
 */
public final class SolrTestCluster {
  private static final AtomicInteger COLLECTIONS = new AtomicInteger();
  private static MiniSolrCloudCluster cluster;

  private SolrTestCluster() {}

  /** ZooKeeper's address with the cluster's chroot. */
  public static synchronized String zkHost() {
    if (cluster == null) {
      try {
        Path dir = Files.createTempDirectory("taizhang-solr");
        MiniSolrCloudCluster started = new MiniSolrCloudCluster.Builder(2, dir).build();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        started.shutdown();
                      } catch (Exception e) {
                        // the JVM is ending anyway
                      }
                    }));
        cluster = started;
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the test SolrCloud", e);
      }
    }
    return cluster.getZkServer().getZkAddress();
  }

  /** A client of the test cluster, for checking its collections and aliases. */
  public static synchronized org.apache.solr.client.solrj.impl.CloudSolrClient client() {
    zkHost();
    return cluster.getSolrClient();
  }

  /** A collection name no other application of this JVM uses. */
  public static String newCollection() {
    return "taizhang_test_" + COLLECTIONS.incrementAndGet();
  }

  /** Points the application at the test cluster, in a collection of its own. */
  public static void use(DynamicPropertyRegistry registry) {
    String collection = newCollection();
    registry.add("taizhang.search.engine", () -> "solr");
    registry.add("taizhang.search.solr.zk-host", SolrTestCluster::zkHost);
    registry.add("taizhang.search.solr.collection", () -> collection);
    registry.add("taizhang.search.solr.shards", () -> "2");
    registry.add("taizhang.search.solr.replicas", () -> "1");
  }
}
