package org.taizhang.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.text.ChineseDates;

/** Documents in the database, the source of truth for everything the index and pages show. */
@Repository
public class DocumentRepository {
  private static final String COLUMNS =
      "id, unit_code, category, title, doc_date, archive_year, file_name, media_type, size_bytes, sha256, page_count,"
          + " author, created_at, taken_at, gps_lat, gps_lon, camera, text_chars, text_truncated, uploaded_by, uploaded_at,"
          + " review_status, review_reason, review_deadline, reviewed_by, reviewed_at, supersedes_id, superseded_by, deleted_at, deleted_by,"
          + " period_start, period_end";

  /**
   * Documents that are listed, indexed and counted: the current version, not in the recycle bin.
   */
  private static final String CURRENT = "superseded_by is null and deleted_at is null";

  private static final RowMapper<Document> ROW = DocumentRepository::map;

  private final JdbcClient jdbc;

  DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a document in its own transaction. Throws Spring's {@code DuplicateKeyException} when
   * the unit already has this content.
   */
  public Document insert(NewDocument d) {
    return insert(d, null);
  }

  /**
   * Records a new version of document {@code replaces} and marks the old one superseded, in one
   * transaction; fails with {@code IllegalStateException} if the old one is no longer current.
   */
  @Transactional
  public Document insertVersion(NewDocument d, long replaces) {
    Document saved = insert(d, replaces);
    int n =
        jdbc.sql("update document set superseded_by = ? where id = ? and " + CURRENT)
            .params(saved.id(), replaces)
            .update();
    if (n != 1) {
      throw new IllegalStateException("document " + replaces + " is no longer the current version");
    }
    return find(saved.id()).orElseThrow();
  }

  private Document insert(NewDocument d, Long supersedes) {
    KeyHolder key = new GeneratedKeyHolder();
    DocumentMetadata m = d.metadata();
    jdbc.sql(
            "insert into document(unit_code, category, title, doc_date, archive_year, file_name, media_type, size_bytes, sha256,"
                + " page_count, author, created_at, taken_at, gps_lat, gps_lon, camera, text_content, text_chars, text_truncated,"
                + " uploaded_by, uploaded_at, supersedes_id, period_start, period_end)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            d.unitCode(),
            d.category(),
            d.title(),
            d.date(),
            d.year(),
            d.fileName(),
            d.mediaType(),
            d.size(),
            d.sha256(),
            d.pageCount(),
            m.author(),
            timestamp(m.created()),
            timestamp(m.takenAt()),
            m.latitude(),
            m.longitude(),
            m.camera(),
            d.text(),
            d.text().length(),
            d.textTruncated(),
            d.uploadedBy(),
            Timestamp.from(d.uploadedAt()),
            supersedes,
            d.period() == null ? null : d.period().first(),
            d.period() == null ? null : d.period().last())
        .update(key, "id");
    return find(key.getKey().longValue()).orElseThrow();
  }

