package org.taizhang.tools.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.taizhang.archive.Document;
import org.taizhang.archive.Lifecycle;
import org.taizhang.archive.Review;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.tools.benchmark.SearchBenchmarkPhrases.Flavor;
import org.taizhang.unit.Unit;

/**
 * The synthetic corpus of {@link SearchBenchmark}: units of every kind spread over a dozen
 * counties, and documents that are a pure function of their id (so indexing threads can write them
 * in any order and two runs index the same corpus). Years 2023–2025, categories from {@code
 * categories.txt} with realistic shares, about 3 % typed in traditional characters, some units
 * spelling 台帐 instead of 台账, and one rare term in one document of 5,000.
 */
final class SearchBenchmarkCorpus {
  static final int FIRST_YEAR = 2023;
  static final int LAST_YEAR = 2025;
  static final String RARE_TERM = "萤火虫夜校";

  /** One document in this many carries {@link #RARE_TERM}. */
  static final int RARE_EVERY = 5000;

  static final double TRADITIONAL_SHARE = 0.03;

  /**
   * A unit with the people and rooms its ledgers mention. {@code staff}: leader, deputy, office,
   * members.
   */
  record BenchUnit(
      String code,
      String name,
      String shortName,
      Flavor flavor,
      String ledger,
      String room,
      List<String> staff) {
    Unit unit() {
      return new Unit(code, name, flavor.type(), null);
    }
  }

  /** A document with its text and whether it was written in traditional characters. */
  record Generated(Document document, String text, boolean traditional, boolean rare) {}

  /**
   * Shares of the categories, in per mille; codes that categories.txt lacks are skipped, unknown
   * ones get a small share.
   */
  private static final Map<String, Integer> CATEGORY_SHARES = shares();

  private final long seed;
  private final List<BenchUnit> units;
  private final String[] categoryTable;
  private final Map<Character, Character> toTraditional;

  SearchBenchmarkCorpus(long seed, int unitCount, Catalog catalog, Path configDir) {
    this.seed = seed;
    this.units = units(new Random(seed), unitCount);
    this.categoryTable = categoryTable(catalog);
    this.toTraditional = traditionalMap(configDir.resolve("traditional-simplified.txt"));
  }

  List<BenchUnit> units() {
    return units;
  }

  /** The document with this id (ids count from 1). */
  Generated document(long id) {
    Random rng = new Random(seed * 1_000_003L + id * 7919L);
    // Some units file much more than others: a skewed pick.
    double u = rng.nextDouble();
    BenchUnit unit = units.get((int) (units.size() * u * (0.4 + 0.6 * u)));
    int year = FIRST_YEAR + rng.nextInt(LAST_YEAR - FIRST_YEAR + 1);
    String category = categoryTable[rng.nextInt(categoryTable.length)];
    boolean rare = id % RARE_EVERY == 7;
    SearchBenchmarkTexts.Written w = SearchBenchmarkTexts.write(rng, unit, year, category, rare);
    boolean traditional = rng.nextDouble() < TRADITIONAL_SHARE;
    String title = traditional ? traditional(w.title()) : w.title();
    String text = traditional ? traditional(w.text()) : w.text();
    String extension =
        switch (w.mediaType()) {
          case SearchBenchmarkTexts.PDF -> ".pdf";
          case SearchBenchmarkTexts.DOCX -> ".docx";
          case SearchBenchmarkTexts.XLSX -> ".xlsx";
          case SearchBenchmarkTexts.JPEG -> ".jpg";
          default -> ".txt";
        };
    long size =
        text.length() * 3L
            + (w.mediaType().equals(SearchBenchmarkTexts.JPEG) ? 1_500_000L : 20_000L)
            + rng.nextInt(50_000);
    Instant uploaded =
        w.date()
            .plusDays(1 + rng.nextInt(20))
            .atTime(9 + rng.nextInt(9), rng.nextInt(60))
            .toInstant(ZoneOffset.ofHours(8));
    Document d =
        new Document(
            id,
            unit.code(),
            category,
            title,
            w.date(),
            year,
            title + extension,
            w.mediaType(),
            size,
            String.format("%064x", id * 2654435761L + seed),
            w.mediaType().equals(SearchBenchmarkTexts.JPEG) ? null : 1 + text.length() / 800,
            DocumentMetadata.EMPTY,
            text.length(),
            false,
            "bench-" + unit.code(),
            uploaded,
            Review.SUBMITTED,
            Lifecycle.CURRENT);
    return new Generated(d, text, traditional, rare);
  }

