package org.taizhang.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.taizhang.access.Scope;
import org.taizhang.catalog.Catalog;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentFields;
import org.taizhang.index.DocumentIndex;
import org.taizhang.index.SolrIndex;
import org.taizhang.unit.DocumentCounts;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/** Full-text search over every archive, with filters, facets and highlighted snippets. */
@Service
public class SearchService implements DocumentCounts {
  private static final int SNIPPET_CHARS = 160;

  /** The stored fields a hit shows; not the text, which the highlighter has read already. */
  static final Set<String> HIT_FIELDS =
      Set.of(
          DocumentFields.ID,
          DocumentFields.TITLE,
          DocumentFields.UNIT,
          DocumentFields.CATEGORY,
          DocumentFields.DATE,
          DocumentFields.YEAR,
          DocumentFields.FILE_TYPE);

  static final List<String> FACETS =
      List.of(
          DocumentFields.UNIT,
          DocumentFields.CATEGORY,
          DocumentFields.YEAR,
          DocumentFields.FILE_TYPE);

  private final DocumentIndex index;
  private final ChineseAnalysis analysis;
  private final QueryFactory queries;
  private final Catalog catalog;
  private final UnitRepository units;

  /** Searches in Solr instead of {@link #index}; null with the embedded engine. */
  private final SolrSearch solr;

  private final SearchSlots slots;

  /** The last reader's whole-archive facet counts, by scope. */
  private volatile WholeArchiveFacets wholeArchiveFacets;

  private record WholeArchiveFacets(
      IndexReader.CacheKey reader, Map<Scope, Map<String, List<LabelAndValue>>> byScope) {}

  SearchService(
      DocumentIndex index,
      ChineseAnalysis analysis,
      QueryFactory queries,
      Catalog catalog,
      UnitRepository units,
      SearchSlots slots,
      ObjectProvider<SolrIndex> solrIndex) {
    this.index = index;
    this.slots = slots;
    this.analysis = analysis;
    this.queries = queries;
    this.catalog = catalog;
    this.units = units;
    SolrIndex s = solrIndex.getIfAvailable();
    this.solr = s == null ? null : new SolrSearch(s, this, queries, catalog, units);
  }

  /**
   * Searches the documents of the units in {@code scope}; totals and facets never count anything
   * outside it.
   *
   * @throws QueryParseException when the query does not follow the query language (a message for
   *     people)
   */
  @Override
  public Map<String, Long> documentCounts(Scope scope) {
    Map<String, Long> counts = new HashMap<>();
    search(new SearchRequest("", null, null, null, null, 1, 1), scope)
        .facets()
        .getOrDefault("unit", List.of())
        .forEach(f -> counts.put(f.value(), f.count()));
    return counts;
  }

