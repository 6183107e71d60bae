package org.taizhang.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.springframework.stereotype.Component;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentFields;
import org.taizhang.index.Synonyms;
import org.taizhang.solr.NearParts;
import org.taizhang.solr.SaturatedScore;
import org.taizhang.text.ChineseDates;
import org.taizhang.unit.Unit;

/**
 * Turns what a reviewer types ({@link QuerySyntax}) into a Lucene query.
 *
 * <p>A word or phrase always matches as a whole, never as scattered characters or bigrams: the
 * characters must follow one another in the text, in the title, or as segmented words, in any
 * spelling its synonym groups allow. Inside the query, punctuation and spaces between Chinese
 * characters are dropped (“台账，管理” asks for 台账管理); in the document, a phrase may run across
 * punctuation and line breaks between its words (邻里守望志愿服务 finds “「鄰里守望」志願服務”): a second phrase
 * leaves out the bigrams that straddle a word boundary, and as punctuation takes no position in the
 * index, the words still have to follow one another. A date is also looked for in the other forms
 * offices write it in (2025-03-12 finds 2025年3月12日), by its month and day in the documents of its
 * year (2024年9月14日 finds “9月14日” in a 2024 record), and by the documents' own date; symbols that
 * only the word segmentation keeps (×××) are found through the word fields.
 *
 * <p>A word also finds what it names rather than contains: the documents of a unit whose name it is
 * or ends with (杏桥村, 县教育局), of a category whose name it is (年终总结), and, for a date, the documents
 * dated that day. Those count as much as a match in the title: a scanned letter without text is
 * found by its unit, and the year's summaries by “年终总结” although their titles say 工作总结.
 *
 * <p>A word that the text does not hold whole is still found where its parts stand close together,
 * in order (首问负责制 finds “首问接待负责制”, 独居老人 finds “独居、空巢老人”): the parts are the words of the
 * segmentation, with single characters kept together or joined to their neighbour, and at most
 * {@value #NEAR_GAP} characters may stand between them in all. Only while one of the parts is rare
 * (in fewer than {@value #NEAR_MAX_DOCS} documents): common words close together say little.
 *
 * <p>Each word or phrase scores in fixed tiers, so the order of the hits can be explained:
 *
 * <ul>
 *   <li>{@value #TITLE} — in the title;
 *   <li>{@value #EXACT} — in the text, its characters adjacent (the bigram phrase);
 *   <li>{@value #WORD} more — and there as whole words of the segmentation (国家 in 国家标准, not in
 *       中国家庭);
 *   <li>{@value #LOOSE} — in the text at all, possibly across punctuation or a line break between
 *       its words;
 *   <li>below 1 — how often it occurs (BM25 of the phrase, saturated so that it never reaches a
 *       tier);
 *   <li>{@value #NEAR} — its parts close together (the only score of a document that has nothing
 *       more).
 * </ul>
 *
 * A title match (5) therefore outranks any match in the text alone (at most 4.99…), and an adjacent
 * match outranks one across punctuation. The scores of the words of a query add up; when a query
 * has several words ({@code 文明 劝导}), a document where they stand one after the other gains {@value
 * #TOGETHER} per word — more than the frequency parts of all the words can make up — so it ranks
 * above one where they are scattered. Equal scores are ordered by date, newest first (by {@link
 * SearchService}).
 */
@Component
public class QueryFactory {
  static final float TITLE = 5f;
  static final float EXACT = 2f;
  static final float WORD = 1f;
  static final float LOOSE = 1f;

  /** Per word of the query, when all its words occur one after the other (文明 劝导 in “文明劝导”). */
  static final float TOGETHER = 1f;

  /** The parts of a word close together but not as the word: below any match of the word itself. */
  static final float NEAR = 0.5f;

  /**
   * Most characters that may stand between the parts of a word, in all, for it to be found near.
   */
  static final int NEAR_GAP = 3;

  /**
   * A word's parts are looked for apart only while one of them is in fewer documents than this
   * ({@link NearParts}): a bound on the cost, and on the noise of common words standing close.
   */
  static final int NEAR_MAX_DOCS = 2000;

  /** Years a day without a year (9月14日) is looked for in, among the documents' dates. */
  private static final int FIRST_YEAR = 1950;

  private static final int LAST_YEAR = 2099;

