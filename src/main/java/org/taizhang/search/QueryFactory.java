package org.taizhang.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.stereotype.Component;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentFields;
import org.taizhang.index.Synonyms;

/**
 * Turns what a reviewer types into a Lucene query. Terms are separated by spaces, all must match;
 * “quoted text” is one term even with spaces; a leading minus excludes. Each term matches as a
 * phrase, never as scattered characters: in the bigram text field for recall, in the word field
 * and the title for ranking, and in every spelling its synonym groups allow.
 */
@Component
class QueryFactory {
  private static final float WORD_BOOST = 2f;
  private static final float TITLE_BOOST = 3f;

  private final ChineseAnalysis analysis;
  private final Synonyms synonyms;
  private final QueryBuilder bigrams;
  private final QueryBuilder words;

  QueryFactory(ChineseAnalysis analysis, Synonyms synonyms) {
    this.analysis = analysis;
    this.synonyms = synonyms;
    this.bigrams = new QueryBuilder(analysis.bigramQueryAnalyzer());
    this.words = new QueryBuilder(analysis.wordAnalyzer());
  }

  /** A term of the query as typed: its text and whether it is excluded. */
  record Term(String text, boolean excluded) {}

  Query parse(String q) {
    List<Term> terms = terms(q);
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int positive = 0;
    for (Term t : terms) {
      Query tq = termQuery(t.text());
      if (tq == null) {
        continue;
      }
      if (t.excluded()) {
        b.add(tq, Occur.MUST_NOT);
      } else {
        b.add(tq, Occur.MUST);
        positive++;
      }
    }
    if (positive == 0) {
      b.add(new MatchAllDocsQuery(), Occur.MUST);
      BooleanQuery built = b.build();
      return built.clauses().size() == 1 ? new MatchAllDocsQuery() : built;
    }
    return b.build();
  }

  static List<Term> terms(String q) {
    List<Term> out = new ArrayList<>();
    if (q == null) {
      return out;
    }
    int i = 0;
    int n = q.length();
    while (i < n) {
      char c = q.charAt(i);
      if (Character.isWhitespace(c) || c == '\u3000') {
        i++;
        continue;
      }
      boolean excluded = false;
      if (c == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
        excluded = true;
        i++;
        c = q.charAt(i);
      }
      if (c == '"' || c == '“' || c == '”') {
        int end = i + 1;
        while (end < n && q.charAt(end) != '"' && q.charAt(end) != '”' && q.charAt(end) != '“') {
          end++;
        }
        out.add(new Term(q.substring(i + 1, end), excluded));
        i = end + 1;
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(q.charAt(end)) && q.charAt(end) != '\u3000') {
          end++;
        }
        out.add(new Term(q.substring(i, end), excluded));
        i = end;
      }
    }
    out.removeIf(t -> t.text().isBlank());
    return out;
  }

  private Query termQuery(String text) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    int clauses = 0;
    for (String variant : synonyms.expand(analysis.fold(text))) {
      clauses += add(any, bigrams.createPhraseQuery(DocumentFields.TEXT, variant), 1f);
      clauses += add(any, words.createPhraseQuery(DocumentFields.TEXT_WORDS, variant), WORD_BOOST);
      clauses += add(any, bigrams.createPhraseQuery(DocumentFields.TITLE, variant), TITLE_BOOST);
    }
    return clauses == 0 ? null : any.build();
  }

  private static int add(BooleanQuery.Builder b, Query q, float boost) {
    if (q == null) {
      return 0;
    }
    b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
    return 1;
  }
}
