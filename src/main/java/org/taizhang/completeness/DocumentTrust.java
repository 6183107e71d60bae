package org.taizhang.completeness;

import java.util.Set;
import org.taizhang.catalog.Classification;

/**
 * How far a document's machine-read parts can be trusted, as the tables of V10 record it: whether
 * its text came from a recognition too unsure to prove anything by itself, which required-content
 * labels a reviewer confirmed by looking at it, and how its category and date were worked out. A
 * document stored before inference was recorded has no row and is {@link #CERTAIN}.
 *
 * @param lowConfidenceText its text came from OCR with low confidence (handwriting, a blurred
 *     photo)
 * @param recognitionConfidence the recognition's mean confidence (0–1), or null
 * @param confirmed the labels a reviewer confirmed on the document page
 * @param categorySource how the category was worked out (GIVEN, PATH, TITLE … MODEL, NONE), or null
 *     when not recorded
 * @param categoryConfidence how sure that is (0–1); meaningless without a source
 * @param dateSource how the date was worked out (GIVEN … EXIF, NONE), or null when not recorded
 */
record DocumentTrust(
    boolean lowConfidenceText,
    Double recognitionConfidence,
    Set<String> confirmed,
    String categorySource,
    double categoryConfidence,
    String dateSource) {

  static final DocumentTrust CERTAIN = new DocumentTrust(false, null, Set.of(), null, 1, null);

  DocumentTrust {
    confirmed = Set.copyOf(confirmed);
  }

  /**
   * The category was inferred with too little confidence to count before someone confirms it; a
   * person's choice (GIVEN) or the folder the unit filed it in (PATH) is not inferred.
   */
  boolean categoryUnsure() {
    return categorySource != null
        && !"GIVEN".equals(categorySource)
        && !"PATH".equals(categorySource)
        && !"NONE".equals(categorySource)
        && categoryConfidence < Classification.CERTAIN;
  }

  /** The document states no date (and nobody gave one). */
  boolean dateUnstated() {
    return "NONE".equals(dateSource);
  }

  DocumentTrust withConfirmed(Set<String> labels) {
    return new DocumentTrust(
        lowConfidenceText,
        recognitionConfidence,
        labels,
        categorySource,
        categoryConfidence,
        dateSource);
  }
}
