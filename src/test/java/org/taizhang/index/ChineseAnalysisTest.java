package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChineseAnalysisTest {
  private final ChineseAnalysis analysis = new ChineseAnalysis(Path.of("index-config"));

  private static List<String> tokens(Analyzer a, String field, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
      }
      ts.end();
    }
    return out;
  }

  @Test
  void traditionalFoldsToSimplifiedWithOffsetsIntoTheOriginal() throws IOException {
    assertThat(tokens(analysis.bigramQueryAnalyzer(), DocumentFields.TEXT, "臺賬管理"))
        .containsExactly("台账@0-2", "账管@1-3", "管理@2-4");
    assertThat(tokens(analysis.bigramQueryAnalyzer(), DocumentFields.TEXT, "台账管理"))
        .containsExactly("台账@0-2", "账管@1-3", "管理@2-4");
  }

  @Test
  void indexSideKeepsUnigramsSoSingleCharactersAreFound() throws IOException {
    assertThat(tokens(analysis.indexAnalyzer(), DocumentFields.TEXT, "创建"))
        .containsExactly("创@0-1", "创建@0-2", "建@1-2");
    assertThat(tokens(analysis.bigramQueryAnalyzer(), DocumentFields.TEXT, "创"))
        .containsExactly("创@0-1");
  }

  @Test
  void fullWidthLettersAndDigitsFoldToHalfWidth() throws IOException {
    assertThat(tokens(analysis.bigramQueryAnalyzer(), DocumentFields.TEXT, "２０２５ＡＢＣ"))
        .containsExactly("2025abc@0-7");
    assertThat(analysis.fold("２０２５年臺帳")).isEqualTo("2025年台帐");
  }

  @Test
  void bigramsRunAcrossWhiteSpaceBetweenChineseCharactersOnly() throws IOException {
    // A PDF's line break inside a word, a spaced-out title: the word field reads both as words. (A
    // character's end offset takes in the space left out after it.)
    assertThat(tokens(analysis.indexAnalyzer(), DocumentFields.TEXT, "城\r\n关支行"))
        .contains("城关@0-4", "关支@3-5");
    assertThat(tokens(analysis.indexAnalyzer(), DocumentFields.TEXT, "工 作\u3000总　结"))
        .containsExactly("工@0-2", "工作@0-4", "作@2-4", "作总@2-6", "总@4-6", "总结@4-7", "结@6-7");
    // Between a Chinese character and anything else, the space still separates.
    assertThat(tokens(analysis.indexAnalyzer(), DocumentFields.TEXT, "第 3 条 PDF 版"))
        .containsExactly("第@0-1", "3@2-3", "条@4-5", "pdf@6-9", "版@10-11");
  }

  @Test
  void wordFieldSegmentsWords() throws IOException {
    List<String> words = tokens(analysis.wordAnalyzer(), DocumentFields.TEXT_WORDS, "開展志願服務活動");
    assertThat(words).extracting(t -> t.substring(0, t.indexOf('@'))).contains("志愿", "服务", "活动");
  }

  @Test
  void synonymsExpandInsideLongerTerms() {
    Synonyms s = Synonyms.load(Path.of("index-config"), analysis);
    assertThat(s.expand("台账管理")).containsExactlyInAnyOrder("台账管理", "台帐管理");
    assertThat(s.expand("文明办")).contains("文明委办公室");
    assertThat(s.expand("会议")).containsExactly("会议");
  }

  @Test
  void mappingLinesMustBeSingleCharacters(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("traditional-simplified.txt"), "臺 => 台\n臺灣 => 台湾\n");
    assertThatThrownBy(() -> new ChineseAnalysis(dir))
        .hasMessageContaining("traditional-simplified.txt:2");
  }
}
