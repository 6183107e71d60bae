package org.taizhang.solr;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A query's score squeezed into [base, base + 1): {@code base + s / (s + half)}. Keeps the order of
 * the scores, so a document mentioning a phrase often still ranks above one mentioning it once, but
 * the frequency can never add up to a whole step of the score tiers in {@code
 * org.taizhang.search.QueryFactory}.
 */
public final class SaturatedScore extends DoubleValuesSource {
  private final double base;
  private final double half;

  /**
   * @param base the score of any match
   * @param half the score that adds one half
   */
  public SaturatedScore(double base, double half) {
    this.base = base;
    this.half = half;
  }

  public double base() {
    return base;
  }

  public double half() {
    return half;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) {
    return new DoubleValues() {
      @Override
      public double doubleValue() throws IOException {
        double s = Math.max(0, scores.doubleValue());
        return base + s / (s + half);
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
    return 31 * Double.hashCode(base) + Double.hashCode(half);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SaturatedScore other && other.base == base && other.half == half;
  }

  @Override
  public String toString() {
    return base + "+saturated(score," + half + ")";
  }
}
