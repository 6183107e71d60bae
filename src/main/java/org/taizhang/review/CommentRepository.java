package org.taizhang.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {
  private final JdbcClient jdbc;

  CommentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(long documentId, String author, String body, Instant at) {
    jdbc.sql(
            "insert into document_comment(document_id, author, body, created_at) values (?, ?, ?, ?)")
        .params(documentId, author, body, Timestamp.from(at))
        .update();
  }

  List<Comment> forDocument(long documentId) {
    return jdbc.sql(
            "select id, document_id, author, body, created_at from document_comment where document_id = ? order by created_at, id")
        .param(documentId)
        .query(
            (rs, n) ->
                new Comment(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }
}
