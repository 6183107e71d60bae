package org.taizhang.completeness;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.taizhang.archive.Review;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.text.ChineseDates;

/**
 * What the completeness check needs to know about one current document, worked out once from its
 * row and text so that recomputing never reads text or the database again.
 *
 * @param date the date the document is about, or null when none is known
 * @param year the archive year the unit filed it under
 * @param formal whether its text shows a 文号 (正式文件)
 * @param filledLabels the configured required-content labels that appear filled in
 * @param placeholder whether unfilled template text (×××, XX, 20xx年x月x日) was found
 * @param created the day the file says it was created, or null
 * @param signature MinHash signature of the text for near-duplicate detection, or null when the
 *     category is not compared or the text is too short
 * @param period the period the document states it is about (2025年第三季度), or null
 * @param review where the document stands with the reviewers: a returned one (退回) is no evidence
 *     until a new version replaces it
 * @param doubts what about the document a person must confirm before it counts (待确认)
 */
public record EvidenceFact(
    long id,
    String unit,
    String category,
    String title,
    LocalDate date,
    int year,
    boolean image,
    boolean formal,
    Set<String> filledLabels,
    boolean placeholder,
    LocalDateTime takenAt,
    LocalDate created,
    int[] signature,
    ChineseDates.Period period,
    Review review,
    Doubts doubts) {

  /**
   * What is unsure about a document: its text was read by a recognition too unsure to prove its
   * required content (then {@code filledLabels} holds only what a reviewer confirmed), its category
   * was inferred with low confidence ({@code categoryConfidence} is then how sure, else null), or
   * it states no date.
   */
  public record Doubts(boolean unsureText, Double categoryConfidence, boolean undated) {
    public static final Doubts NONE = new Doubts(false, null, false);

    public boolean any() {
      return unsureText || categoryConfidence != null || undated;
    }
  }

  public EvidenceFact {
    filledLabels = Set.copyOf(filledLabels);
    review = review == null ? Review.SUBMITTED : review;
    doubts = doubts == null ? Doubts.NONE : doubts;
  }

  boolean returned() {
    return review.status() == ReviewStatus.RETURNED;
  }

  /**
   * Whether this document came after the other: by its date where both have one, then by upload
   * order.
   */
  boolean after(EvidenceFact other) {
    if (date != null && other.date != null && !date.equals(other.date)) {
      return date.isAfter(other.date);
    }
    return id > other.id;
  }

  /**
   * How a missing item names this document after its category: by its date (" 2025-05-14 "), or by
   * its title when it has none ("《…》", which needs no spaces around it).
   */
  String reference() {
    return date != null ? " " + date + " " : "《" + title + "》";
  }
}
