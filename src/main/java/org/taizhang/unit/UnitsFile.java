package org.taizhang.unit;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigText;

/**
 * Reads and writes {@code units.csv}: a header {@code code,name,type,parent} (an optional fifth
 * column {@code active} says whether a unit is in use), then one unit per line. Real CSV (RFC 4180,
 * as Excel saves it): a name with a comma is quoted ("青禾县某局，办公室" needs no quotes, "A, B" does), a
 * line starting with '#' is a comment. The parent must be in the same file or among {@code
 * existing} units, and the type must be a configured one.
 */
public final class UnitsFile {
  static final List<String> HEADER = List.of("code", "name", "type", "parent");
  static final String ACTIVE = "active";
  static final String CODE_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
  static final int NAME_MAX = 200;

  private static final CSVFormat READ =
      CSVFormat.DEFAULT
          .builder()
          .setCommentMarker('#')
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .get();

  private UnitsFile() {}

  /**
   * A unit as a file gives it, and whether the file says it is active (null: the file does not say,
   * and the unit reads as active).
   */
  public record Entry(Unit unit, Boolean active, int line) {}

  public static List<Unit> read(Path file, Set<String> unitTypes) {
    return parse(file, ConfigText.read(file), unitTypes, Map.of()).stream()
        .map(Entry::unit)
        .toList();
  }

  /**
   * The units of a CSV text; every mistake is a {@link ConfigException} with {@code file} and the
   * line.
   *
   * @param existing units already known by code, which may serve as parents
   */
  public static List<Entry> parse(
      Path file, String text, Set<String> unitTypes, Map<String, Unit> existing) {
    return check(file, rows(file, text), unitTypes, existing);
  }

  /**
   * The unit codes of a {@code units.csv} in the file's order, read as {@link #read} reads the file
   * but with nothing else checked: for tools that only walk the units' folders.
   */
  public static List<String> codes(Path file) {
    List<Row> rows = rows(file, ConfigText.read(file));
    Map<String, Integer> col = rows.isEmpty() ? Map.of() : columns(rows.get(0));
    if (!col.containsKey("code")) {
      throw new ConfigException(
          file, rows.isEmpty() ? 0 : rows.get(0).line(), "第一行应为表头：" + String.join(",", HEADER));
    }
    return rows.subList(1, rows.size()).stream().map(row -> cell(row, col, "code")).toList();
  }

