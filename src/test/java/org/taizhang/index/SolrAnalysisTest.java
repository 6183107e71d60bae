package org.taizhang.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.solr.client.solrj.request.FieldAnalysisRequest;
import org.apache.solr.client.solrj.response.AnalysisResponseBase;
import org.apache.solr.client.solrj.response.FieldAnalysisResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.taizhang.support.SolrTestCluster;

/**
 * The configset generated for Solr analyses text exactly as {@link ChineseAnalysis} does: the same
 * terms at the same positions and offsets, for traditional, simplified and full-width text, in the
 * bigram and the word fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SolrAnalysisTest {
  private static final List<String> TEXTS =
      List.of(
          "鄰里守望志願服務隊開展文明勸導活動",
          "邻里守望志愿服务队开展文明劝导活动",
          "２０２５年３月１２日ＰＤＦ版《台賬管理辦法》",
          "COVID-19 防控，Lucene index 與 1,000 份臺帳",
          "さくら 한국어 カタカナ 乾隆 ×××",
          "城\r\n关支行 工 作\u3000总 结 第 3 条");

  private final ChineseAnalysis analysis = new ChineseAnalysis(Path.of("index-config"));
  private SolrIndex index;

  @BeforeAll
  void collection() {
    index =
        new SolrIndex(
            SolrTestCluster.zkHost(),
            SolrTestCluster.newCollection(),
            1,
            1,
            Duration.ofSeconds(1),
            SolrConfigSet.files(analysis));
  }

  @AfterAll
  void close() throws IOException {
    index.close();
  }

  @Test
  void bigramFieldsAnalyseAsEmbedded() throws Exception {
    for (String field : List.of(DocumentFields.TEXT, DocumentFields.TITLE)) {
      for (String text : TEXTS) {
        assertThat(solr(field, text))
            .as(field + ": " + text)
            .isNotEmpty()
            .isEqualTo(lucene(analysis.indexAnalyzer(), field, text));
      }
    }
  }

  @Test
  void wordFieldsAnalyseAsEmbedded() throws Exception {
    for (String field : List.of(DocumentFields.TEXT_WORDS, DocumentFields.TITLE_WORDS)) {
      for (String text : TEXTS) {
        assertThat(solr(field, text))
            .as(field + ": " + text)
            .isNotEmpty()
            .isEqualTo(lucene(analysis.indexAnalyzer(), field, text));
      }
    }
  }

  @Test
  void traditionalAndSimplifiedMeetInSolr() throws Exception {
    assertThat(solr(DocumentFields.TEXT, TEXTS.get(0)))
        .isEqualTo(solr(DocumentFields.TEXT, TEXTS.get(1)));
  }

  /** term@position[start,end) of Solr's index-time analysis of the field. */
  private List<String> solr(String field, String text) throws Exception {
    FieldAnalysisRequest r = new FieldAnalysisRequest();
    r.addFieldName(field);
    r.setFieldValue(text);
    FieldAnalysisResponse response = index.read(r::process);
    AnalysisResponseBase.AnalysisPhase last = null;
    for (AnalysisResponseBase.AnalysisPhase p :
        response.getFieldNameAnalysis(field).getIndexPhases()) {
      last = p;
    }
    List<String> out = new ArrayList<>();
    for (AnalysisResponseBase.TokenInfo t : last.getTokens()) {
      out.add(
          t.getText() + "@" + (t.getPosition() - 1) + "[" + t.getStart() + "," + t.getEnd() + ")");
    }
    return out;
  }

  private static List<String> lucene(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(
            term + "@" + position + "[" + offset.startOffset() + "," + offset.endOffset() + ")");
      }
      ts.end();
    }
    return out;
  }
}
