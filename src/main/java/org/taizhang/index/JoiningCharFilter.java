package org.taizhang.index;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Leaves out the white space between two Chinese (Japanese, Korean) characters, so that a word a
 * PDF line break or a spaced-out title splits (“城\n关支行”, “工 作 总 结”) is read whole. The same as a
 * {@link org.apache.lucene.analysis.pattern.PatternReplaceCharFilter} of {@link
 * ChineseAnalysis#JOINED} replaced by nothing (Solr's configuration uses that), in one pass: the
 * regular expression looks up the script of every character of the text, this only of those next to
 * white space.
 */
final class JoiningCharFilter extends BaseCharFilter {
  private char[] out;
  private int length;
  private int next;

  JoiningCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (out == null) {
      fill();
    }
    if (next >= length) {
      return -1;
    }
    int n = Math.min(len, length - next);
    System.arraycopy(out, next, cbuf, off, n);
    next += n;
    return n;
  }

  @Override
  public int read() throws IOException {
    if (out == null) {
      fill();
    }
    return next < length ? out[next++] : -1;
  }

  @Override
  protected int correct(int currentOff) {
    return Math.max(0, super.correct(currentOff));
  }

  private void fill() throws IOException {
    char[] in = new char[1024];
    int n = 0;
    for (int r = input.read(in, n, in.length - n); r > 0; r = input.read(in, n, in.length - n)) {
      n += r;
      if (n == in.length) {
        in = Arrays.copyOf(in, in.length * 2);
      }
    }
    out = new char[n];
    int removed = 0;
    int i = 0;
    while (i < n) {
      if (!isSpace(in[i])) {
        out[length++] = in[i++];
        continue;
      }
      int end = i;
      while (end < n && isSpace(in[end])) {
        end++;
      }
      // Before the space, one char, not a code point: the regular expression's look-behind reads
      // one, so a supplementary character there (𠀀) joins nothing in Solr either.
      if (i > 0 && end < n && isCjk(in[i - 1]) && isCjk(Character.codePointAt(in, end, n))) {
        removed += end - i;
        addOffCorrectMap(length, removed);
      } else {
        System.arraycopy(in, i, out, length, end - i);
        length += end - i;
      }
      i = end;
    }
  }

  /** {@code [\s\u00A0\u3000]} of {@link ChineseAnalysis#JOINED}. */
  private static boolean isSpace(char c) {
    return switch (c) {
      case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u3000' -> true;
      default -> false;
    };
  }

  /**
   * {@code [\p{IsHan}\p{IsHiragana}\p{IsKatakana}\p{IsHangul}]} of {@link ChineseAnalysis#JOINED}.
   */
  private static boolean isCjk(int codePoint) {
    return switch (Character.UnicodeScript.of(codePoint)) {
      case HAN, HIRAGANA, KATAKANA, HANGUL -> true;
      default -> false;
    };
  }
}
