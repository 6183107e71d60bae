package org.taizhang.ocr;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.taizhang.archive.Document;

/**
 * The {@code text_recognition} table: which scanned documents wait for OCR, have had it, or could
 * not have it. Kept in the database so that what is queued survives a restart.
 */
@Repository
class RecognitionQueue {
  /**
   * A current PDF with fewer than this many characters a page has no text layer worth the name: it
   * is a scan. A page of typed text has hundreds.
   */
  static final int SCAN_CHARS_PER_PAGE = 20;

  private static final String SCANS =
      "d.media_type = 'application/pdf' and d.text_chars < "
          + SCAN_CHARS_PER_PAGE
          + " * coalesce(d.page_count, 1) and d.superseded_by is null and d.deleted_at is null"
          + " and not exists (select 1 from text_recognition r where r.document_id = d.id)";

  private final JdbcClient jdbc;

  RecognitionQueue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The rule of {@link #SCANS} for one document, to tell a scan not queued yet from a document that
   * needs no OCR.
   */
  static boolean isScan(Document d) {
    return d.mediaType().equals("application/pdf")
        && d.textChars() < SCAN_CHARS_PER_PAGE * (d.pageCount() == null ? 1 : d.pageCount());
  }

  /** Queues every scan not queued yet. */
  int addAllScans() {
    return jdbc.sql(
            "insert into text_recognition(document_id, state, updated_at) select d.id, 'PENDING', ? from document d where "
                + SCANS)
        .param(now())
        .update();
  }

  /**
   * The oldest queued document that is current (one in the recycle bin waits until it is restored).
   */
  Optional<Long> next() {
    return jdbc.sql(
            "select r.document_id from text_recognition r join document d on d.id = r.document_id"
                + " where r.state = 'PENDING' and d.superseded_by is null and d.deleted_at is null order by r.document_id fetch first 1 rows only")
        .query(Long.class)
        .optional(); // never stream(): an unclosed stream keeps its connection out of the pool
  }

  void set(long id, TextRecognition.State state, String detail) {
    jdbc.sql(
            "update text_recognition set state = ?, detail = ?, updated_at = ? where document_id = ?")
        .params(
            state.name(),
            detail == null ? null : detail.substring(0, Math.min(detail.length(), 1000)),
            now(),
            id)
        .update();
  }

  Optional<TextRecognition.Status> status(long id) {
    return jdbc.sql("select state, detail from text_recognition where document_id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new TextRecognition.Status(
                    TextRecognition.State.valueOf(rs.getString("state")), rs.getString("detail")))
        .optional();
  }

  /** Queued scans and scans not queued yet. */
  long pending() {
    return jdbc.sql("select count(*) from text_recognition where state = 'PENDING'")
            .query(Long.class)
            .single()
        + jdbc.sql("select count(*) from document d where " + SCANS).query(Long.class).single();
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }
}
