package org.taizhang.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks Chinese text into lines by measured width (Chinese has no spaces to break at), with the
 * typesetting rules (禁则): a line may break between any two Chinese characters, but closing
 * punctuation never starts a line (it hangs at the end of the previous one) and opening punctuation
 * never ends one (it moves down with what it opens). A run of Latin letters and digits (a code, a
 * date, a file name) stays together where it fits on a line, and a space at a break is dropped.
 */
public final class LineBreaker {
  /** Characters that never start a line. */
  static final String CLOSING = "，。、；：？！）］｝〕〗】》〉」』”’…‥·%％,.;:?!)]}";

  /** Characters that never end a line. */
  static final String OPENING = "（［｛〔〖【《〈「『“‘([{";

  /** The width of one character as it is drawn. */
  @FunctionalInterface
  public interface Measure {
    double width(int codePoint) throws IOException;
  }

  private LineBreaker() {}

  /**
   * The lines of one paragraph (no line breaks in it): the first at most {@code firstWidth} wide,
   * the others {@code width}, but for hanging punctuation; at least one line.
   */
  public static List<String> wrap(String text, double firstWidth, double width, Measure measure)
      throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    double lineWidth = 0;
    double limit = firstWidth;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      double w = measure.width(cp);
      if (line.length() > 0 && lineWidth + w > limit && CLOSING.indexOf(cp) < 0) {
        int keep = carriedFrom(line, cp);
        String carried = line.substring(keep);
        lines.add(line.substring(0, keep).stripTrailing());
        line.setLength(0);
        line.append(carried);
        lineWidth = 0;
        for (int j = 0; j < carried.length(); j++) {
          lineWidth += measure.width(carried.charAt(j));
        }
        limit = width;
        if (cp == ' ' && carried.isEmpty()) {
          i++;
          continue;
        }
      }
      line.appendCodePoint(cp);
      lineWidth += w;
      i += Character.charCount(cp);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * Where the end of a full line that moves down starts: the Latin run {@code next} continues, and
   * opening punctuation before it. All of the line: nothing moves, the line must break where it is.
   */
  private static int carriedFrom(CharSequence line, int next) {
    int j = line.length();
    if (isLatin(next)) {
      while (j > 0 && isLatin(line.charAt(j - 1))) {
        j--;
      }
    }
    while (j > 0 && OPENING.indexOf(line.charAt(j - 1)) >= 0) {
      j--;
    }
    return j == 0 ? line.length() : j;
  }

  private static boolean isLatin(int cp) {
    return cp < 128 && (Character.isLetterOrDigit(cp) || cp == '-' || cp == '_' || cp == '.');
  }
}
