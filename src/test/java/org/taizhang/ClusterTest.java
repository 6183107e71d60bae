package org.taizhang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.Basic;
import org.taizhang.support.Multipart;
import org.taizhang.support.Postgres;
import org.taizhang.support.S3Server;
import org.taizhang.support.ServiceProcess;
import org.taizhang.support.Slow;
import org.taizhang.support.TestFiles;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The product as a city runs it: PostgreSQL, a two-node SolrCloud whose collection keeps two
 * replicas, an S3-compatible store and two service nodes, each a process of its own. An upload on
 * one node is found and counted on the other within two seconds; with one Solr node down searches
 * still answer while uploads go on; a service node killed with SIGKILL in the middle of uploads
 * loses nothing it acknowledged and leaves nothing half-stored; and the index is rebuilt into a new
 * collection while searches keep answering from the old one until the alias moves.
 */
@Slow
class ClusterTest {
  private static final String PASSWORD = "cluster-test-admin";
  private static final String[] ADMIN = Basic.auth("admin", PASSWORD);
  private static final String BUCKET = "originals";
  private static final String ALIAS = "taizhang";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration FOUND_WITHIN = Duration.ofSeconds(2);

  @TempDir Path work;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void twoServiceNodesOverPostgresSolrCloudAndABucket() throws Exception {
    Postgres.requireOrSkip();
    String schema = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    MiniSolrCloudCluster solr =
        new MiniSolrCloudCluster.Builder(2, Files.createDirectories(work.resolve("solr"))).build();
    S3Server s3 = S3Server.start(Files.createDirectories(work.resolve("s3")));
    ServiceProcess a = null;
    ServiceProcess b = null;
    try {
      s3.createBucket(BUCKET);
      Path archive = writeArchive(work.resolve("archive"));
      List<String> common = new ArrayList<>();
      common.add("taizhang.config-dir=" + Path.of("index-config").toAbsolutePath());
      common.add("spring.datasource.url=" + Postgres.URL + "?currentSchema=" + schema);
      common.add("spring.datasource.username=postgres");
      common.add("spring.datasource.password=");
      common.add("spring.flyway.schemas=" + schema);
      common.add("spring.flyway.create-schemas=true");
      common.add("taizhang.search.engine=solr");
      common.add("taizhang.search.solr.zk-host=" + solr.getZkServer().getZkAddress());
      common.add("taizhang.search.solr.collection=" + ALIAS);
      common.add("taizhang.search.solr.shards=1");
      common.add("taizhang.search.solr.replicas=2");
      s3.settings(BUCKET).forEach((k, v) -> common.add(k + "=" + v));
      // what a killed upload left in the bucket goes at the next start, not an hour later
      common.add("taizhang.store.s3.sweep-grace=5s");
      common.add("taizhang.admin.password=" + PASSWORD);
      common.add("taizhang.sample.archive=" + archive);
      Path logs = Files.createDirectories(Path.of("target", "cluster-test"));

      a = node(logs.resolve("node-a.log"), common, work.resolve("node-a"));
      a.awaitReady(http, Duration.ofSeconds(120));
      b = node(logs.resolve("node-b.log"), common, work.resolve("node-b"));
      b.awaitReady(http, Duration.ofSeconds(120));
      String[] token = {"Authorization", "Bearer " + a.createToken(ADMIN, "集群测试")};

      // An upload on A is found on B, and counted in B's completeness, within two seconds.
      Set<Long> evidenceBefore = evidence(b, token);
      String word = "qz" + Long.toString(System.nanoTime(), 36);
      long first = upload(a, token, word, 1);
      long uploaded = System.nanoTime();
      long found = -1;
      long counted = -1;
      while ((found < 0 || counted < 0) && System.nanoTime() - uploaded < 30_000_000_000L) {
        if (found < 0 && total(b, token, word) > 0) {
          found = System.nanoTime() - uploaded;
        }
        if (counted < 0 && evidence(b, token).contains(first)) {
          counted = System.nanoTime() - uploaded;
        }
        Thread.sleep(50);
      }
      System.out.printf(
          "cluster test: found on B after %d ms, counted after %d ms%n",
          found / 1_000_000, counted / 1_000_000);
      assertThat(found).as("found on B (ns)").isBetween(0L, FOUND_WITHIN.toNanos());
      assertThat(counted).as("counted on B (ns)").isBetween(0L, FOUND_WITHIN.toNanos());
      assertThat(evidenceBefore).doesNotContain(first);

      // One Solr node goes; searches answer on both service nodes while uploads go on.
      JettySolrRunner down = solr.stopJettySolrRunner(1);
      Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
      acknowledged.add(first);
      for (int i = 0; i < 6; i++) {
        ServiceProcess to = i % 2 == 0 ? a : b;
        ServiceProcess other = i % 2 == 0 ? b : a;
        acknowledged.add(upload(to, token, word, 10 + i));
        assertThat(total(other, token, word)).isPositive();
      }
      awaitTotal(a, token, word, acknowledged.size(), Duration.ofSeconds(30));
      solr.startJettySolrRunner(down);

      // B is killed with SIGKILL while clients upload to it.
      AtomicBoolean stop = new AtomicBoolean();
      ServiceProcess victim = b;
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 3; c++) {
        int client = c;
        Thread t =
            new Thread(
                () -> {
                  for (int n = 0; !stop.get(); n++) {
                    try {
                      acknowledged.add(upload(victim, token, word, 100 + client * 1000 + n));
                    } catch (Exception e) {
                      return; // the node is gone: this upload was never acknowledged
                    }
                  }
                });
        t.start();
        clients.add(t);
      }
      Thread.sleep(2500);
      b.kill();
      stop.set(true);
      for (Thread t : clients) {
        t.join();
      }
      b.close();
      b = node(logs.resolve("node-b.log"), common, work.resolve("node-b"));
      b.awaitReady(http, Duration.ofSeconds(120));
      // An upload whose answer the kill cut off may be stored, or not; none is stored by halves.
      long stored = rows(schema, word);
      assertThat(stored).isGreaterThanOrEqualTo(acknowledged.size());
      awaitTotal(a, token, word, stored, Duration.ofSeconds(30));
      for (long id : acknowledged) {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(b.uri("/api/documents/" + id)).headers(token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("acknowledged document %d", id).isEqualTo(200);
      }
      Set<String> referenced = shas(schema);
      assertThat(objects(s3))
          .as("every document's original is in the bucket")
          .containsAll(referenced);
      awaitNothingUnreferenced(s3, schema, Duration.ofSeconds(60));

      // The index is rebuilt into a new collection while searches go on answering from the old one.
      String before = aliasTarget(solr);
      AtomicBoolean searching = new AtomicBoolean(true);
      AtomicInteger searches = new AtomicInteger();
      List<String> wrong = new ArrayList<>();
      long expected = stored;
      ServiceProcess reader = b;
      Thread searcher =
          new Thread(
              () -> {
                while (searching.get()) {
                  try {
                    long n = total(reader, token, word);
                    searches.incrementAndGet();
                    if (n < expected) {
                      synchronized (wrong) {
                        wrong.add("found " + n + " of " + expected);
                      }
                    }
                  } catch (Exception e) {
                    synchronized (wrong) {
                      wrong.add(e.toString());
                    }
                  }
                }
              });
      searcher.start();
      HttpResponse<String> started =
          http.send(
              HttpRequest.newBuilder(a.uri("/admin/jobs/reindex"))
                  .headers(token)
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(started.statusCode()).isIn(200, 302);
      long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (aliasTarget(solr).equals(before)) {
        assertThat(System.nanoTime())
            .as("the alias moves to the rebuilt collection")
            .isLessThan(until);
        Thread.sleep(100);
      }
      Thread.sleep(1000);
      searching.set(false);
      searcher.join();
      assertThat(wrong).as("searches during the rebuild").isEmpty();
      assertThat(searches.get()).isGreaterThan(5);
      assertThat(total(a, token, word)).isEqualTo(expected);
      System.out.printf(
          "cluster test: %d uploads acknowledged, %d stored, %d searches during the rebuild%n",
          acknowledged.size(), stored, searches.get());
    } finally {
      if (a != null) {
        a.close();
      }
      if (b != null) {
        b.close();
      }
      s3.close();
      solr.shutdown();
      try (Connection c = DriverManager.getConnection(Postgres.URL, "postgres", "")) {
        c.createStatement().execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private static ServiceProcess node(Path log, List<String> common, Path data) throws Exception {
    List<String> props = new ArrayList<>(common);
    props.add("taizhang.data-dir=" + data);
    return ServiceProcess.start(log, props.toArray(String[]::new));
  }

  private static Path writeArchive(Path root) throws Exception {
    Files.createDirectories(root.resolve("edu/2026/会议记录"));
    Files.writeString(
        root.resolve("units.csv"),
        "code,name,type,parent\ncounty,青禾县文明办,创建办,\nedu,青禾县教育局,文明单位,county\n");
    Files.write(
        root.resolve("edu/2026/会议记录/创建工作例会.docx"),
        TestFiles.docx("创建工作例会记录", "时间：2026年1月8日", "研究文明单位创建工作。"));
    return root;
  }

  private long upload(ServiceProcess node, String[] token, String word, int n) throws Exception {
    byte[] docx =
        TestFiles.docx(
            "第" + n + "次文明创建工作会议记录 " + word,
            "时间：2026年3月" + (n % 27 + 1) + "日",
            "地点：三楼会议室",
            "主持人：王明",
            "参会人员：局领导班子全体成员",
            "记录人：李华",
            "议题：研究志愿服务和道德讲堂工作。" + word);
    HttpResponse<String> r =
        new Multipart()
            .field("unit", "edu")
            .field("year", "2026")
            .field("category", "会议记录")
            .file("会议记录" + n + ".docx", docx)
            .post(http, node.uri("/api/documents"), token);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return JSON.readTree(r.body()).get("id").longValue();
  }

  private long total(ServiceProcess node, String[] token, String word) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    node.uri("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)))
                .headers(token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("total").longValue();
  }

  private void awaitTotal(ServiceProcess node, String[] token, String word, long n, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    long found;
    while ((found = total(node, token, word)) != n) {
      assertThat(System.nanoTime()).as("%d documents found, not %d", n, found).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private Set<Long> evidence(ServiceProcess node, String[] token) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(node.uri("/api/units/edu/completeness?year=2026"))
                .headers(token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Set<Long> ids = new HashSet<>();
    for (JsonNode indicator : JSON.readTree(r.body()).get("indicators")) {
      for (JsonNode id : indicator.get("evidence")) {
        ids.add(id.longValue());
      }
    }
    return ids;
  }

  private static long rows(String schema, String word) throws Exception {
    try (Connection c = DriverManager.getConnection(Postgres.URL, "postgres", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from "
                        + schema
                        + ".document where text_content like '%"
                        + word
                        + "%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Set<String> shas(String schema) throws Exception {
    Set<String> out = new HashSet<>();
    try (Connection c = DriverManager.getConnection(Postgres.URL, "postgres", "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select distinct sha256 from "
                        + schema
                        + ".document where sha256 is not null")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static Set<String> objects(S3Server s3) {
    Set<String> out = new HashSet<>();
    try (S3Client client = s3.client()) {
      for (S3Object o :
          client
              .listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(BUCKET).build())
              .contents()) {
        String key = o.key();
        String name = key.substring(key.lastIndexOf('/') + 1);
        // S3Proxy over a folder also lists the folders themselves
        if (key.contains("originals/") && !name.isEmpty()) {
          out.add(name);
        }
      }
    }
    return out;
  }

  private static void awaitNothingUnreferenced(S3Server s3, String schema, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    Set<String> objects;
    Set<String> shas;
    while (!(objects = objects(s3)).equals(shas = shas(schema))) {
      Set<String> extra = new HashSet<>(objects);
      extra.removeAll(shas);
      Set<String> lacking = new HashSet<>(shas);
      lacking.removeAll(objects);
      assertThat(System.nanoTime())
          .as("the bucket holds exactly the referenced originals; also %s, not %s", extra, lacking)
          .isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private static String aliasTarget(MiniSolrCloudCluster solr) throws Exception {
    Map<String, String> aliases =
        new CollectionAdminRequest.ListAliases().process(solr.getSolrClient()).getAliases();
    return aliases.getOrDefault(ALIAS, "");
  }
}
