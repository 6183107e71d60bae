package org.taizhang.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.taizhang.config.ChinesePunctuation;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigLines;
import org.taizhang.config.ConfigText;

/**
 * The categories and unit types an office works with. Unit types come from {@code unit-types.txt};
 * categories from the current version of {@code categories.txt}, which administrators change in the
 * browser: the category list is replaced as a whole, so a reader sees the old list or the new one,
 * never half of each, and inference uses new keywords from the next document on.
 */
public final class Catalog {
  public static final String CATEGORIES_FILE = "categories.txt";

  /** How far into the text a category keyword still counts: titles and headings sit at the top. */
  private static final int TEXT_HEAD_CHARS = 300;

  private static final String CODE = "[a-z][a-z0-9-]*";

  /** One consistent category list with its lookup by code and by name. */
  private record Categories(List<Category> list, Map<String, Category> byKey) {
    static Categories of(List<Category> categories) {
      Map<String, Category> keys = new LinkedHashMap<>();
      for (Category c : categories) {
        keys.put(c.code(), c);
        keys.put(c.name(), c);
      }
      return new Categories(List.copyOf(categories), Collections.unmodifiableMap(keys));
    }
  }

  private volatile Categories categories;
  private final Set<String> unitTypes;

  private Catalog(List<Category> categories, Set<String> unitTypes) {
    this.categories = Categories.of(categories);
    this.unitTypes = Collections.unmodifiableSet(unitTypes);
  }

  /** Reads both files of the configuration directory as they are. */
  public static Catalog load(Path configDir) {
    return new Catalog(
        readCategories(configDir.resolve(CATEGORIES_FILE)),
        readUnitTypes(configDir.resolve("unit-types.txt")));
  }

  /**
   * A catalog of the given categories (the current version's) and the unit types of the
   * configuration directory.
   */
  static Catalog of(List<Category> categories, Path configDir) {
    return new Catalog(categories, readUnitTypes(configDir.resolve("unit-types.txt")));
  }

  private static List<Category> readCategories(Path file) {
    return parseCategories(file, ConfigText.read(file));
  }

  /**
   * The categories a {@code categories.txt} text defines, in order; every mistake is a {@link
   * ConfigException} with {@code file} (which need not exist) and the line. Keywords may be
   * separated by “,”, “，” or “、”; columns by “|” or “｜”.
   */
  public static List<Category> parseCategories(Path file, String content) {
    List<Category> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ConfigLines.Line line : ConfigLines.parse(file, content)) {
      List<String> f = line.fields(3);
      String code = f.get(0);
      String name = f.get(1);
      String place = name.isEmpty() ? "类别 " + code : "类别“" + name + "”";
      if (!code.matches(CODE)) {
        throw new ConfigException(
            file, line.number(), place, "类别代码“" + code + "”只能包含小写字母、数字和连字符，并以字母开头");
      }
      if (name.isEmpty()) {
        throw new ConfigException(file, line.number(), place, "类别名称不能为空");
      }
      if (!seen.add(code) || !seen.add(name)) {
        throw new ConfigException(file, line.number(), place, "类别代码或名称重复：" + code + " / " + name);
      }
      List<String> keywords = new ArrayList<>();
      for (String k : f.get(2).split(ChinesePunctuation.LIST_SEPARATOR)) {
        if (!k.isBlank() && !keywords.contains(k.strip())) {
          keywords.add(k.strip());
        }
      }
      if (keywords.isEmpty()) {
        throw new ConfigException(file, line.number(), place, "类别“" + name + "”至少需要一个识别关键词");
      }
      out.add(new Category(code, name, keywords));
    }
    if (out.isEmpty()) {
      throw new ConfigException(file, 0, "没有定义任何类别");
    }
    return out;
  }

  /**
   * The {@code categories.txt} text of a category list: what {@link #parseCategories} reads back as
   * the same list.
   */
  public static String categoriesText(List<Category> categories) {
    StringBuilder out =
        new StringBuilder(
            """
        # 材料类别：代码 | 名称 | 识别关键词（逗号分隔）
        #
        # 导入文件夹时，路径 <单位>/<年度>/<类别>/<文件> 中的类别可写名称或代码。
        # 路径里没有类别、上传时也没有指定类别时，按下面的顺序逐条匹配：
        # 先看文件名和标题，再看正文开头；第一条命中的规则决定类别。
        # 因此更具体的类别要写在前面（例如“缺项说明”在“工作总结”之前）。
        """);
    int codeWidth = categories.stream().mapToInt(c -> c.code().length()).max().orElse(0);
    int nameWidth = categories.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    for (Category c : categories) {
      // full-width spaces pad the names, so that the columns line up in a Chinese font; reading
      // strips them
      out.append(
          String.format(
              "%-" + codeWidth + "s | %s | %s\n",
              c.code(),
              c.name() + "\u3000".repeat(Math.max(0, nameWidth - c.name().length())),
              String.join(", ", c.keywords())));
    }
    return out.toString();
  }

  private static Set<String> readUnitTypes(Path file) {
    Set<String> types = new LinkedHashSet<>();
    for (ConfigLines.Line line : ConfigLines.read(file)) {
      if (line.text().matches(".*" + ChinesePunctuation.FIELD_SEPARATOR + ".*")
          || line.text().matches(".*[,，、].*")) {
        throw line.error("每行只写一个单位类型");
      }
      if (!types.add(line.text())) {
        throw line.error("单位类型重复：" + line.text());
      }
    }
    if (types.isEmpty()) {
      throw new ConfigException(file, 0, "没有定义任何单位类型");
    }
    return types;
  }

  /** Puts a new category list in force; the caller has checked it with {@link #parseCategories}. */
  void replaceCategories(List<Category> list) {
    this.categories = Categories.of(list);
  }

  public List<Category> categories() {
    return categories.list();
  }

  /** Looks a category up by code or by name. */
  public Optional<Category> category(String codeOrName) {
    return codeOrName == null
        ? Optional.empty()
        : Optional.ofNullable(categories.byKey().get(codeOrName.strip()));
  }

  public String categoryName(String code) {
    Category c = code == null ? null : categories.byKey().get(code);
    return c == null ? code : c.name();
  }

  public Set<String> unitTypes() {
    return unitTypes;
  }

  /**
   * Recognises a category from a document's title or file name first, then from the head of its
   * text; the first rule in list order that matches wins, so specific rules come before general
   * ones.
   */
  public Optional<Category> classify(String title, String text) {
    List<Category> list = categories.list();
    String head = text == null ? "" : text.substring(0, Math.min(text.length(), TEXT_HEAD_CHARS));
    for (String haystack : new String[] {title == null ? "" : title, head}) {
      for (Category c : list) {
        for (String k : c.keywords()) {
          if (haystack.contains(k)) {
            return Optional.of(c);
          }
        }
      }
    }
    return Optional.empty();
  }
}
