package org.taizhang.completeness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.taizhang.catalog.Catalog;
import org.taizhang.completeness.EvaluationSystem.EvidenceKind;
import org.taizhang.completeness.EvaluationSystem.EvidenceRule;
import org.taizhang.completeness.EvaluationSystem.EvidenceWindow;
import org.taizhang.completeness.EvaluationSystem.Indicator;
import org.taizhang.completeness.EvaluationSystem.Period;
import org.taizhang.config.ChinesePunctuation;
import org.taizhang.config.ConfigException;
import org.taizhang.sheet.Sheets;

/**
 * An evaluation system as an Excel workbook in the shape offices receive one: a sheet of indicators
 * (指标编号, 指标名称, 分值, 测评方法, 材料要求, 评分, 层级), one line per evidence rule in the 材料要求 cell
 * (“会议记录：每季度至少1份；必备内容：时间、地点”), and a sheet with the system's name, start year, unit types, grade
 * points and vetoes. Reading gives a {@link SystemDraft}, which the parser then checks like any
 * edit; export followed by import gives the same system.
 */
final class SystemWorkbook {
  static final String INDICATOR_SHEET = "测评体系";
  static final String INFO_SHEET = "体系信息";
  static final String HELP_SHEET = "填写说明";
  static final String CODE = "指标编号";
  static final String NAME = "指标名称";
  static final String POINTS = "分值";
  static final String METHOD = "测评方法";
  static final String EVIDENCE = "材料要求";
  static final String GRADING = "评分（允许缺项数）";
  static final String LEVEL = "层级";
  static final List<String> HEADERS = List.of(CODE, NAME, POINTS, METHOD, EVIDENCE, GRADING, LEVEL);

  static final String INFO_NAME = "名称";
  static final String INFO_FROM = "起始年度";
  static final String INFO_TYPES = "适用单位类型";
  static final String INFO_GRADES = "等级折算（%）";
  static final String INFO_DUPLICATES = "重复比对类别";
  static final String INFO_VETOES = "一票否决项";

  /**
   * Words that mark the template's sample name: a system named so is not saved (EvaluationSystems).
   */
  static final List<String> TEMPLATE_WORDS = List.of("示例", "模板");

  private static final Pattern GRADE =
      Pattern.compile("([ABCD])[^0-9ABCD]{0,6}?(\\d+(?:\\.\\d+)?)");
  private static final Pattern PERIOD_MIN =
      Pattern.compile("^(每年|每半年|每季度|每月)?\\s*(?:至少|不少于|最少)?\\s*(\\d+)\\s*(?:份|次|篇|张|件)?$");
  private static final Pattern CONTENT =
      Pattern.compile("^(?:必备内容|必备要素|要素|须有|内容)\\s*[:：]\\s*(.+)$");
  private static final Pattern KIND = Pattern.compile("^(?:形式|材料形式)\\s*[:：]\\s*(.+)$");
  private static final Pattern WINDOW = Pattern.compile("^(?:时限|证据时限)\\s*[:：]\\s*(.+)$");

  private SystemWorkbook() {}

  // ---- writing