  /** The BM25 score at which the frequency part reaches one half. */
  private static final double TF_HALF = 4.0;

  /** The index's category value of documents without one (DocumentIndex.NO_CATEGORY). */
  private static final String NO_CATEGORY = "_none";

  private final ChineseAnalysis analysis;
  private final Synonyms synonyms;
  private final QueryBuilder words;

  QueryFactory(ChineseAnalysis analysis, Synonyms synonyms) {
    this.analysis = analysis;
    this.synonyms = synonyms;
    this.words = new QueryBuilder(analysis.wordAnalyzer());
  }

  /**
   * How many of the best hits {@link Compiled#rescore} scores. An exact phrase differs from the
   * loose one only across punctuation, so hits beyond the first few hundred do not reach the first
   * pages through it.
   */
  static final int RESCORE_WINDOW = 300;

  /**
   * A query ready to run, and whether it has words to rank by (otherwise every hit scores the same
   * and the hits are listed by date).
   *
   * <p>{@code query} decides the matches, the total and the facets and scores every hit with the
   * cheap tiers (title, in the text at all with its frequency, parts close together); {@code
   * rescore}, when not null, holds the expensive tiers that never change whether a document matches
   * (the exact phrase and the whole words, whose matches the loose phrase finds too; the words of a
   * query together), whose score is added to the best {@link #RESCORE_WINDOW} hits only: they are
   * phrase queries over every hit otherwise. The sum is the score of {@link #full()}. In Solr
   * terms: {@code q=query} and {@code rq={!rerank reRankQuery=rescore reRankDocs=RESCORE_WINDOW
   * reRankWeight=1}}.
   */
  record Compiled(Query query, boolean ranked, Query rescore) {
    /** Matches as {@code query} and scores every hit as the rescored best ones are. */
    Query full() {
      if (rescore == null) {
        return query;
      }
      return new BooleanQuery.Builder().add(query, Occur.MUST).add(rescore, Occur.SHOULD).build();
    }
  }

  /**
   * The query for {@code q}; {@link MatchAllDocsQuery} when it asks for nothing. Without a catalog
   * and units, {@code unit:} and {@code category:} take their values as codes.
   */
  Query parse(String q) {
    return compile(q, null, List.of()).full();
  }

  /**
   * The query for {@code q} without its words' parts close together: what marks the hits in a
   * document that holds the words whole (the parts there would only add noise beside them).
   */
  Query parseStrict(String q) {
    return new Compiler(null, List.of(), false).compile(QuerySyntax.parse(q)).full();
  }

  /**
   * @param catalog resolves {@code category:} names; null to take values as codes
   * @param units resolve {@code unit:} names
   * @throws QueryParseException when {@code q} does not follow the query language
   */
  Compiled compile(String q, Catalog catalog, List<Unit> units) {
    return new Compiler(catalog, units, true).compile(QuerySyntax.parse(q));
  }

  /**
   * The same as {@link #compile} without the words' parts close together (see {@link
   * #parseStrict}).
   */
  Compiled compileStrict(String q, Catalog catalog, List<Unit> units) {
    return new Compiler(catalog, units, false).compile(QuerySyntax.parse(q));
  }

  /** One compilation, with what names are resolved against. */
  private final class Compiler {
    private final Catalog catalog;
    private final List<Unit> units;
    private final boolean near;

    /** The expensive tiers of the clauses compiled so far: {@link Compiled#rescore}. */
    private final List<Query> rescore = new ArrayList<>();

    Compiler(Catalog catalog, List<Unit> units, boolean near) {
      this.catalog = catalog;
      this.units = units;
      this.near = near;
    }

