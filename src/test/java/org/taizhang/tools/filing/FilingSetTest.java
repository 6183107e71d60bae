package org.taizhang.tools.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.support.Slow;

/**
 * The committed filing set, read by the parser processes and filed by the shipped configuration,
 * meets the filing targets; a rule or keyword change that breaks them fails here, not in an office.
 */
@Slow
class FilingSetTest {
  @Test
  void theShippedRulesMeetTheTargetsOnTheLabelledSet() throws Exception {
    List<FilingEvaluation.Outcome> outcomes =
        FilingEvaluation.run(Path.of("docs/filing-set"), Path.of("index-config"));
    assertThat(outcomes).hasSizeGreaterThanOrEqualTo(200);
    long right = outcomes.stream().filter(FilingEvaluation.Outcome::categoryRight).count();
    assertThat(right).isGreaterThanOrEqualTo(Math.round(outcomes.size() * 0.9));
    List<FilingEvaluation.Outcome> stated =
        outcomes.stream().filter(FilingEvaluation.Outcome::stated).toList();
    assertThat(stated.stream().filter(FilingEvaluation.Outcome::dateRight).count())
        .isGreaterThanOrEqualTo(Math.round(stated.size() * 0.95));
    assertThat(outcomes.stream().filter(FilingEvaluation.Outcome::invented))
        .as("dates made up for documents that state none")
        .isEmpty();
    // a wrong guess is worse than a question: what is not filed right is left 未分类
    assertThat(
            outcomes.stream()
                .filter(o -> !o.categoryRight() && !o.gotCategory().equals("none"))
                .map(FilingEvaluation.Outcome::file))
        .isEmpty();
  }
}
