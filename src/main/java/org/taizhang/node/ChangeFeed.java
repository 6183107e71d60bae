package org.taizhang.node;

import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code change_feed} table: what changed on which node, in order, for the features that keep
 * results in memory. A feature publishes its own changes and, before it answers from memory, reads
 * what the other nodes published since it last looked: one indexed query that finds nothing while
 * no other node changes anything.
 */
@Component
public class ChangeFeed {
  /** A change another node made: its position in the feed, topic and what it concerns. */
  public record Change(long id, String topic, String ref) {}

  private final JdbcClient jdbc;
  private final NodeRegistry nodes;

  ChangeFeed(JdbcClient jdbc, NodeRegistry nodes) {
    this.jdbc = jdbc;
    this.nodes = nodes;
  }

  public void publish(String topic, String ref) {
    jdbc.sql("insert into change_feed(node, topic, ref, created_at) values (?, ?, ?, ?)")
        .params(nodes.name(), topic, ref, Timestamp.from(NodeRegistry.now()))
        .update();
  }

  /** The position of the latest change: a reader that loads everything now starts from there. */
  public long head() {
    return jdbc.sql("select coalesce(max(id), 0) from change_feed").query(Long.class).single();
  }

  /** Changes other nodes published after {@code after}, oldest first. */
  public List<Change> othersSince(long after) {
    return jdbc.sql("select id, topic, ref from change_feed where id > ? and node <> ? order by id")
        .params(after, nodes.name())
        .query((rs, n) -> new Change(rs.getLong("id"), rs.getString("topic"), rs.getString("ref")))
        .list();
  }
}
