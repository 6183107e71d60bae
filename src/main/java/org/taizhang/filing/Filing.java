package org.taizhang.filing;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.CategorySource;
import org.taizhang.index.ChineseAnalysis;

/**
 * Files a document: its category and the date it states, each with where it came from and how sure
 * that is, kept per document in {@code document_inference}. A date is only ever one the document
 * states (its file name, 落款, a 时间： field, its title) or a photo's EXIF time; file-system and
 * template metadata are not its date, and a document that states none gets none and its clerk is
 * asked.
 */
@Service
public class Filing {
  static final String NO_DATE_QUESTION = "材料中没有写明日期，请填写材料日期。";

  private final Filer filer;
  private final InferenceRepository inferences;

  Filing(Catalog catalog, InferenceRepository inferences, ChineseAnalysis analysis) {
    this.filer = new Filer(catalog, analysis::fold);
    this.inferences = inferences;
  }

  /** Works out where a document belongs; nothing is stored (see {@link #record}). */
  public Filed infer(Subject s) {
    return filer.infer(s);
  }

  /** Keeps how a stored document was filed. */
  public void record(long documentId, Inference inference) {
    inferences.put(documentId, inference);
  }

  /**
   * How a document was filed; empty for a document filed before this was recorded, which counts as
   * certain.
   */
  public Optional<Inference> inference(long documentId) {
    return inferences.find(documentId);
  }

  /** How each of the given documents was filed, by id; documents without a record are left out. */
  public Map<Long, Inference> inferences(Collection<Long> documentIds) {
    return inferences.find(documentIds);
  }

  /** Every recorded inference, by document id: what the completeness check loads at start. */
  public Map<Long, Inference> all() {
    return inferences.all();
  }

  /**
   * A person chose the document's category: it is certain now, and only a missing date is still
   * asked about.
   */
  public void categoryGiven(long documentId, boolean dated) {
    DateSource date =
        inferences
            .find(documentId)
            .map(Inference::dateSource)
            .orElse(dated ? DateSource.GIVEN : DateSource.NONE);
    if (dated && date == DateSource.NONE) {
      date = DateSource.GIVEN;
    }
    inferences.put(
        documentId,
        new Inference(
            CategorySource.GIVEN, 1, date, date == DateSource.NONE ? NO_DATE_QUESTION : null));
  }

  /** A person gave or cleared the document's date; the category's standing is kept. */
  public void dateGiven(long documentId, boolean dated) {
    Optional<Inference> before = inferences.find(documentId);
    if (before.isEmpty()) {
      return; // filed before inference was recorded: certain, and stays so
    }
    Inference b = before.get();
    String question = b.question();
    if (question != null) {
      question = question.replace(NO_DATE_QUESTION, "").strip();
    }
    if (!dated) {
      question = (question == null ? "" : question + " ") + NO_DATE_QUESTION;
    }
    inferences.put(
        documentId,
        new Inference(
            b.categorySource(),
            b.categoryConfidence(),
            dated ? DateSource.GIVEN : DateSource.NONE,
            question == null || question.isBlank() ? null : question.strip()));
  }
}
