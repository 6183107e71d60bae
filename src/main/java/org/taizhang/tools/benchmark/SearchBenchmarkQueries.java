package org.taizhang.tools.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.taizhang.search.SearchRequest;
import org.taizhang.search.SearchService;
import org.taizhang.search.SearchSort;

/**
 * The query mix of {@link SearchBenchmark}: what reviewers type, with the filters they click. Every
 * query goes through {@link SearchService#search} as page 1 of 10 hits, so each one also counts the
 * four facets over all matching documents and highlights the ten snippets.
 */
final class SearchBenchmarkQueries {
  /** One timed search and the kind it stands for. */
  record BenchQuery(Kind kind, SearchRequest request) {}

  /** The kinds of query in the mix, with their weights (shares of the mix, in per cent). */
  enum Kind {
    WORD("single word", 18),
    AND("two words (AND)", 10),
    PHRASE("quoted phrase", 8),
    TRADITIONAL("traditional characters", 6),
    SYNONYM("synonym 台帐 → 台账", 6),
    FILTER_UNIT("word + unit filter", 8),
    FILTER_YEAR("word + year filter", 8),
    FILTER_CATEGORY("word + category filter", 8),
    BROWSE_FILTERED("no text, unit+year+category", 5),
    EXCLUSION("word -excluded", 6),
    RARE("rare term", 4),
    COMMON("very common term", 8),
    BROWSE_ALL("no text, no filter", 5);

    final String label;
    final int weight;

    Kind(String label, int weight) {
      this.label = label;
      this.weight = weight;
    }
  }

  static final List<String> WORDS =
      List.of(
          "志愿服务", "垃圾分类", "道德讲堂", "移风易俗", "消防", "网格员", "读书", "慰问", "会议记录", "实施方案", "红白理事会", "光盘行动",
          "四点半课堂", "师德师风", "文明交通", "服务之星", "美丽庭院", "签到表", "测评", "整改", "身边好人", "长者食堂", "防溺水", "爱心驿站",
          "农家书屋");
  static final List<String> AND =
      List.of(
          "志愿服务 老人",
          "垃圾分类 楼道",
          "道德讲堂 好人",
          "会议记录 主持人",
          "文明交通 劝导",
          "移风易俗 彩礼",
          "消防 演练",
          "整改 督查",
          "读书 图书",
          "慰问 困难群众",
          "志愿者 社区",
          "台账 照片");
  static final List<String> PHRASES =
      List.of(
          "“文明交通劝导”",
          "\"创建工作领导小组\"",
          "“门前三包”",
          "\"新时代文明实践站\"",
          "“社会主义核心价值观”",
          "\"按月收集\"",
          "“我们的节日”",
          "\"事后补做\"");
  static final List<String> TRADITIONAL =
      List.of("志願服務", "臺賬", "垃圾分類", "鄰里守望", "會議記錄", "道德講堂", "環境衛生");
  static final List<String> SYNONYM = List.of("台帐", "台帐资料", "创建台帐");
  static final List<String> EXCLUSION =
      List.of("志愿服务 -学雷锋", "垃圾分类 -社区", "会议记录 -缺席", "道德讲堂 -身边好人", "创建 -台账");
  static final List<String> COMMON = List.of("创建", "文明", "工作");

  /** Category codes with a word a reviewer would look for in them. */
  static final List<String[]> CATEGORY_WORDS =
      List.of(
          new String[] {"activity", "志愿服务"},
          new String[] {"meeting", "主持人"},
          new String[] {"photo", "志愿者"},
          new String[] {"annual-summary", "存在的问题"},
          new String[] {"plan", "工作目标"},
          new String[] {"sign-in", "签名"},
          new String[] {"rules", "台账"},
          new String[] {"inspection", "整改"},
          new String[] {"briefing", "温馨提示"});

  static final List<String> BROWSE_CATEGORIES =
      List.of("meeting", "activity", "photo", "plan", "annual-summary", "sign-in");

  private SearchBenchmarkQueries() {}

  /** {@code n} queries drawn by weight; the same seed gives the same list. */
  static List<BenchQuery> generate(long seed, int n, List<String> unitCodes) {
    Random rng = new Random(seed);
    List<Kind> table = new ArrayList<>();
    for (Kind k : Kind.values()) {
      for (int i = 0; i < k.weight; i++) {
        table.add(k);
      }
    }
    List<BenchQuery> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Kind k = table.get(rng.nextInt(table.size()));
      out.add(new BenchQuery(k, request(k, rng, unitCodes)));
    }
    return out;
  }

  /** One query of each kind, for checks. */
  static List<BenchQuery> oneOfEach(long seed, List<String> unitCodes) {
    Random rng = new Random(seed);
    List<BenchQuery> out = new ArrayList<>();
    for (Kind k : Kind.values()) {
      out.add(new BenchQuery(k, request(k, rng, unitCodes)));
    }
    return out;
  }

  private static SearchRequest request(Kind k, Random rng, List<String> units) {
    int year =
        SearchBenchmarkCorpus.FIRST_YEAR
            + rng.nextInt(SearchBenchmarkCorpus.LAST_YEAR - SearchBenchmarkCorpus.FIRST_YEAR + 1);
    return switch (k) {
      case WORD -> page(pick(rng, WORDS), null, null, null);
      case AND -> page(pick(rng, AND), null, null, null);
      case PHRASE -> page(pick(rng, PHRASES), null, null, null);
      case TRADITIONAL -> page(pick(rng, TRADITIONAL), null, null, null);
      case SYNONYM -> page(pick(rng, SYNONYM), null, null, null);
      case FILTER_UNIT -> page(pick(rng, WORDS), pick(rng, units), null, null);
      case FILTER_YEAR -> page(pick(rng, WORDS), null, null, year);
      case FILTER_CATEGORY -> {
        String[] cw = pick(rng, CATEGORY_WORDS);
        yield page(cw[1], null, cw[0], null);
      }
      case BROWSE_FILTERED -> page("", pick(rng, units), pick(rng, BROWSE_CATEGORIES), year);
      case EXCLUSION -> page(pick(rng, EXCLUSION), null, null, null);
      case RARE -> page(SearchBenchmarkCorpus.RARE_TERM, null, null, null);
      case COMMON -> page(pick(rng, COMMON), null, null, null);
      case BROWSE_ALL -> page("", null, null, null);
    };
  }

  private static SearchRequest page(String q, String unit, String category, Integer year) {
    return new SearchRequest(q, unit, category, year, null, 1, 10, SearchSort.RELEVANCE);
  }

  private static <T> T pick(Random rng, List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }
}