  /** The system as a workbook; {@code categoryName} turns codes into the names people read. */
  static byte[] write(EvaluationSystem s, Function<String, String> categoryName) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheets.Styles st = new Sheets.Styles(wb);
      XSSFSheet sheet = wb.createSheet(INDICATOR_SHEET);
      header(sheet.createRow(0), st);
      int[] r = {1};
      for (Indicator i : s.indicators()) {
        writeIndicator(sheet, i, 1, r, st, categoryName);
      }
      int[] widths = {12, 48, 8, 10, 56, 18, 6};
      for (int c = 0; c < widths.length; c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
      sheet.createFreezePane(0, 1);

      XSSFSheet info = wb.createSheet(INFO_SHEET);
      int n = 0;
      pair(info.createRow(n++), INFO_NAME, s.name(), st);
      pair(info.createRow(n++), INFO_FROM, String.valueOf(s.fromYear()), st);
      pair(info.createRow(n++), INFO_TYPES, String.join("、", s.unitTypes()), st);
      List<String> grades = new ArrayList<>();
      for (Grade g : Grade.values()) {
        grades.add(g + " " + SystemChanges.points(s.percent(g)));
      }
      pair(info.createRow(n++), INFO_GRADES, String.join("；", grades), st);
      pair(
          info.createRow(n++),
          INFO_DUPLICATES,
          String.join("、", s.duplicateCheck().stream().map(categoryName).toList()),
          st);
      n++;
      Row vetoHead = info.createRow(n++);
      Sheets.text(vetoHead, 0, INFO_VETOES, st.header);
      Sheets.text(vetoHead, 1, "名称", st.header);
      for (EvaluationSystem.VetoItem v : s.vetoes()) {
        pair(info.createRow(n++), v.code(), v.name(), st);
      }
      info.setColumnWidth(0, 16 * 256);
      info.setColumnWidth(1, 70 * 256);
      help(wb, st);
      return Sheets.bytes(wb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An example to fill in: one first-level indicator with a document-review and a field-inspection
   * leaf, under a name that says 示例, so that the template imported unchanged cannot be saved.
   */
  static byte[] template(Catalog catalog) {
    String type =
        catalog.unitTypes().contains("文明单位") ? "文明单位" : catalog.unitTypes().iterator().next();
    String meeting = catalog.category("meeting").orElse(catalog.categories().get(0)).code();
    String yaml =
        """
        name: 文明单位测评体系（示例）
        from: 2027
        unit-types: [%s]
        vetoes:
          - {code: F-1, name: 发生严重违纪违法案件或重大安全责任事故}
        indicators:
          - code: Ⅰ
            name: 组织领导
            children:
              - code: Ⅰ-1
                name: 每季度至少召开一次创建工作专题会议，会议记录要素齐全
                points: 8
                method: 材料审核
                evidence:
                  - {category: %s, period: 每季度, content: [时间, 地点, 主持人, 参会人员, 记录人, 议题]}
                grading: {A: 0, B: 1, C: 2}
              - code: Ⅰ-2
                name: 办公场所设置创建宣传栏
                points: 4
                method: 实地考察
        """
            .formatted(type, meeting);
    EvaluationSystem example =
        RequiredListParser.parse(Path.of("模板.yaml"), yaml, catalog, new HashMap<>());
    return write(example, catalog::categoryName);
  }

  private static void help(XSSFWorkbook wb, Sheets.Styles st) {
    XSSFSheet help = wb.createSheet(HELP_SHEET);
    String[] lines = {
      "填写说明",
      "本模板中的名称和指标都是示例：请在“体系信息”表写上本测评体系的正式名称，把“测评体系”表的示例指标换成本地的指标。名称仍含“示例”或“模板”的测评体系不能保存。",
      "“测评体系”表每行一个指标。指标编号如 Ⅰ、Ⅰ-1、Ⅰ-1-1，层级按编号中的“-”或“.”推断（也可在“层级”列写 1、2、3）；有下级的指标只填编号和名称。",
      "末级指标填写分值和测评方法（材料审核、实地考察、问卷调查、征求意见）。只有“材料审核”指标填写材料要求和评分。",
      "材料要求每行一条：类别名称：时段至少几份；时限；形式；必备内容：项目、项目。例如：",
      "    会议记录：每季度至少1份；必备内容：时间、地点、主持人、参会人员、记录人、议题",
      "    领导小组文件：每年至少1份；正式文件",
      "    管理制度：每年至少1份；长期有效",
      "    活动照片：每年至少2份；图片",
      "时段：每年、每半年、每季度、每月（“每季度1份”要求四个季度各有一份）；时限：本年度（默认）、近三年、长期有效；形式：不限（默认）、图片、正式文件。",
      "评分写 A、B、C 各允许缺几项，如“A≤0 B≤1 C≤2”，超出为 D；不填按 A≤0 B≤1 C≤2。",
      "“体系信息”表填写名称、起始年度（从该年起适用，直到有更新的测评体系取代）、适用单位类型（用顿号分隔）、等级折算和一票否决项。",
      "导入后在网页中检查、预览影响，再保存。"
    };
    for (int i = 0; i < lines.length; i++) {
      Sheets.text(help.createRow(i), 0, lines[i], i == 0 ? st.title : st.note);
    }
    help.setColumnWidth(0, 120 * 256);
  }

  private static void header(Row row, Sheets.Styles st) {
    for (int i = 0; i < HEADERS.size(); i++) {
      Sheets.text(row, i, HEADERS.get(i), st.header);
    }
  }

  private static void pair(Row row, String key, String value, Sheets.Styles st) {
    Sheets.text(row, 0, key, st.header);
    Sheets.text(row, 1, value, st.wrap);
  }

  private static void writeIndicator(
      XSSFSheet sheet,
      Indicator i,
      int level,
      int[] r,
      Sheets.Styles st,
      Function<String, String> categoryName) {
    Row row = sheet.createRow(r[0]++);
    Sheets.text(row, 0, i.code(), st.text);
    Sheets.text(row, 1, i.name(), st.wrap);
    Sheets.number(row, 2, i.points(), st.text);
    Sheets.text(row, 3, i.leaf() ? i.method() : "", st.text);
    List<String> rules = new ArrayList<>();
    i.evidence().forEach(e -> rules.add(rule(e, categoryName)));
    Sheets.text(row, 4, String.join("\n", rules), st.wrap);
    Sheets.text(
        row,
        5,
        i.grading() == null
            ? ""
            : "A≤"
                + i.grading().maxMissingForA()
                + " B≤"
                + i.grading().maxMissingForB()
                + " C≤"
                + i.grading().maxMissingForC(),
        st.text);
    Sheets.number(row, 6, level, st.text);
    for (Indicator c : i.children()) {
      writeIndicator(sheet, c, level + 1, r, st, categoryName);
    }
  }

  static String rule(EvidenceRule e, Function<String, String> categoryName) {
    List<String> parts = new ArrayList<>();
    parts.add(e.period().label() + "至少" + e.min() + "份");
    if (e.window() != EvidenceWindow.THIS_YEAR) {
      parts.add(e.window().label());
    }
    if (e.kind() != EvidenceKind.ANY) {
      parts.add(e.kind().label());
    }
    if (!e.content().isEmpty()) {
      parts.add("必备内容：" + String.join("、", e.content()));
    }
    return categoryName.apply(e.category()) + "：" + String.join("；", parts);
  }

  // ---- reading

  /**
   * The draft a workbook describes. Problems of the sheet itself (no header, a cell that cannot be
   * read) are {@link ConfigException}s naming the row; whether the draft is a valid system is the
   * parser's decision afterwards. Categories stay as written (name or code).
   */
  static SystemDraft read(InputStream in) {
    Path file = Path.of("Excel");
    try (Workbook wb = Sheets.open(in)) {
      Sheet sheet =
          wb.getSheet(INDICATOR_SHEET) != null ? wb.getSheet(INDICATOR_SHEET) : wb.getSheetAt(0);
      int headerRow = -1;
      Map<String, Integer> col = new HashMap<>();
      for (int r = sheet.getFirstRowNum();
          r <= Math.min(sheet.getLastRowNum(), 20) && headerRow < 0;
          r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
          String h = Sheets.cellText(row, c).replaceAll("\\s", "");
          for (String known : HEADERS) {
            if (h.equals(known)
                || (known.equals(GRADING) && h.startsWith("评分"))
                || (known.equals(EVIDENCE) && h.startsWith("材料要求"))) {
              col.putIfAbsent(known, c);
            }
          }
        }
        if (col.containsKey(CODE) && col.containsKey(NAME)) {
          headerRow = r;
        } else {
          col.clear();
        }
      }
      if (headerRow < 0) {
        throw new ConfigException(
            file, 0, "表“" + sheet.getSheetName() + "”", "没有找到表头（至少需要“指标编号”和“指标名称”两列）");
      }
      List<SystemDraft.Node> roots = indicators(sheet, headerRow, col, file);
      Sheet info = wb.getSheet(INFO_SHEET);
      return info == null
          ? new SystemDraft(null, null, List.of(), Map.of(), List.of(), List.of(), roots)
          : withInfo(info, roots);
    } catch (IOException e) {
      throw new Sheets.UnreadableException("无法读取 Excel 文件：" + e.getMessage());
    }
  }

  /** A row being read: its level, its node's fields and the children collected so far. */
  private static final class Pending {
    final int level;
    final String code;
    final String name;
    final String points;
    final String method;
    final List<SystemDraft.Rule> rules;
    final SystemDraft.Grading grading;
    final List<SystemDraft.Node> children = new ArrayList<>();

    Pending(
        int level,
        String code,
        String name,
        String points,
        String method,
        List<SystemDraft.Rule> rules,
        SystemDraft.Grading grading) {
      this.level = level;
      this.code = code;
      this.name = name;
      this.points = points;
      this.method = method;
      this.rules = rules;
      this.grading = grading;
    }

    SystemDraft.Node node() {
      return children.isEmpty()
          ? new SystemDraft.Node(code, name, points, method, rules, grading, List.of())
          : new SystemDraft.Node(code, name, null, null, List.of(), null, children);
    }
  }

  private static List<SystemDraft.Node> indicators(
      Sheet sheet, int headerRow, Map<String, Integer> col, Path file) {
    List<SystemDraft.Node> roots = new ArrayList<>();
    Deque<Pending> open = new ArrayDeque<>();
    for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
      Row row = sheet.getRow(r);
      String code = cell(row, col, CODE);
      String name = cell(row, col, NAME);
      if (code.isEmpty() && name.isEmpty()) {
        continue;
      }
      String place = "Excel 第 " + (r + 1) + " 行" + (code.isEmpty() ? "" : "（指标 " + code + "）");
      if (code.isEmpty()) {
        throw new ConfigException(file, r + 1, place, "缺少指标编号");
      }
      int level = level(cell(row, col, LEVEL), code, file, r + 1, place);
      String points = cell(row, col, POINTS);
      String method = cell(row, col, METHOD);
      List<SystemDraft.Rule> rules = new ArrayList<>();
      String evidence = cell(row, col, EVIDENCE);
      int k = 0;
      for (String line : evidence.split("\n")) {
        if (!line.isBlank()) {
          k++;
          rules.add(parseRule(line.strip(), file, r + 1, place + "材料要求第" + k + "条"));
        }
      }
      String gradingText = cell(row, col, GRADING);
      SystemDraft.Grading grading =
          gradingText.isEmpty() ? null : grading(gradingText, file, r + 1, place + "评分");
      Pending p =
          new Pending(
              level,
              code,
              name,
              points.isEmpty() ? null : points,
              method.isEmpty() ? null : method,
              rules,
              grading);
      while (!open.isEmpty() && open.peek().level >= level) {
        close(open, roots);
      }
      open.push(p);
    }
    while (!open.isEmpty()) {
      close(open, roots);
    }
    return roots;
  }

