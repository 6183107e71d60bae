package org.taizhang.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A field's tokens, analysed ahead of indexing and replayed to the index writer. Word segmentation
 * is the costly part of indexing a Chinese document; done inside {@code IndexWriter} it holds a
 * writer thread's buffer, and a refresh (an uploader reading their own write) waits for every
 * document in progress, an import's too, which runs at a lower priority. Analysed beforehand, on
 * the thread that asks, the writer only inverts the tokens.
 *
 * <p>Keeps what the index writer reads of a token: its text, position increment and offsets, in
 * flat arrays (about 20 bytes a token) rather than one captured attribute state per token.
 */
final class AnalyzedText extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute position =
      addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

  private char[] chars = new char[64];
  private int[] termEnds = new int[16];
  private int[] increments = new int[16];
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int count;
  private int endIncrement;
  private int endOffset;
  private int next;

  private AnalyzedText() {}

  /** The tokens {@code analyzer} makes of {@code text} in {@code field}. */
  static AnalyzedText of(Analyzer analyzer, String field, String text) {
    AnalyzedText out = new AnalyzedText();
    try (TokenStream in = analyzer.tokenStream(field, text)) {
      CharTermAttribute t = in.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute p = in.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute o = in.addAttribute(OffsetAttribute.class);
      in.reset();
      while (in.incrementToken()) {
        out.add(t, p.getPositionIncrement(), o.startOffset(), o.endOffset());
      }
      in.end();
      out.endIncrement = p.getPositionIncrement();
      out.endOffset = o.endOffset();
    } catch (IOException e) {
      // A string is read from memory.
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private void add(CharTermAttribute t, int increment, int start, int end) {
    if (count == termEnds.length) {
      int n = count * 2;
      termEnds = Arrays.copyOf(termEnds, n);
      increments = Arrays.copyOf(increments, n);
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
    }
    int from = count == 0 ? 0 : termEnds[count - 1];
    int to = from + t.length();
    if (to > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(to, chars.length * 2));
    }
    System.arraycopy(t.buffer(), 0, chars, from, t.length());
    termEnds[count] = to;
    increments[count] = increment;
    starts[count] = start;
    ends[count] = end;
    count++;
  }

  /** Tokens held. */
  int size() {
    return count;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    next = 0;
  }

  @Override
  public boolean incrementToken() {
    if (next == count) {
      return false;
    }
    clearAttributes();
    int from = next == 0 ? 0 : termEnds[next - 1];
    term.copyBuffer(chars, from, termEnds[next] - from);
    position.setPositionIncrement(increments[next]);
    offset.setOffset(starts[next], ends[next]);
    next++;
    return true;
  }

  @Override
  public void end() throws IOException {
    super.end();
    position.setPositionIncrement(endIncrement);
    offset.setOffset(endOffset, endOffset);
  }
}