  public Optional<Document> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from document where id = ?")
        .param(id)
        .query(ROW)
        .optional();
  }

  public Optional<Document> findByUnitAndSha(String unitCode, String sha256) {
    return jdbc.sql("select " + COLUMNS + " from document where unit_code = ? and sha256 = ?")
        .params(unitCode, sha256)
        .query(ROW)
        .optional();
  }

  public Optional<String> text(long id) {
    return jdbc.sql("select text_content from document where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** A unit's current documents ordered by year, category and date, without their text. */
  public List<Document> findByUnit(String unitCode) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from document where unit_code = ? and "
                + CURRENT
                + " order by archive_year desc, category, doc_date, id")
        .param(unitCode)
        .query(ROW)
        .list();
  }

  /** How many documents are current (what the index should hold). */
  public long count() {
    return jdbc.sql("select count(*) from document where " + CURRENT).query(Long.class).single();
  }

  /** Ids of the current documents: exactly what the index should hold. */
  /**
   * Documents filed under a category, every version and the recycle bin included: all of them name
   * it.
   */
  public long countInCategory(String category) {
    return jdbc.sql("select count(*) from document where category = ?")
        .param(category)
        .query(Long.class)
        .single();
  }

  public Set<Long> ids() {
    return new HashSet<>(
        jdbc.sql("select id from document where " + CURRENT).query(Long.class).list());
  }

  /** Every version of a document, newest first, following the chain both ways. */
  public List<Document> versions(long id) {
    List<Document> out = new ArrayList<>();
    Optional<Document> at = find(id);
    while (at.isPresent() && at.get().lifecycle().supersededBy() != null && out.size() < 1000) {
      at = find(at.get().lifecycle().supersededBy());
    }
    while (at.isPresent() && out.size() < 1000) {
      out.add(at.get());
      Long older = at.get().lifecycle().supersedesId();
      at = older == null ? Optional.empty() : find(older);
    }
    return out;
  }

  /** Current documents of the given units in a review state, oldest deadline first. */
  public List<Document> findByReviewStatus(
      Set<String> units, boolean allUnits, ReviewStatus status) {
    if (!allUnits && units.isEmpty()) {
      return List.of();
    }
    String unitFilter = allUnits ? "" : " and unit_code in (:units)";
    var spec =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + " from document where "
                    + CURRENT
                    + " and review_status = :status"
                    + unitFilter
                    + " order by review_deadline, uploaded_at")
            .param("status", status.name());
    if (!allUnits) {
      spec = spec.param("units", List.copyOf(units));
    }
    return spec.query(ROW).list();
  }

  /**
   * What a to-do list is narrowed to. {@code units} null means every unit; {@code category} a
   * category code, or {@link #UNCATEGORIZED} for documents without one; {@code resubmittedOnly}
   * keeps new versions of returned documents; {@code deadlineBefore} keeps returned documents whose
   * deadline lies before that day (overdue).
   */
  public record ReviewSelection(
      ReviewStatus status,
      Set<String> units,
      String category,
      Integer year,
      boolean resubmittedOnly,
      LocalDate deadlineBefore) {
    public static final String UNCATEGORIZED = "_none";
  }

  /**
   * One page of the current documents in a review state, earliest deadline then earliest upload
   * first (the order of {@link #findByReviewStatus}), and how many there are in all.
   */
  public record ReviewPage(List<Document> documents, long total) {}

  public ReviewPage findForReview(ReviewSelection s, int offset, int limit) {
    if (s.units() != null && s.units().isEmpty()) {
      return new ReviewPage(List.of(), 0);
    }
    StringBuilder where =
        new StringBuilder(" from document where " + CURRENT + " and review_status = :status");
    Map<String, Object> params = new HashMap<>();
    params.put("status", s.status().name());
    if (s.units() != null) {
      where.append(" and unit_code in (:units)");
      params.put("units", List.copyOf(s.units()));
    }
    if (ReviewSelection.UNCATEGORIZED.equals(s.category())) {
      where.append(" and category is null");
    } else if (s.category() != null) {
      where.append(" and category = :category");
      params.put("category", s.category());
    }
    if (s.year() != null) {
      where.append(" and archive_year = :year");
      params.put("year", s.year());
    }
    if (s.resubmittedOnly()) {
      where.append(" and supersedes_id is not null");
    }
    if (s.deadlineBefore() != null) {
      where.append(" and review_deadline < :before");
      params.put("before", s.deadlineBefore());
    }
    long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
    if (total == 0 || limit <= 0) {
      return new ReviewPage(List.of(), total);
    }
    List<Document> page =
        jdbc.sql(
                "select "
                    + COLUMNS
                    + where
                    + " order by review_deadline, uploaded_at, id limit :limit offset :offset")
            .params(params)
            .param("limit", limit)
            .param("offset", Math.max(0, offset))
            .query(ROW)
            .list();
    return new ReviewPage(page, total);
  }

  /** Documents in the recycle bin of the given units, most recently deleted first. */
  public List<Document> findDeleted(Set<String> units, boolean allUnits) {
    if (!allUnits && units.isEmpty()) {
      return List.of();
    }
    String unitFilter = allUnits ? "" : " and unit_code in (:units)";
    var spec =
        jdbc.sql(
            "select "
                + COLUMNS
                + " from document where deleted_at is not null"
                + unitFilter
                + " order by deleted_at desc");
    if (!allUnits) {
      spec = spec.param("units", List.copyOf(units));
    }
    return spec.query(ROW).list();
  }

  public void setReview(long id, Review review) {
    jdbc.sql(
            "update document set review_status = ?, review_reason = ?, review_deadline = ?, reviewed_by = ?, reviewed_at = ? where id = ?")
        .params(
            review.status().name(),
            review.reason(),
            review.deadline(),
            review.by(),
            review.at() == null ? null : Timestamp.from(review.at()),
            id)
        .update();
  }

  /**
   * What a document is: category, title, date, archive year and the period it states (null: none).
   */
  public void setDescription(
      long id,
      String category,
      String title,
      LocalDate date,
      int year,
      ChineseDates.Period period) {
    jdbc.sql(
            "update document set category = ?, title = ?, doc_date = ?, archive_year = ?, period_start = ?, period_end = ? where id = ?")
        .params(
            category,
            title,
            date,
            year,
            period == null ? null : period.first(),
            period == null ? null : period.last(),
            id)
        .update();
  }

  /**
   * Replaces a document's text with a later reading of the same file (OCR of a scan); a document
   * without a date takes {@code date}, the one the new text states.
   */
  public Document replaceText(long id, String text, boolean truncated, LocalDate date) {
    jdbc.sql(
            "update document set text_content = ?, text_chars = ?, text_truncated = ?, doc_date = coalesce(doc_date, ?) where id = ?")
        .params(text, text.length(), truncated, date, id)
        .update();
    return find(id).orElseThrow();
  }

  public void setDeleted(long id, Instant at, String by) {
    jdbc.sql("update document set deleted_at = ?, deleted_by = ? where id = ?")
        .params(at == null ? null : Timestamp.from(at), by, id)
        .update();
  }

  /** Removes a document row for good, with its comments; links from other versions are cut. */
  @Transactional
  public void purge(long id) {
    jdbc.sql("delete from document_comment where document_id = ?").param(id).update();
    jdbc.sql("update document set supersedes_id = null where supersedes_id = ?").param(id).update();
    jdbc.sql("update document set superseded_by = null where superseded_by = ?").param(id).update();
    jdbc.sql("delete from document where id = ?").param(id).update();
  }

  public boolean isReferenced(String sha256) {
    return jdbc.sql("select count(*) from document where sha256 = ?")
            .param(sha256)
            .query(Long.class)
            .single()
        > 0;
  }

  public Set<String> referencedHashes() {
    return new HashSet<>(
        jdbc.sql("select distinct sha256 from document").query(String.class).list());
  }

  /** Streams documents with their text in id order, a batch at a time, for (re)indexing. */
  public void forEachWithText(Set<Long> only, int batchSize, Consumer<DocumentText> consumer) {
    long after = -1;
    while (true) {
      List<DocumentText> batch =
          jdbc.sql(
                  "select "
                      + COLUMNS
                      + ", text_content from document where id > ? and "
                      + CURRENT
                      + " order by id")
              .param(after)
              .withMaxRows(batchSize)
              .query((rs, n) -> new DocumentText(map(rs, n), rs.getString("text_content")))
              .list();
      if (batch.isEmpty()) {
        return;
      }
      for (DocumentText dt : batch) {
        if (only == null || only.contains(dt.document().id())) {
          consumer.accept(dt);
        }
      }
      after = batch.get(batch.size() - 1).document().id();
    }
  }

  /** A document together with its extracted text. */
  public record DocumentText(Document document, String text) {}

  private static Document map(ResultSet rs, int n) throws SQLException {
    return new Document(
        rs.getLong("id"),
        rs.getString("unit_code"),
        rs.getString("category"),
        rs.getString("title"),
        rs.getObject("doc_date", LocalDate.class),
        rs.getInt("archive_year"),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256").strip(),
        (Integer) rs.getObject("page_count", Integer.class),
        new DocumentMetadata(
            null,
            rs.getString("author"),
            localTime(rs.getTimestamp("created_at")),
            localTime(rs.getTimestamp("taken_at")),
            (Double) rs.getObject("gps_lat", Double.class),
            (Double) rs.getObject("gps_lon", Double.class),
            rs.getString("camera")),
        rs.getInt("text_chars"),
        rs.getBoolean("text_truncated"),
        rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(),
        new Review(
            ReviewStatus.valueOf(rs.getString("review_status")),
            rs.getString("review_reason"),
            rs.getObject("review_deadline", LocalDate.class),
            rs.getString("reviewed_by"),
            instant(rs.getTimestamp("reviewed_at"))),
        new Lifecycle(
            (Long) rs.getObject("supersedes_id", Long.class),
            (Long) rs.getObject("superseded_by", Long.class),
            instant(rs.getTimestamp("deleted_at")),
            rs.getString("deleted_by")),
        period(
            rs.getObject("period_start", LocalDate.class),
            rs.getObject("period_end", LocalDate.class)));
  }

  /**
   * A stored period; a half-written or reversed one (edited by hand in the database) counts as
   * none.
   */
  private static ChineseDates.Period period(LocalDate first, LocalDate last) {
    return first == null || last == null || last.isBefore(first)
        ? null
        : new ChineseDates.Period(first, last);
  }

  private static Timestamp timestamp(LocalDateTime t) {
    return t == null ? null : Timestamp.valueOf(t);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static LocalDateTime localTime(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }
}
