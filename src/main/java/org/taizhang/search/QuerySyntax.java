package org.taizhang.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.taizhang.archive.FileType;
import org.taizhang.catalog.Category;
import org.taizhang.text.ChineseDates;
import org.taizhang.unit.Unit;

/**
 * The query language of the search box, parsed into groups that must all match, each group a list
 * of alternatives joined by {@code OR}. Knows nothing of the index: {@link QueryFactory} turns the
 * result into a Lucene query.
 *
 * <pre>
 * query   = item { item }                    items are separated by spaces; all must match
 * item    = part { "OR" part }               OR binds tighter than the implicit AND
 * part    = [ "-" ] ( field ":" value | text )   "-" excludes
 * text    = { char | quoted }                "…" or “…” keeps spaces inside one term
 * field   = unit | category | year | type | title | date
 *           (also 单位 类别 年度 类型 标题 日期; any other “x:y” is plain text)
 * year    = yyyy | yyyy ".." yyyy | yyyy ".." | ".." yyyy
 * date    = period | period ".." period | period ".." | ".." period
 * period  = yyyy-mm-dd | yyyy-mm | yyyy      (any form ChineseDates.parsePeriod reads)
 * </pre>
 *
 * Full-width letters, digits and punctuation count as their half-width forms, so {@code ｕｎｉｔ：} and
 * {@code ＯＲ} work as typed with a Chinese input method. {@code AND} between two parts is allowed
 * and changes nothing; {@code NOT} before a part excludes it, like {@code -}. The operators are
 * words of their own in any case ({@code or}, {@code Or}): people type them in lower case and would
 * otherwise search for the word “or” and find nothing. To look for such a word itself, quote it
 * ({@code "or"}).
 */
final class QuerySyntax {
  /** Longest query accepted, in characters. */
  static final int MAX_LENGTH = 500;

  /** Most parts (words, phrases, filters) in one query. */
  static final int MAX_PARTS = 32;

  private QuerySyntax() {}

  /** What one part of the query asks for. */
  sealed interface Clause permits Text, Title, Unit, Category, Type, Years, Dates {}

  /** Words or a phrase to find in the text or the title. */
  record Text(String text) implements Clause {}

  /** Words or a phrase to find in the title only. */
  record Title(String text) implements Clause {}

  /** A unit code, a unit name or part of one, as typed. */
  record Unit(String value) implements Clause {}

  /** A category code or name (or part of a name), as typed. */
  record Category(String value) implements Clause {}

  /** One of {@link FileType#ALL}. */
  record Type(String label) implements Clause {}

  /** Archive years, both ends included; null for an open end. */
  record Years(Integer from, Integer to) implements Clause {}

  /** Document dates, both ends included; null for an open end. */
  record Dates(LocalDate from, LocalDate to) implements Clause {}

  /** A clause, possibly excluded. */
  record Part(Clause clause, boolean excluded) {}

  /** The parsed query: every group must match; a group matches when one of its parts does. */
  record Parsed(List<List<Part>> groups) {
    /** Whether the query has words to rank by; without them hits are listed by date. */
    boolean ranked() {
      for (List<Part> group : groups) {
        for (Part p : group) {
          if (!p.excluded() && hasWords(p.clause())) {
            return true;
          }
        }
      }
      return false;
    }

    boolean isEmpty() {
      return groups.isEmpty();
    }
  }

  static boolean hasWords(Clause c) {
    String text = c instanceof Text t ? t.text() : c instanceof Title t ? t.text() : null;
    return text != null && text.codePoints().anyMatch(cp -> !isSeparator(cp));
  }

