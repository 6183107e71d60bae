package org.taizhang.catalog;

import java.util.Optional;

/**
 * What a document's category was inferred to be, how, and how sure that is (0–1); {@code category}
 * is null for 未分类. {@code question} is what the clerk is asked to settle, or null when nothing
 * needs asking.
 */
public record Classification(
    Category category, CategorySource source, double confidence, String question) {
  /** Below this a filing is a guess the clerk is asked to confirm. */
  public static final double CERTAIN = 0.75;

  public Classification {
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence " + confidence);
    }
  }

  public static Classification none(String question) {
    return new Classification(null, CategorySource.NONE, 0, question);
  }

  public static Classification given(Category category, CategorySource source) {
    return new Classification(category, source, 1, null);
  }

  public Optional<Category> found() {
    return Optional.ofNullable(category);
  }

  public boolean uncertain() {
    return category == null || confidence < CERTAIN;
  }
}
