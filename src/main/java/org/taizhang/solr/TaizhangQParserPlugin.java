package org.taizhang.solr;

import org.apache.lucene.search.Query;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;

/**
 * Runs a query the application built with Lucene and sent in {@link QueryCodec}'s form: {@code
 * {!taizhang}ENCODED}. The application's query language, synonyms and score tiers then need no
 * second implementation in Solr, and both engines rank alike.
 */
public final class TaizhangQParserPlugin extends QParserPlugin {
  public static final String NAME = "taizhang";

  @Override
  public QParser createParser(
      String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
    return new QParser(qstr, localParams, params, req) {
      @Override
      public Query parse() {
        try {
          return QueryCodec.decode(qstr == null ? "" : qstr);
        } catch (IllegalArgumentException e) {
          throw new SolrException(SolrException.ErrorCode.BAD_REQUEST, e.getMessage(), e);
        }
      }
    };
  }
}
