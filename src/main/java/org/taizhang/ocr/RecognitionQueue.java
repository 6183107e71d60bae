package org.taizhang.ocr;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code text_recognition} table: which scanned documents wait for OCR, have had it, or could
 * not have it. Kept in the database so that what is queued survives a restart.
 */
@Repository
class RecognitionQueue {
  /**
   * A current PDF with fewer than this many characters a page has no text layer worth the name:
   * it is a scan. A page of typed text has hundreds.
   */
  static final int SCAN_CHARS_PER_PAGE = 20;

  private static final String SCANS = "d.media_type = 'application/pdf' and d.text_chars < " + SCAN_CHARS_PER_PAGE
      + " * coalesce(d.page_count, 1) and d.superseded_by is null and d.deleted_at is null"
      + " and not exists (select 1 from text_recognition r where r.document_id = d.id)";

  private final JdbcClient jdbc;

  RecognitionQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Queues the document if it is a scan not queued before; returns whether it was queued. */
  boolean addIfScan(long id) {
    return jdbc.sql("insert into text_recognition(document_id, state, updated_at) select d.id, 'PENDING', ? from document d"
            + " where d.id = ? and " + SCANS)
        .params(now(), id)
        .update() > 0;
  }

  /** Queues every scan not queued yet: those stored while OCR was off or before a crash. */
  int addAllScans() {
    return jdbc.sql("insert into text_recognition(document_id, state, updated_at) select d.id, 'PENDING', ? from document d where " + SCANS)
        .param(now())
        .update();
  }

  /** The oldest queued document that is current (one in the recycle bin waits until it is restored). */
  Optional<Long> next() {
    return jdbc.sql("select r.document_id from text_recognition r join document d on d.id = r.document_id"
            + " where r.state = 'PENDING' and d.superseded_by is null and d.deleted_at is null order by r.document_id fetch first 1 rows only")
        .query(Long.class)
        .stream()
        .findFirst();
  }

  void set(long id, TextRecognition.State state, String detail) {
    jdbc.sql("update text_recognition set state = ?, detail = ?, updated_at = ? where document_id = ?")
        .params(state.name(), detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)), now(), id)
        .update();
  }

  Optional<TextRecognition.Status> status(long id) {
    return jdbc.sql("select state, detail from text_recognition where document_id = ?")
        .param(id)
        .query((rs, n) -> new TextRecognition.Status(TextRecognition.State.valueOf(rs.getString("state")), rs.getString("detail")))
        .optional();
  }

  long pending() {
    return jdbc.sql("select count(*) from text_recognition where state = 'PENDING'").query(Long.class).single();
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }
}
