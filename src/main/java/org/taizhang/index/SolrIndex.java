package org.taizhang.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.params.CursorMarkParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.archive.Document;

/**
 * The search index as a SolrCloud collection ({@code taizhang.search.engine=solr}). At start the
 * configset generated from index-config ({@link SolrConfigSet}) is uploaded to ZooKeeper and the
 * collection created if missing (reloaded when its configset changed).
 *
 * <p>Writes are visible to every reader within {@code commitWithin}; like the embedded index, a
 * read from this service that follows its own writes first makes them visible ({@link
 * #awaitVisible}), one soft commit for a burst of writes. During a {@linkplain #rebuild rebuild}
 * writes are not committed until the end, so searches go on seeing the index as it was.
 */
public final class SolrIndex implements SearchIndex, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SolrIndex.class);
  private static final int ID_PAGE = 10_000;

  private final CloudSolrClient client;
  private final String collection;
  private final int commitWithinMs;
  private final AtomicLong writes = new AtomicLong();
  private volatile long refreshedWrites;
  private volatile boolean rebuilding;
  private final ReentrantLock refreshing = new ReentrantLock();

  /**
   * @param zkHost ZooKeeper's connection string, with an optional chroot ({@code zk:2181/solr})
   */
  public SolrIndex(
      String zkHost,
      String collection,
      int shards,
      int replicas,
      Duration commitWithin,
      Map<String, byte[]> configSet) {
    if (zkHost == null || zkHost.isBlank()) {
      throw new IllegalStateException(
          "taizhang.search.solr.zk-host 未设置：使用 Solr 时必须给出 ZooKeeper 地址");
    }
    int slash = zkHost.indexOf('/');
    List<String> hosts =
        Arrays.asList((slash < 0 ? zkHost : zkHost.substring(0, slash)).strip().split(","));
    Optional<String> chroot =
        slash < 0 ? Optional.empty() : Optional.of(zkHost.substring(slash).strip());
    this.client = new CloudSolrClient.Builder(hosts, chroot).build();
    this.collection = collection;
    this.commitWithinMs = (int) Math.max(1, commitWithin.toMillis());
    try {
      install(configSet, shards, replicas);
    } catch (IOException
        | SolrServerException
        | java.util.concurrent.TimeoutException
        | RuntimeException e) {
      closeQuietly();
      throw new IllegalStateException("无法在 Solr 中准备集合 " + collection + "：" + e, e);
    } catch (InterruptedException e) {
      closeQuietly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the Solr collection", e);
    }
    client.setDefaultCollection(collection);
  }

  /**
   * Uploads the configset (named like the collection) and creates the collection, or reloads it
   * when the configset changed.
   */
  private void install(Map<String, byte[]> configSet, int shards, int replicas)
      throws IOException,
          SolrServerException,
          InterruptedException,
          java.util.concurrent.TimeoutException {
    SolrZkClient zk = ZkStateReader.from(client).getZkClient();
    boolean changed = false;
    try {
      for (Map.Entry<String, byte[]> f : configSet.entrySet()) {
        String path = "/configs/" + collection + "/" + f.getKey();
        if (zk.exists(path, true)) {
          if (!Arrays.equals(zk.getData(path, null, null, true), f.getValue())) {
            zk.setData(path, f.getValue(), -1, true);
            changed = true;
          }
        } else {
          zk.makePath(path, f.getValue(), false, true);
          changed = true;
        }
      }
    } catch (org.apache.zookeeper.KeeperException e) {
      throw new IOException(e);
    }
    List<String> existing = CollectionAdminRequest.listCollections(client);
    if (!existing.contains(collection)) {
      log.info("创建 Solr 集合 {}（{} 个分片，每片 {} 个副本）", collection, shards, replicas);
      CollectionAdminRequest.createCollection(collection, collection, shards, replicas)
          .process(client);
      ZkStateReader.from(client)
          .waitForState(
              collection,
              60,
              TimeUnit.SECONDS,
              state ->
                  state != null
                      && state.getActiveSlices().size() == shards
                      && state.getReplicas().stream()
                          .allMatch(
                              r ->
                                  r.isActive(
                                      ZkStateReader.from(client)
                                          .getClusterState()
                                          .getLiveNodes())));
    } else if (changed) {
      log.info("Solr 集合 {} 的配置已更新，重新加载", collection);
      CollectionAdminRequest.reloadCollection(collection).process(client);
    }
  }

  /** The client, for the search side; requests go to {@link #collection()}. */
  public SolrClient client() {
    return client;
  }

  public String collection() {
    return collection;
  }

  @Override
  public void onWriterReplaced(Runnable listener) {
    // Solr keeps acknowledged updates in its transaction log: nothing is lost to re-index.
  }

  @Override
  public void put(Document d, String text) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(DocumentFields.ID, Long.toString(d.id()));
    doc.addField(SolrConfigSet.ID_SORT, d.id());
    doc.addField(DocumentFields.UNIT, d.unitCode());
    doc.addField(
        DocumentFields.CATEGORY, d.category() == null ? DocumentIndex.NO_CATEGORY : d.category());
    doc.addField(DocumentFields.YEAR, d.year());
    doc.addField(DocumentFields.FILE_TYPE, d.fileType());
    if (d.date() != null) {
      doc.addField(DocumentFields.DATE, d.date().toEpochDay());
    }
    doc.addField(
        DocumentFields.DATE_SORT, d.date() == null ? Long.MIN_VALUE : d.date().toEpochDay());
    doc.addField(DocumentFields.TITLE, d.title());
    doc.addField(DocumentFields.TEXT, text == null ? "" : text);
    write(() -> client.add(doc, commitWithin()));
  }

  @Override
  public void delete(long id) {
    write(() -> client.deleteById(Long.toString(id), commitWithin()));
  }

  @Override
  public void deleteAll() {
    write(() -> client.deleteByQuery("*:*", commitWithin()));
  }

  /** No commit within a time while rebuilding: readers keep the index as it was until the end. */
  private int commitWithin() {
    return rebuilding ? -1 : commitWithinMs;
  }

  @Override
  public void rebuild(Runnable fill) {
    rebuilding = true;
    try {
      deleteAll();
      fill.run();
    } finally {
      rebuilding = false;
    }
    refresh();
  }

  @Override
  public void commit() {
    call(() -> client.commit(true, true, false));
  }

  @Override
  public void refresh() {
    awaitVisible();
  }

  /** Makes this service's writes so far visible: a soft commit, unless one has covered them. */
  public void awaitVisible() {
    long target = writes.get();
    if (refreshedWrites >= target || rebuilding) {
      return;
    }
    refreshing.lock();
    try {
      if (refreshedWrites >= target) {
        return;
      }
      long covered = writes.get();
      call(() -> client.commit(true, true, true));
      refreshedWrites = covered;
    } finally {
      refreshing.unlock();
    }
  }

  @Override
  public Set<Long> ids() {
    awaitVisible();
    Set<Long> ids = new HashSet<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (true) {
      SolrQuery q = new SolrQuery("*:*");
      q.setFields(DocumentFields.ID);
      q.setRows(ID_PAGE);
      q.setSort(DocumentFields.ID, SolrQuery.ORDER.asc);
      q.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse r = call(() -> client.query(q));
      for (SolrDocument d : r.getResults()) {
        ids.add(Long.parseLong((String) d.getFirstValue(DocumentFields.ID)));
      }
      String next = r.getNextCursorMark();
      if (next == null || next.equals(cursor)) {
        return ids;
      }
      cursor = next;
    }
  }

  /** A request to Solr. */
  @FunctionalInterface
  public interface SolrCall<T> {
    T run() throws IOException, SolrServerException;
  }

  private void write(SolrCall<?> update) {
    call(update);
    writes.incrementAndGet();
  }

  /** Runs a request, turning Solr's checked exceptions into unchecked ones. */
  public static <T> T call(SolrCall<T> request) {
    try {
      return request.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SolrServerException e) {
      throw new IllegalStateException("Solr: " + e.getMessage(), e);
    }
  }

  private void closeQuietly() {
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      log.debug("closing the Solr client: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
