package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

/**
 * {@link FoldingCharFilter} and {@link JoiningCharFilter} against the filters Solr's configuration
 * uses for the same analysis ({@link MappingCharFilter}, {@link PatternReplaceCharFilter} of {@link
 * ChineseAnalysis#JOINED}): the same tokens at the same positions and offsets.
 */
class CharFiltersTest {
  private final ChineseAnalysis analysis = new ChineseAnalysis(Path.of("index-config"));

  /** The bigram analysis as Solr's configuration builds it. */
  private Analyzer reference() {
    NormalizeCharMap.Builder b = new NormalizeCharMap.Builder();
    analysis.mappings().forEach((from, to) -> b.add(String.valueOf(from), String.valueOf(to)));
    NormalizeCharMap map = b.build();
    Pattern joined = Pattern.compile(ChineseAnalysis.JOINED);
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(
            joined, "", new MappingCharFilter(map, new CJKWidthCharFilter(reader)));
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new CJKBigramFilter(new LowerCaseFilter(source), 15, true);
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  private static List<String> tokens(Analyzer a, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(DocumentFields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + "+"
                + inc.getPositionIncrement()
                + "@"
                + offset.startOffset()
                + "-"
                + offset.endOffset()
                + type.type());
      }
      ts.end();
      out.add("end@" + offset.endOffset());
    }
    return out;
  }

  @Test
  void theIndexAnalysisMatchesTheFiltersOfSolrsConfiguration() throws IOException {
    Analyzer reference = reference();
    String[] pieces = {
      "台", "账", "臺", "賬", "會", "議", "记", "录", "志願", "服務", "𠀀", "𪚥", "한", "국", "の", "カ", "ｶﾞ", "Ａ",
      "１", "2025", "PDF", "abc", "，", "。", "、", "-", "“", "”", " ", "  ", "\n", "\r\n", "\t",
      "\u3000", "\u00A0", "\u000B", "\f", " \n ", "é", "x"
    };
    Random random = new Random(20261207);
    for (int n = 0; n < 3000; n++) {
      StringBuilder text = new StringBuilder();
      int parts = random.nextInt(30);
      for (int i = 0; i < parts; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();
      assertThat(tokens(analysis.indexAnalyzer(), t)).as(t).isEqualTo(tokens(reference, t));
    }
    String longText = "城\n关支行 工 作 总 结　臺賬\r\n管理 PDF 版 ".repeat(400);
    assertThat(tokens(analysis.indexAnalyzer(), longText)).isEqualTo(tokens(reference, longText));
  }
}