  private static List<Row> rows(Path file, String text) {
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), READ)) {
      int line = 1;
      int at = 0;
      for (CSVRecord r : parser) {
        // the line a record starts on, counted on from the previous record
        for (long to = Math.min(r.getCharacterPosition(), text.length()); at < to; at++) {
          if (text.charAt(at) == '\n') {
            line++;
          }
        }
        List<String> cells = new ArrayList<>();
        r.forEach(c -> cells.add(c.strip()));
        // a record's position is that of the comment lines before it, which it carries
        int comments = r.hasComment() ? r.getComment().split("\n", -1).length : 0;
        rows.add(new Row(line + comments, cells));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // Commons CSV reports an unclosed quote this way
      throw new ConfigException(file, 0, "CSV 格式有误（可能有未配对的引号）：" + e.getMessage());
    }
    return rows;
  }

  /** A row of cells from any source (CSV, a spreadsheet) and the line it is on. */
  public record Row(int line, List<String> cells) {}

  /**
   * Checks rows whose first is the header: code, name, type, parent, optionally active. Chinese
   * headers (单位代码, 单位名称, 单位类型, 上级单位代码, 状态) are read too, as the Excel export writes them.
   */
  public static List<Entry> check(
      Path file, List<Row> rows, Set<String> unitTypes, Map<String, Unit> existing) {
    if (rows.isEmpty()) {
      throw new ConfigException(file, 0, "第一行应为表头：" + String.join(",", HEADER));
    }
    Row head = rows.get(0);
    Map<String, Integer> col = columns(head);
    if (!col.keySet().containsAll(HEADER)) {
      throw new ConfigException(
          file, head.line(), "第一行应为表头：" + String.join(",", HEADER) + "（可加第五列 active）");
    }
    List<Entry> out = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (Row row : rows.subList(1, rows.size())) {
      if (row.cells().size() < HEADER.size() || row.cells().size() > head.cells().size()) {
        throw new ConfigException(
            file,
            row.line(),
            "应有 "
                + head.cells().size()
                + " 列（"
                + String.join(",", head.cells())
                + "），实际为 "
                + row.cells().size()
                + " 列；名称中有英文逗号时请用双引号括起来");
      }
      String code = cell(row, col, "code");
      String name = cell(row, col, "name");
      String type = cell(row, col, "type");
      String parent = cell(row, col, "parent");
      if (!code.matches(CODE_PATTERN)) {
        throw new ConfigException(
            file, row.line(), "单位代码“" + code + "”只能包含字母、数字、下划线和连字符（最多 64 个字符）");
      }
      if (name.isEmpty() || name.length() > NAME_MAX) {
        throw new ConfigException(
            file, row.line(), name.isEmpty() ? "单位名称不能为空" : "单位名称过长（不超过 " + NAME_MAX + " 字）");
      }
      if (!unitTypes.contains(type)) {
        throw new ConfigException(
            file, row.line(), "未知的单位类型“" + type + "”，可选：" + String.join("、", unitTypes));
      }
      if (!codes.add(code)) {
        throw new ConfigException(file, row.line(), "单位代码重复：" + code);
      }
      Boolean active =
          col.containsKey(ACTIVE) ? active(cell(row, col, ACTIVE), file, row.line()) : null;
      out.add(
          new Entry(
              new Unit(
                  code, name, type, parent.isEmpty() ? null : parent, active == null || active),
              active,
              row.line()));
    }
    Map<String, String> parentOf = new HashMap<>();
    existing.values().forEach(u -> parentOf.put(u.code(), u.parentCode()));
    out.forEach(e -> parentOf.put(e.unit().code(), e.unit().parentCode()));
    for (Entry e : out) {
      String p = e.unit().parentCode();
      if (p != null && !parentOf.containsKey(p)) {
        throw new ConfigException(file, e.line(), "上级单位“" + p + "”未在本文件中定义，也不是已有单位");
      }
      String at = e.unit().code();
      for (int steps = 0; at != null; steps++) {
        if (steps > parentOf.size()) {
          throw new ConfigException(file, e.line(), "上级关系形成循环：" + e.unit().code());
        }
        at = parentOf.get(at);
      }
    }
    return out;
  }

  /** The text of {@code units.csv} for these units, with the active column. */
  public static String write(List<Unit> units) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
      List<String> header = new ArrayList<>(HEADER);
      header.add(ACTIVE);
      p.printRecord(header);
      for (Unit u : UnitTree.parentsFirst(units)) {
        p.printRecord(
            u.code(), u.name(), u.type(), u.parentCode() == null ? "" : u.parentCode(), u.active());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Where each known column is, by the header row. */
  private static Map<String, Integer> columns(Row head) {
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < head.cells().size(); i++) {
      String h = column(head.cells().get(i));
      if (h != null) {
        col.putIfAbsent(h, i);
      }
    }
    return col;
  }

  /**
   * The header a column name stands for, in English or as the Excel export writes it in Chinese.
   */
  private static String column(String header) {
    String h = header.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    return switch (h) {
      case "code", "单位代码", "代码" -> "code";
      case "name", "单位名称", "名称" -> "name";
      case "type", "单位类型", "类型" -> "type";
      case "parent", "上级单位代码", "上级单位", "上级" -> "parent";
      case "active", "状态" -> ACTIVE;
      default -> null;
    };
  }

  private static String cell(Row row, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    return i == null || i >= row.cells().size() ? "" : row.cells().get(i).strip();
  }

  private static Boolean active(String value, Path file, int line) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "", "true", "是", "启用", "1", "yes" -> true;
      case "false", "否", "停用", "0", "no" -> false;
      default ->
          throw new ConfigException(
              file, line, "active 列应为 true（启用）或 false（停用），实际为“" + value + "”");
    };
  }
}
