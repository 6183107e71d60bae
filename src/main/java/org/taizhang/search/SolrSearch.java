package org.taizhang.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CompositeReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.response.TermsResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.taizhang.access.Scope;
import org.taizhang.archive.Document;
import org.taizhang.catalog.Catalog;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentFields;
import org.taizhang.index.DocumentIndex;
import org.taizhang.index.SolrConfigSet;
import org.taizhang.index.SolrIndex;
import org.taizhang.solr.QueryCodec;
import org.taizhang.solr.TaizhangQParserPlugin;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * Search and similar documents against a SolrCloud collection, with the results the embedded index
 * gives: the query is {@link QueryFactory}'s, sent whole ({@link QueryCodec}); the order, the facet
 * order and labels and the snippets are {@link SearchService}'s own code. Snippets are made here,
 * from the stored text of the page's hits, by the same highlighter over a one-document index, so
 * they cannot differ from the embedded engine's.
 */
final class SolrSearch {
  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  /** What a hit shows, and its text for the snippet. */
  private static final String FIELDS =
      String.join(",", SearchService.HIT_FIELDS) + "," + DocumentFields.TEXT + ",score";

  private final SolrIndex index;
  private final SearchService service;
  private final QueryFactory queries;
  private final Catalog catalog;
  private final UnitRepository units;

  /**
   * @param service and {@code queries} may be null where only {@link #similar} is used
   */
  SolrSearch(
      SolrIndex index,
      SearchService service,
      QueryFactory queries,
      Catalog catalog,
      UnitRepository units) {
    this.index = index;
    this.service = service;
    this.queries = queries;
    this.catalog = catalog;
    this.units = units;
  }

