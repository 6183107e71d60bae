package org.taizhang.completeness;

import java.util.List;

/**
 * A unit's archive checked against the evaluation system for its type and year: every indicator,
 * the total score out of the material-review maximum, the rank among units of the same type, veto
 * items (一票否决) that block an application whatever the score, and red flags.
 */
public record UnitCompleteness(
    String unit,
    String unitName,
    String unitType,
    String parentUnit,
    int year,
    String system,
    List<IndicatorResult> indicators,
    double score,
    double maxScore,
    int rank,
    int rankOf,
    List<String> vetoes,
    List<RedFlag> redFlags) {

  public UnitCompleteness {
    indicators = List.copyOf(indicators);
    vetoes = List.copyOf(vetoes);
    redFlags = List.copyOf(redFlags);
  }

  /** Also in the JSON answer, so scripts need not interpret the list. */
  @com.fasterxml.jackson.annotation.JsonProperty("vetoed")
  public boolean vetoed() {
    return !vetoes.isEmpty();
  }
}