  private static void close(Deque<Pending> open, List<SystemDraft.Node> roots) {
    Pending done = open.pop();
    (open.isEmpty() ? roots : open.peek().children).add(done.node());
  }

  private static int level(String given, String code, Path file, int line, String place) {
    if (!given.isEmpty()) {
      try {
        int l = Integer.parseInt(given);
        if (l >= 1 && l <= 9) {
          return l;
        }
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
      throw new ConfigException(file, line, place, "层级应为 1 到 9 的整数，实际为“" + given + "”");
    }
    // Ⅰ, Ⅰ-1, Ⅰ-1-1 or 1, 1.1, 1.1.1: one level per separator
    return code.split("[-.－．—]", -1).length;
  }

  static SystemDraft.Rule parseRule(String text, Path file, int line, String place) {
    String[] head = text.split("[:：]", 2);
    String category = head[0].strip();
    if (category.isEmpty()) {
      throw new ConfigException(file, line, place, "应以类别名称开头，如“会议记录：每季度至少1份”，实际为“" + text + "”");
    }
    String period = null;
    String min = null;
    String window = null;
    String kind = null;
    List<String> content = new ArrayList<>();
    if (head.length > 1) {
      for (String clause : head[1].split("[;；]")) {
        String c = clause.strip();
        if (c.isEmpty()) {
          continue;
        }
        Matcher m;
        if ((m = CONTENT.matcher(c)).matches()) {
          for (String label : m.group(1).split(ChinesePunctuation.LIST_SEPARATOR)) {
            if (!label.isBlank()) {
              content.add(label.strip());
            }
          }
        } else if ((m = PERIOD_MIN.matcher(c)).matches()) {
          period = m.group(1) != null ? m.group(1) : period;
          min = m.group(2);
        } else if (label(Period.values(), c, Period::label)) {
          period = c;
        } else if (label(EvidenceWindow.values(), normalWindow(c), EvidenceWindow::label)) {
          window = normalWindow(c);
        } else if ((m = WINDOW.matcher(c)).matches()) {
          window = normalWindow(m.group(1).strip());
        } else if (label(EvidenceKind.values(), c, EvidenceKind::label)) {
          kind = c;
        } else if ((m = KIND.matcher(c)).matches()) {
          kind = m.group(1).strip();
        } else {
          throw new ConfigException(
              file, line, place, "无法识别“" + c + "”（可写：每季度至少1份；近三年或长期有效；图片或正式文件；必备内容：时间、地点）");
        }
      }
    }
    return new SystemDraft.Rule(category, min, period, window, kind, content);
  }

  private static String normalWindow(String s) {
    return s.startsWith("近三年") ? "近三年" : s;
  }

  private static <E> boolean label(E[] values, String s, Function<E, String> label) {
    for (E e : values) {
      if (label.apply(e).equals(s)) {
        return true;
      }
    }
    return false;
  }

  private static SystemDraft.Grading grading(String text, Path file, int line, String place) {
    Map<String, String> found = new HashMap<>();
    Matcher m = GRADE.matcher(text.toUpperCase(Locale.ROOT));
    while (m.find()) {
      found.putIfAbsent(m.group(1), m.group(2));
    }
    if (!found.containsKey("A") || !found.containsKey("B") || !found.containsKey("C")) {
      throw new ConfigException(
          file, line, place, "应写 A、B、C 各允许缺几项，如“A≤0 B≤1 C≤2”，实际为“" + text + "”");
    }
    return new SystemDraft.Grading(found.get("A"), found.get("B"), found.get("C"));
  }

  private static SystemDraft withInfo(Sheet info, List<SystemDraft.Node> roots) {
    String name = null;
    String from = null;
    List<String> types = new ArrayList<>();
    Map<String, String> grades = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    List<SystemDraft.Veto> vetoes = new ArrayList<>();
    boolean inVetoes = false;
    for (int r = info.getFirstRowNum(); r <= info.getLastRowNum(); r++) {
      Row row = info.getRow(r);
      String key = Sheets.cellText(row, 0);
      String value = Sheets.cellText(row, 1);
      if (key.isEmpty() && value.isEmpty()) {
        continue;
      }
      if (key.equals(INFO_VETOES)) {
        inVetoes = true;
      } else if (inVetoes) {
        vetoes.add(new SystemDraft.Veto(key, value));
      } else if (key.equals(INFO_NAME)) {
        name = value;
      } else if (key.equals(INFO_FROM)) {
        from = value.isEmpty() ? null : value.replaceAll("[年度\\s]", "");
      } else if (key.equals(INFO_TYPES)) {
        split(value).forEach(types::add);
      } else if (key.startsWith("等级折算")) {
        Matcher m = GRADE.matcher(value.toUpperCase(Locale.ROOT));
        while (m.find()) {
          grades.put(m.group(1), m.group(2));
        }
      } else if (key.equals(INFO_DUPLICATES)) {
        split(value).forEach(duplicates::add);
      }
    }
    return new SystemDraft(name, from, types, grades, vetoes, duplicates, roots);
  }

  private static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(ChinesePunctuation.LIST_SEPARATOR)) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static String cell(Row row, Map<String, Integer> col, String header) {
    Integer c = col.get(header);
    return c == null ? "" : Sheets.cellText(row, c);
  }
}
