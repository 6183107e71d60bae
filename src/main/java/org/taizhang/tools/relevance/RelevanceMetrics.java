package org.taizhang.tools.relevance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The measures of one ranked result list against graded judgments, at a cut-off of {@value #K}.
 * Definitions (also in {@code docs/relevance.md}); R is the set of documents judged 1 or 2, and a
 * document that is not judged counts as not relevant:
 *
 * <ul>
 *   <li>recall@10 = |R ∩ top 10| / min(10, |R|) — “capped” recall, so that a query with more than
 *       ten relevant documents can still reach 1; {@link Scores#recallUncapped} divides by |R|.
 *   <li>precision@10 = |R ∩ top 10| / 10, whatever the number of hits or of relevant documents.
 *   <li>P@R = |R ∩ top min(10, |R|)| / min(10, |R|): R-precision for |R| ≤ 10, capped at 10.
 *   <li>nDCG@10 = DCG@10 / ideal DCG@10 with gain 2^grade − 1 and discount log2(rank + 1); the
 *       ideal ranking lists all judged documents by grade.
 * </ul>
 */
final class RelevanceMetrics {
  static final int K = 10;

  private RelevanceMetrics() {}

  /** A trap (grade 0) found in the top {@value #K}, with its 1-based rank. */
  record Trap(String path, int rank) {}

  /** A relevant document not in the top {@value #K}. */
  record Missing(String path, int grade) {}

  record Scores(
      double recall,
      double recallUncapped,
      double precision,
      double rPrecision,
      double ndcg,
      int relevant,
      int found,
      List<Missing> missing,
      List<Trap> traps,
      int unjudged) {

    /** Fewer relevant documents in the top 10 than could be there. */
    boolean incomplete() {
      return found < Math.min(K, relevant);
    }
  }

  /**
   * @param ranked the top results, best first, each as its judged path or null when it is not
   *     judged
   * @param grades judged path → grade
   */
  static Scores score(List<String> ranked, Map<String, Integer> grades) {
    List<String> top = ranked.subList(0, Math.min(K, ranked.size()));
    int relevant = (int) grades.values().stream().filter(g -> g > 0).count();
    int cap = Math.min(K, relevant);
    int found = 0;
    int foundWithinCap = 0;
    int unjudged = 0;
    double dcg = 0;
    List<Trap> traps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < top.size(); i++) {
      String path = top.get(i);
      Integer g = path == null ? null : grades.get(path);
      if (g == null) {
        unjudged++;
        continue;
      }
      if (!seen.add(path)) {
        continue; // the same document twice counts once
      }
      if (g > 0) {
        found++;
        if (i < cap) {
          foundWithinCap++;
        }
        dcg += gain(g) / log2(i + 2);
      } else {
        traps.add(new Trap(path, i + 1));
      }
    }
    List<Integer> ideal =
        grades.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(K, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    List<Missing> missing = new ArrayList<>();
    grades.forEach(
        (path, g) -> {
          if (g > 0 && !seen.contains(path)) {
            missing.add(new Missing(path, g));
          }
        });
    missing.sort(Comparator.comparingInt(Missing::grade).reversed());
    return new Scores(
        relevant == 0 ? 0 : (double) found / cap,
        relevant == 0 ? 0 : (double) found / relevant,
        (double) found / K,
        relevant == 0 ? 0 : (double) foundWithinCap / cap,
        idcg == 0 ? 0 : dcg / idcg,
        relevant,
        found,
        List.copyOf(missing),
        List.copyOf(traps),
        unjudged);
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