  public SearchResult search(SearchRequest request, Scope scope) {
    if (solr != null) {
      return solr.search(request, scope);
    }
    List<Unit> allUnits = units.findAll();
    QueryFactory.Compiled compiled = queries.compile(request.q(), catalog, allUnits);
    Query text = compiled.query();
    boolean ranked = compiled.ranked();
    Query query = withFilters(text, request, scope);
    Query rescore = ranked ? compiled.rescore() : null;
    // Snippets mark the words where a document holds them whole, their parts close together only
    // where it does not; with every tier, as the page's hits were scored.
    Query strict = ranked ? queries.compileStrict(request.q(), catalog, allUnits).full() : null;
    Query wider = rescore == null ? query : withFilters(compiled.full(), request, scope);
    boolean wholeArchive =
        !ranked
            && text instanceof MatchAllDocsQuery
            && request.unit() == null
            && request.category() == null
            && request.year() == null
            && request.type() == null;
    Map<String, String> unitNames = new LinkedHashMap<>();
    for (Unit u : allUnits) {
      unitNames.put(u.code(), u.name());
    }
    DocumentIndex.IndexFunction<SearchResult> answer =
        view -> {
          int wanted = request.page() * request.size();
          SortField newest = new SortField(DocumentFields.DATE_SORT, SortField.Type.LONG, true);
          // Last, the order of upload: the same documents come in the same order whatever the
          // index's layout (rebuilt in place, restored from a backup), so pages never shift
          // between two views.
          SortField uploaded = new SortField(DocumentFields.ID, SortField.Type.LONG);
          // Without words every hit scores alike: newest first. By date, the score orders a
          // day's documents.
          Sort sort =
              !ranked
                  ? new Sort(newest, uploaded)
                  : request.sort() == SearchSort.DATE
                      ? new Sort(newest, SortField.FIELD_SCORE, uploaded)
                      : new Sort(SortField.FIELD_SCORE, newest, uploaded);
          FacetsCollectorManager.FacetsResult found =
              FacetsCollectorManager.search(
                  view.searcher(),
                  query,
                  Math.max(
                      1, rescore == null ? wanted : Math.max(wanted, QueryFactory.RESCORE_WINDOW)),
                  sort,
                  // The score is one of the sort values already; asking for it again would run the
                  // query a second time over the hits kept.
                  false,
                  new FacetsCollectorManager());
          TopDocs top = found.topDocs();
          int from = (request.page() - 1) * request.size();
          ScoreDoc[] all =
              rescore == null
                  ? top.scoreDocs
                  : rescored(view.searcher(), rescore, top.scoreDocs, sort);
          int to = Math.min(all.length, from + request.size());
          ScoreDoc[] page = from >= to ? new ScoreDoc[0] : Arrays.copyOfRange(all, from, to);
          TopDocs pageDocs = new TopDocs(top.totalHits, page);
          String[] snippets =
              snippets(
                  view.searcher(),
                  strict == null ? wider : withFilters(strict, request, scope),
                  wider,
                  pageDocs,
                  !ranked);
          StoredFields stored = view.searcher().storedFields();
          List<SearchResult.Hit> hits = new ArrayList<>();
          for (int i = 0; i < page.length; i++) {
            Document d = stored.document(page[i].doc, HIT_FIELDS);
            String unit = d.get(DocumentFields.UNIT);
            String category = d.get(DocumentFields.CATEGORY);
            LocalDate date = storedDate(d);
            hits.add(
                new SearchResult.Hit(
                    Long.parseLong(d.get(DocumentFields.ID)),
                    d.get(DocumentFields.TITLE),
                    unit,
                    unitNames.getOrDefault(unit, unit),
                    categoryOrNull(category),
                    categoryLabel(category),
                    date,
                    Integer.parseInt(d.get(DocumentFields.YEAR)),
                    d.get(DocumentFields.FILE_TYPE),
                    snippets[i]));
          }
          Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
          if (view.facets() != null) {
            Map<String, List<LabelAndValue>> counts =
                wholeArchive
                    ? wholeArchiveCounts(view, scope, found)
                    : counted(
                        new SortedSetDocValuesFacetCounts(view.facets(), found.facetsCollector()));
            for (String dim : FACETS) {
              Function<String, String> label =
                  switch (dim) {
                    case DocumentFields.UNIT -> code -> unitNames.getOrDefault(code, code);
                    case DocumentFields.CATEGORY -> this::categoryLabel;
                    default -> Function.identity();
                  };
              facets.put(dim, facetValues(counts.get(dim), dim, label));
            }
          } else {
            FACETS.forEach(dim -> facets.put(dim, List.of()));
          }
          return new SearchResult(
              top.totalHits.value, request.page(), request.size(), hits, facets);
        };
    // Only the work on the index waits for a slot: reading the units may wait for the database,
    // and would leave a core idle meanwhile.
    return slots.run(() -> index.read(answer));
  }

  /**
   * The facet counts of everything {@code scope} holds: the same for every search without words or
   * filters until the index changes, so counted once per reader and scope. Kept as values: a {@link
   * Facets} reads its doc values again on every call, and doc values are not to be shared between
   * threads.
   */
  private Map<String, List<LabelAndValue>> wholeArchiveCounts(
      DocumentIndex.View view, Scope scope, FacetsCollectorManager.FacetsResult found)
      throws IOException {
    IndexReader.CacheHelper helper = view.searcher().getIndexReader().getReaderCacheHelper();
    if (helper == null) {
      return counted(new SortedSetDocValuesFacetCounts(view.facets(), found.facetsCollector()));
    }
    WholeArchiveFacets cached = wholeArchiveFacets;
    if (cached == null || cached.reader() != helper.getKey()) {
      cached = new WholeArchiveFacets(helper.getKey(), new ConcurrentHashMap<>());
      wholeArchiveFacets = cached;
    }
    Map<String, List<LabelAndValue>> counts = cached.byScope().get(scope);
    if (counts == null) {
      counts = counted(new SortedSetDocValuesFacetCounts(view.facets(), found.facetsCollector()));
      cached.byScope().put(scope, counts);
    }
    return counts;
  }

