package org.taizhang.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taizhang.text.DocumentNumbers;

/**
 * Infers a document's category the way a clerk reads it: the title and file name first (the kind of
 * document a Chinese title names stands at its end: 志愿服务活动<b>签到表</b>), then its shape (a formal
 * document with a 文号, a table headed 姓名/签到, the fields of a meeting record), then the body. The
 * agency that issues a document (县规划和自然资源局关于…) says nothing about its kind and is left out;
 * keywords are phrases, so that 规划 inside an agency's name or 先进 inside 入党申请书 decides nothing.
 * Material that is not 创建 evidence at all (入党申请书, 采购台账) stays 未分类 with a question to the clerk, and
 * so does anything no rule recognises: a question is better than a wrong filing.
 */
final class Classifier {
  static final double TITLE = 0.9;
  static final double TEXT_TITLE = 0.85;
  static final double AMBIGUOUS = 0.6;
  static final double STRUCTURE = 0.8;
  static final double BODY = 0.55;

  /** How many first lines of a text may be its title (a red head, the 文号, the title). */
  private static final int TITLE_LINES = 5;

  private static final int TITLE_LINE_CHARS = 60;
  private static final int BODY_CHARS = 3000;

  private static final Pattern FORMAL_KIND =
      Pattern.compile("(?:通知|决定|意见|批复|通报|请示|报告|函|纪要|办法|方案|规定)$");
  private static final Pattern LEADING_GROUP =
      Pattern.compile("(?:成立|调整|充实|组建).{0,30}(?:小组|委员会|指挥部)");
  private static final Pattern FIELD_NAME =
      Pattern.compile(
          "(?m)(?:^|[\\s|｜])(?:会议)?(时\\s*间|地\\s*点|主\\s*持\\s*人?|记\\s*录\\s*人?|参会人员|出席人员|列席人员|缺席人员|参加人员|议\\s*题|会议内容|会议议程|活动主题|活动内容|活动名称|组织单位|服务对象)\\s*[:：]");
  private static final Pattern TRAILING =
      Pattern.compile(
          "(?:[\\s0-9０-９a-zA-Z_.,;:~!@#$%^&*+=《》—－-]+|[（(【\\[][^（）()【】\\[\\]]*[）)】\\]]|定稿|终稿|最终版|修改稿|修订稿|打印版|副本)$");

  private static final Pattern SENTENCE = Pattern.compile("[，。；：:！？,;!?]");

  private final List<Category> categories;
  private final Map<String, String> notEvidence;

  Classifier(List<Category> categories, Map<String, String> notEvidence) {
    this.categories = categories;
    this.notEvidence = notEvidence;
  }

  Classification classify(String title, String fileName, String text) {
    String body = text == null ? "" : text;
    List<String> titleLines = titleLines(body);
    List<String> given = new ArrayList<>();
    for (String t : new String[] {title, fileName}) {
      if (t != null && !t.isBlank()) {
        given.add(subject(baseName(t)));
      }
    }
    List<String> all = new ArrayList<>(given);
    titleLines.forEach(l -> all.add(subject(l)));
    for (String t : all) {
      for (Map.Entry<String, String> e : notEvidence.entrySet()) {
        if (t.contains(e.getKey())) {
          return Classification.none(
              "标题含“" + e.getKey() + "”，像是" + e.getValue() + "，不是创建台账材料。请确认是否归入某一类别。");
        }
      }
    }
    Optional<Classification> byTitle = byTitle(given, TITLE);
    if (byTitle.isPresent()) {
      return byTitle.get();
    }
    List<String> lineSubjects = titleLines.stream().map(Classifier::subject).toList();
    Optional<Classification> byTextTitle = byTitle(lineSubjects, TEXT_TITLE);
    Optional<Classification> byShape = byStructure(body, titleLines);
    if (byTextTitle.isPresent()
        && (byShape.isEmpty() || byTextTitle.get().confidence() >= TEXT_TITLE)) {
      return byTextTitle.get();
    }
    if (byShape.isPresent()) {
      return byShape.get();
    }
    if (byTextTitle.isPresent()) {
      return byTextTitle.get();
    }
    Optional<Classification> byBody = byBody(body);
    if (byBody.isPresent()) {
      return byBody.get();
    }
    Optional<String> number = DocumentNumbers.find(String.join("\n", titleLines));
    if (number.isPresent()) {
      return Classification.none("这是一份正式文件（" + number.get() + "），但标题看不出属于哪一类创建材料，请选择类别或确认不归类。");
    }
    return Classification.none("未能从标题和内容判断这份材料的类别，请选择类别。");
  }

  /** The category the titles name: the keyword that ends last, and of those the longest. */
  private Optional<Classification> byTitle(List<String> titles, double confidence) {
    for (String t : titles) {
      Match best = null;
      boolean tie = false;
      for (Category c : categories) {
        if (excluded(c, titles)) {
          continue;
        }
        for (String k : c.keywords()) {
          if (k.startsWith("!")) {
            continue;
          }
          Match m = match(c, k, t);
          if (m == null) {
            continue;
          }
          int cmp = best == null ? 1 : m.compareTo(best);
          if (cmp > 0) {
            tie = false;
            best = m;
          } else if (cmp == 0 && best.category() != c) {
            tie = true;
          }
        }
      }
      if (best != null) {
        return Optional.of(
            tie
                ? new Classification(
                    best.category(),
                    CategorySource.TITLE,
                    AMBIGUOUS,
                    "标题“" + t + "”可归入多个类别，暂归入“" + best.category().name() + "”，请确认。")
                : new Classification(best.category(), CategorySource.TITLE, confidence, null));
      }
    }
    return Optional.empty();
  }

