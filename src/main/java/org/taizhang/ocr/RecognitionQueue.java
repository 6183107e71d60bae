package org.taizhang.ocr;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.taizhang.archive.Document;

/**
 * The {@code text_recognition} table: which scanned documents and images wait for OCR, have had it,
 * or could not have it, and how sure the engine was. Kept in the database so that what is queued
 * survives a restart.
 */
@Repository
class RecognitionQueue {
  /**
   * A current PDF with fewer than this many characters a page has no text layer worth the name: it
   * is a scan. A page of typed text has hundreds.
   */
  static final int SCAN_CHARS_PER_PAGE = 20;

  /**
   * Images read with OCR: photos, screenshots and scans saved as images; HEIC/HEIF through {@code
   * heif-convert} in the parser process. WebP is left out: nothing here decodes it, so queueing it
   * would only record a failure for every one.
   */
  static final List<String> IMAGE_TYPES =
      List.of(
          "image/jpeg",
          "image/png",
          "image/tiff",
          "image/bmp",
          "image/gif",
          "image/heic",
          "image/heif");

  private static final String IMAGES =
      IMAGE_TYPES.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ", "(", ")"));

  private static final String UNQUEUED =
      " and d.superseded_by is null and d.deleted_at is null"
          + " and not exists (select 1 from text_recognition r where r.document_id = d.id)";

  private static final String SCANS =
      "d.media_type = 'application/pdf' and d.text_chars < "
          + SCAN_CHARS_PER_PAGE
          + " * coalesce(d.page_count, 1)"
          + UNQUEUED;

  private static final String UNREAD_IMAGES = "d.media_type in " + IMAGES + UNQUEUED;

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

  static boolean isImage(Document d) {
    return IMAGE_TYPES.contains(d.mediaType());
  }

  /** Queues every image not queued yet. */
  int addAllImages() {
    return jdbc.sql(
            "insert into text_recognition(document_id, state, updated_at) select d.id, 'PENDING', ? from document d where "
                + UNREAD_IMAGES)
        .param(now())
        .update();
  }

  /**
   * Records a finished recognition: the engine, its mean confidence (null: unknown) and verdict.
   */
  void done(long id, String engine, Double confidence, boolean low, String detail) {
    jdbc.sql(
            "update text_recognition set state = 'DONE', detail = ?, engine = ?, confidence = ?, low_confidence = ?, updated_at = ? where document_id = ?")
        .params(detail, engine, confidence, low, now(), id)
        .update();
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
   * The oldest queued documents that are current (one in the recycle bin waits until it is
   * restored), at most {@code limit}: other nodes may be reading the first of them.
   */
  List<Long> next(int limit) {
    return jdbc.sql(
            "select r.document_id from text_recognition r join document d on d.id = r.document_id"
                + " where r.state = 'PENDING' and d.superseded_by is null and d.deleted_at is null order by r.document_id fetch first ? rows only")
        .param(limit)
        .query(Long.class)
        .list(); // never stream(): an unclosed stream keeps its connection out of the pool
  }

  boolean pending(long id) {
    return jdbc.sql(
                "select count(*) from text_recognition where document_id = ? and state = 'PENDING'")
            .param(id)
            .query(Long.class)
            .single()
        > 0;
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
    return jdbc.sql(
            "select state, detail, engine, confidence, low_confidence from text_recognition where document_id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              Number confidence = (Number) rs.getObject("confidence");
              return new TextRecognition.Status(
                  TextRecognition.State.valueOf(rs.getString("state")),
                  rs.getString("detail"),
                  rs.getString("engine"),
                  confidence == null ? null : confidence.doubleValue(),
                  rs.getBoolean("low_confidence"));
            })
        .optional();
  }

  /** Queued documents and scans not queued yet; with {@code images}, images not queued yet too. */
  long pending(boolean images) {
    return jdbc.sql("select count(*) from text_recognition where state = 'PENDING'")
            .query(Long.class)
            .single()
        + jdbc.sql("select count(*) from document d where " + SCANS).query(Long.class).single()
        + (images
            ? jdbc.sql("select count(*) from document d where " + UNREAD_IMAGES)
                .query(Long.class)
                .single()
            : 0);
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }
}
