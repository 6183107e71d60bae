package org.taizhang.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.taizhang.catalog.CategorySource;

/** The rows of {@code document_inference}. */
@Repository
class InferenceRepository {
  /** Ids per query: well below every database's limit on parameters. */
  private static final int BATCH = 500;

  private final JdbcClient jdbc;

  InferenceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  void put(long documentId, Inference i) {
    int updated =
        jdbc.sql(
                "update document_inference set category_source = ?, category_confidence = ?,"
                    + " date_source = ?, question = ? where document_id = ?")
            .params(
                i.categorySource().name(),
                i.categoryConfidence(),
                i.dateSource().name(),
                i.question(),
                documentId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into document_inference(document_id, category_source, category_confidence,"
                  + " date_source, question) values (?, ?, ?, ?, ?)")
          .params(
              documentId,
              i.categorySource().name(),
              i.categoryConfidence(),
              i.dateSource().name(),
              i.question())
          .update();
    }
  }

  Optional<Inference> find(long documentId) {
    return jdbc.sql(
            "select category_source, category_confidence, date_source, question"
                + " from document_inference where document_id = ?")
        .param(documentId)
        .query((rs, n) -> inference(rs, 1))
        .optional();
  }

  Map<Long, Inference> find(Collection<Long> documentIds) {
    Map<Long, Inference> out = new HashMap<>();
    List<Long> ids = new ArrayList<>(documentIds);
    for (int from = 0; from < ids.size(); from += BATCH) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + BATCH));
      jdbc.sql(
              "select document_id, category_source, category_confidence, date_source, question"
                  + " from document_inference where document_id in (:ids)")
          .param("ids", part)
          .query(
              rs -> {
                out.put(rs.getLong(1), inference(rs, 2));
              });
    }
    return out;
  }

  /** Every recorded inference, by document id. */
  Map<Long, Inference> all() {
    Map<Long, Inference> out = new HashMap<>();
    jdbc.sql(
            "select document_id, category_source, category_confidence, date_source, question"
                + " from document_inference")
        .query(
            rs -> {
              out.put(rs.getLong(1), inference(rs, 2));
            });
    return out;
  }

  /** The inference in the four columns from {@code first} on. */
  private static Inference inference(ResultSet rs, int first) throws SQLException {
    return new Inference(
        CategorySource.valueOf(rs.getString(first)),
        rs.getDouble(first + 1),
        DateSource.valueOf(rs.getString(first + 2)),
        rs.getString(first + 3));
  }
}
