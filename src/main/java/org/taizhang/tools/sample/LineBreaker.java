package org.taizhang.tools.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks Chinese text into lines of a given width. Chinese may break between any two characters,
 * except that closing punctuation never starts a line (it hangs into the margin instead) and a run
 * of Latin letters or digits is kept together.
 */
final class LineBreaker {

  /** Characters that typesetting rules (禁则) keep off the start of a line. */
  private static final String NO_LINE_START = "，。、；：？！）》」』〕”’…%·";

  /** Width of a single character; lines are measured as the sum of their characters. */
  interface Measure {
    double width(String character) throws IOException;
  }

  private LineBreaker() {}

  static List<String> wrap(String text, double firstLineWidth, double width, Measure measure)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    double lineWidth = 0;
    double limit = firstLineWidth;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      double chWidth = measure.width(ch);
      if (line.length() > 0 && lineWidth + chWidth > limit && NO_LINE_START.indexOf(cp) < 0) {
        int keep = latinRunStart(line);
        String carried = isLatin(cp) && keep > 0 ? line.substring(keep) : "";
        lines.add(line.substring(0, line.length() - carried.length()));
        line.setLength(0);
        line.append(carried);
        lineWidth = 0;
        for (int j = 0; j < carried.length(); j++) {
          lineWidth += measure.width(carried.substring(j, j + 1));
        }
        limit = width;
      }
      line.append(ch);
      lineWidth += chWidth;
      i += Character.charCount(cp);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static boolean isLatin(int cp) {
    return cp < 128 && Character.isLetterOrDigit(cp);
  }

  /** Where the trailing Latin/digit run of the line starts, or 0 if the line has none or is all Latin. */
  private static int latinRunStart(CharSequence line) {
    int j = line.length();
    while (j > 0 && isLatin(line.charAt(j - 1))) {
      j--;
    }
    return j == line.length() ? 0 : j;
  }
}
