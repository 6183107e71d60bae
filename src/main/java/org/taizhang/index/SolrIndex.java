package org.taizhang.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.UpdateResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.Aliases;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.ZkStateReader;
import org.apache.solr.common.params.CommonParams;
import org.apache.solr.common.params.CursorMarkParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.archive.Document;

/**
 * The search index in SolrCloud ({@code taizhang.search.engine=solr}), behind an alias: the
 * configured name ({@code taizhang.search.solr.collection}) is an alias of a collection {@code
 * <name>_<yyyyMMddHHmmss>}, and a {@linkplain #rebuild rebuild} fills a new collection and moves
 * the alias to it. At start the configset generated from index-config ({@link SolrConfigSet}) is
 * uploaded to ZooKeeper under the alias's name, and the first collection and the alias created if
 * missing (the collection reloaded when its configset changed). A plain collection with the alias's
 * name, made by an earlier version, is used as it is until its first rebuild.
 *
 * <p>Writes are visible to every reader within {@code commitWithin}, and no search waits for a
 * commit; like the embedded index, only a thread that has written makes its own writes visible
 * before it reads ({@link #awaitOwnWrites}), one soft commit for a burst of writes.
 */
public final class SolrIndex implements SearchIndex, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SolrIndex.class);
  private static final int ID_PAGE = 10_000;
  private static final String VERSION = "_version_";

  /** The collection property that names the analysis version of its documents. */
  private static final String ANALYSIS_PROPERTY = "taizhang.analysis";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final CloudSolrClient client;
  private final String name;
  private final int shards;
  private final int replicas;
  private final int commitWithinMs;
  private final WriteVisibility visibility =
      new WriteVisibility(() -> read((c, collection) -> c.commit(collection, true, true, true)));

  /**
   * Where reads and writes go: the alias, or for the moment a plain collection of the alias's name
   * gives way to the alias, the new collection by its own name.
   */
  private volatile String target;

  /** The collection a rebuild is filling, which live writes go to as well; null otherwise. */
  private volatile String building;

  /**
   * Held shared by every read and write, exclusively when they move to another collection: then
   * none is still running on a collection about to be deleted.
   */
  private final ReadWriteLock switching = new ReentrantReadWriteLock();

  private final ReentrantLock rebuilds = new ReentrantLock();

  /**
   * @param zkHost ZooKeeper's connection string, with an optional chroot ({@code zk:2181/solr})
   * @param name the alias searches and writes go to, and the name of the configset
   * @param shards shards of each collection created (at first start and at each rebuild)
   */
  public SolrIndex(
      String zkHost,
      String name,
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
    this.name = name;
    this.target = name;
    this.shards = shards;
    this.replicas = replicas;
    this.commitWithinMs = (int) Math.max(1, commitWithin.toMillis());
    try {
      install(configSet);
    } catch (IOException
        | SolrServerException
        | java.util.concurrent.TimeoutException
        | RuntimeException e) {
      closeQuietly();
      throw new IllegalStateException("无法在 Solr 中准备集合 " + name + "：" + e, e);
    } catch (InterruptedException e) {
      closeQuietly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while preparing the Solr collection", e);
    }
  }

  /**
   * Uploads the configset (named like the alias); creates the first collection and the alias, or
   * reloads the collection when the configset changed.
   */
  private void install(Map<String, byte[]> configSet)
      throws IOException,
          SolrServerException,
          InterruptedException,
          java.util.concurrent.TimeoutException {
    SolrZkClient zk = ZkStateReader.from(client).getZkClient();
    boolean changed = false;
    try {
      for (Map.Entry<String, byte[]> f : configSet.entrySet()) {
        String path = "/configs/" + name + "/" + f.getKey();
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
    String current = current();
    if (current == null) {
      moveAlias(createCollection());
    } else if (changed) {
      log.info("Solr 集合 {} 的配置已更新，重新加载", current);
      CollectionAdminRequest.reloadCollection(current).process(client);
    }
  }

  /**
   * The collection the alias points to, or the alias's name when a plain collection holds it, or
   * null when there is neither.
   */
  private String current() throws IOException, SolrServerException, InterruptedException {
    Aliases aliases = aliases();
    if (aliases.hasAlias(name)) {
      return aliases.resolveSimpleAlias(name);
    }
    return CollectionAdminRequest.listCollections(client).contains(name) ? name : null;
  }

  /**
   * A new collection {@code <name>_<yyyyMMddHHmmss>} from the configset, once all its replicas are
   * up.
   */
  private String createCollection()
      throws IOException,
          SolrServerException,
          InterruptedException,
          java.util.concurrent.TimeoutException {
    List<String> existing = CollectionAdminRequest.listCollections(client);
    LocalDateTime at = LocalDateTime.now();
    String collection = name + "_" + STAMP.format(at);
    while (existing.contains(collection)) {
      at = at.plusSeconds(1);
      collection = name + "_" + STAMP.format(at);
    }
    log.info("创建 Solr 集合 {}（{} 个分片，每片 {} 个副本）", collection, shards, replicas);
    CollectionAdminRequest.createCollection(collection, name, shards, replicas).process(client);
    stampAnalysis(collection);
    ZkStateReader reader = ZkStateReader.from(client);
    reader.waitForState(
        collection,
        60,
        TimeUnit.SECONDS,
        state ->
            state != null
                && state.getActiveSlices().size() == shards
                && state.getReplicas().stream()
                    .allMatch(r -> r.isActive(reader.getClusterState().getLiveNodes())));
    return collection;
  }

  /**
   * Points the alias at {@code collection} (one atomic change in ZooKeeper) and makes this client
   * resolve it so before returning.
   */
  private void moveAlias(String collection)
      throws IOException, SolrServerException, InterruptedException {
    CollectionAdminRequest.createAlias(name, collection).process(client);
    String resolved = aliases().resolveSimpleAlias(name);
    if (!collection.equals(resolved)) {
      throw new IllegalStateException(
          "Solr alias " + name + " resolves to " + resolved + ", not " + collection);
    }
    log.info("Solr 别名 {} 指向集合 {}", name, collection);
  }

  /** The aliases as ZooKeeper holds them now; the client resolves by them from now on. */
  private Aliases aliases() throws IOException, InterruptedException {
    ZkStateReader reader = ZkStateReader.from(client);
    try {
      reader.getAliasesManager().update();
    } catch (org.apache.zookeeper.KeeperException e) {
      throw new IOException(e);
    }
    return reader.getAliases();
  }

  private void deleteCollection(String collection) {
    try {
      CollectionAdminRequest.deleteCollection(collection).process(client);
      log.info("已删除 Solr 集合 {}", collection);
    } catch (IOException | SolrServerException | RuntimeException e) {
      log.warn("无法删除 Solr 集合 {}：{}", collection, e.toString());
    }
  }

  /** Runs {@code change} while no read or write is running. */
  private void exclusively(Runnable change) {
    Lock lock = switching.writeLock();
    lock.lock();
    try {
      change.run();
    } finally {
      lock.unlock();
    }
  }

  /** A read from the collection, with the client and the name to send it to. */
  @FunctionalInterface
  public interface SolrRead<T> {
    T run(SolrClient client, String collection) throws IOException, SolrServerException;
  }

  /**
   * Runs a read against the index: through the alias, so from the old collection until a rebuild
   * moves the alias, and never on a collection while it is being deleted.
   */
  public <T> T read(SolrRead<T> request) {
    Lock lock = switching.readLock();
    lock.lock();
    try {
      return call(() -> request.run(client, target));
    } finally {
      lock.unlock();
    }
  }

  /** The name reads and writes go to: the alias (see {@link #read} for running requests). */
  public String collection() {
    return name;
  }

  @Override
  public void onWriterReplaced(Runnable listener) {
    // Solr keeps acknowledged updates in its transaction log: nothing is lost to re-index.
  }

  @Override
  public void put(Document d, String text) {
    SolrInputDocument doc = solrDocument(d, text);
    write((collection, within) -> client.add(collection, doc, within));
  }

  private static SolrInputDocument solrDocument(Document d, String text) {
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
    return doc;
  }

  @Override
  public void delete(long id) {
    write((collection, within) -> client.deleteById(collection, Long.toString(id), within));
  }

  @Override
  public void deleteAll() {
    write(
        (collection, within) -> {
          UpdateResponse r = client.deleteByQuery(collection, "*:*", within);
          stampAnalysis(ZkStateReader.from(client).getAliases().resolveSimpleAlias(collection));
          return r;
        });
  }

  /**
   * Marks {@code collection} as written by this analysis (a collection property): called while it
   * is empty, so whatever it holds from then on is analysed so.
   */
  private void stampAnalysis(String collection) throws IOException, SolrServerException {
    CollectionAdminRequest.setCollectionProperty(
            collection, ANALYSIS_PROPERTY, ChineseAnalysis.VERSION)
        .process(client);
  }

  @Override
  public boolean analysisCurrent() {
    return read(
        (c, collection) -> {
          ZkStateReader zk = ZkStateReader.from(client);
          String resolved = zk.getAliases().resolveSimpleAlias(collection);
          if (ChineseAnalysis.VERSION.equals(
              zk.getCollectionProperties(resolved).get(ANALYSIS_PROPERTY))) {
            return true;
          }
          return c.query(collection, new SolrQuery("*:*").setRows(0)).getResults().getNumFound()
              == 0;
        });
  }

  /**
   * Fills a new collection from the same configset with {@code fill}, commits it, moves the alias
   * to it and deletes the old one. Searches answer from the old collection until the alias moves.
   *
   * <p>Writes that arrive meanwhile must not be lost, nor be overwritten by the fill's older copy
   * of the same document. So from the moment the new collection exists, every live write goes to
   * both the old (through the alias) and the new collection; and the fill only adds documents the
   * new collection lacks ({@code _version_=-1}: Solr's optimistic concurrency, conflicts skipped),
   * so a document the fill read before a live write replaced it keeps the live version. A document
   * deleted live after the fill read it can come back; {@link IndexMaintenance#rebuild} removes
   * those afterwards, as for the embedded index. Replaying the ids written during the rebuild would
   * need the database here and a second pass; writing twice costs only the live writes.
   */
  @Override
  public void rebuild(Consumer<Fill> fill) {
    rebuilds.lock();
    try {
      String old = current();
      String fresh = createCollection();
      building = fresh;
      try {
        fill.accept((d, text) -> fillPut(fresh, d, text));
        call(() -> client.commit(fresh, true, true));
      } catch (RuntimeException | Error e) {
        building = null;
        deleteCollection(fresh);
        throw e;
      }
      if (name.equals(old)) {
        // An alias cannot share a plain collection's name: reads and writes go to the new
        // collection by its own name while the plain one is deleted and the alias made.
        exclusively(
            () -> {
              target = fresh;
              building = null;
            });
        deleteCollection(old);
        moveAlias(fresh);
        exclusively(() -> target = name);
      } else {
        moveAlias(fresh);
        // Waits for reads and writes that resolved the alias to the old collection.
        exclusively(() -> building = null);
        if (old != null) {
          deleteCollection(old);
        }
      }
      // Live writes after the fill's commit went to the new collection without one.
      call(() -> client.commit(fresh, true, true, true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SolrServerException e) {
      throw new IllegalStateException("Solr: " + e.getMessage(), e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Solr: 新集合未能就绪：" + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rebuilding the Solr collection", e);
    } finally {
      rebuilds.unlock();
    }
  }

  /** Adds a document the rebuilt collection lacks; one a live write put there meanwhile stays. */
  private void fillPut(String collection, Document d, String text) {
    SolrInputDocument doc = solrDocument(d, text);
    doc.addField(VERSION, -1L);
    UpdateRequest add = new UpdateRequest();
    add.add(doc);
    add.setParam(CommonParams.FAIL_ON_VERSION_CONFLICTS, "false");
    call(() -> add.process(client, collection));
  }

  @Override
  public void commit() {
    read((c, collection) -> c.commit(collection, true, true, false));
  }

  @Override
  public void refresh() {
    awaitVisible();
  }

  @Override
  public void awaitOwnWrites() {
    visibility.own();
  }

  /** Makes this service's writes so far visible: a soft commit, unless one has covered them. */
  public void awaitVisible() {
    visibility.all();
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
      QueryResponse r = read((c, collection) -> c.query(collection, q));
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

  /** An update, to the collection given and visible there within the time given (-1: at commit). */
  @FunctionalInterface
  private interface Update {
    Object to(String collection, int commitWithin) throws IOException, SolrServerException;
  }

  /** A live write: to the index, and during a rebuild to the collection being filled as well. */
  private void write(Update update) {
    Lock lock = switching.readLock();
    lock.lock();
    try {
      String also = building;
      call(() -> update.to(target, commitWithinMs));
      if (also != null) {
        call(() -> update.to(also, -1));
      }
    } finally {
      lock.unlock();
    }
    visibility.written();
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
