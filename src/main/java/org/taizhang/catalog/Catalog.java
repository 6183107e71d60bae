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
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigLines;

/**
 * The categories and unit types an office works with, read from {@code categories.txt} and
 * {@code unit-types.txt} in the configuration directory.
 */
public final class Catalog {
  /** How far into the text a category keyword still counts: titles and headings sit at the top. */
  private static final int TEXT_HEAD_CHARS = 300;

  private final List<Category> categories;
  private final Map<String, Category> byKey;
  private final Set<String> unitTypes;

  private Catalog(List<Category> categories, Set<String> unitTypes) {
    this.categories = List.copyOf(categories);
    Map<String, Category> keys = new LinkedHashMap<>();
    for (Category c : categories) {
      keys.put(c.code(), c);
      keys.put(c.name(), c);
    }
    this.byKey = Collections.unmodifiableMap(keys);
    this.unitTypes = Collections.unmodifiableSet(unitTypes);
  }

  public static Catalog load(Path configDir) {
    return new Catalog(readCategories(configDir.resolve("categories.txt")), readUnitTypes(configDir.resolve("unit-types.txt")));
  }

  private static List<Category> readCategories(Path file) {
    List<Category> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ConfigLines.Line line : ConfigLines.read(file)) {
      List<String> f = line.fields(3);
      String code = f.get(0);
      String name = f.get(1);
      if (!code.matches("[a-z][a-z0-9-]*")) {
        throw line.error("类别代码“" + code + "”只能包含小写字母、数字和连字符，并以字母开头");
      }
      if (name.isEmpty()) {
        throw line.error("类别名称不能为空");
      }
      if (!seen.add(code) || !seen.add(name)) {
        throw line.error("类别代码或名称重复：" + code + " / " + name);
      }
      List<String> keywords = new ArrayList<>();
      for (String k : f.get(2).split("[,，、]")) {
        if (!k.isBlank()) {
          keywords.add(k.strip());
        }
      }
      if (keywords.isEmpty()) {
        throw line.error("类别“" + name + "”至少需要一个识别关键词");
      }
      out.add(new Category(code, name, keywords));
    }
    if (out.isEmpty()) {
      throw new ConfigException(file, 0, "没有定义任何类别");
    }
    return out;
  }

  private static Set<String> readUnitTypes(Path file) {
    Set<String> types = new LinkedHashSet<>();
    for (ConfigLines.Line line : ConfigLines.read(file)) {
      if (line.text().contains("|") || line.text().contains(",")) {
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

  public List<Category> categories() {
    return categories;
  }

  /** Looks a category up by code or by name. */
  public Optional<Category> category(String codeOrName) {
    return codeOrName == null ? Optional.empty() : Optional.ofNullable(byKey.get(codeOrName.strip()));
  }

  public String categoryName(String code) {
    Category c = byKey.get(code);
    return c == null ? code : c.name();
  }

  public Set<String> unitTypes() {
    return unitTypes;
  }

  /**
   * Recognises a category from a document's title or file name first, then from the head of its
   * text; the first rule in file order that matches wins, so specific rules come before general ones.
   */
  public Optional<Category> classify(String title, String text) {
    String head = text == null ? "" : text.substring(0, Math.min(text.length(), TEXT_HEAD_CHARS));
    for (String haystack : new String[] {title == null ? "" : title, head}) {
      for (Category c : categories) {
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
