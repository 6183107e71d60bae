package org.taizhang.archive;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.taizhang.extract.DocumentMetadata;

/** Documents in the database, the source of truth for everything the index and pages show. */
@Repository
public class DocumentRepository {
  private static final String COLUMNS =
      "id, unit_code, category, title, doc_date, archive_year, file_name, media_type, size_bytes, sha256, page_count,"
          + " author, created_at, taken_at, gps_lat, gps_lon, camera, text_chars, text_truncated, uploaded_by, uploaded_at";

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
    KeyHolder key = new GeneratedKeyHolder();
    DocumentMetadata m = d.metadata();
    jdbc.sql("insert into document(unit_code, category, title, doc_date, archive_year, file_name, media_type, size_bytes, sha256,"
            + " page_count, author, created_at, taken_at, gps_lat, gps_lon, camera, text_content, text_chars, text_truncated,"
            + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(d.unitCode(), d.category(), d.title(), d.date(), d.year(), d.fileName(), d.mediaType(), d.size(),
            d.sha256(), d.pageCount(), m.author(), timestamp(m.created()), timestamp(m.takenAt()), m.latitude(),
            m.longitude(), m.camera(), d.text(), d.text().length(), d.textTruncated(), d.uploadedBy(),
            Timestamp.from(d.uploadedAt()))
        .update(key, "id");
    return find(key.getKey().longValue()).orElseThrow();
  }

  public Optional<Document> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from document where id = ?").param(id).query(ROW).optional();
  }

  public Optional<Document> findByUnitAndSha(String unitCode, String sha256) {
    return jdbc.sql("select " + COLUMNS + " from document where unit_code = ? and sha256 = ?")
        .params(unitCode, sha256)
        .query(ROW)
        .optional();
  }

  public Optional<String> text(long id) {
    return jdbc.sql("select text_content from document where id = ?").param(id).query(String.class).optional();
  }

  /** A unit's documents ordered by year, category and date, without their text. */
  public List<Document> findByUnit(String unitCode) {
    return jdbc.sql("select " + COLUMNS + " from document where unit_code = ? order by archive_year desc, category, doc_date, id")
        .param(unitCode)
        .query(ROW)
        .list();
  }

  public long count() {
    return jdbc.sql("select count(*) from document").query(Long.class).single();
  }

  public Set<Long> ids() {
    return new HashSet<>(jdbc.sql("select id from document").query(Long.class).list());
  }

  public Set<String> referencedHashes() {
    return new HashSet<>(jdbc.sql("select distinct sha256 from document").query(String.class).list());
  }

  /** Streams documents with their text in id order, a batch at a time, for (re)indexing. */
  public void forEachWithText(Set<Long> only, int batchSize, Consumer<DocumentText> consumer) {
    long after = -1;
    while (true) {
      List<DocumentText> batch = jdbc.sql("select " + COLUMNS + ", text_content from document where id > ? order by id")
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
        rs.getObject("doc_date", java.time.LocalDate.class),
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
        rs.getTimestamp("uploaded_at").toInstant());
  }

  private static Timestamp timestamp(LocalDateTime t) {
    return t == null ? null : Timestamp.valueOf(t);
  }

  private static LocalDateTime localTime(Timestamp t) {
    return t == null ? null : t.toLocalDateTime();
  }

}
