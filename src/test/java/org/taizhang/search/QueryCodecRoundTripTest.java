package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.Synonyms;
import org.taizhang.solr.QueryCodec;
import org.taizhang.unit.Unit;

/**
 * Every query the query language compiles to survives {@link QueryCodec}: what Solr decodes equals
 * what the embedded index would run, for the judged queries of docs/relevance and the forms of the
 * query language, both as searched and as marked in snippets.
 */
class QueryCodecRoundTripTest {
  private static final Path CONFIG = Path.of("index-config");
  private final ChineseAnalysis analysis = new ChineseAnalysis(CONFIG);
  private final QueryFactory queries = new QueryFactory(analysis, Synonyms.load(CONFIG, analysis));

  private static final List<String> FORMS =
      List.of(
          "",
          "台账",
          "台",
          "文明 劝导",
          "\"文明劝导 活动\"",
          "邻里守望 -志愿",
          "鄰里守望志願服務",
          "首问负责制",
          "独居老人 OR 空巢老人",
          "title:工作总结",
          "unit:EDU",
          "unit:教育局 文明",
          "category:plan",
          "category:未分类",
          "type:pdf",
          "year:2024",
          "year:2023..2025",
          "date:2025-03-01..2025-03-31",
          "2025-03-12",
          "2025年3月12日",
          "9月14日",
          "×××",
          "COVID-19 Lucene",
          "-台账",
          "杏桥村",
          "年终总结");

  @Test
  void everyCompiledQueryDecodesToItself() throws IOException {
    List<Unit> units =
        List.of(
            new Unit("EDU", "青禾县教育局", "bureau", null),
            new Unit("XQC", "青禾县禾溪镇杏桥村", "village", null),
            new Unit("XQT", "禾溪镇杏桥村", "village", null));
    List<String> texts = new ArrayList<>(FORMS);
    for (String line : Files.readAllLines(Path.of("docs", "relevance", "judgments.tsv"))) {
      String[] parts = line.split("\t");
      if (!line.startsWith("#") && parts.length >= 3 && parts[1].equals("query")) {
        texts.add(parts[2]);
      }
    }
    assertThat(texts).hasSizeGreaterThan(60);
    int encoded = 0;
    for (String q : texts) {
      QueryFactory.Compiled compiled;
      try {
        compiled = queries.compile(q, null, units);
      } catch (QueryParseException e) {
        continue;
      }
      for (Query query : List.of(compiled.query(), queries.compileStrict(q, null, units).query())) {
        String wire = QueryCodec.encode(query);
        assertThat(QueryCodec.decode(wire)).as(q + " → " + query).isEqualTo(query);
        encoded++;
      }
    }
    assertThat(encoded).isGreaterThan(120);
  }
}
