package org.taizhang.solr;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A word's parts close together ({@code org.taizhang.search.QueryFactory}), looked for only while
 * one of the parts is rare in the index: in fewer than {@code maxDocs} documents. A word made of
 * common words only (志愿 + 服务) stands with its parts apart in thousands of documents of a large
 * archive, which would say little and cost a search through every one of them; its parts are then
 * not looked for apart (the word itself still is). The check reads only the terms' document counts.
 */
public final class NearParts extends Query {
  private final SpanQuery near;
  private final List<Term> terms;
  private final int maxDocs;

  public NearParts(SpanQuery near, List<Term> terms, int maxDocs) {
    this.near = near;
    this.terms = List.copyOf(terms);
    this.maxDocs = maxDocs;
  }

  public SpanQuery near() {
    return near;
  }

  public List<Term> terms() {
    return terms;
  }

  public int maxDocs() {
    return maxDocs;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    for (Term t : terms) {
      if (reader.docFreq(t) < maxDocs) {
        return near;
      }
    }
    return new MatchNoDocsQuery("the parts of the word are common words");
  }

  @Override
  public void visit(QueryVisitor visitor) {
    near.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return "near(" + near.toString(field) + ", rarer than " + maxDocs + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && near.equals(((NearParts) other).near)
        && maxDocs == ((NearParts) other).maxDocs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), near, maxDocs);
  }
}
