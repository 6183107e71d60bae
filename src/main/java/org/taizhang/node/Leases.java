package org.taizhang.node;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims on background work, so that across the nodes over one database exactly one does each
 * piece: a singleton task (the reminder sweep) or an item of a queue ({@code ocr:<document id>}). A
 * claim is a row of the {@code lease} table, taken by one conditional statement that succeeds for
 * one node only; it lasts {@code taizhang.node.timeout} and every heartbeat of its holder extends
 * it, so a killed node's claims lapse and another node takes the work over.
 */
@Component
public class Leases {
  private final JdbcClient jdbc;
  private final NodeRegistry nodes;

  Leases(JdbcClient jdbc, NodeRegistry nodes) {
    this.jdbc = jdbc;
    this.nodes = nodes;
  }

  /**
   * Whether this node holds {@code name} now: it held it already, or nobody did, or its holder's
   * claim lapsed.
   */
  public boolean claim(String name) {
    Instant now = NodeRegistry.now();
    Timestamp until = Timestamp.from(now.plus(nodes.timeout()));
    int taken =
        jdbc.sql(
                "update lease set claimed_by = ?, claimed_until = ? where name = ? and (claimed_by = ? or claimed_until < ?)")
            .params(nodes.name(), until, name, nodes.name(), Timestamp.from(now))
            .update();
    if (taken == 1) {
      return true;
    }
    try {
      jdbc.sql("insert into lease(name, claimed_by, claimed_until) values (?, ?, ?)")
          .params(name, nodes.name(), until)
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false; // another node holds it
    }
  }

  /** Gives {@code name} up, if this node holds it: the work is done. */
  public void release(String name) {
    jdbc.sql("delete from lease where name = ? and claimed_by = ?")
        .params(name, nodes.name())
        .update();
  }
}
