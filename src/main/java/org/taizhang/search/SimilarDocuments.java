package org.taizhang.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.taizhang.access.Scope;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.catalog.Catalog;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentFields;
import org.taizhang.index.DocumentIndex;
import org.taizhang.index.SolrIndex;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * The documents most like a given one, for its page: Lucene's MoreLikeThis over the bigram text and
 * the title, within the caller's scope, never the document itself or another version of it. Each
 * comes with how much of its wording it shares with the given one (Jaccard similarity of character
 * 4-grams, the measure the completeness red flag “照抄” uses), so a reviewer sees a copied year-end
 * summary for what it is.
 */
@Service
public class SimilarDocuments {
  /**
   * Share of common wording from which two texts are called 高度雷同 (near copies); the completeness
   * red flag's threshold.
   */
  public static final double COPY_THRESHOLD = 0.8;

  /** Share from which whole passages are the same. */
  static final double PASSAGES_THRESHOLD = 0.3;

  private static final String[] FIELDS = {DocumentFields.TEXT, DocumentFields.TITLE};
  private static final int SHINGLE = 4;

  /** Shorter texts say too little to call them copies (as in the completeness red flag). */
  private static final int MIN_SHINGLES = 40;

  /**
   * Enough to compare any real document; keeps a 2,000,000-character text from costing more than it
   * tells.
   */
  private static final int MAX_COMPARED_CHARS = 200_000;

  /**
   * A similar document. {@code overlapPercent} is the share of wording both texts have in common
   * (0–100), or −1 when either text is too short to tell; {@code nearCopy} when it reaches {@link
   * #COPY_THRESHOLD}; {@code hint} says it in Chinese for the page.
   */
  public record Similar(
      long id,
      String title,
      String unit,
      String unitName,
      String category,
      String categoryName,
      LocalDate date,
      int year,
      float score,
      int overlapPercent,
      boolean nearCopy,
      String hint) {}

  private final DocumentIndex index;
  private final ChineseAnalysis analysis;
  private final Archive archive;
  private final Catalog catalog;
  private final UnitRepository units;

  /** Looks in Solr instead of {@link #index}; null with the embedded engine. */
  private final SolrSearch solr;

  SimilarDocuments(
      DocumentIndex index,
      ChineseAnalysis analysis,
      Archive archive,
      Catalog catalog,
      UnitRepository units,
      ObjectProvider<SolrIndex> solrIndex) {
    this.index = index;
    this.analysis = analysis;
    this.archive = archive;
    this.catalog = catalog;
    this.units = units;
    SolrIndex s = solrIndex.getIfAvailable();
    this.solr = s == null ? null : new SolrSearch(s, null, null, catalog, units);
  }

  /**
   * Up to {@code n} documents like {@code documentId}, most similar first, all within {@code
   * scope}; empty when the document does not exist or is outside the scope.
   */
  public List<Similar> similar(long documentId, Scope scope, int n) {
    Optional<Document> found = archive.document(documentId, scope);
    if (found.isEmpty() || n <= 0) {
      return List.of();
    }
    Document source = found.get();
    String text = archive.text(source.id());
    Set<Long> excluded = new LinkedHashSet<>();
    excluded.add(source.id());
    archive.versions(source.id(), scope).forEach(v -> excluded.add(v.id()));
    Map<String, String> unitNames = new HashMap<>();
    for (Unit u : units.findAll()) {
      unitNames.put(u.code(), u.name());
    }
    if (solr != null) {
      return solr.similar(this, source, text, excluded, unitNames, scope, n);
    }
    return index.read(
        view -> {
          IndexSearcher searcher = view.searcher();
          Query like = likeQuery(searcher, source.title(), text);
          if (like == null) {
            return List.of();
          }
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          b.add(like, Occur.MUST);
          if (!scope.everything()) {
            List<BytesRef> codes = scope.units().stream().map(BytesRef::new).toList();
            b.add(
                codes.isEmpty()
                    ? new MatchNoDocsQuery()
                    : new TermInSetQuery(DocumentFields.UNIT, codes),
                Occur.FILTER);
          }
          for (long id : excluded) {
            b.add(new TermQuery(new Term(DocumentFields.ID, Long.toString(id))), Occur.MUST_NOT);
          }
          TopDocs top = searcher.search(b.build(), n);
          StoredFields stored = searcher.storedFields();
          Set<Long> sourceShingles = shingles(text);
          List<Similar> out = new ArrayList<>();
          for (ScoreDoc sd : top.scoreDocs) {
            org.apache.lucene.document.Document d = stored.document(sd.doc);
            String unit = d.get(DocumentFields.UNIT);
            String category = d.get(DocumentFields.CATEGORY);
            LocalDate date = SearchService.storedDate(d);
            int percent = overlapPercent(sourceShingles, shingles(d.get(DocumentFields.TEXT)));
            boolean copy = percent >= Math.round(COPY_THRESHOLD * 100);
            boolean uncategorized = category == null || category.startsWith("_");
            out.add(
                new Similar(
                    Long.parseLong(d.get(DocumentFields.ID)),
                    d.get(DocumentFields.TITLE),
                    unit,
                    unitNames.getOrDefault(unit, unit),
                    uncategorized ? null : category,
                    uncategorized ? "未分类" : catalog.categoryName(category),
                    date,
                    Integer.parseInt(d.get(DocumentFields.YEAR)),
                    sd.score,
                    percent,
                    copy,
                    hint(percent)));
          }
          return out;
        });
  }