  private record Match(Category category, int end, int length) implements Comparable<Match> {
    @Override
    public int compareTo(Match o) {
      return end != o.end ? Integer.compare(end, o.end) : Integer.compare(length, o.length);
    }
  }

  private static Match match(Category c, String keyword, String title) {
    if (keyword.endsWith("$")) {
      String k = keyword.substring(0, keyword.length() - 1);
      return title.endsWith(k) ? new Match(c, title.length(), k.length()) : null;
    }
    int at = title.lastIndexOf(keyword);
    return at < 0 ? null : new Match(c, at + keyword.length(), keyword.length());
  }

  private static boolean excluded(Category c, List<String> titles) {
    for (String k : c.keywords()) {
      if (k.startsWith("!")) {
        String not = k.substring(1);
        if (titles.stream().anyMatch(t -> t.contains(not))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A formal document by its title line, a sign-in table, the fields of a meeting or activity. */
  private Optional<Classification> byStructure(String body, List<String> titleLines) {
    String head = String.join("\n", titleLines);
    if (DocumentNumbers.present(head)) {
      for (String line : titleLines) {
        String s = subject(line);
        if (FORMAL_KIND.matcher(s).find() && LEADING_GROUP.matcher(s).find()) {
          Optional<Classification> c = structural("leading-group");
          if (c.isPresent()) {
            return c;
          }
        }
      }
    }
    String top = body.substring(0, Math.min(body.length(), 800));
    if (top.matches("(?s).*姓\\s*名.*") && top.matches("(?s).*(?:签\\s*到|签\\s*名|签\\s*字).*")) {
      Optional<Classification> c = structural("sign-in");
      if (c.isPresent()) {
        return c;
      }
    }
    Matcher f = FIELD_NAME.matcher(body.substring(0, Math.min(body.length(), 1500)));
    java.util.Set<String> fields = new java.util.HashSet<>();
    while (f.find()) {
      fields.add(f.group(1).replaceAll("\\s", ""));
    }
    boolean meetingRoles =
        fields.stream().anyMatch(s -> s.startsWith("主持") || s.startsWith("记录"))
            || fields.contains("议题")
            || fields.contains("会议内容")
            || fields.contains("会议议程");
    boolean activity =
        fields.contains("活动主题") || fields.contains("活动内容") || fields.contains("活动名称");
    if (fields.size() >= 3 && meetingRoles && !activity) {
      return structural("meeting");
    }
    if (fields.size() >= 3 && activity) {
      return structural("activity");
    }
    return Optional.empty();
  }

  private Optional<Classification> structural(String code) {
    return categories.stream()
        .filter(c -> c.code().equals(code))
        .findFirst()
        .map(c -> new Classification(c, CategorySource.STRUCTURE, STRUCTURE, null));
  }

  /** The category whose phrases the body repeats most, when one clearly does. */
  private Optional<Classification> byBody(String body) {
    String b = body.substring(0, Math.min(body.length(), BODY_CHARS));
    Map<Category, Integer> hits = new LinkedHashMap<>();
    for (Category c : categories) {
      int n = 0;
      for (String k : c.keywords()) {
        if (k.startsWith("!") || k.endsWith("$") || k.length() < 3) {
          continue;
        }
        for (int at = b.indexOf(k); at >= 0; at = b.indexOf(k, at + k.length())) {
          n++;
        }
      }
      if (n > 0) {
        hits.put(c, n);
      }
    }
    Category best = null;
    int top = 0;
    int second = 0;
    for (Map.Entry<Category, Integer> e : hits.entrySet()) {
      if (e.getValue() > top) {
        second = top;
        top = e.getValue();
        best = e.getKey();
      } else if (e.getValue() > second) {
        second = e.getValue();
      }
    }
    if (best == null || top < 2 || top < 2 * second) {
      return Optional.empty();
    }
    return Optional.of(
        new Classification(
            best, CategorySource.BODY, BODY, "标题没有说明类别，按正文内容暂归入“" + best.name() + "”，请确认。"));
  }

  /** The first lines of a text, up to the first long one: where its title stands. */
  static List<String> titleLines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : (Iterable<String>) text.lines().map(String::strip)::iterator) {
      if (line.isEmpty()) {
        continue;
      }
      // the title ends where sentences (各科室：, 今年以来，…) or the rows of a table begin
      if (line.length() > TITLE_LINE_CHARS
          || out.size() == TITLE_LINES
          || line.indexOf('\t') >= 0
          || SENTENCE.matcher(line).find()) {
        break;
      }
      out.add(line);
    }
    return out;
  }

  private static String baseName(String name) {
    String n = name.strip();
    int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    n = n.substring(slash + 1);
    int dot = n.lastIndexOf('.');
    return dot > 0 && n.length() - dot <= 6 ? n.substring(0, dot) : n;
  }

  /**
   * What a title is about: without the issuing agency before 关于, and without what trails the kind
   * of document (（定稿）, a date, a number), so that the kind stands at the end.
   */
  static String subject(String title) {
    String t = title.strip().replaceAll("\\s+", "");
    int about = t.indexOf("关于");
    if (about >= 0) {
      t = t.substring(about + 2);
    }
    for (String before = ""; !before.equals(t); ) {
      before = t;
      t = TRAILING.matcher(t).replaceFirst("");
    }
    return t;
  }
}
