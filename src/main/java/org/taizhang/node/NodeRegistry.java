package org.taizhang.node;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;
import org.taizhang.config.TaizhangProperties;

/**
 * The {@code node} table: the service nodes over this database, each with a heartbeat. The web
 * service registers at start and beats every {@code taizhang.node.heartbeat}; each beat also
 * extends the node's {@link Leases}, so a killed node's claims lapse with its heartbeat. A node is
 * refused at start when it or another live node uses the embedded index: that index lives in one
 * data directory, and a second node would search and write an index of its own. Operator commands
 * run while the service is stopped and do not register.
 */
// it reads and writes its table while the context starts: after Flyway
@DependsOnDatabaseInitialization
@Component
public class NodeRegistry implements InitializingBean, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(NodeRegistry.class);

  /** The search engine whose index belongs to one node. */
  static final String EMBEDDED = "embedded";

  private final JdbcClient jdbc;
  private final NodeSettings settings;
  private final boolean serves;
  private final String name;
  private final String host;
  private final String searchEngine;
  private final String store;
  private ScheduledExecutorService beat;

  @Autowired
  NodeRegistry(
      JdbcClient jdbc,
      NodeSettings settings,
      TaizhangProperties properties,
      Environment environment,
      ApplicationContext context) {
    this(
        jdbc,
        settings,
        settings.name().isBlank()
            ? hostName() + ":" + properties.dataDir().toAbsolutePath().normalize()
            : settings.name().strip(),
        environment.getProperty("taizhang.search.engine", EMBEDDED),
        environment.getProperty("taizhang.store", "local"),
        context instanceof WebApplicationContext);
  }

  NodeRegistry(
      JdbcClient jdbc,
      NodeSettings settings,
      String name,
      String searchEngine,
      String store,
      boolean serves) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.name = name;
    this.host = hostName();
    this.searchEngine = searchEngine;
    this.store = store;
    this.serves = serves;
  }

  /** This node's name, which its leases and changes carry. */
  public String name() {
    return name;
  }

  /** How long a claim lasts without a heartbeat. */
  Duration timeout() {
    return settings.timeout();
  }

  /** The nodes whose heartbeat is within the timeout, this one included, by name. */
  public List<Node> live() {
    return jdbc.sql(
            "select name, host, started_at, last_seen, search_engine, store from node where last_seen >= ? order by name")
        .param(Timestamp.from(now().minus(settings.timeout())))
        .query(
            (rs, n) ->
                new Node(
                    rs.getString("name"),
                    rs.getString("host"),
                    rs.getTimestamp("started_at").toInstant(),
                    rs.getTimestamp("last_seen").toInstant(),
                    rs.getString("search_engine"),
                    rs.getString("store")))
        .list();
  }

  @Override
  public void afterPropertiesSet() {
    if (!serves) {
      return;
    }
    for (Node other : live()) {
      if (!other.name().equals(name)
          && (EMBEDDED.equals(other.searchEngine()) || EMBEDDED.equals(searchEngine))) {
        throw new NodeRefusedException(refusal(other));
      }
    }
    Timestamp now = Timestamp.from(now());
    jdbc.sql("delete from node where name = ?").param(name).update();
    jdbc.sql(
            "insert into node(name, host, started_at, last_seen, search_engine, store) values (?, ?, ?, ?, ?, ?)")
        .params(name, host, now, now, searchEngine, store)
        .update();
    log.info("节点 {} 已登记（检索引擎 {}，文件库 {}）", name, searchEngine, store);
    beat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "node-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long ms = settings.heartbeat().toMillis();
    beat.scheduleWithFixedDelay(this::heartbeat, ms, ms, TimeUnit.MILLISECONDS);
  }

  private String refusal(Node other) {
    String whose = EMBEDDED.equals(other.searchEngine()) ? "该节点" : "本节点";
    String whoseEn = EMBEDDED.equals(other.searchEngine()) ? "that node" : "this node";
    return "本节点 "
        + name
        + " 拒绝启动：节点 "
        + other.name()
        + "（主机 "
        + other.host()
        + "，最近心跳 "
        + other.lastSeen()
        + "）正在使用同一数据库，而"
        + whose
        + "使用内置索引（taizhang.search.engine=embedded），内置索引只能由一个节点使用。"
        + "要运行多个节点，请为每个节点配置 SolrCloud（taizhang.search.engine=solr）；"
        + "否则请先停止该节点，或等其心跳超时（"
        + settings.timeout().toSeconds()
        + " 秒）。 / Node "
        + name
        + " refused to start: node "
        + other.name()
        + " (host "
        + other.host()
        + ", last heartbeat "
        + other.lastSeen()
        + ") uses the same database, and "
        + whoseEn
        + " uses the embedded index (taizhang.search.engine=embedded), which only one node may"
        + " use. To run several nodes, configure SolrCloud on every node"
        + " (taizhang.search.engine=solr); otherwise stop that node first, or wait until its"
        + " heartbeat times out ("
        + settings.timeout().toSeconds()
        + " s).";
  }

  /**
   * Says this node is alive, extends its leases, and drops what has aged out of the shared tables:
   * any node may do that, and doing it twice does no harm.
   */
  void heartbeat() {
    try {
      Instant now = now();
      int seen =
          jdbc.sql("update node set last_seen = ? where name = ?")
              .params(Timestamp.from(now), name)
              .update();
      if (seen == 0) {
        log.warn("节点 {} 的登记已被删除（心跳曾中断超过 {} 秒），重新登记", name, settings.timeout().toSeconds());
        jdbc.sql(
                "insert into node(name, host, started_at, last_seen, search_engine, store) values (?, ?, ?, ?, ?, ?)")
            .params(name, host, Timestamp.from(now), Timestamp.from(now), searchEngine, store)
            .update();
      }
      jdbc.sql("update lease set claimed_until = ? where claimed_by = ?")
          .params(Timestamp.from(now.plus(settings.timeout())), name)
          .update();
      Timestamp dayAgo = Timestamp.from(now.minus(Duration.ofDays(1)));
      jdbc.sql("delete from node where last_seen < ?").param(dayAgo).update();
      jdbc.sql("delete from change_feed where created_at < ?").param(dayAgo).update();
    } catch (RuntimeException e) {
      // the next beat tries again; leases last a whole timeout, many beats
      log.warn("节点心跳失败：{}", e.toString());
    }
  }

  /**
   * The time of leases and heartbeats: the real one, never the office's clock that tests set, since
   * nodes compare their times with each other's (their clocks must agree within a heartbeat).
   */
  static Instant now() {
    return Instant.now();
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /** A clean stop: the node leaves the registry and gives up its leases at once. */
  @Override
  public void destroy() {
    if (beat == null) {
      return;
    }
    beat.shutdownNow();
    try {
      jdbc.sql("delete from lease where claimed_by = ?").param(name).update();
      jdbc.sql("delete from node where name = ?").param(name).update();
    } catch (RuntimeException e) {
      log.warn("节点 {} 退出登记失败，心跳超时后视为离线：{}", name, e.toString());
    }
  }
}
