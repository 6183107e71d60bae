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

  /** Phrases of titles that mark material which is not 创建 evidence (入党申请书, 采购台账). */
  public static final String NOT_EVIDENCE_FILE = "not-evidence.txt";

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
  private final Map<String, String> notEvidence;

  private Catalog(
      List<Category> categories, Set<String> unitTypes, Map<String, String> notEvidence) {
    this.categories = Categories.of(categories);
    this.unitTypes = Collections.unmodifiableSet(unitTypes);
    this.notEvidence = Collections.unmodifiableMap(notEvidence);
  }

  /** Reads the files of the configuration directory as they are. */
  public static Catalog load(Path configDir) {
    return new Catalog(
        readCategories(configDir.resolve(CATEGORIES_FILE)),
        readUnitTypes(configDir.resolve("unit-types.txt")),
        readNotEvidence(configDir.resolve(NOT_EVIDENCE_FILE)));
  }

  /**
   * A catalog of the given categories (the current version's) and the unit types and not-evidence
   * phrases of the configuration directory.
   */
  static Catalog of(List<Category> categories, Path configDir) {
    return new Catalog(
        categories,
        readUnitTypes(configDir.resolve("unit-types.txt")),
        readNotEvidence(configDir.resolve(NOT_EVIDENCE_FILE)));
  }

  /**
   * The phrases of {@code not-evidence.txt} with what they mark: {@code 短语 | 说明} per line, e.g.
   * {@code 入党申请书 | 个人的入党申请}. An office without the file has none.
   */
  private static Map<String, String> readNotEvidence(Path file) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!java.nio.file.Files.exists(file)) {
      return out;
    }
    for (ConfigLines.Line line : ConfigLines.read(file)) {
      String[] f = line.text().split(ChinesePunctuation.FIELD_SEPARATOR, -1);
      if (f.length > 2) {
        throw line.error("每行写一个短语，可在“|”后写说明");
      }
      String phrase = f[0].strip();
      String what = f.length == 2 && !f[1].isBlank() ? f[1].strip() : "其他材料";
      if (phrase.length() < 2) {
        throw line.error("短语“" + phrase + "”太短：至少两个字，单个字会误判");
      }
      if (out.put(phrase, what) != null) {
        throw line.error("短语重复：" + phrase);
      }
    }
    return out;
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
      boolean positive = false;
      for (String k : f.get(2).split(ChinesePunctuation.LIST_SEPARATOR)) {
        String kw = k.strip().replace('！', '!').replace('＄', '$');
        if (kw.isEmpty() || keywords.contains(kw)) {
          continue;
        }
        String phrase = kw.replaceFirst("^!", "").replaceFirst("\\$$", "");
        if (phrase.isEmpty() || phrase.contains("!") || phrase.contains("$")) {
          throw new ConfigException(
              file, line.number(), place, "关键词“" + kw + "”无效：“!”只能写在开头，“$”只能写在末尾，中间要有词语");
        }
        if (kw.startsWith("!") && kw.endsWith("$")) {
          throw new ConfigException(file, line.number(), place, "关键词“" + kw + "”无效：排除词不能同时以“$”结尾");
        }
        positive |= !kw.startsWith("!");
        keywords.add(kw);
      }
      if (!positive) {
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
        # 路径里没有类别、上传时也没有指定类别时，先看文件名和标题：标题末尾说明材料种类
        # （“志愿服务活动签到表”是签到表），所以在标题中位置最靠后的关键词决定类别，同样位置
        # 时较长的关键词优先；“关于”之前的发文机关不参与判断。标题看不出时再看文件结构
        # （文号、签到表格、会议要素），最后看正文，并请经办人确认。
        # 关键词写词组，不写单字。“计划$”表示标题以“计划”结尾；“!入党申请书”表示
        # 标题含此词时不归入该类别。
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

  /** The category {@link #classify(String, String, String)} infers, if any. */
  public Optional<Category> classify(String title, String text) {
    return classify(title, null, text).found();
  }

  /**
   * Infers a document's category from its title and file name first, then from its shape (a formal
   * document's title, a sign-in table, a meeting's fields), then from its body, with how sure that
   * is; material that is not evidence, and anything no rule recognises, is 未分类 with a question.
   */
  public Classification classify(String title, String fileName, String text) {
    return new Classifier(categories.list(), notEvidence).classify(title, fileName, text);
  }
}
