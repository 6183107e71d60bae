package org.taizhang.filing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A multinomial naive Bayes model of categories over character bigrams, trained on documents whose
 * category a person accepted: the title counts three times, the text's beginning once. It answers
 * with the most probable category and its posterior probability. Built to be measured against the
 * rules ({@code evaluate-filing --model}); the service does not file by it yet.
 */
public final class CategoryModel {
  private static final int TEXT_CHARS = 1000;
  private static final int TITLE_WEIGHT = 3;

  private final Map<String, Map<String, Integer>> counts = new HashMap<>();
  private final Map<String, Integer> totals = new HashMap<>();
  private final Map<String, Integer> documents = new HashMap<>();
  private final Map<String, Boolean> vocabulary = new HashMap<>();
  private int documentCount;

  /** A category with how probable the model finds it. */
  public record Guess(String category, double probability) {}

  public void add(String category, String title, String text) {
    documentCount++;
    documents.merge(category, 1, Integer::sum);
    Map<String, Integer> c = counts.computeIfAbsent(category, k -> new HashMap<>());
    features(title, text)
        .forEach(
            (f, n) -> {
              c.merge(f, n, Integer::sum);
              totals.merge(category, n, Integer::sum);
              vocabulary.put(f, Boolean.TRUE);
            });
  }

  public Optional<Guess> guess(String title, String text) {
    if (documentCount == 0) {
      return Optional.empty();
    }
    Map<String, Integer> f = features(title, text);
    Map<String, Double> logs = new HashMap<>();
    double max = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
      double log = Math.log(documents.get(e.getKey()) / (double) documentCount);
      double denominator = totals.getOrDefault(e.getKey(), 0) + vocabulary.size() + 1.0;
      for (Map.Entry<String, Integer> x : f.entrySet()) {
        log +=
            x.getValue() * Math.log((e.getValue().getOrDefault(x.getKey(), 0) + 1) / denominator);
      }
      logs.put(e.getKey(), log);
      max = Math.max(max, log);
    }
    double sum = 0;
    String best = null;
    double bestLog = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      sum += Math.exp(e.getValue() - max);
      if (e.getValue() > bestLog) {
        bestLog = e.getValue();
        best = e.getKey();
      }
    }
    return Optional.of(new Guess(best, Math.exp(bestLog - max) / sum));
  }

  private static Map<String, Integer> features(String title, String text) {
    Map<String, Integer> out = new HashMap<>();
    bigrams(title == null ? "" : title, TITLE_WEIGHT, out);
    String t = text == null ? "" : text;
    bigrams(t.substring(0, Math.min(t.length(), TEXT_CHARS)), 1, out);
    return out;
  }

  private static void bigrams(String s, int weight, Map<String, Integer> out) {
    String cjk = s.replaceAll("[^\\u4e00-\\u9fa5]+", " ");
    for (int i = 0; i + 1 < cjk.length(); i++) {
      if (cjk.charAt(i) != ' ' && cjk.charAt(i + 1) != ' ') {
        out.merge(cjk.substring(i, i + 2), weight, Integer::sum);
      }
    }
  }
}
