package org.taizhang.caption;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What people wrote in photo captions ({@code photo_caption}); a null part is left to inference.
 */
@Repository
class CaptionRepository {
  /** A person's parts of a caption, who wrote them last and when. */
  record Written(PhotoCaption caption, String by, Instant at) {}

  private final JdbcClient jdbc;

  CaptionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Written> find(long documentId) {
    return jdbc.sql(
            "select taken_time, place, people, subject, edited_by, edited_at from photo_caption"
                + " where document_id = :id")
        .param("id", documentId)
        .query(
            (rs, n) ->
                new Written(
                    new PhotoCaption(
                        rs.getString("taken_time"),
                        rs.getString("place"),
                        rs.getString("people"),
                        rs.getString("subject")),
                    rs.getString("edited_by"),
                    rs.getTimestamp("edited_at").toInstant()))
        .optional();
  }

  /** Keeps the written parts; a caption with none left removes the row. */
  void save(long documentId, PhotoCaption written, String by, Instant at) {
    jdbc.sql("delete from photo_caption where document_id = :id").param("id", documentId).update();
    if (written.lines().isEmpty()) {
      return;
    }
    jdbc.sql(
            "insert into photo_caption(document_id, taken_time, place, people, subject, edited_by,"
                + " edited_at) values (:id, :t, :pl, :pe, :s, :by, :at)")
        .param("id", documentId)
        .param("t", written.time())
        .param("pl", written.place())
        .param("pe", written.people())
        .param("s", written.subject())
        .param("by", by)
        .param("at", Timestamp.from(at))
        .update();
  }
}
