package org.taizhang.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A word's parts apart are looked for while one part is rare, and not once every part is common.
 */
class NearPartsTest {
  @Test
  void looksForThePartsOnlyWhileOneIsRare() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (String text :
          List.of("alpha beta", "alpha gamma beta", "alpha beta", "delta alpha x beta")) {
        Document d = new Document();
        d.add(new TextField("f", text, Field.Store.NO));
        w.addDocument(d);
      }
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Term alpha = new Term("f", "alpha");
        Term beta = new Term("f", "beta");
        SpanQuery near =
            new SpanNearQuery(
                new SpanQuery[] {new SpanTermQuery(alpha), new SpanTermQuery(beta)}, 1, true);
        // alpha and beta are in 4 documents each: below 5 they are rare, from 4 on common
        assertThat(searcher.rewrite(new NearParts(near, List.of(alpha, beta), 5))).isEqualTo(near);
        assertThat(searcher.count(new NearParts(near, List.of(alpha, beta), 5))).isEqualTo(4);
        assertThat(searcher.rewrite(new NearParts(near, List.of(alpha, beta), 4)))
            .isInstanceOf(MatchNoDocsQuery.class);
        assertThat(searcher.count(new NearParts(near, List.of(alpha, beta), 4))).isZero();
        // one rare part is enough
        Term delta = new Term("f", "delta");
        SpanQuery withDelta =
            new SpanNearQuery(
                new SpanQuery[] {new SpanTermQuery(delta), new SpanTermQuery(beta)}, 2, true);
        assertThat(searcher.count(new NearParts(withDelta, List.of(delta, beta), 4))).isEqualTo(1);
      }
    }
  }
}
