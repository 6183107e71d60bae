package org.taizhang.archive;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which documents came as attachments of which mail message ({@code document_attachment}). An
 * attachment belongs to the message it first came with: the same file attached again to another
 * message is a duplicate and keeps its link.
 */
@Repository
public class Attachments {
  private final JdbcClient jdbc;

  Attachments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Links an attachment to its message, unless it is linked already. */
  public void link(long attachmentId, long messageId) {
    if (attachmentId == messageId || message(attachmentId).isPresent()) {
      return;
    }
    jdbc.sql("insert into document_attachment(document_id, message_id) values (:a, :m)")
        .param("a", attachmentId)
        .param("m", messageId)
        .update();
  }

  /** The attachments of a message, in the order they were stored. */
  public List<Long> of(long messageId) {
    return jdbc.sql(
            "select document_id from document_attachment where message_id = :m order by document_id")
        .param("m", messageId)
        .query(Long.class)
        .list();
  }

  /** The message a document came attached to. */
  public Optional<Long> message(long attachmentId) {
    return jdbc.sql("select message_id from document_attachment where document_id = :a")
        .param("a", attachmentId)
        .query(Long.class)
        .optional();
  }
}