    Compiled compile(QuerySyntax.Parsed parsed) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      int clauses = 0;
      boolean required = false;
      boolean ranked = false;
      List<String> together = new ArrayList<>();
      for (List<QuerySyntax.Part> group : parsed.groups()) {
        if (group.size() == 1) {
          QuerySyntax.Part p = group.get(0);
          Query c = clause(p.clause(), p.excluded());
          if (c == null) {
            continue;
          }
          boolean scoring = scores(p.clause());
          if (!p.excluded() && p.clause() instanceof QuerySyntax.Text t) {
            together.add(t.text());
          }
          b.add(c, p.excluded() ? Occur.MUST_NOT : scoring ? Occur.MUST : Occur.FILTER);
          required |= !p.excluded();
          ranked |= !p.excluded() && scoring;
          clauses++;
          continue;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int alternatives = 0;
        boolean scoring = false;
        for (QuerySyntax.Part p : group) {
          Query c = clause(p.clause(), false);
          if (c == null) {
            continue;
          }
          if (scores(p.clause())) {
            any.add(c, Occur.SHOULD);
            scoring = true;
          } else {
            // A filter among alternatives may decide the match, but adds nothing to the score.
            any.add(new BoostQuery(new ConstantScoreQuery(c), 0f), Occur.SHOULD);
          }
          alternatives++;
        }
        if (alternatives == 0) {
          continue;
        }
        b.add(any.build(), scoring ? Occur.MUST : Occur.FILTER);
        required = true;
        ranked |= scoring;
        clauses++;
      }
      if (clauses == 0) {
        return new Compiled(new MatchAllDocsQuery(), false, null);
      }
      if (!required) {
        b.add(new MatchAllDocsQuery(), Occur.FILTER); // only exclusions: everything else
      }
      if (together.size() > 1) {
        Query adjacent = looseTier(String.join(" ", together), together.size() * TOGETHER);
        if (adjacent != null) {
          rescore.add(adjacent);
        }
      }
      return new Compiled(
          b.build(),
          ranked,
          rescore.isEmpty() ? null : any(rescore)); // adds up the tiers that match
    }

    /**
     * The query of one clause; null when it asks for nothing (only punctuation, empty quotes). An
     * excluded clause only needs to match, not to score.
     */
    private Query clause(QuerySyntax.Clause c, boolean excluded) {
      if (c instanceof QuerySyntax.Text t) {
        return textQuery(t.text(), false, excluded, named(t.text()), near, rescore);
      }
      if (c instanceof QuerySyntax.Title t) {
        return textQuery(t.text(), true, excluded, List.of(), false, rescore);
      }
      if (c instanceof QuerySyntax.Unit u) {
        return inSet(DocumentFields.UNIT, unitCodes(u.value()), u.value());
      }
      if (c instanceof QuerySyntax.Category cat) {
        return inSet(DocumentFields.CATEGORY, categoryCodes(cat.value()), cat.value());
      }
      if (c instanceof QuerySyntax.Type t) {
        return new TermQuery(new Term(DocumentFields.FILE_TYPE, t.label()));
      }
      if (c instanceof QuerySyntax.Years y) {
        return IntPoint.newRangeQuery(
            DocumentFields.YEAR,
            y.from() == null ? Integer.MIN_VALUE : y.from(),
            y.to() == null ? Integer.MAX_VALUE : y.to());
      }
      QuerySyntax.Dates d = (QuerySyntax.Dates) c;
      return LongPoint.newRangeQuery(
          DocumentFields.DATE,
          d.from() == null ? Long.MIN_VALUE : d.from().toEpochDay(),
          d.to() == null ? Long.MAX_VALUE : d.to().toEpochDay());
    }

    /**
     * The documents a word names rather than contains: those of the units whose name it is or ends
     * with (青禾县禾溪镇杏桥村 for 杏桥村 or 禾溪镇杏桥村, but not for 禾溪镇, which is another unit's name), those of
     * the category whose name it is (年终总结), and for a date those dated that day. Names are read at
     * every search, so a renamed unit or an edited category list counts at once.
     */
    private List<Query> named(String word) {
      List<Query> out = new ArrayList<>();
      String folded = bridge(analysis.fold(word)).strip();
      if (folded.codePointCount(0, folded.length()) >= 2) {
        Set<String> codes = new LinkedHashSet<>();
        for (Unit u : units) {
          String name = analysis.fold(u.name());
          if (name.endsWith(folded)) {
            codes.add(u.code());
          }
        }
        if (!codes.isEmpty()) {
          out.add(inSet(DocumentFields.UNIT, codes, ""));
        }
        if (catalog != null) {
          catalog.categories().stream()
              .filter(c -> analysis.fold(c.name()).equals(folded))
              .forEach(c -> out.add(new TermQuery(new Term(DocumentFields.CATEGORY, c.code()))));
        }
      }
      ChineseDates.parse(word)
          .ifPresent(d -> out.add(LongPoint.newExactQuery(DocumentFields.DATE, d.toEpochDay())));
      ChineseDates.parseMonthDay(word)
          .ifPresent(
              md -> {
                List<Long> days = new ArrayList<>();
                for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
                  if (md.isValidYear(y)) {
                    days.add(md.atYear(y).toEpochDay());
                  }
                }
                out.add(LongPoint.newSetQuery(DocumentFields.DATE, days));
              });
      return out;
    }

