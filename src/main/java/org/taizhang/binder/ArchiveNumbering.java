package org.taizhang.binder;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.config.ConfigException;

/**
 * How archived items are numbered, read from {@code index-config/archive-numbering.txt}: the parts
 * of an 档号 by DA/T 22-2015 (全宗号-门类代码·年度-保管期限-机构（问题）代码-件号), the 全宗号 of each unit and the 保管期限 of
 * each category.
 */
public final class ArchiveNumbering {
  public static final String FILE = "archive-numbering.txt";

  private static final Pattern LINE = Pattern.compile("^(\\S+)(?:\\s+(\\S+))?\\s*=\\s*(.*)$");
  private static final Pattern CODE_PART = Pattern.compile("[0-9A-Za-z]*");

  private final String classCode;
  private final String organCode;
  private final int digits;
  private final String defaultFonds;
  private final Map<String, String> fonds;
  private final Retention defaultRetention;
  private final Map<String, Retention> retentions;

  ArchiveNumbering(
      String classCode,
      String organCode,
      int digits,
      String defaultFonds,
      Map<String, String> fonds,
      Retention defaultRetention,
      Map<String, Retention> retentions) {
    this.classCode = classCode;
    this.organCode = organCode;
    this.digits = digits;
    this.defaultFonds = defaultFonds;
    this.fonds = Map.copyOf(fonds);
    this.defaultRetention = defaultRetention;
    this.retentions = Map.copyOf(retentions);
  }

  /** DA/T 22's usual parts: 文书 (WS), no organ code, four-digit item numbers, ten years. */
  public static ArchiveNumbering defaults() {
    return new ArchiveNumbering("WS", "", 4, "", Map.of(), Retention.TEN_YEARS, Map.of());
  }

  /**
   * The rules of the file's text; categories are named by code or name as in {@code catalog}. Every
   * mistake names the file and the line.
   */
  public static ArchiveNumbering parse(Path file, String text, Catalog catalog) {
    String classCode = "WS";
    String organCode = "";
    int digits = 4;
    String defaultFonds = "";
    Retention defaultRetention = Retention.TEN_YEARS;
    Map<String, String> fonds = new HashMap<>();
    Map<String, Retention> retentions = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int n = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new ConfigException(file, n, "应写作“名称 = 值”，例如“门类代码 = WS”：" + line);
      }
      String name = m.group(1);
      String key = m.group(2);
      String value = m.group(3).strip();
      switch (name) {
        case "门类代码" -> classCode = codePart(file, n, name, value, false);
        case "机构代码" -> organCode = codePart(file, n, name, value, true);
        case "件号位数" -> digits = digits(file, n, value);
        case "全宗号" -> {
          String v = codePart(file, n, name, value, key == null);
          if (key == null) {
            defaultFonds = v;
          } else if (fonds.put(key, v) != null) {
            throw new ConfigException(file, n, "单位“" + key + "”的全宗号写了两次");
          }
        }
        case "保管期限" -> {
          Retention r =
              Retention.of(value)
                  .orElseThrow(
                      () ->
                          new ConfigException(file, n, "保管期限只能是 永久、30年 或 10年，不能是“" + value + "”"));
          if (key == null) {
            defaultRetention = r;
          } else {
            String code = categoryCode(file, n, key, catalog);
            if (retentions.put(code, r) != null) {
              throw new ConfigException(file, n, "类别“" + key + "”的保管期限写了两次");
            }
          }
        }
        default ->
            throw new ConfigException(file, n, "不认识的名称“" + name + "”；可写 门类代码、机构代码、件号位数、全宗号、保管期限");
      }
      if (key != null && !name.equals("全宗号") && !name.equals("保管期限")) {
        throw new ConfigException(file, n, name + " 后面不能再写“" + key + "”");
      }
    }
    return new ArchiveNumbering(
        classCode, organCode, digits, defaultFonds, fonds, defaultRetention, retentions);
  }

  private static String codePart(Path file, int line, String name, String value, boolean blank) {
    if (value.isEmpty() && !blank) {
      throw new ConfigException(file, line, name + "不能为空");
    }
    if (!CODE_PART.matcher(value).matches() || value.length() > 16) {
      throw new ConfigException(file, line, name + "只能由字母和数字组成（至多 16 位）：“" + value + "”");
    }
    return value;
  }

  private static int digits(Path file, int line, String value) {
    try {
      int d = Integer.parseInt(value);
      if (d >= 1 && d <= 8) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(file, line, "件号位数应为 1 到 8 之间的整数：“" + value + "”");
  }

  private static String categoryCode(Path file, int line, String key, Catalog catalog) {
    for (Category c : catalog.categories()) {
      if (c.code().equals(key) || c.name().equals(key)) {
        return c.code();
      }
    }
    throw new ConfigException(file, line, "categories.txt 中没有代码或名称为“" + key + "”的类别");
  }

  /** The category's 保管期限; an unclassified document gets the default. */
  public Retention retention(String category) {
    return category == null
        ? defaultRetention
        : retentions.getOrDefault(category, defaultRetention);
  }

  /** The 机构（问题）代码 of every 档号, or "" when none is set. */
  public String organCode() {
    return organCode;
  }

  /** The unit's 全宗号: its own, the default, or else its unit code. */
  public String fonds(String unitCode) {
    String f = fonds.getOrDefault(unitCode, defaultFonds);
    return f.isEmpty() ? unitCode : f;
  }

  /** The 件号 as printed: zero-padded to the configured digits. */
  public String itemNumber(int number) {
    return String.format("%0" + digits + "d", number);
  }

  /** 全宗号-门类代码·年度-保管期限-机构（问题）代码-件号; the organ part is left out when none is set. */
  public String archiveCode(String unitCode, int year, Retention retention, int number) {
    return fonds(unitCode)
        + "-"
        + classCode
        + "·"
        + year
        + "-"
        + retention.code()
        + (organCode.isEmpty() ? "" : "-" + organCode)
        + "-"
        + itemNumber(number);
  }
}
