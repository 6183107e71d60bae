package org.taizhang.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.taizhang.support.Postgres;

/**
 * Nodes over one PostgreSQL schema as the service runs them, heartbeats driven by the test: each
 * claim is won by one node, a killed node's claims and registration lapse with its heartbeat, and a
 * node beside an embedded index is refused.
 */
class LeasesPostgresTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private String schema;
  private JdbcClient jdbc;
  private final List<NodeRegistry> started = new ArrayList<>();

  @BeforeEach
  void freshSchema() {
    Postgres.requireOrSkip();
    schema = "tz_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource ds =
        new DriverManagerDataSource(Postgres.URL + "?currentSchema=" + schema, "postgres", "");
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .schemas(schema)
        .createSchemas(true)
        .load()
        .migrate();
    jdbc = JdbcClient.create(ds);
  }

  @AfterEach
  void dropSchema() {
    started.forEach(NodeRegistry::destroy);
    if (jdbc != null) {
      jdbc.sql("drop schema if exists " + schema + " cascade").update();
    }
  }

  /** A serving node that beats only when the test says so. */
  private NodeRegistry node(String name, String engine) {
    NodeRegistry n =
        new NodeRegistry(
            jdbc,
            new NodeSettings(name, Duration.ofHours(1), TIMEOUT),
            name,
            engine,
            "local",
            true);
    n.afterPropertiesSet();
    started.add(n);
    return n;
  }

  @Test
  void aChangeCommittedAfterALaterOneIsStillReadOnce() {
    NodeRegistry nodeA = node("node-a", "solr");
    NodeRegistry nodeB = node("node-b", "solr");
    ChangeFeed feed = new ChangeFeed(jdbc, nodeA);
    ChangeFeed.Cursor cursor = feed.cursor();
    ChangeFeed fromB = new ChangeFeed(jdbc, nodeB);
    fromB.publish("document", "1");
    feed.publish("document", "own");
    // an id taken by a transaction that commits later: the next id becomes visible first
    long held = jdbc.sql("select max(id) from change_feed").query(Long.class).single() + 50;
    jdbc.sql(
            "insert into change_feed(id, node, topic, ref, created_at) values (?, 'node-b',"
                + " 'document', '3', now())")
        .param(held + 1)
        .update();
    assertThat(cursor.next()).extracting(ChangeFeed.Change::ref).containsExactly("1", "3");
    jdbc.sql(
            "insert into change_feed(id, node, topic, ref, created_at) values (?, 'node-b',"
                + " 'document', '2', now())")
        .param(held)
        .update();
    assertThat(cursor.next()).extracting(ChangeFeed.Change::ref).containsExactly("2");
    assertThat(cursor.next()).isEmpty();
  }

  @Test
  void eachItemIsClaimedByExactlyOneOfTwoNodesRacingForIt() throws Exception {
    NodeRegistry nodeA = node("node-a", "solr");
    NodeRegistry nodeB = node("node-b", "solr");
    Leases a = new Leases(jdbc, nodeA);
    Leases b = new Leases(jdbc, nodeB);
    Map<Integer, String> takenBy = new ConcurrentHashMap<>();
    Map<Integer, Integer> takes = new ConcurrentHashMap<>();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> racers = new ArrayList<>();
    for (var entry : Map.of("a", a, "b", b).entrySet()) {
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 100; i++) {
                  if (entry.getValue().claim("ocr:" + i)) {
                    takenBy.put(i, entry.getKey());
                    takes.merge(i, 1, Integer::sum);
                  }
                }
              });
      t.start();
      racers.add(t);
    }
    go.countDown();
    for (Thread t : racers) {
      t.join();
    }
    nodeA.heartbeat(); // the race may have taken longer than a lease lasts without a heartbeat
    nodeB.heartbeat();
    assertThat(takes).hasSize(100);
    assertThat(takes.values()).containsOnly(1);
    assertThat(a.claim("ocr:7")).isEqualTo(takenBy.get(7).equals("a"));
    assertThat(b.claim("ocr:7")).isEqualTo(takenBy.get(7).equals("b"));

    Leases holder = takenBy.get(7).equals("a") ? a : b;
    Leases other = holder == a ? b : a;
    holder.release("ocr:7");
    assertThat(other.claim("ocr:7")).as("released work is free to take").isTrue();
  }

  @Test
  void aKilledNodesClaimsLapseWhileALiveOnesAreKeptByItsHeartbeat() throws Exception {
    NodeRegistry a = node("node-a", "solr");
    NodeRegistry b = node("node-b", "solr");
    Leases byA = new Leases(jdbc, a);
    Leases byB = new Leases(jdbc, b);
    assertThat(byA.claim("reminders")).isTrue();
    assertThat(byB.claim("ocr:1")).isTrue();
    assertThat(byB.claim("reminders")).isFalse();

    // b beats on; a was killed and beats no more
    long until = System.nanoTime() + TIMEOUT.plusMillis(500).toNanos();
    while (System.nanoTime() < until) {
      b.heartbeat();
      Thread.sleep(200);
    }
    assertThat(byA.claim("ocr:1")).as("b's heartbeat kept its claim").isFalse();
    assertThat(b.live()).extracting(Node::name).containsExactly("node-b");
    assertThat(byB.claim("reminders")).as("a's claim lapsed with its heartbeat").isTrue();
    assertThat(byA.claim("reminders")).isFalse();
  }

  @Test
  void aNodeBesideAnEmbeddedIndexIsRefusedUntilThatNodesHeartbeatStops() throws Exception {
    node("node-a", "embedded");
    assertThatThrownBy(() -> node("node-b", "solr"))
        .isInstanceOf(NodeRefusedException.class)
        .hasMessageContaining("node-a")
        .hasMessageContaining("内置索引")
        .hasMessageContaining("taizhang.search.engine=solr")
        .hasMessageContaining("SolrCloud");
    assertThat(jdbc.sql("select count(*) from node").query(Long.class).single())
        .as("the refused node did not register")
        .isEqualTo(1);

    Thread.sleep(TIMEOUT.plusMillis(300).toMillis()); // node-a killed: no heartbeat
    NodeRegistry b = node("node-b", "embedded");
    assertThat(b.live()).extracting(Node::name).containsExactly("node-b");
  }

  @Test
  void aRestartedNodeIsItselfNotASecondNode() {
    node("node-a", "embedded");
    // killed and started again at once, under the same name (the same data directory)
    NodeRegistry again = node("node-a", "embedded");
    assertThat(again.live()).extracting(Node::name).containsExactly("node-a");
  }
}
