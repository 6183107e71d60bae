package org.taizhang.node;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  /** A change another node made: its position in the feed, topic, what it concerns, and where. */
  public record Change(long id, String topic, String ref, String node) {}

  /** How long a cursor waits for a missing id to commit before it counts it as never written. */
  static final Duration GAP_WAIT = Duration.ofMinutes(2);

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

  /** A reader's position in the feed, starting at the latest change. */
  public Cursor cursor() {
    return new Cursor(head());
  }

  /**
   * A reader's position in the feed. Ids are handed out when a change is written but become visible
   * when its transaction commits, so a later id can be seen before an earlier one: a position alone
   * would skip the earlier one for good. The cursor therefore remembers the ids missing below its
   * position and asks for them again until they appear or {@link #GAP_WAIT} has passed (a
   * rolled-back change leaves a gap that never fills).
   */
  public final class Cursor {
    private long position;
    private final Map<Long, Instant> gaps = new HashMap<>();

    private Cursor(long position) {
      this.position = position;
    }

    /** Changes other nodes published that this cursor has not returned yet, oldest first. */
    public synchronized List<Change> next() {
      Instant now = NodeRegistry.now();
      gaps.values().removeIf(since -> since.plus(GAP_WAIT).isBefore(now));
      String missing =
          gaps.isEmpty()
              ? ""
              : " or id in ("
                  + String.join(",", gaps.keySet().stream().map(String::valueOf).toList())
                  + ")";
      // every node's changes, so that this node's own do not count as gaps
      List<Change> all =
          jdbc.sql(
                  "select id, node, topic, ref from change_feed where id > ?"
                      + missing
                      + " order by id")
              .param(position)
              .query(
                  (rs, n) ->
                      new Change(
                          rs.getLong("id"),
                          rs.getString("topic"),
                          rs.getString("ref"),
                          rs.getString("node")))
              .list();
      List<Change> others = new ArrayList<>();
      for (Change c : all) {
        gaps.remove(c.id());
        if (c.id() > position) {
          for (long id = position + 1; id < c.id(); id++) {
            gaps.put(id, now);
          }
          position = c.id();
        }
        if (!c.node().equals(nodes.name())) {
          others.add(c);
        }
      }
      return others;
    }
  }
}
