package org.taizhang.completeness;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How results are written and coloured in every output, so that the dashboard, the checklist, the
 * Excel matrix and the PDF report say the same thing the same way. The colours match {@code
 * .status-*} in taizhang.css.
 */
public final class Labels {
  private Labels() {}

  /**
   * Background of a status cell: 达标 green, 部分达标 amber, 待确认 teal, 缺失 red, 已说明 blue, 说明逾期 dark red,
   * 待评 grey, 人工评定 lavender.
   */
  private static final Map<IndicatorStatus, String> FILL =
      Map.of(
          IndicatorStatus.MET, "B7E1C1",
          IndicatorStatus.PARTIAL, "FFD97A",
          IndicatorStatus.PENDING, "A8E0DA",
          IndicatorStatus.MISSING, "F4A9A2",
          IndicatorStatus.EXPLAINED, "B9D3F2",
          IndicatorStatus.OVERDUE, "8E1B12",
          IndicatorStatus.NOT_REVIEWED, "E3E6E9",
          IndicatorStatus.HAND_GRADED, "DCD0F2");

  private static final Map<IndicatorStatus, String> TEXT =
      Map.of(
          IndicatorStatus.MET, "12502A",
          IndicatorStatus.PARTIAL, "5C4100",
          IndicatorStatus.PENDING, "0E4D47",
          IndicatorStatus.MISSING, "7E0F08",
          IndicatorStatus.EXPLAINED, "143E7A",
          IndicatorStatus.OVERDUE, "FFFFFF",
          IndicatorStatus.NOT_REVIEWED, "4B5560",
          IndicatorStatus.HAND_GRADED, "3B2475");

  private static final Map<String, String> RED_FLAG_KINDS =
      Map.of(
          "PLACEHOLDER", "模板未填写",
          "PHOTO_TIME_MISMATCH", "照片时间不符",
          "NEAR_DUPLICATE", "疑似雷同",
          "BACKFILLED", "疑似集中补做");

  /** RRGGBB of the status's fill. */
  public static String fillHex(IndicatorStatus s) {
    return FILL.get(s);
  }

  /** RRGGBB of the text on that fill. */
  public static String textHex(IndicatorStatus s) {
    return TEXT.get(s);
  }

  /** A colour for the status as text on white (the dark variants). */
  public static Color onWhite(IndicatorStatus s) {
    return switch (s) {
      case MET -> new Color(0x1e, 0x6b, 0x35);
      case PARTIAL -> new Color(0x9a, 0x64, 0x00);
      case PENDING -> new Color(0x11, 0x6b, 0x63);
      case MISSING -> new Color(0xc0, 0x1a, 0x0e);
      case EXPLAINED -> new Color(0x1a, 0x4f, 0x9c);
      case OVERDUE -> new Color(0x8e, 0x1b, 0x12);
      case NOT_REVIEWED -> new Color(0x5f, 0x6b, 0x76);
      case HAND_GRADED -> new Color(0x5b, 0x3f, 0x9e);
    };
  }

  /**
   * The grade as a letter, “—” when there is none (a field-inspection indicator not graded yet).
   */
  public static String grade(Grade g) {
    return g == null ? "—" : g.name();
  }

  /** What a matrix cell says: “A 达标”, “B 人工评定”, “— 待评”. */
  public static String cell(IndicatorResult r) {
    return grade(r.grade()) + " " + r.status().label();
  }

  /** 12, 12.5, 12.25: points without a trailing “.0”. */
  public static String points(double d) {
    return UnitCompleteness.points(d);
  }

  /** What stands where the score is shown: the score, or for a vetoed unit “一票否决 · 不得申报”. */
  public static String verdict(UnitCompleteness u) {
    return u.verdict();
  }

  /** “3/5”, or “—” when the unit has no rank. */
  public static String rank(int rank, int of) {
    return rank <= 0 ? "—" : rank + "/" + of;
  }

  public static String redFlagKind(String kind) {
    return kind == null ? "疑点" : RED_FLAG_KINDS.getOrDefault(kind, kind);
  }

  /**
   * A unit's red flags in one line: “3 项：疑似雷同 2、模板未填写 1”, kinds in order of first appearance; “”
   * without any.
   */
  public static String redFlags(UnitCompleteness u) {
    if (u.redFlags().isEmpty()) {
      return "";
    }
    Map<String, Integer> kinds = new LinkedHashMap<>();
    for (RedFlag f : u.redFlags()) {
      kinds.merge(redFlagKind(f.kind()), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    kinds.forEach((k, n) -> parts.add(k + " " + n));
    return u.redFlags().size() + " 项：" + String.join("、", parts);
  }

  /** The vetoes of a unit in one line, each credited to the person who recorded it. */
  public static String vetoes(UnitCompleteness u) {
    return String.join(
        "；", u.vetoes().stream().map(v -> v.text() + "（记录人：" + v.byName() + "）").toList());
  }
}
