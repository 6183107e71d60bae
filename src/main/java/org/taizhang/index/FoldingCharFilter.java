package org.taizhang.index;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Replaces each char by its entry in a table: traditional to simplified, one character for one.
 * What a {@link org.apache.lucene.analysis.charfilter.MappingCharFilter} of single characters does,
 * without its per-character map lookups; offsets need no correction, as no length changes.
 */
final class FoldingCharFilter extends CharFilter {
  private final char[] table;

  FoldingCharFilter(char[] table, Reader in) {
    super(in);
    this.table = table;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    int n = input.read(cbuf, off, len);
    for (int i = off; i < off + n; i++) {
      cbuf[i] = table[cbuf[i]];
    }
    return n;
  }

  @Override
  public int read() throws IOException {
    int c = input.read();
    return c < 0 ? c : table[c];
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }
}
