package org.taizhang.catalog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigVersions;
import org.taizhang.config.StaleVersionException;

/**
 * Administrators change the category list and its keywords in the browser: every change is checked
 * the way {@code categories.txt} is (one place decides what is valid), kept as a version with who,
 * when and what changed, audited, and in force at once; any earlier version can be restored.
 * Callers check that the person is an administrator.
 */
@Service
public class CategoryEditor {
  /** The name problems are reported against: an edit has no file of its own. */
  static final Path FILE = Path.of(Catalog.CATEGORIES_FILE);

  private final Catalog catalog;
  private final ConfigVersions versions;
  private final List<CategoryUsage> usages;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CategoryEditor(
      Catalog catalog,
      ConfigVersions versions,
      List<CategoryUsage> usages,
      AuditLog audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.catalog = catalog;
    this.versions = versions;
    this.usages = usages;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * A row of the editor: a blank code is a new category, which gets one. Keywords separated by “，”,
   * “、” or “,”.
   */
  public record Row(String code, String name, String keywords) {}

  /** The version in force (0 when none was ever stored) and its categories. */
  public record Current(int version, List<Category> categories) {}

  public Current current() {
    return new Current(
        versions.latestOf(Catalog.CATEGORIES_FILE).map(ConfigVersions.Version::number).orElse(0),
        catalog.categories());
  }

  public List<ConfigVersions.Version> history() {
    return versions.history(Catalog.CATEGORIES_FILE);
  }

  /** The {@code categories.txt} text of a version (0: the one in force), for download. */
  public Optional<String> text(int version) {
    if (version <= 0) {
      return Optional.of(
          versions
              .latestOf(Catalog.CATEGORIES_FILE)
              .map(ConfigVersions.Version::content)
              .orElseGet(() -> Catalog.categoriesText(catalog.categories())));
    }
    return versions.version(Catalog.CATEGORIES_FILE, version).map(ConfigVersions.Version::content);
  }

  /**
   * Checks and saves the rows as the new category list.
   *
   * @param base the version the editor started from; another version saved since is a {@link
   *     StaleVersionException}
   * @throws ConfigException naming the category and the problem; nothing is saved then
   */
  public ConfigVersions.Version save(String by, List<Row> rows, int base, String note) {
    String text = Catalog.categoriesText(categories(rows));
    List<Category> parsed = Catalog.parseCategories(FILE, text);
    Optional<ConfigVersions.Version> newest = versions.latestOf(Catalog.CATEGORIES_FILE);
    if (parsed.equals(catalog.categories())
        && newest.isPresent()
        && newest.get().number() == base) {
      return newest.get(); // nothing changed: no version that says so
    }
    return store(by, parsed, text, base, ConfigVersions.FROM_EDITOR, note, null);
  }

  /** Brings back an earlier version's list as a new version. */
  public ConfigVersions.Version rollback(String by, int version) {
    ConfigVersions.Version old =
        versions
            .version(Catalog.CATEGORIES_FILE, version)
            .orElseThrow(() -> new ConfigException(FILE, 0, "没有第 " + version + " 版"));
    int base =
        versions.latestOf(Catalog.CATEGORIES_FILE).map(ConfigVersions.Version::number).orElse(0);
    return store(
        by,
        Catalog.parseCategories(FILE, old.content()),
        old.content(),
        base,
        ConfigVersions.ROLLBACK,
        null,
        "回滚到第 " + version + " 版");
  }

  private ConfigVersions.Version store(
      String by,
      List<Category> parsed,
      String text,
      int base,
      String source,
      String note,
      String prefix) {
    List<Category> before = catalog.categories();
    Set<String> kept = new HashSet<>();
    parsed.forEach(c -> kept.add(c.code()));
    for (Category c : before) {
      if (!kept.contains(c.code())) {
        List<String> uses = new ArrayList<>();
        usages.forEach(u -> uses.addAll(u.uses(c.code())));
        if (!uses.isEmpty()) {
          throw new ConfigException(
              FILE,
              0,
              "类别“" + c.name() + "”",
              "仍在使用，不能删除：" + String.join("；", uses) + "。请先修改这些测评体系或材料的类别，或保留此类别（可改名、改关键词）");
        }
      }
    }
    String changes = CategoryChanges.describe(before, parsed);
    String summary =
        (prefix == null ? "" : prefix + "：")
            + changes
            + (note == null || note.isBlank() ? "" : "（说明：" + note.strip() + "）");
    synchronized (this) {
      ConfigVersions.Version saved =
          versions
              .append(Catalog.CATEGORIES_FILE, base, text, source, summary, by, clock.instant())
              .orElseThrow(
                  () ->
                      new StaleVersionException(
                          versions.latestOf(Catalog.CATEGORIES_FILE).orElseThrow()));
      catalog.replaceCategories(parsed);
      audit.record(
          by,
          prefix == null ? AuditAction.CATEGORIES_CHANGED : AuditAction.CONFIG_ROLLBACK,
          Catalog.CATEGORIES_FILE + " 第 " + saved.number() + " 版",
          summary);
      events.publishEvent(new CategoriesChanged(saved.number()));
      return saved;
    }
  }

  /** The rows as categories; a new row gets the first free code “custom-N”. */
  private List<Category> categories(List<Row> rows) {
    Set<String> taken = new HashSet<>();
    rows.forEach(
        r -> {
          if (r.code() != null && !r.code().isBlank()) {
            taken.add(r.code().strip());
          }
        });
    catalog.categories().forEach(c -> taken.add(c.code()));
    List<Category> out = new ArrayList<>();
    int next = 1;
    for (Row r : rows) {
      String name = r.name() == null ? "" : r.name().strip();
      String keywords = r.keywords() == null ? "" : r.keywords().strip();
      if (name.isEmpty() && keywords.isEmpty() && (r.code() == null || r.code().isBlank())) {
        continue; // an empty row the person added and left
      }
      String code = r.code() == null ? "" : r.code().strip();
      if ((name + keywords + code).matches(".*[|｜].*")) {
        throw new ConfigException(FILE, 0, "类别“" + name + "”", "名称、代码和关键词中不能有“|”符号");
      }
      if (code.isEmpty()) {
        while (taken.contains("custom-" + next)) {
          next++;
        }
        code = "custom-" + next;
        taken.add(code);
      }
      // through the text format, so that the rules of categories.txt decide (a “|” in a name is an
      // extra column)
      out.add(new Category(code, name.replace('\n', ' '), List.of(keywords.replace('\n', ' '))));
    }
    return out;
  }
}
