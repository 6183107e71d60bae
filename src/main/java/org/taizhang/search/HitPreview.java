package org.taizhang.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentFields;

/**
 * A document's whole extracted text with every occurrence of a search marked, for the document page
 * opened from a search ({@code /documents/{id}?q=…}). The marks come from Lucene's
 * UnifiedHighlighter with the query the search itself runs and the index's own analysis, so the
 * preview marks exactly what the search matched: 臺賬 for 台账 (traditional folds to simplified,
 * offsets still point into the original), 台帐 for 台账 (synonym groups), and a phrase as one mark.
 * Each mark is numbered ({@code <mark class="hit" id="hit-1">}) so the page can step from one to
 * the next, and everything else is HTML-escaped.
 */
@Service
public class HitPreview {
  /** The id of the n-th mark (from 1), also the fragment that jumps to it: {@code #hit-3}. */
  public static final String ID_PREFIX = "hit-";

  /**
   * The text as HTML (escaped, with numbered marks) and how many marks it holds; {@code q} is the
   * query as typed, for the page to repeat.
   */
  public record Preview(String q, String html, int hits) {
    public boolean found() {
      return hits > 0;
    }

    /**
     * Numbers of the marks the page lists as plain links (for use without JavaScript): the first
     * {@value #ANCHORS}.
     */
    public List<Integer> anchors() {
      return IntStream.rangeClosed(1, Math.min(hits, ANCHORS)).boxed().toList();
    }

    /** More marks than {@link #anchors()} lists. */
    public boolean moreThanAnchors() {
      return hits > ANCHORS;
    }
  }

  /** How many marks the page lists as plain links. */
  static final int ANCHORS = 100;

  private final QueryFactory queries;
  private final Analyzer analyzer;

  @Autowired
  HitPreview(QueryFactory queries, ChineseAnalysis analysis) {
    this(queries, analysis.indexAnalyzer());
  }

  /** With the analysis the text is read through: a test counts how much of the text it reads. */
  HitPreview(QueryFactory queries, Analyzer analyzer) {
    this.queries = queries;
    this.analyzer = analyzer;
  }

  /**
   * Marks every hit of {@code q} in {@code text}; empty when {@code q} has nothing to look for in a
   * text (blank, only exclusions or filters, or not a valid query), in which case the page shows
   * the plain text.
   */
  public Optional<Preview> preview(String text, String q) {
    if (q == null || q.isBlank()) {
      return Optional.empty();
    }
    Query query = textQuery(q.strip());
    if (query == null || !looksForText(query)) {
      return Optional.empty();
    }
    String content = text == null ? "" : text;
    // The words where the text holds them whole; only where it does not, their parts close
    // together.
    Marked marked = mark(content, queries.parseStrict(q.strip()));
    if (marked.hits() == 0) {
      marked = mark(content, query);
    }
    return Optional.of(new Preview(q.strip(), marked.html(), marked.hits()));
  }

  /**
   * The query the search runs for {@code q}. The one place that knows what {@link QueryFactory}
   * returns, so a richer parse result needs a change here only.
   */
  private Query textQuery(String q) {
    try {
      return queries.parse(q);
    } catch (QueryParseException e) {
      return null; // the search page says what is wrong with it; the document shows its plain text
    }
  }

  /**
   * Whether the query looks for anything in the text: a term, phrase or pattern of the text field
   * outside an exclusion. Not so for browsing, only exclusions, or only filters (unit:…, year:…).
   */
  static boolean looksForText(Query query) {
    boolean[] found = {false};
    query.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return DocumentFields.TEXT.equals(field);
          }

          @Override
          public void consumeTerms(Query q, Term... terms) {
            found[0] |= terms.length > 0;
          }

          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            found[0] = true;
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
          }
        });
    return found[0];
  }

  private Marked mark(String content, Query query) {
    if (content.isEmpty()) {
      return new Marked("", 0);
    }
    // The whole text is one passage: no snippets, no length cut (the highlighter's default stops at
    // 10,000 characters).
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builderWithoutSearcher(analyzer)
            .withBreakIterator(WholeBreakIterator::new)
            .withMaxLength(content.length())
            // Matches of the query's weight: a phrase is one match from its first to its last
            // character,
            // also one that runs across punctuation (「鄰里守望」志願服務), so one occurrence is one mark.
            .withWeightMatches(true)
            .withHighlightPhrasesStrictly(true)
            .withHandleMultiTermQuery(true)
            .withFormatter(new NumberingFormatter())
            .build();
    Object result;
    try {
      result = highlighter.highlightWithoutSearcher(DocumentFields.TEXT, query, content, 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // No passage at all (the highlighter found nothing to format) is the text without a mark.
    return result instanceof Marked m
        ? m
        : new Marked(escape(content, 0, content.length(), new StringBuilder()).toString(), 0);
  }

  /** The formatter's result: the HTML of the whole text and the number of marks in it. */
  record Marked(String html, int hits) {}

  /**
   * Writes the whole content, not only the passages: escaped text with one numbered mark per hit.
   * Overlapping matches (the bigrams of one phrase: 台账 账管 管理) become one mark; adjacent ones (台账台账)
   * stay two, since they are two occurrences.
   */
  static final class NumberingFormatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      List<int[]> matches = new ArrayList<>();
      for (Passage p : passages) {
        for (int i = 0; i < p.getNumMatches(); i++) {
          matches.add(new int[] {p.getMatchStarts()[i], p.getMatchEnds()[i]});
        }
      }
      matches.sort(
          (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
      StringBuilder sb = new StringBuilder(content.length() + matches.size() * 40);
      int pos = 0;
      int n = 0;
      for (int i = 0; i < matches.size(); i++) {
        int start = Math.max(matches.get(i)[0], pos);
        int end = matches.get(i)[1];
        while (i + 1 < matches.size() && matches.get(i + 1)[0] < end) {
          end = Math.max(end, matches.get(++i)[1]);
        }
        end = Math.min(end, content.length());
        if (start >= end) {
          continue;
        }
        escape(content, pos, start, sb);
        n++;
        sb.append("<mark class=\"hit\" id=\"").append(ID_PREFIX).append(n).append("\">");
        escape(content, start, end, sb);
        sb.append("</mark>");
        pos = end;
      }
      escape(content, pos, content.length(), sb);
      return new Marked(sb.toString(), n);
    }
  }

  static StringBuilder escape(String s, int from, int to, StringBuilder sb) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb;
  }
}