  private static FieldType textWithOffsets() {
    FieldType t = new FieldType(TextField.TYPE_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  /** {@link SearchService#search} in Solr. */
  SearchResult search(SearchRequest request, Scope scope) {
    List<Unit> allUnits = units.findAll();
    QueryFactory.Compiled compiled = queries.compile(request.q(), catalog, allUnits);
    // Every tier scores every hit here, not only the best few hundred as in the embedded index:
    // Solr's rerank breaks ties by its internal order, not by date and upload as the page must.
    Query text = compiled.full();
    boolean ranked = compiled.ranked();
    Query strict = ranked ? queries.compileStrict(request.q(), catalog, allUnits).full() : null;
    Map<String, String> unitNames = new LinkedHashMap<>();
    for (Unit u : allUnits) {
      unitNames.put(u.code(), u.name());
    }
    SolrQuery q = new SolrQuery(local(text));
    filters(request, scope).forEach(q::addFilterQuery);
    String newest = DocumentFields.DATE_SORT + " desc";
    String uploaded = SolrConfigSet.ID_SORT + " asc";
    q.set(
        "sort",
        !ranked
            ? newest + "," + uploaded
            : request.sort() == SearchSort.DATE
                ? newest + ",score desc," + uploaded
                : "score desc," + newest + "," + uploaded);
    q.setStart((request.page() - 1) * request.size());
    q.setRows(request.size());
    q.setFields(FIELDS);
    q.setFacet(true);
    q.setFacetLimit(-1);
    q.setFacetMinCount(1);
    SearchService.FACETS.forEach(q::addFacetField);
    index.awaitOwnWrites();
    QueryResponse r = query(q);
    List<SolrDocument> docs = r.getResults();
    String[] snippets = new String[docs.size()];
    Query marked = service.withFilters(text, request, scope);
    Query strictMarked = strict == null ? marked : service.withFilters(strict, request, scope);
    for (int i = 0; i < docs.size(); i++) {
      snippets[i] = snippet(docs.get(i), strictMarked, marked, !ranked);
    }
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      SolrDocument d = docs.get(i);
      String unit = str(d, DocumentFields.UNIT);
      String category = str(d, DocumentFields.CATEGORY);
      hits.add(
          new SearchResult.Hit(
              Long.parseLong(str(d, DocumentFields.ID)),
              str(d, DocumentFields.TITLE),
              unit,
              unitNames.getOrDefault(unit, unit),
              SearchService.categoryOrNull(category),
              service.categoryLabel(category),
              date(d),
              ((Number) d.getFirstValue(DocumentFields.YEAR)).intValue(),
              str(d, DocumentFields.FILE_TYPE),
              snippets[i]));
    }
    Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    for (String dim : SearchService.FACETS) {
      Function<String, String> label =
          switch (dim) {
            case DocumentFields.UNIT -> code -> unitNames.getOrDefault(code, code);
            case DocumentFields.CATEGORY -> service::categoryLabel;
            default -> Function.identity();
          };
      List<SearchResult.FacetValue> values = new ArrayList<>();
      FacetField f = r.getFacetField(dim);
      if (f != null && f.getValues() != null) {
        for (FacetField.Count c : f.getValues()) {
          values.add(
              new SearchResult.FacetValue(c.getName(), label.apply(c.getName()), c.getCount()));
        }
      }
      SearchService.order(dim, values);
      facets.put(dim, values);
    }
    return new SearchResult(
        r.getResults().getNumFound(), request.page(), request.size(), hits, facets);
  }

  /** The request's filters and the caller's scope, as filter queries: they do not score. */
  private List<String> filters(SearchRequest r, Scope scope) {
    List<String> fq = new ArrayList<>();
    if (!scope.everything()) {
      fq.add(
          scope.units().isEmpty()
              ? "-*:*"
              : "{!terms f=" + DocumentFields.UNIT + "}" + String.join(",", scope.units()));
    }
    if (r.unit() != null) {
      fq.add(term(DocumentFields.UNIT, r.unit()));
    }
    if (r.category() != null) {
      String code = catalog.category(r.category()).map(c -> c.code()).orElse(r.category());
      fq.add(term(DocumentFields.CATEGORY, code));
    }
    if (r.year() != null) {
      fq.add(term(DocumentFields.YEAR, r.year().toString()));
    }
    if (r.type() != null) {
      fq.add(term(DocumentFields.FILE_TYPE, r.type()));
    }
    return fq;
  }

  private static String term(String field, String value) {
    return "{!term f=" + field + "}" + value;
  }

  private static String local(Query q) {
    return "{!" + TaizhangQParserPlugin.NAME + "}" + QueryCodec.encode(q);
  }

  private QueryResponse query(SolrQuery q) {
    // Encoded queries can be long: always in the body.
    return index.read((client, collection) -> client.query(collection, q, SolrRequest.METHOD.POST));
  }

  /**
   * The snippet of one hit, by {@link SearchService}'s highlighter over its text and {@link
   * DocumentIndex#filterFields}: the query that marks the words is the search's own, filters
   * included, and without those fields a filtered search would mark nothing.
   */
  private String snippet(SolrDocument d, Query query, Query wider, boolean browse) {
    String text = str(d, DocumentFields.TEXT);
    MemoryIndex one = new MemoryIndex(true, false);
    one.addField(
        new Field(DocumentFields.TEXT, text == null ? "" : text, TEXT_WITH_OFFSETS),
        service.analysis().indexAnalyzer());
    DocumentIndex.filterFields(
            str(d, DocumentFields.UNIT),
            str(d, DocumentFields.CATEGORY),
            ((Number) d.getFirstValue(DocumentFields.YEAR)).intValue(),
            str(d, DocumentFields.FILE_TYPE),
            date(d))
        .forEach(f -> one.addField(f, null));
    IndexSearcher searcher = one.createSearcher();
    TopDocs doc =
        new TopDocs(
            new TotalHits(1, TotalHits.Relation.EQUAL_TO), new ScoreDoc[] {new ScoreDoc(0, 1f)});
    try {
      return service.snippets(searcher, query, wider, doc, browse)[0];
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@link SimilarDocuments#similar} in Solr, past the part that needs no index. */
  List<SimilarDocuments.Similar> similar(
      SimilarDocuments similar,
      Document source,
      String text,
      Set<Long> excluded,
      Map<String, String> unitNames,
      Scope scope,
      int n) {
    index.awaitOwnWrites();
    Query like;
    try {
      like =
          similar.likeQuery(
              new IndexSearcher(new Statistics(similar.analysis(), source.title(), text)),
              source.title(),
              text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (like == null) {
      return List.of();
    }
    SolrQuery q = new SolrQuery(local(like));
    filters(new SearchRequest("", null, null, null, null, 1, 1), scope).forEach(q::addFilterQuery);
    List<String> ids = excluded.stream().map(String::valueOf).toList();
    q.addFilterQuery("-{!terms f=" + DocumentFields.ID + "}" + String.join(",", ids));
    q.setRows(n);
    q.set("sort", "score desc," + SolrConfigSet.ID_SORT + " asc");
    q.setFields(FIELDS);
    QueryResponse r = query(q);
    Set<Long> sourceShingles = similar.shingles(text);
    List<SimilarDocuments.Similar> out = new ArrayList<>();
    for (SolrDocument d : r.getResults()) {
      String unit = str(d, DocumentFields.UNIT);
      String category = str(d, DocumentFields.CATEGORY);
      int percent =
          SimilarDocuments.overlapPercent(
              sourceShingles, similar.shingles(str(d, DocumentFields.TEXT)));
      boolean copy = percent >= Math.round(SimilarDocuments.COPY_THRESHOLD * 100);
      boolean uncategorized = category == null || category.startsWith("_");
      out.add(
          new SimilarDocuments.Similar(
              Long.parseLong(str(d, DocumentFields.ID)),
              str(d, DocumentFields.TITLE),
              unit,
              unitNames.getOrDefault(unit, unit),
              uncategorized ? null : category,
              uncategorized ? "未分类" : catalog.categoryName(category),
              date(d),
              ((Number) d.getFirstValue(DocumentFields.YEAR)).intValue(),
              ((Number) d.getFirstValue("score")).floatValue(),
              percent,
              copy,
              SimilarDocuments.hint(percent)));
    }
    return out;
  }

  private static String str(SolrDocument d, String field) {
    Object v = d.getFirstValue(field);
    return v == null ? null : v.toString();
  }

  private static LocalDate date(SolrDocument d) {
    Object v = d.getFirstValue(DocumentFields.DATE);
    return v == null ? null : LocalDate.ofEpochDay(((Number) v).longValue());
  }

  /**
   * The collection's statistics that MoreLikeThis reads (documents with a field, and each candidate
   * term's document frequency over every shard), fetched in one request per field for the terms of
   * the given title and text: MoreLikeThis then picks the same terms as over the embedded index.
   */
  private final class Statistics extends CompositeReader {
    private final Map<String, Integer> docCount = new HashMap<>();
    private final Map<Term, Integer> docFreq = new HashMap<>();

    Statistics(ChineseAnalysis analysis, String title, String text) throws IOException {
      Set<String> words = new LinkedHashSet<>();
      for (String value : new String[] {title, text}) {
        if (value == null) {
          continue;
        }
        try (TokenStream ts =
            analysis.bigramQueryAnalyzer().tokenStream(DocumentFields.TEXT, value)) {
          CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            words.add(term.toString());
          }
          ts.end();
        }
      }
      for (String field : new String[] {DocumentFields.TEXT, DocumentFields.TITLE}) {
        SolrQuery count = new SolrQuery(field + ":[* TO *]");
        count.setRows(0);
        docCount.put(field, (int) query(count).getResults().getNumFound());
        // Terms with a comma cannot be listed; they count as absent (numbers like 1,000).
        List<String> listed = words.stream().filter(w -> w.indexOf(',') < 0).toList();
        if (listed.isEmpty()) {
          continue;
        }
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("terms.fl", field);
        p.set("terms.list", String.join(",", listed));
        p.set("terms.limit", -1);
        QueryRequest req = new QueryRequest(p, SolrRequest.METHOD.POST);
        req.setPath("/terms");
        TermsResponse terms = index.read(req::process).getTermsResponse();
        List<TermsResponse.Term> found = terms == null ? null : terms.getTerms(field);
        if (found != null) {
          for (TermsResponse.Term t : found) {
            docFreq.put(new Term(field, t.getTerm()), (int) t.getFrequency());
          }
        }
      }
    }

    @Override
    public int docFreq(Term term) {
      return docFreq.getOrDefault(term, 0);
    }

    @Override
    public int getDocCount(String field) {
      return docCount.getOrDefault(field, 0);
    }

    @Override
    public int numDocs() {
      return docCount.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** No documents of its own (no leaves): only the collection's statistics. */
    @Override
    public int maxDoc() {
      return 0;
    }

    @Override
    protected List<? extends IndexReader> getSequentialSubReaders() {
      return List.of();
    }

    @Override
    public long totalTermFreq(Term term) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long getSumDocFreq(String field) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long getSumTotalTermFreq(String field) {
      throw new UnsupportedOperationException();
    }

    @Override
    public TermVectors termVectors() {
      throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    public org.apache.lucene.index.Fields getTermVectors(int docID) {
      throw new UnsupportedOperationException();
    }

    @Override
    @Deprecated
    public void document(int docID, org.apache.lucene.index.StoredFieldVisitor visitor) {
      throw new UnsupportedOperationException();
    }

    @Override
    public StoredFields storedFields() {
      throw new UnsupportedOperationException();
    }

    @Override
    protected void doClose() {}

    @Override
    public CacheHelper getReaderCacheHelper() {
      return null;
    }
  }
}