  /**
   * Whether a character only separates words: white space, control characters and punctuation.
   * Letters, digits and symbols (×××, the placeholder of unfilled templates; ★) are searchable.
   */
  static boolean isSeparator(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  private enum Field {
    UNIT("unit:青禾县教育局"),
    CATEGORY("category:会议记录"),
    YEAR("year:2025"),
    TYPE("type:PDF"),
    TITLE("title:道德讲堂"),
    DATE("date:2025-03-01..2025-06-30");

    final String example;

    Field(String example) {
      this.example = example;
    }
  }

  private static final Map<String, Field> FIELDS = fields();

  private static Map<String, Field> fields() {
    Map<String, Field> m = new LinkedHashMap<>();
    for (Field f : Field.values()) {
      m.put(f.name().toLowerCase(Locale.ROOT), f);
    }
    m.put("单位", Field.UNIT);
    m.put("类别", Field.CATEGORY);
    m.put("年度", Field.YEAR);
    m.put("年份", Field.YEAR);
    m.put("类型", Field.TYPE);
    m.put("标题", Field.TITLE);
    m.put("日期", Field.DATE);
    return Map.copyOf(m);
  }

  /** File type labels and what people also call them. */
  private static final Map<String, String> TYPES = types();

  private static Map<String, String> types() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String t : FileType.ALL) {
      m.put(t.toLowerCase(Locale.ROOT), t);
    }
    for (String a : List.of("doc", "docx", "wps", "word文档", "文档")) {
      m.put(a, "Word");
    }
    for (String a : List.of("xls", "xlsx", "表格", "电子表格")) {
      m.put(a, "Excel");
    }
    for (String a : List.of("ppt", "pptx", "幻灯片", "演示")) {
      m.put(a, "演示文稿");
    }
    for (String a : List.of("jpg", "jpeg", "png", "image", "照片", "图像")) {
      m.put(a, "图片");
    }
    for (String a : List.of("txt", "text")) {
      m.put(a, "文本");
    }
    return Map.copyOf(m);
  }

  /** One item of the query as read, before its value is interpreted. */
  private record Token(String text, boolean quoted, boolean excluded, Field field) {
    boolean isOperator(String op) {
      return field == null && !quoted && !excluded && text.equalsIgnoreCase(op);
    }

    Token exclude() {
      return new Token(text, quoted, true, field);
    }
  }

  /** Parses a query; an empty or blank query is an empty {@link Parsed}. */
  static Parsed parse(String q) {
    if (q == null || q.isBlank()) {
      return new Parsed(List.of());
    }
    if (q.length() > MAX_LENGTH) {
      throw new QueryParseException("检索式过长：最多 " + MAX_LENGTH + " 个字，请精简后再检索。");
    }
    List<Token> tokens = tokens(normalize(q));
    List<List<Part>> groups = new ArrayList<>();
    boolean joinNext = false;
    String pendingOperator = null;
    int parts = 0;
    String pendingNot = null;
    for (Token t : tokens) {
      if (t.isOperator("OR") || t.isOperator("AND")) {
        String op = t.text().toUpperCase(Locale.ROOT);
        if (pendingNot != null) {
          throw new QueryParseException("“" + pendingNot + "”后面缺少要排除的词，例如：志愿服务 NOT 草稿。");
        }
        if (groups.isEmpty()) {
          throw new QueryParseException(
              "“" + t.text() + "”前面缺少检索词：" + op + " 要写在两个检索词之间，例如：道德讲堂 " + op + " 志愿服务。");
        }
        if (pendingOperator != null) {
          throw new QueryParseException(
              "“" + pendingOperator + "”和“" + t.text() + "”之间缺少检索词，例如：道德讲堂 OR 志愿服务。");
        }
        pendingOperator = t.text();
        joinNext = op.equals("OR");
        continue;
      }
      if (t.isOperator("NOT")) {
        if (pendingNot != null) {
          throw new QueryParseException(
              "“" + pendingNot + " " + t.text() + "”重复了，只写一个即可，例如：志愿服务 NOT 草稿。");
        }
        pendingNot = t.text();
        continue;
      }
      if (pendingNot != null) {
        t = t.exclude();
        pendingNot = null;
      }
      if (++parts > MAX_PARTS) {
        throw new QueryParseException("检索式过长：最多 " + MAX_PARTS + " 个检索词和条件，请精简后再检索。");
      }
      Part part = new Part(clause(t), t.excluded());
      if (joinNext) {
        groups.get(groups.size() - 1).add(part);
      } else {
        groups.add(new ArrayList<>(List.of(part)));
      }
      joinNext = false;
      pendingOperator = null;
    }
    if (pendingNot != null) {
      throw new QueryParseException("“" + pendingNot + "”后面缺少要排除的词，例如：志愿服务 NOT 草稿。");
    }
    if (pendingOperator != null) {
      String op = pendingOperator.toUpperCase(Locale.ROOT);
      throw new QueryParseException(
          "“" + pendingOperator + "”后面缺少检索词：" + op + " 要写在两个检索词之间，例如：道德讲堂 " + op + " 志愿服务。");
    }
    for (int i = 0; i < groups.size(); i++) {
      List<Part> group = groups.get(i);
      if (group.size() > 1) {
        for (Part p : group) {
          if (p.excluded()) {
            throw new QueryParseException("排除条件（-词）不能用 OR 连接。请把排除条件单独写，例如：道德讲堂 OR 志愿服务 -草稿。");
          }
        }
      }
      groups.set(i, List.copyOf(group));
    }
    return new Parsed(List.copyOf(groups));
  }

  /** Full-width ASCII to half-width and the ideographic space to a space; nothing else changes. */
  static String normalize(String q) {
    StringBuilder sb = new StringBuilder(q.length());
    for (int i = 0; i < q.length(); i++) {
      char c = q.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        c = ' ';
      } else if (c == '\u2212') { // minus sign
        c = '-';
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '“' || c == '”';
  }

  private static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      if (Character.isWhitespace(s.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      boolean excluded = false;
      if (s.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(s.charAt(i + 1))) {
        excluded = true;
        i++;
      }
      Field field = null;
      int name = i;
      while (name < n && Character.isLetter(s.charAt(name))) {
        name++;
      }
      if (name > i && name < n && s.charAt(name) == ':') {
        field = FIELDS.get(s.substring(i, name).toLowerCase(Locale.ROOT));
        if (field != null) {
          i = name + 1;
        }
      }
      StringBuilder text = new StringBuilder();
      boolean quoted = false;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        char c = s.charAt(i);
        if (isQuote(c)) {
          int close = i + 1;
          while (close < n && !isQuote(s.charAt(close))) {
            close++;
          }
          if (close == n) {
            String from = s.substring(i, Math.min(n, i + 12)) + (n > i + 12 ? "…" : "");
            throw new QueryParseException("引号不成对：" + from + " 缺少结尾的引号。请补上引号，或删去多余的引号。");
          }
          text.append(s, i + 1, close);
          quoted = true;
          i = close + 1;
        } else {
          text.append(c);
          i++;
        }
      }
      if (field != null && text.toString().isBlank()) {
        String typed = s.substring(excluded ? start + 1 : start, name + 1);
        throw new QueryParseException("“" + typed + "”后面缺少要查找的内容，例如 " + field.example + "。");
      }
      out.add(new Token(text.toString().strip(), quoted, excluded, field));
    }
    return out;
  }

  private static Clause clause(Token t) {
    if (t.field() == null) {
      return new Text(t.text());
    }
    String v = t.text();
    return switch (t.field()) {
      case UNIT -> new Unit(v);
      case CATEGORY -> new Category(v);
      case TITLE -> new Title(v);
      case TYPE -> new Type(type(v));
      case YEAR -> years(v);
      case DATE -> dates(v);
    };
  }

  private static String type(String v) {
    String label = TYPES.get(v.toLowerCase(Locale.ROOT));
    if (label == null) {
      throw new QueryParseException(
          "文件类型“" + v + "”无效，可选：" + String.join("、", FileType.ALL) + "，例如 type:PDF。");
    }
    return label;
  }

  /**
   * Splits “a..b” (also “a~b”, “a至b”) into its two sides; a value without a separator is one side.
   */
  private static String[] range(String v) {
    for (String sep : List.of("..", "~", "至")) {
      int at = v.indexOf(sep);
      if (at >= 0) {
        return new String[] {v.substring(0, at).strip(), v.substring(at + sep.length()).strip()};
      }
    }
    return null;
  }

  private static Years years(String v) {
    String[] r = range(v);
    if (r == null) {
      int y = year(v, v);
      return new Years(y, y);
    }
    if (r[0].isEmpty() && r[1].isEmpty()) {
      throw badYear(v);
    }
    Integer from = r[0].isEmpty() ? null : year(r[0], v);
    Integer to = r[1].isEmpty() ? null : year(r[1], v);
    if (from != null && to != null && from > to) {
      throw new QueryParseException("年度范围“" + v + "”的起点晚于终点，请写成 year:" + to + ".." + from + "。");
    }
    return new Years(from, to);
  }

  private static int year(String side, String whole) {
    String s = side.endsWith("年") ? side.substring(0, side.length() - 1).strip() : side;
    if (s.matches("(19|2[0-9])[0-9]{2}")) {
      return Integer.parseInt(s);
    }
    throw badYear(whole);
  }

  private static QueryParseException badYear(String v) {
    return new QueryParseException("年度“" + v + "”无效：请写四位年份，例如 year:2025，或范围 year:2023..2025。");
  }

  private static Dates dates(String v) {
    String[] r = range(v);
    if (r == null) {
      ChineseDates.Period p = period(v, v);
      return new Dates(p.first(), p.last());
    }
    if (r[0].isEmpty() && r[1].isEmpty()) {
      throw badDate(v);
    }
    LocalDate from = r[0].isEmpty() ? null : period(r[0], v).first();
    LocalDate to = r[1].isEmpty() ? null : period(r[1], v).last();
    if (from != null && to != null && from.isAfter(to)) {
      throw new QueryParseException("日期范围“" + v + "”的起点晚于终点，请把两个日期对调。");
    }
    return new Dates(from, to);
  }

  private static ChineseDates.Period period(String side, String whole) {
    Optional<ChineseDates.Period> p = ChineseDates.parsePeriod(side);
    return p.orElseThrow(() -> badDate(whole));
  }

  private static QueryParseException badDate(String v) {
    return new QueryParseException(
        "日期“"
            + v
            + "”无法识别：请写成 2025-03-01、2025-03（整月）或 2025（整年），"
            + "范围用“..”连接，例如 date:2025-03-01..2025-06-30。");
  }
}