  /** Converts simplified text to traditional, character for character, as typed by some staff. */
  String traditional(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      Character t = toTraditional.get(c);
      sb.append(t == null ? c : t);
    }
    return sb.toString();
  }

  // ---- units ----

  private static List<BenchUnit> units(Random rng, int count) {
    List<BenchUnit> out = new ArrayList<>(count);
    Set<String> names = new HashSet<>();
    int attempts = 0;
    while (out.size() < count) {
      if (++attempts > count * 200) {
        throw new IllegalStateException("cannot invent " + count + " distinct unit names");
      }
      String county = pick(rng, SearchBenchmarkPhrases.COUNTIES);
      String countyShort = county.substring(0, county.length() - 1);
      Flavor flavor;
      String name;
      String shortName;
      int kind = rng.nextInt(100);
      if (kind < 22) {
        flavor = SearchBenchmarkPhrases.BUREAU;
        String bureau = pick(rng, SearchBenchmarkPhrases.BUREAUS);
        name = county + bureau;
        shortName = countyShort + bureau.replace("委员会", "委");
      } else if (kind < 32) {
        flavor = SearchBenchmarkPhrases.INDUSTRY_FLAVOR;
        String town = pick(rng, SearchBenchmarkPhrases.TOWNS);
        String place = town.substring(0, town.length() - 1);
        name = county + String.format(pick(rng, SearchBenchmarkPhrases.INDUSTRY), place);
        shortName = name.substring(county.length());
      } else if (kind < 40) {
        flavor = SearchBenchmarkPhrases.TOWN;
        shortName = pick(rng, SearchBenchmarkPhrases.TOWNS);
        name = county + shortName + (shortName.endsWith("乡") ? "人民政府" : "人民政府");
      } else if (kind < 70) {
        flavor = SearchBenchmarkPhrases.VILLAGE;
        String town = pick(rng, SearchBenchmarkPhrases.TOWNS);
        shortName = pick(rng, SearchBenchmarkPhrases.VILLAGES);
        name = county + town + shortName + "村民委员会";
        shortName = town + shortName;
      } else if (kind < 88) {
        flavor = SearchBenchmarkPhrases.COMMUNITY;
        String street = pick(rng, SearchBenchmarkPhrases.STREETS);
        shortName = pick(rng, SearchBenchmarkPhrases.COMMUNITIES) + "社区";
        name = county + street + shortName + "居民委员会";
        shortName = countyShort + shortName;
      } else {
        flavor = SearchBenchmarkPhrases.SCHOOL;
        String town = pick(rng, SearchBenchmarkPhrases.TOWNS);
        shortName =
            town.substring(0, town.length() - 1) + pick(rng, SearchBenchmarkPhrases.SCHOOLS);
        name = county + shortName;
        shortName = countyShort + shortName;
      }
      if (!names.add(name)) {
        continue;
      }
      List<String> staff = new ArrayList<>();
      Set<String> people = new HashSet<>();
      while (staff.size() < 8) {
        String p =
            pick(rng, SearchBenchmarkPhrases.SURNAMES) + pick(rng, SearchBenchmarkPhrases.GIVEN);
        if (people.add(p)) {
          staff.add(p);
        }
      }
      // About one unit in seven writes 台帐 rather than 台账; the synonym list makes them equal.
      String ledger = rng.nextInt(7) == 0 ? "台帐" : "台账";
      out.add(
          new BenchUnit(
              String.format("u%05d", out.size() + 1),
              name,
              shortName,
              flavor,
              ledger,
              pick(rng, SearchBenchmarkPhrases.ROOMS),
              List.copyOf(staff)));
    }
    return List.copyOf(out);
  }

  // ---- categories ----

  private static Map<String, Integer> shares() {
    Map<String, Integer> m = new LinkedHashMap<>();
    m.put("activity", 200);
    m.put("photo", 120);
    m.put("meeting", 120);
    m.put("sign-in", 80);
    m.put("briefing", 70);
    m.put("plan", 50);
    m.put("rules", 45);
    m.put("inspection", 45);
    m.put("half-year-summary", 30);
    m.put("annual-summary", 30);
    m.put("leading-group", 30);
    m.put("responsibility", 30);
    m.put("award", 30);
    m.put("honor", 25);
    m.put("application", 20);
    m.put("survey", 20);
    m.put("explanation", 15);
    m.put(null, 40); // unclassified: not recognised from path, title or text
    return m;
  }

  private static String[] categoryTable(Catalog catalog) {
    List<String> table = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (Category c : catalog.categories()) {
      known.add(c.code());
      int share = CATEGORY_SHARES.getOrDefault(c.code(), 15);
      for (int i = 0; i < share; i++) {
        table.add(c.code());
      }
    }
    for (int i = 0; i < CATEGORY_SHARES.get(null); i++) {
      table.add(null);
    }
    return table.toArray(new String[0]);
  }

  // ---- traditional characters ----

  /**
   * Simplified → traditional, inverted from traditional-simplified.txt. Where several traditional
   * characters fold to one simplified character the usual one is chosen; where the simplified
   * character is itself the usual traditional spelling (面, 志, 表 …) it stays.
   */
  private static Map<Character, Character> traditionalMap(Path file) {
    Map<Character, List<Character>> candidates = new HashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : lines) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      String[] parts = l.split("=>");
      if (parts.length != 2 || parts[0].strip().length() != 1 || parts[1].strip().length() != 1) {
        continue;
      }
      candidates
          .computeIfAbsent(parts[1].strip().charAt(0), k -> new ArrayList<>())
          .add(parts[0].strip().charAt(0));
    }
    // Reviewed against the characters this corpus uses: the usual traditional form, or the
    // character itself.
    String pairs =
        "台臺 发發 干幹 后後 里裡 历歷 系係 签簽 汇匯 尽盡 复復 范範 划劃 准準 坛壇 团團 钟鐘 须須 获獲 斗鬥 冲衝 于於 余餘 云雲 丰豐 采採 据據 几幾 叶葉 苏蘇 恶惡 托託 伙夥 夸誇 荡蕩 术術 价價 脏髒 咨諮 挂掛 朴樸 征徵 关關 厕廁 墙牆 奖獎 当當 绣繡 证證 钩鉤 馈饋 录錄 说說 众眾 产產 为為 个個 线線 绝絕 绿綠 阅閱 别別 并並 扬揚 舆輿 制制 只只 面面 志志 表表 周周 出出 家家 了了 向向 占占 才才 致致 游游 松松 借借 谷谷 凶凶 卷卷 症症 折折 秋秋 蒙蒙 胡胡 舍舍 御御 回回 交交 剩剩 升升 困困 宴宴 局局 布布 席席 彩彩 德德 念念 扎扎 曲曲 板板 果果 核核 梁梁 泛泛 注注 真真 研研 累累 群群 杰傑 厘釐";
    Map<Character, Character> preferred = new HashMap<>();
    for (String pair : pairs.split(" ")) {
      preferred.put(pair.charAt(0), pair.charAt(1));
    }
    Map<Character, Character> out = new HashMap<>();
    candidates.forEach(
        (simplified, traditional) -> {
          Character choice = preferred.get(simplified);
          // only a choice the folding maps back, so a traditional document reads the same to the
          // index
          if (choice == null
              || (choice.charValue() != simplified.charValue() && !traditional.contains(choice))) {
            choice =
                traditional.stream()
                    .filter(c -> c >= '\u4E00' && c <= '\u9FFF')
                    .findFirst()
                    .orElse(traditional.get(0));
          }
          if (choice != simplified.charValue()) {
            out.put(simplified, choice);
          }
        });
    return out;
  }

  private static <T> T pick(Random rng, List<T> options) {
    return options.get(rng.nextInt(options.size()));
  }
}