  /**
   * Every value of each of {@link #FACETS} with its count; none for a dimension not yet indexed.
   */
  private static Map<String, List<LabelAndValue>> counted(Facets counts) throws IOException {
    Map<String, List<LabelAndValue>> out = new HashMap<>();
    for (String dim : FACETS) {
      FacetResult r;
      try {
        r = counts.getAllChildren(dim);
      } catch (IllegalArgumentException e) {
        r = null; // no document carries this dimension yet
      }
      out.put(dim, r == null ? List.of() : List.of(r.labelValues));
    }
    return Map.copyOf(out);
  }

  /**
   * Adds the score of {@code rescore} to each of {@code hits} (the best of the cheap score) and
   * orders them again by {@code sort}.
   */
  private static ScoreDoc[] rescored(
      IndexSearcher searcher, Query rescore, ScoreDoc[] hits, Sort sort) throws IOException {
    FieldDoc[] byDoc = Arrays.copyOf(hits, hits.length, FieldDoc[].class);
    Arrays.sort(byDoc, Comparator.comparingInt(h -> h.doc));
    Weight weight = searcher.createWeight(searcher.rewrite(rescore), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    SortField[] fields = sort.getSort();
    int scoreField = scoreField(fields);
    LeafReaderContext leaf = null;
    Scorer scorer = null;
    for (int i = 0; i < byDoc.length; i++) {
      FieldDoc h = byDoc[i];
      if (leaf == null || h.doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(h.doc, leaves));
        scorer = weight.scorer(leaf);
      }
      float score = (Float) h.fields[scoreField];
      if (scorer != null) {
        int target = h.doc - leaf.docBase;
        int at = scorer.iterator().docID();
        if (at < target) {
          at = scorer.iterator().advance(target);
        }
        if (at == target) {
          score += scorer.score();
        }
      }
      Object[] values = h.fields.clone();
      values[scoreField] = score;
      byDoc[i] = new FieldDoc(h.doc, score, values);
    }
    Arrays.sort(byDoc, (a, b) -> compare(a, b, fields));
    return byDoc;
  }