  /**
   * The MoreLikeThis query for a title and text, analysed like a search (bigrams without the
   * index's unigrams, which say little about a Chinese text); null when it has no usable term.
   */
  Query likeQuery(IndexSearcher searcher, String title, String text) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analysis.bigramQueryAnalyzer());
    mlt.setFieldNames(FIELDS);
    // A title's words occur once; a short record's too.
    mlt.setMinTermFreq(1);
    // A term no other document has cannot find one: it would only take a place among the query
    // terms.
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(100);
    mlt.setMaxNumTokensParsed(20_000);
    Map<String, Collection<Object>> fields = new HashMap<>();
    fields.put(DocumentFields.TEXT, List.of(text == null ? "" : text));
    fields.put(DocumentFields.TITLE, List.of(title == null ? "" : title));
    Query q = mlt.like(fields);
    return q instanceof BooleanQuery bq && bq.clauses().isEmpty() ? null : q;
  }

  /**
   * The Chinese hint for a share of common wording. It states what is there and leaves the verdict
   * to the reviewer: plans and responsibility letters filled in from one county template are as
   * alike as a copied summary.
   */
  static String hint(int percent) {
    if (percent < 0) {
      return "内容相近";
    }
    if (percent >= Math.round(COPY_THRESHOLD * 100)) {
      return "高度雷同：文字重合 " + percent + "%";
    }
    if (percent >= Math.round(PASSAGES_THRESHOLD * 100)) {
      return "大段相同：文字重合 " + percent + "%";
    }
    return "内容相近：文字重合 " + percent + "%";
  }

  /**
   * Jaccard similarity of two shingle sets in percent (rounded down), or −1 when either is too
   * small to tell.
   */
  static int overlapPercent(Set<Long> a, Set<Long> b) {
    if (a.size() < MIN_SHINGLES || b.size() < MIN_SHINGLES) {
      return -1;
    }
    Set<Long> small = a.size() <= b.size() ? a : b;
    Set<Long> large = small == a ? b : a;
    long common = 0;
    for (Long s : small) {
      if (large.contains(s)) {
        common++;
      }
    }
    long union = a.size() + b.size() - common;
    return (int) (common * 100 / union);
  }

  /**
   * The character 4-grams of a text's letters and digits after folding (traditional to simplified,
   * full width to half width): whitespace and punctuation are dropped first, so PDF line breaks do
   * not matter. Four UTF-16 units fit one long exactly.
   */
  Set<Long> shingles(String text) {
    if (text == null || text.isEmpty()) {
      return Set.of();
    }
    String folded =
        analysis.fold(
            text.length() > MAX_COMPARED_CHARS ? text.substring(0, MAX_COMPARED_CHARS) : text);
    StringBuilder sb = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    Set<Long> out = new HashSet<>(Math.max(16, sb.length() * 2));
    for (int i = 0; i + SHINGLE <= sb.length(); i++) {
      long s = 0;
      for (int j = 0; j < SHINGLE; j++) {
        s = (s << 16) | sb.charAt(i + j);
      }
      out.add(s);
    }
    return out;
  }

  ChineseAnalysis analysis() {
    return analysis;
  }
}
