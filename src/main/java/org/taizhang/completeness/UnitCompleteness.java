package org.taizhang.completeness;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;

/**
 * A unit's archive checked against the evaluation system for its type and year: every indicator,
 * the total score out of the system's points, the rank among units of the same type, veto items
 * (一票否决) that block an application whatever the score, and red flags.
 *
 * <p>{@code score} counts every indicator graded so far: 材料审核 from the archive, 实地考察 and 问卷调查 by
 * hand. {@code ungraded} of the latter are still to be graded ({@code ungradedPoints} of {@code
 * maxScore}) and count 0 until they are. A vetoed unit ranks below every unit of its type without a
 * veto, and its verdict is the veto, not the score.
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
    int ungraded,
    double ungradedPoints,
    int rank,
    int rankOf,
    List<Veto> vetoes,
    List<RedFlag> redFlags) {

  public static final String MAY_NOT_APPLY = "不得申报";

  public UnitCompleteness {
    indicators = List.copyOf(indicators);
    vetoes = List.copyOf(vetoes);
    redFlags = List.copyOf(redFlags);
  }

  /** Also in the JSON answer, so scripts need not interpret the list. */
  @JsonProperty("vetoed")
  public boolean vetoed() {
    return !vetoes.isEmpty();
  }

  /** Whether the unit may apply for the title: not with a veto. */
  @JsonProperty("mayApply")
  public boolean mayApply() {
    return vetoes.isEmpty();
  }

  /**
   * What stands where the score is shown: “一票否决 · 不得申报” for a vetoed unit, otherwise “40 / 48” with
   * “（2 项待评）” while hand-graded indicators are not graded yet.
   */
  @JsonProperty("verdict")
  public String verdict() {
    if (vetoed()) {
      return "一票否决 · " + MAY_NOT_APPLY;
    }
    return points(score)
        + " / "
        + points(maxScore)
        + (ungraded > 0 ? "（" + ungraded + " 项待评）" : "");
  }

  /**
   * The same result as a reader who sees the units {@code sees} accepts may read it (see {@link
   * RedFlag#forReader}).
   */
  public UnitCompleteness forReader(Predicate<String> sees) {
    if (redFlags.stream().allMatch(f -> f.source() == null)) {
      return this;
    }
    return withRedFlags(redFlags.stream().map(f -> f.forReader(sees)).toList());
  }

  UnitCompleteness withRank(int rank, int of) {
    return new UnitCompleteness(
        unit,
        unitName,
        unitType,
        parentUnit,
        year,
        system,
        indicators,
        score,
        maxScore,
        ungraded,
        ungradedPoints,
        rank,
        of,
        vetoes,
        redFlags);
  }

  private UnitCompleteness withRedFlags(List<RedFlag> flags) {
    return new UnitCompleteness(
        unit,
        unitName,
        unitType,
        parentUnit,
        year,
        system,
        indicators,
        score,
        maxScore,
        ungraded,
        ungradedPoints,
        rank,
        rankOf,
        vetoes,
        flags);
  }

  /** 12, 12.5, 12.25: points without a trailing “.0”. */
  public static String points(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
