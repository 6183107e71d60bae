package org.taizhang.tools.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The definitions of docs/relevance.md on made-up rankings; null stands for a document that is not
 * judged.
 */
class RelevanceMetricsTest {
  private static Map<String, Integer> grades(Object... pathGrade) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < pathGrade.length; i += 2) {
      m.put((String) pathGrade[i], (Integer) pathGrade[i + 1]);
    }
    return m;
  }

  @Test
  void perfectRankingOfOneDocument() {
    RelevanceMetrics.Scores s = RelevanceMetrics.score(List.of("a"), grades("a", 2, "t", 0));
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.precision()).isEqualTo(0.1);
    assertThat(s.rPrecision()).isEqualTo(1.0);
    assertThat(s.ndcg()).isEqualTo(1.0);
    assertThat(s.incomplete()).isFalse();
  }

  @Test
  void aTrapCountsAsNotRelevantAndIsReportedWithItsRank() {
    RelevanceMetrics.Scores s =
        RelevanceMetrics.score(Arrays.asList(null, "t", "a"), grades("a", 1, "b", 1, "t", 0));
    assertThat(s.recall()).isEqualTo(0.5);
    assertThat(s.rPrecision()).isEqualTo(0.0); // nothing relevant in the top 2
    assertThat(s.traps()).containsExactly(new RelevanceMetrics.Trap("t", 2));
    assertThat(s.missing()).containsExactly(new RelevanceMetrics.Missing("b", 1));
    assertThat(s.unjudged()).isEqualTo(1);
    // DCG = 1/log2(4) = 0.5; ideal = 1 + 1/log2(3)
    assertThat(s.ndcg()).isCloseTo(0.5 / (1 + 1 / (Math.log(3) / Math.log(2))), within(1e-9));
  }

  @Test
  void recallIsCappedAtTenButAlsoReportedUncapped() {
    Map<String, Integer> g = new LinkedHashMap<>();
    List<String> ranked = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      g.put("d" + i, 1);
      if (i < 10) {
        ranked.add("d" + i);
      }
    }
    RelevanceMetrics.Scores s = RelevanceMetrics.score(ranked, g);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.recallUncapped()).isCloseTo(10 / 15.0, within(1e-9));
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.ndcg()).isCloseTo(1.0, within(1e-9));
    assertThat(s.incomplete()).isFalse();
  }

  @Test
  void gradesWeighTheOrder() {
    Map<String, Integer> g = grades("high", 2, "low", 1);
    assertThat(RelevanceMetrics.score(List.of("high", "low"), g).ndcg())
        .isCloseTo(1.0, within(1e-9));
    // gains 3 and 1: (1 + 3/log2 3) / (3 + 1/log2 3)
    double log3 = Math.log(3) / Math.log(2);
    assertThat(RelevanceMetrics.score(List.of("low", "high"), g).ndcg())
        .isCloseTo((1 + 3 / log3) / (3 + 1 / log3), within(1e-9));
  }

  @Test
  void onlyTheTopTenCount() {
    List<String> ranked = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ranked.add(null);
    }
    ranked.add("a");
    RelevanceMetrics.Scores s = RelevanceMetrics.score(ranked, grades("a", 2));
    assertThat(s.recall()).isZero();
    assertThat(s.ndcg()).isZero();
    assertThat(s.incomplete()).isTrue();
  }
}