    /**
     * Units by code, by name, or by part of the name (unit:教育局), in that order of preference. A
     * value that names no unit matches no document — never an error, which would tell a unit's
     * clerk whether some other unit exists.
     */
    private Set<String> unitCodes(String value) {
      Set<String> codes = new LinkedHashSet<>();
      List<Unit> all = units;
      all.stream().filter(u -> u.code().equalsIgnoreCase(value)).forEach(u -> codes.add(u.code()));
      String folded = analysis.fold(value);
      if (codes.isEmpty()) {
        all.stream()
            .filter(u -> analysis.fold(u.name()).equals(folded))
            .forEach(u -> codes.add(u.code()));
      }
      if (codes.isEmpty()) {
        all.stream()
            .filter(u -> analysis.fold(u.name()).contains(folded))
            .forEach(u -> codes.add(u.code()));
      }
      return codes;
    }

    /**
     * Categories by code, by name, or by part of the name (category:记录 is every kind of record);
     * 未分类 is the documents without one. Categories are the same for everyone, so one that does not
     * exist is an error with the list of those that do.
     */
    private Set<String> categoryCodes(String value) {
      if (value.equals("未分类") || value.equals(NO_CATEGORY)) {
        return Set.of(NO_CATEGORY);
      }
      if (catalog == null) {
        return Set.of(value);
      }
      var exact =
          catalog.category(value).or(() -> catalog.category(value.toLowerCase(Locale.ROOT)));
      if (exact.isPresent()) {
        return Set.of(exact.get().code());
      }
      String folded = analysis.fold(value);
      Set<String> codes = new LinkedHashSet<>();
      catalog.categories().stream()
          .filter(c -> analysis.fold(c.name()).contains(folded))
          .forEach(c -> codes.add(c.code()));
      if (codes.isEmpty()) {
        List<String> names = catalog.categories().stream().map(Category::name).toList();
        throw new QueryParseException(
            "没有名为“" + value + "”的类别。可选的类别：" + String.join("、", names) + "、未分类。");
      }
      return codes;
    }
  }

  private static boolean scores(QuerySyntax.Clause c) {
    return c instanceof QuerySyntax.Text || c instanceof QuerySyntax.Title;
  }

  /**
   * Documents whose {@code field} is one of {@code values}; none if there are none (then {@code
   * typed} matches nothing).
   */
  private static Query inSet(String field, Set<String> values, String typed) {
    if (values.isEmpty()) {
      return new TermQuery(new Term(field, typed));
    }
    if (values.size() == 1) {
      return new TermQuery(new Term(field, values.iterator().next()));
    }
    return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
  }

  /**
   * A word or phrase: in the title only, or in the text or the title; scored in tiers, or (for an
   * exclusion) just matched. {@code named} are the documents the word names (of a unit, a category,
   * a day), which count as a title match; {@code withNear} adds the word's parts close together.
   * The expensive tiers go to {@code rescore}.
   */
  private Query textQuery(
      String text,
      boolean titleOnly,
      boolean matchOnly,
      List<Query> named,
      boolean withNear,
      List<Query> rescore) {
    if (!QuerySyntax.hasWords(new QuerySyntax.Text(text))) {
      return null;
    }
    List<Query> exact = new ArrayList<>();
    List<Query> loose = new ArrayList<>();
    List<Query> title = new ArrayList<>(named);
    List<Query> word = new ArrayList<>();
    List<Query> symbols = new ArrayList<>();
    List<Query> near = new ArrayList<>();
    Set<String> variants = variants(text);
    boolean date =
        ChineseDates.parse(text).isPresent() || ChineseDates.parseMonthDay(text).isPresent();
    for (String variant : variants) {
      List<Token> tokens = tokens(variant);
      Query w = words.createPhraseQuery(DocumentFields.TEXT_WORDS, variant);
      if (tokens.isEmpty()) {
        // Symbols that only the word segmentation keeps (×××, the placeholder of unfilled
        // templates).
        Query inTitle = words.createPhraseQuery(DocumentFields.TITLE_WORDS, variant);
        if (w != null) {
          symbols.add(w);
          title.add(inTitle == null ? w : inTitle);
        }
        continue;
      }
      List<Token> bridged = acrossWordBoundaries(variant, tokens);
      exact.add(phrase(DocumentFields.TEXT, covering(tokens)));
      loose.add(phrase(DocumentFields.TEXT, bridged));
      title.add(phrase(DocumentFields.TITLE, bridged));
      if (w != null) {
        word.add(w);
      }
      if (withNear && !date && !titleOnly) {
        Query n = nearParts(variant, tokens);
        if (n != null) {
          near.add(n);
        }
      }
    }
    if (loose.isEmpty() && symbols.isEmpty()) {
      return null;
    }
    ChineseDates.parse(text).ifPresent(d -> loose.add(monthDayInYear(d)));
    if (matchOnly) {
      List<Query> any = new ArrayList<>(title);
      if (!titleOnly) {
        any.addAll(loose); // the exact phrases and the whole words match nothing more
        any.addAll(
            symbols); // an exclusion leaves out what holds the word, not what holds its parts
      }
      return any(any);
    }
    Query inTitle = tier(title, TITLE);
    if (titleOnly) {
      return inTitle;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(inTitle, Occur.SHOULD);
    if (!word.isEmpty()) {
      // Its matches are a subset of the loose phrase's: the bigram field, as the word field, reads
      // across white space between characters (ChineseAnalysis).
      rescore.add(tier(word, WORD));
    }
    if (!symbols.isEmpty()) {
      b.add(tier(symbols, EXACT + WORD + LOOSE), Occur.SHOULD);
    }
    if (!loose.isEmpty()) {
      // In the text at all: LOOSE, plus how often, below 1 (one query for both). A term of one word
      // has no boundary to bridge: its loose phrase is the exact one, which then scores both tiers.
      Query often = loose.size() == 1 ? loose.get(0) : new DisjunctionMaxQuery(loose, 0f);
      boolean oneWord = exact.equals(loose);
      Query inText =
          new FunctionScoreQuery(
              often, new SaturatedScore(oneWord ? EXACT + LOOSE : LOOSE, TF_HALF));
      // The parts close together score only where the word itself is not found: the larger of the
      // two counts.
      b.add(
          near.isEmpty() ? inText : new DisjunctionMaxQuery(List.of(inText, tier(near, NEAR)), 0f),
          Occur.SHOULD);
      if (!oneWord) {
        rescore.add(tier(exact, EXACT)); // its matches are a subset of the loose phrase's
      }
    }
    return b.build();
  }

  /**
   * The month and day of {@code day} as the text writes them (9月14日, 九月十四日) in a document of its
   * year: of that archive year, or dated in it. Records name the day without the year they are
   * filed under.
   */
  private Query monthDayInYear(LocalDate day) {
    List<Query> forms = new ArrayList<>();
    for (String form : monthDayForms(MonthDay.from(day))) {
      List<Token> tokens = tokens(analysis.fold(form));
      if (!tokens.isEmpty()) {
        forms.add(phrase(DocumentFields.TEXT, covering(tokens)));
      }
    }
    int y = day.getYear();
    BooleanQuery.Builder year = new BooleanQuery.Builder();
    year.add(IntPoint.newExactQuery(DocumentFields.YEAR, y), Occur.SHOULD);
    year.add(
        LongPoint.newRangeQuery(
            DocumentFields.DATE,
            LocalDate.of(y, 1, 1).toEpochDay(),
            LocalDate.of(y, 12, 31).toEpochDay()),
        Occur.SHOULD);
    return new BooleanQuery.Builder()
        .add(any(forms), Occur.MUST)
        .add(year.build(), Occur.FILTER)
        .build();
  }

  /** 9月14日 and 九月十四日: the ways a day without its year is written. */
  private static List<String> monthDayForms(MonthDay md) {
    int m = md.getMonthValue();
    int d = md.getDayOfMonth();
    return List.of(
        m + "月" + d + "日",
        ChineseDates.chineseNumeral(m) + "月" + ChineseDates.chineseNumeral(d) + "日");
  }

  /**
   * The parts of a word close together, in order, with at most {@link #NEAR_GAP} characters between
   * them in all; null when the word has only one part. Each part matches as written (its bigrams
   * adjacent). A bigram's span ends one position after its first character, one short of its
   * second, so a part that ends with a bigram lends the gap after it one position more.
   */
  private Query nearParts(String text, List<Token> tokens) {
    List<int[]> parts = parts(text);
    if (parts.size() < 2) {
      return null;
    }
    List<SpanQuery> spans = new ArrayList<>();
    List<Term> terms = new ArrayList<>();
    int slop = NEAR_GAP;
    for (int i = 0; i < parts.size(); i++) {
      int from = parts.get(i)[0];
      int to = parts.get(i)[1];
      List<Token> inside =
          covering(tokens.stream().filter(t -> t.start() >= from && t.end() <= to).toList());
      if (inside.isEmpty()) {
        return null;
      }
      List<SpanQuery> part =
          inside.stream()
              .sorted(Comparator.comparingInt(Token::position))
              .map(t -> (SpanQuery) new SpanTermQuery(new Term(DocumentFields.TEXT, t.term())))
              .toList();
      spans.add(
          part.size() == 1
              ? part.get(0)
              : new SpanNearQuery(part.toArray(SpanQuery[]::new), 0, true));
      inside.forEach(t -> terms.add(new Term(DocumentFields.TEXT, t.term())));
      if (i < parts.size() - 1 && inside.get(inside.size() - 1).bigram()) {
        slop++;
      }
    }
    return new NearParts(
        new SpanNearQuery(spans.toArray(SpanQuery[]::new), slop, true), terms, NEAR_MAX_DOCS);
  }

  /**
   * The parts of a word, as character ranges: the words of the segmentation, except that a run of
   * single characters stays together (首问 in 首/问/负责制) and a lone character joins the word after it,
   * or before it at the end (学雷锋 and 杏花节 are one part each).
   */
  private List<int[]> parts(String text) {
    List<int[]> words = new ArrayList<>();
    try (TokenStream ts = analysis.wordAnalyzer().tokenStream(DocumentFields.TEXT_WORDS, text)) {
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        words.add(new int[] {offset.startOffset(), offset.endOffset()});
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<int[]> parts = new ArrayList<>();
    int[] run = null;
    for (int[] w : words) {
      boolean single = text.codePointCount(w[0], w[1]) == 1;
      if (single) {
        run = run == null ? new int[] {w[0], w[1]} : new int[] {run[0], w[1]};
        continue;
      }
      if (run != null && text.codePointCount(run[0], run[1]) == 1) {
        parts.add(new int[] {run[0], w[1]});
      } else {
        if (run != null) {
          parts.add(run);
        }
        parts.add(w);
      }
      run = null;
    }
    if (run != null) {
      if (text.codePointCount(run[0], run[1]) == 1 && !parts.isEmpty()) {
        parts.get(parts.size() - 1)[1] = run[1];
      } else {
        parts.add(run);
      }
    }
    return parts;
  }

  /**
   * The spellings a term is looked for in: folded, punctuation between Chinese characters dropped,
   * every synonym, and for a date (2025-03-12, 2025年3月12日 …) or a day without a year (9月14日, 九月十四日)
   * the other ways offices write it.
   */
  private Set<String> variants(String text) {
    Set<String> out = new LinkedHashSet<>(synonyms.expand(bridge(analysis.fold(text))));
    ChineseDates.parse(text)
        .ifPresent(
            d -> {
              int y = d.getYear();
              int m = d.getMonthValue();
              int day = d.getDayOfMonth();
              out.add(y + "年" + m + "月" + day + "日");
              out.add(String.format(Locale.ROOT, "%d-%02d-%02d", y, m, day));
              out.add(
                  y + "-" + m + "-" + day); // the same as 2025/3/12: the separators are not indexed
              out.add(
                  String.format(
                      Locale.ROOT, "%d.%02d.%02d", y, m, day)); // dotted dates are one token
              out.add(y + "." + m + "." + day);
              out.add(String.format(Locale.ROOT, "%d%02d%02d", y, m, day));
            });
    ChineseDates.parseMonthDay(text).ifPresent(md -> monthDayForms(md).forEach(out::add));
    return out;
  }

  /**
   * The text as one phrase, possibly across punctuation, scoring {@code score}: rewards the
   * documents where the words of a query stand together. Null when the text has no words.
   */
  private Query looseTier(String text, float score) {
    List<Query> loose = new ArrayList<>();
    for (String variant : synonyms.expand(bridge(analysis.fold(text)))) {
      List<Token> tokens = tokens(variant);
      if (!tokens.isEmpty()) {
        loose.add(phrase(DocumentFields.TEXT, acrossWordBoundaries(variant, tokens)));
      }
    }
    return loose.isEmpty() ? null : tier(loose, score);
  }

  /** Matches when any of the queries does, scoring {@code score} however often or however many. */
  private static Query tier(List<Query> alternatives, float score) {
    return new BoostQuery(new ConstantScoreQuery(any(alternatives)), score);
  }

  private static Query any(List<Query> alternatives) {
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    alternatives.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }

  /** A token of the index analysis: a bigram, or a single character, word or number. */
  private record Token(String term, int position, boolean bigram, int start, int end) {
    boolean covers(Token t) {
      return bigram && !t.bigram && start <= t.start && t.end <= end;
    }
  }

  /**
   * The tokens of an exact phrase: every bigram, and the characters, words and numbers no bigram
   * covers. Positions are the index's (one per character), so Chinese next to Latin letters or
   * digits lines up (2025年道德讲堂PDF).
   */
  private static List<Token> covering(List<Token> tokens) {
    return tokens.stream()
        .filter(t -> t.bigram() || tokens.stream().noneMatch(b -> b.covers(t)))
        .toList();
  }

  /**
   * The tokens of the phrase that may run across punctuation between words: the exact phrase
   * without the bigrams that straddle a boundary of the (smartcn) words of the text. Punctuation
   * takes no position in the index, so 邻里守望@0 志愿服务@4 finds “「鄰里守望」志願服務” as well as 邻里守望志愿服务, and
   * nothing with a character between the words. (A phrase of single characters would also bridge
   * punctuation inside a word, but costs several times as much on common characters.)
   */
  private List<Token> acrossWordBoundaries(String text, List<Token> tokens) {
    Set<Integer> boundaries = new HashSet<>();
    try (TokenStream ts = analysis.wordAnalyzer().tokenStream(DocumentFields.TEXT_WORDS, text)) {
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        boundaries.add(offset.startOffset());
        boundaries.add(offset.endOffset());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Token> kept =
        tokens.stream().filter(t -> !t.bigram() || !boundaries.contains(t.start() + 1)).toList();
    return covering(kept);
  }

  /**
   * The text as the index sees it: unigrams and bigrams of Chinese, words and numbers of the rest.
   */
  private List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream ts = analysis.indexAnalyzer().tokenStream(DocumentFields.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      TypeAttribute type = ts.addAttribute(TypeAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        out.add(
            new Token(
                term.toString(),
                position,
                CJKBigramFilter.DOUBLE_TYPE.equals(type.type()),
                offset.startOffset(),
                offset.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Query phrase(String field, List<Token> tokens) {
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0).term()));
    }
    PhraseQuery.Builder b = new PhraseQuery.Builder();
    tokens.stream()
        .sorted(Comparator.comparingInt(Token::position))
        .forEach(t -> b.add(new Term(field, t.term()), t.position()));
    return b.build();
  }

  /**
   * Drops punctuation and spaces between two Chinese (or Japanese, Korean) characters: a Chinese
   * query means the same with or without them (“台账，管理”, “台账 · 管理” → 台账管理). Elsewhere they stay, as
   * they separate words (“COVID-19”, “Lucene index”).
   */
  static String bridge(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      int cp = s.codePointAt(i);
      if (!QuerySyntax.isSeparator(cp)) {
        sb.appendCodePoint(cp);
        i += Character.charCount(cp);
        continue;
      }
      int end = i;
      while (end < n && QuerySyntax.isSeparator(s.codePointAt(end))) {
        end += Character.charCount(s.codePointAt(end));
      }
      boolean between =
          sb.length() > 0
              && end < n
              && isCjk(Character.codePointBefore(sb, sb.length()))
              && isCjk(s.codePointAt(end));
      if (!between) {
        sb.append(s, i, end);
      }
      i = end;
    }
    return sb.toString();
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }
}
