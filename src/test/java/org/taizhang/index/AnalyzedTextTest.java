package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/**
 * Tokens analysed ahead of indexing replay exactly what the analyzer makes, in every indexed text
 * field: terms, position increments (synonyms stack at 0), offsets, and the end state.
 */
class AnalyzedTextTest {
  private final Analyzer analyzer = new ChineseAnalysis(Path.of("index-config")).indexAnalyzer();

  private static final String TEXT =
      "关于开展2025年文明创建台帳集中检查的通知\n各参创单位：城\n关支行、青禾县实验小学于3月12日召开会议，" + "工 作 总 结 ABC-123 志愿服务常态化。  ";

  @Test
  void replaysTheAnalyzersTokensInEveryTextField() throws IOException {
    for (String field :
        List.of(
            DocumentFields.TITLE,
            DocumentFields.TITLE_WORDS,
            DocumentFields.TEXT,
            DocumentFields.TEXT_WORDS)) {
      List<String> direct = tokens(analyzer.tokenStream(field, TEXT));
      AnalyzedText analyzed = AnalyzedText.of(analyzer, field, TEXT);
      assertThat(direct).as(field).hasSizeGreaterThan(10);
      assertThat(tokens(analyzed)).as(field).isEqualTo(direct);
      assertThat(tokens(analyzed)).as("%s read a second time", field).isEqualTo(direct);
      assertThat(analyzed.size()).isEqualTo(direct.size() - 1);
    }
  }

  @Test
  void anEmptyTextHasNoTokens() throws IOException {
    AnalyzedText empty = AnalyzedText.of(analyzer, DocumentFields.TEXT, "");
    assertThat(empty.size()).isZero();
    assertThat(tokens(empty)).containsExactly("end +0 @0");
  }

  /** Each token as term, increment and offsets, then the end state. */
  private static List<String> tokens(TokenStream stream) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = stream) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + " +"
                + inc.getPositionIncrement()
                + " @"
                + offset.startOffset()
                + "-"
                + offset.endOffset());
      }
      ts.end();
      out.add("end +" + inc.getPositionIncrement() + " @" + offset.endOffset());
    }
    return out;
  }
}
