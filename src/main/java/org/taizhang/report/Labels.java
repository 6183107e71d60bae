package org.taizhang.report;

import java.awt.Color;
import java.math.BigDecimal;
import java.util.Map;
import org.taizhang.completeness.Grade;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.completeness.IndicatorStatus;

/**
 * How results are written and coloured in every output, so that the dashboard, the checklist, the
 * Excel matrix and the PDF report say the same thing the same way. The colours match
 * {@code .status-*} in taizhang.css.
 */
public final class Labels {
  private Labels() {}

  /** Background of a status cell: 达标 green, 部分达标 amber, 缺失 red, 已说明 blue, 说明逾期 dark red, 非材料审核 grey. */
  private static final Map<IndicatorStatus, String> FILL = Map.of(
      IndicatorStatus.MET, "B7E1C1",
      IndicatorStatus.PARTIAL, "FFD97A",
      IndicatorStatus.MISSING, "F4A9A2",
      IndicatorStatus.EXPLAINED, "B9D3F2",
      IndicatorStatus.OVERDUE, "8E1B12",
      IndicatorStatus.NOT_REVIEWED, "E3E6E9");

  private static final Map<IndicatorStatus, String> TEXT = Map.of(
      IndicatorStatus.MET, "12502A",
      IndicatorStatus.PARTIAL, "5C4100",
      IndicatorStatus.MISSING, "7E0F08",
      IndicatorStatus.EXPLAINED, "143E7A",
      IndicatorStatus.OVERDUE, "FFFFFF",
      IndicatorStatus.NOT_REVIEWED, "4B5560");

  private static final Map<String, String> RED_FLAG_KINDS = Map.of(
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
  static Color onWhite(IndicatorStatus s) {
    return switch (s) {
      case MET -> new Color(0x1e, 0x6b, 0x35);
      case PARTIAL -> new Color(0x9a, 0x64, 0x00);
      case MISSING -> new Color(0xc0, 0x1a, 0x0e);
      case EXPLAINED -> new Color(0x1a, 0x4f, 0x9c);
      case OVERDUE -> new Color(0x8e, 0x1b, 0x12);
      case NOT_REVIEWED -> new Color(0x5f, 0x6b, 0x76);
    };
  }

  /** The grade as a letter, “—” when there is none (a field-inspection indicator without an override). */
  public static String grade(Grade g) {
    return g == null ? "—" : g.name();
  }

  /** What a matrix cell says: “A 达标”, “— 非材料审核”. */
  public static String cell(IndicatorResult r) {
    return grade(r.grade()) + " " + r.status().label();
  }

  /** 12, 12.5, 12.25: points without a trailing “.0”. */
  public static String points(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** “3/5”, or “—” when the unit has no rank. */
  public static String rank(int rank, int of) {
    return rank <= 0 ? "—" : rank + "/" + of;
  }

  public static String redFlagKind(String kind) {
    return kind == null ? "疑点" : RED_FLAG_KINDS.getOrDefault(kind, kind);
  }

  /** The code of a veto entry as the engine writes it (“V1 名称（理由）”): the text before the first space or bracket. */
  public static String vetoCode(String veto) {
    if (veto == null) {
      return "";
    }
    String s = veto.strip();
    int end = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '（' || c == '(') {
        end = i;
        break;
      }
    }
    return s.substring(0, end);
  }
}