  /** Where {@code fields} sort by score: a ranked search always does. */
  private static int scoreField(SortField[] fields) {
    for (int f = 0; f < fields.length; f++) {
      if (fields[f].getType() == SortField.Type.SCORE) {
        return f;
      }
    }
    throw new IllegalArgumentException("no score among " + Arrays.toString(fields));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(FieldDoc a, FieldDoc b, SortField[] fields) {
    for (int f = 0; f < fields.length; f++) {
      int c =
          fields[f].getType() == SortField.Type.SCORE
              ? Float.compare(b.score, a.score)
              : ((Comparable) a.fields[f]).compareTo(b.fields[f]);
      if (c != 0) {
        return fields[f].getReverse() ? -c : c;
      }
    }
    return Integer.compare(a.doc, b.doc);
  }

  private static List<SearchResult.FacetValue> facetValues(
      List<LabelAndValue> counts, String dim, Function<String, String> label) {
    List<SearchResult.FacetValue> out = new ArrayList<>();
    for (LabelAndValue lv : counts) {
      out.add(new SearchResult.FacetValue(lv.label, label.apply(lv.label), lv.value.longValue()));
    }
    order(dim, out);
    return out;
  }

  /** Years newest first; the other dimensions by count, then by value. */
  static void order(String dim, List<SearchResult.FacetValue> out) {
    if (dim.equals(DocumentFields.YEAR)) {
      out.sort((a, b) -> b.value().compareTo(a.value()));
    } else {
      out.sort(
          (a, b) ->
              a.count() != b.count()
                  ? Long.compare(b.count(), a.count())
                  : a.value().compareTo(b.value()));
    }
  }

  /**
   * Snippets marked by {@code query}; for the documents it finds nothing to mark in, by {@code
   * wider} (the query that found them, with the words' parts close together).
   */
  String[] snippets(IndexSearcher searcher, Query query, Query wider, TopDocs docs, boolean browse)
      throws IOException {
    if (docs.scoreDocs.length == 0) {
      return new String[0];
    }
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analysis.indexAnalyzer())
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
            .withMaxLength(SNIPPET_CHARS * 400)
            .withBreakIterator(
                () ->
                    LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.CHINA), SNIPPET_CHARS, 0.5f))
            .build();
    String[] out =
        highlighter.highlight(
            DocumentFields.TEXT, browse ? new MatchAllDocsQuery() : query, docs, 2);
    if (!browse && wider != query) {
      List<ScoreDoc> unmarked = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < out.length; i++) {
        if (out[i] == null
            || !out[i].contains("<mark>")) { // without a mark: the text's beginning, or nothing
          unmarked.add(docs.scoreDocs[i]);
          at.add(i);
        }
      }
      if (!unmarked.isEmpty()) {
        String[] more =
            highlighter.highlight(
                DocumentFields.TEXT,
                wider,
                new TopDocs(docs.totalHits, unmarked.toArray(ScoreDoc[]::new)),
                2);
        for (int j = 0; j < more.length; j++) {
          if (more[j] != null) {
            out[at.get(j)] = more[j];
          }
        }
      }
    }
    for (int i = 0; i < out.length; i++) {
      // A phrase matched across punctuation is marked character by character: one mark per run.
      out[i] = out[i] == null ? "" : joinLines(out[i]).replace("</mark><mark>", "");
    }
    return out;
  }

  /**
   * Joins the lines of a snippet: PDF and Word text breaks lines inside Chinese sentences, where a
   * break means nothing and a space would be wrong; between Latin words it becomes one space.
   */
  static String joinLines(String snippet) {
    StringBuilder sb = new StringBuilder(snippet.length());
    int i = 0;
    int n = snippet.length();
    while (i < n) {
      char c = snippet.charAt(i);
      if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
        sb.append(c);
        i++;
        continue;
      }
      int end = i;
      boolean newline = false;
      while (end < n && " \t\r\n".indexOf(snippet.charAt(end)) >= 0) {
        newline |= snippet.charAt(end) == '\n' || snippet.charAt(end) == '\r';
        end++;
      }
      char before = visibleBefore(sb);
      char after = visibleAfter(snippet, end);
      boolean latinBoth = before < 0x2E80 && after < 0x2E80 && before != 0 && after != 0;
      if (!newline || latinBoth) {
        sb.append(' ');
      }
      i = end;
    }
    return sb.toString().strip();
  }

  private static char visibleBefore(StringBuilder sb) {
    int i = sb.length() - 1;
    while (i >= 0 && sb.charAt(i) == '>') {
      int open = sb.lastIndexOf("<", i);
      if (open < 0) {
        break;
      }
      i = open - 1;
    }
    return i >= 0 ? sb.charAt(i) : 0;
  }

  private static char visibleAfter(String s, int i) {
    while (i < s.length() && s.charAt(i) == '<') {
      int close = s.indexOf('>', i);
      if (close < 0) {
        break;
      }
      i = close + 1;
    }
    return i < s.length() ? s.charAt(i) : 0;
  }

  Query withFilters(Query text, SearchRequest r, Scope scope) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text, text instanceof MatchAllDocsQuery ? Occur.FILTER : Occur.MUST);
    if (!scope.everything()) {
      List<BytesRef> units = scope.units().stream().map(BytesRef::new).toList();
      b.add(
          units.isEmpty() ? new MatchNoDocsQuery() : new TermInSetQuery(DocumentFields.UNIT, units),
          Occur.FILTER);
    }
    if (r.unit() != null) {
      b.add(new TermQuery(new Term(DocumentFields.UNIT, r.unit())), Occur.FILTER);
    }
    if (r.category() != null) {
      String code = catalog.category(r.category()).map(c -> c.code()).orElse(r.category());
      b.add(new TermQuery(new Term(DocumentFields.CATEGORY, code)), Occur.FILTER);
    }
    if (r.year() != null) {
      b.add(IntPoint.newExactQuery(DocumentFields.YEAR, r.year()), Occur.FILTER);
    }
    if (r.type() != null) {
      b.add(new TermQuery(new Term(DocumentFields.FILE_TYPE, r.type())), Occur.FILTER);
    }
    return b.build();
  }

  /** The date a document of the index was stored with; null for an undated one. */
  static LocalDate storedDate(Document d) {
    var field = d.getField(DocumentFields.DATE);
    return field == null ? null : LocalDate.ofEpochDay(field.numericValue().longValue());
  }

  static String categoryOrNull(String code) {
    return code == null || code.startsWith("_") ? null : code;
  }

  String categoryLabel(String code) {
    return code == null || code.startsWith("_") ? "未分类" : catalog.categoryName(code);
  }

  ChineseAnalysis analysis() {
    return analysis;
  }
}
