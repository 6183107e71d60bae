package org.taizhang.completeness;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.taizhang.filing.Filing;
import org.taizhang.filing.Inference;

/**
 * Reads what V10 records about a document's trustworthiness — text recognition confidence (written
 * by OCR), category and date inference (from {@link Filing}) — and keeps the one part this feature
 * owns, the elements reviewers confirmed ({@code element_confirmation}).
 */
@Repository
class TrustRepository {
  private final JdbcClient jdbc;
  private final Filing filing;

  TrustRepository(JdbcClient jdbc, Filing filing) {
    this.jdbc = jdbc;
    this.filing = filing;
  }

  /** One reviewer's confirmation of one label. */
  record Confirmation(String label, String by, Instant at) {}

  /** Every document that is not {@link DocumentTrust#CERTAIN}, read in three queries. */
  Map<Long, DocumentTrust> all() {
    Map<Long, Double> unsureText = new HashMap<>();
    jdbc.sql("select document_id, confidence from text_recognition where low_confidence")
        .query(
            rs -> {
              unsureText.put(rs.getLong(1), (Double) rs.getObject(2, Double.class));
            });
    Map<Long, Set<String>> confirmed = new HashMap<>();
    jdbc.sql("select document_id, label from element_confirmation")
        .query(
            rs -> {
              confirmed.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
            });
    Map<Long, Inference> inferred = filing.all();
    Set<Long> ids = new HashSet<>(unsureText.keySet());
    ids.addAll(confirmed.keySet());
    ids.addAll(inferred.keySet());
    Map<Long, DocumentTrust> out = new HashMap<>();
    for (long id : ids) {
      out.put(
          id,
          trust(
              unsureText.containsKey(id),
              unsureText.get(id),
              confirmed.getOrDefault(id, Set.of()),
              inferred.get(id)));
    }
    return out;
  }

  DocumentTrust of(long id) {
    List<Double> unsure =
        jdbc.sql(
                "select coalesce(confidence, -1) from text_recognition where document_id = ? and low_confidence")
            .param(id)
            .query(Double.class)
            .list();
    Set<String> confirmed =
        Set.copyOf(
            jdbc.sql("select label from element_confirmation where document_id = ?")
                .param(id)
                .query(String.class)
                .list());
    Double confidence = unsure.isEmpty() || unsure.get(0) < 0 ? null : unsure.get(0);
    return trust(!unsure.isEmpty(), confidence, confirmed, filing.inference(id).orElse(null));
  }

  /** A document's trust from its parts; {@code inferred} is null for a document filed before. */
  private static DocumentTrust trust(
      boolean unsureText, Double recognition, Set<String> confirmed, Inference inferred) {
    return new DocumentTrust(
        unsureText,
        recognition,
        confirmed,
        inferred == null ? null : inferred.categorySource().name(),
        inferred == null ? 1 : inferred.categoryConfidence(),
        inferred == null ? null : inferred.dateSource().name());
  }

  /** The document's confirmations, by label. */
  List<Confirmation> confirmations(long id) {
    return jdbc.sql(
            "select label, confirmed_by, confirmed_at from element_confirmation where document_id = ? order by label")
        .param(id)
        .query(
            (rs, n) ->
                new Confirmation(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /** False when the label was confirmed meanwhile (the same form sent twice). */
  boolean confirm(long id, String label, String by, Instant at) {
    try {
      jdbc.sql(
              "insert into element_confirmation(document_id, label, confirmed_by, confirmed_at) values (?, ?, ?, ?)")
          .params(id, label, by, Timestamp.from(at))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  boolean withdraw(long id, String label) {
    return jdbc.sql("delete from element_confirmation where document_id = ? and label = ?")
            .params(id, label)
            .update()
        > 0;
  }
}
