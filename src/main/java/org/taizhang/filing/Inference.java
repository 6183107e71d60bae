package org.taizhang.filing;

import org.taizhang.catalog.CategorySource;
import org.taizhang.catalog.Classification;

/**
 * How a document's category and date were worked out: where each came from, how sure the category
 * is (0–1), and what the clerk is asked, or null. A category below {@link Classification#CERTAIN}
 * is a guess to confirm ({@link #uncertain()}).
 */
public record Inference(
    CategorySource categorySource,
    double categoryConfidence,
    DateSource dateSource,
    String question) {
  public Inference {
    if (categorySource == null || dateSource == null) {
      throw new IllegalArgumentException("sources are required");
    }
    if (categoryConfidence < 0 || categoryConfidence > 1) {
      throw new IllegalArgumentException("confidence " + categoryConfidence);
    }
  }

  /** Whether the category is 未分类 or a guess the clerk should confirm. */
  public boolean uncertain() {
    return categorySource == CategorySource.NONE || categoryConfidence < Classification.CERTAIN;
  }

  /** Whether the document states no date the product could find. */
  public boolean undated() {
    return dateSource == DateSource.NONE;
  }
}
