package org.taizhang.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A query's score squeezed into [0, 1): {@code s / (s + half)}. Keeps the order of the scores, so
 * a document mentioning a phrase often still ranks above one mentioning it once, but can never add
 * up to a whole step of the score tiers in {@link QueryFactory}.
 */
final class SaturatedScore extends DoubleValuesSource {
  private final double half;

  /** @param half the score that maps to one half */
  SaturatedScore(double half) {
    this.half = half;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) {
    return new DoubleValues() {
      @Override
      public double doubleValue() throws IOException {
        double s = Math.max(0, scores.doubleValue());
        return s / (s + half);
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        return scores.advanceExact(doc);
      }
    };
  }

  @Override
  public boolean needsScores() {
    return true;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return false;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(half);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SaturatedScore other && other.half == half;
  }

  @Override
  public String toString() {
    return "saturated(score," + half + ")";
  }
}
