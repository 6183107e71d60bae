package org.taizhang.tools.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.index.DocumentIndex;
import org.taizhang.search.EmbeddedSearch;
import org.taizhang.support.SolrTestCluster;

/**
 * {@link RelevanceFiguresTest} with the index in SolrCloud (two shards), and the figures compared
 * with the embedded index's over the same documents: the same archive indexed into both, each query
 * judged on each.
 */
class SolrRelevanceFiguresTest extends RelevanceFiguresTest {
  @DynamicPropertySource
  static void solr(DynamicPropertyRegistry registry) {
    SolrTestCluster.use(registry);
  }

  @Autowired ApplicationContext context;
  @Autowired DocumentIndex embedded;

  private final List<RelevanceEvaluation.Outcome> onEmbedded = new ArrayList<>();

  @BeforeAll
  void evaluateEmbedded() {
    documents.forEachWithText(null, 100, dt -> embedded.put(dt.document(), dt.text()));
    RelevanceEvaluation evaluation =
        new RelevanceEvaluation(
            EmbeddedSearch.in(context), RelevanceEvaluation.documentKeys(units, documents));
    for (RelevanceJudgments.Query q :
        RelevanceJudgments.load(RelevanceEvaluation.DEFAULT_JUDGMENTS)) {
      onEmbedded.add(evaluation.evaluate(q, RelevanceJudgments.FEATURES));
    }
  }

  @Test
  void figuresEqualTheEmbeddedIndexs() {
    assertThat(outcomes).hasSameSizeAs(onEmbedded);
    Map<String, RelevanceEvaluation.Outcome> embeddedById =
        onEmbedded.stream().collect(Collectors.toMap(o -> o.query().id(), Function.identity()));
    for (RelevanceEvaluation.Outcome solr : outcomes) {
      RelevanceEvaluation.Outcome local = embeddedById.get(solr.query().id());
      String what = solr.query().id() + " " + solr.query().text();
      assertThat(solr.scores().recall()).as(what).isCloseTo(local.scores().recall(), within(0.01));
      assertThat(solr.scores().ndcg()).as(what).isCloseTo(local.scores().ndcg(), within(0.01));
    }
    assertThat(mean(outcomes, true)).isCloseTo(mean(onEmbedded, true), within(0.01));
    assertThat(mean(outcomes, false)).isCloseTo(mean(onEmbedded, false), within(0.01));
  }

  private static double mean(List<RelevanceEvaluation.Outcome> outcomes, boolean recall) {
    return outcomes.stream()
        .mapToDouble(o -> recall ? o.scores().recall() : o.scores().ndcg())
        .average()
        .orElse(0);
  }
}
