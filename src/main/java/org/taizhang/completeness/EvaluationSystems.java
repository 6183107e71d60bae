package org.taizhang.completeness;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.CategoriesChanged;
import org.taizhang.catalog.Category;
import org.taizhang.catalog.CategoryUsage;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigVersions;
import org.taizhang.config.StaleVersionException;

/**
 * Administrators maintain the evaluation systems in the browser: edit one (or import it from
 * Excel), see before saving which units' verdicts would change, save it as a new version that is in
 * force at once, look at every version and go back to any of them. Every draft is checked by the
 * parser of the files, so nothing invalid is ever saved and the running lists stay when an edit is
 * refused. Callers check that the person is an administrator.
 */
@Service
public class EvaluationSystems implements CategoryUsage {
  private final RequiredListStore store;
  private final CompletenessService completeness;
  private final ConfigVersions versions;
  private final Catalog catalog;
  private final AuditLog audit;
  private final Clock clock;

  EvaluationSystems(
      RequiredListStore store,
      CompletenessService completeness,
      ConfigVersions versions,
      Catalog catalog,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.completeness = completeness;
    this.versions = versions;
    this.catalog = catalog;
    this.audit = audit;
    this.clock = clock;
  }

  /** A system in force, for the list of systems. */
  public record Summary(
      String file,
      String name,
      int fromYear,
      String years,
      List<String> unitTypes,
      int leaves,
      String points,
      int version,
      String source,
      String by,
      Instant at) {}

  /**
   * A system as the editor opens it: the version it starts from (0 for a new one) and its draft.
   */
  public record Editing(String file, int version, SystemDraft draft) {}

  /** A saved version. */
  public record Saved(String file, int version, String summary) {}

  /** What the editor offers in its lists. */
  public record Options(
      List<Category> categories,
      List<String> unitTypes,
      List<String> methods,
      List<String> periods,
      List<String> windows,
      List<String> kinds) {}

  public Options options() {
    return new Options(
        catalog.categories(),
        List.copyOf(catalog.unitTypes()),
        RequiredListParser.METHODS,
        Arrays.stream(EvaluationSystem.Period.values())
            .map(EvaluationSystem.Period::label)
            .toList(),
        Arrays.stream(EvaluationSystem.EvidenceWindow.values())
            .map(EvaluationSystem.EvidenceWindow::label)
            .toList(),
        Arrays.stream(EvaluationSystem.EvidenceKind.values())
            .map(EvaluationSystem.EvidenceKind::label)
            .toList());
  }

  public List<Summary> list() {
    Map<String, ConfigVersions.Version> newest = store.newest();
    List<Summary> out = new ArrayList<>();
    for (EvaluationSystem s : store.current().systems()) {
      ConfigVersions.Version v = newest.get(s.file());
      double points = s.leaves().stream().mapToDouble(l -> l.indicator().points()).sum();
      out.add(
          new Summary(
              s.file(),
              s.name(),
              s.fromYear(),
              s.lastYear().map(y -> s.fromYear() + "–" + y + " 年度").orElse(s.fromYear() + " 年度起"),
              s.unitTypes(),
              s.leaves().size(),
              SystemChanges.points(points),
              v == null ? 0 : v.number(),
              v == null ? "" : v.source(),
              v == null ? "" : v.by(),
              v == null ? null : v.at()));
    }
    return out;
  }

  /**
   * Systems taken out of force, newest removal first: their history stays, and a rollback brings
   * one back.
   */
  public List<ConfigVersions.Version> removed() {
    return versions.latest(RequiredListStore.PREFIX).stream()
        .filter(ConfigVersions.Version::removed)
        .sorted(Comparator.comparing(ConfigVersions.Version::at).reversed())
        .toList();
  }

  /** The file name of a version's key (“required-lists/文明单位.yaml” → “文明单位.yaml”). */
  public static String file(ConfigVersions.Version v) {
    return v.key().substring(RequiredListStore.PREFIX.length());
  }

  public Optional<Editing> open(String file) {
    return store
        .current()
        .bySystemFile(file)
        .map(
            s ->
                new Editing(
                    s.file(),
                    store.newestOf(file).map(ConfigVersions.Version::number).orElse(0),
                    SystemDraft.of(s)));
  }

  /** A new system that starts as a copy of {@code file}, from next year on (or an empty one). */
  public Editing copy(String file) {
    String next = String.valueOf(LocalDate.now(clock).getYear() + 1);
    return store
        .current()
        .bySystemFile(file)
        .map(
            s -> {
              SystemDraft d = SystemDraft.of(s);
              return new Editing(
                  null,
                  0,
                  new SystemDraft(
                      d.name(),
                      next,
                      d.unitTypes(),
                      d.gradePoints(),
                      d.vetoes(),
                      d.duplicateCheck(),
                      d.indicators()));
            })
        .orElseGet(
            () ->
                new Editing(
                    null,
                    0,
                    new SystemDraft(
                        "", next, List.of(), Map.of(), List.of(), List.of(), List.of())));
  }

  public List<ConfigVersions.Version> history(String file) {
    return versions.history(RequiredListStore.key(file));
  }

  /**
   * The file text of a version (0: the newest), for download, with category names beside their
   * codes.
   */
  public Optional<String> text(String file, int version) {
    Optional<ConfigVersions.Version> v =
        version <= 0
            ? store.newestOf(file)
            : versions.version(RequiredListStore.key(file), version);
    return v.map(ConfigVersions.Version::content).map(this::readable);
  }

  /**
   * The draft in the file format, checked; a mistake is a {@link ConfigException} naming its place.
   */
  public String yaml(String file, SystemDraft draft) {
    String text = draft.yaml(ConfigVersions.FROM_EDITOR);
    checkDraft(name(file, draft), text);
    return readable(text);
  }

  private static final Pattern CATEGORY_KEY =
      Pattern.compile("(?:category|duplicate-check)\\s*[:：]");
  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*");

  /**
   * The text with the names of the categories its lines give by code, as a comment at the end (“-
   * {category: meeting, …} # 会议记录”): a person reads names, the file keeps the codes, which stay
   * valid when a category is renamed. Lines that have a comment already are left alone.
   */
  private String readable(String yaml) {
    StringBuilder out = new StringBuilder(yaml.length() + 256);
    for (String line : yaml.split("\n", -1)) {
      out.append(line);
      Matcher key = CATEGORY_KEY.matcher(line);
      if (!line.contains("#") && key.find()) {
        List<String> names = new ArrayList<>();
        Matcher code = CODE.matcher(line);
        while (code.find()) {
          String c = code.group();
          catalog.category(c).filter(x -> x.code().equals(c)).ifPresent(x -> names.add(x.name()));
        }
        if (!names.isEmpty()) {
          out.append("  # ").append(String.join("、", names));
        }
      }
      out.append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  // ---- preview, save, rollback, removal

  /**
   * Which verdicts would change if the draft replaced {@code file} (null: were added as a new
   * system): of units of the types it applies to, now or after the change; other units only gain or
   * lose years, which the preview says once.
   */
  public ListPreview preview(String file, SystemDraft draft) {
    String name = name(file, draft);
    EvaluationSystem s = checkDraft(name, draft.yaml(ConfigVersions.FROM_EDITOR));
    return completeness.preview(candidate(name, s), concerned(name, s), "保存后");
  }

  /** Which verdicts would change if {@code version} of {@code file} were brought back. */
  public ListPreview previewRollback(String file, int version) {
    EvaluationSystem s = check(file, old(file, version).content());
    return completeness.preview(candidate(file, s), concerned(file, s), "回滚后");
  }

  public ListPreview previewRemoval(String file) {
    EvaluationSystem s = requireInForce(file);
    return completeness.preview(without(file), s.unitTypes(), "删除后");
  }

  /**
   * The unit types a new version of {@code file} concerns: those it applies to, and those the
   * version in force applies to.
   */
  private Set<String> concerned(String file, EvaluationSystem next) {
    Set<String> out = new LinkedHashSet<>(next.unitTypes());
    store.current().bySystemFile(file).ifPresent(now -> out.addAll(now.unitTypes()));
    return out;
  }

  /**
   * Checks the draft and saves it as the newest version of {@code file} (null: a new system, named
   * after it), in force at once.
   *
   * @param base the version the editor started from (0 for a new system)
   * @param source {@link ConfigVersions#FROM_EDITOR} or {@link ConfigVersions#FROM_EXCEL}
   */
  public synchronized Saved save(
      String by, String file, int base, SystemDraft draft, String note, String source) {
    String name = name(file, draft);
    String text = draft.yaml(source);
    EvaluationSystem s = checkDraft(name, text);
    requireOwnName(name, s);
    Optional<EvaluationSystem> same =
        store.current().bySystemFile(name).filter(old -> old.withReplacedFrom(Map.of()).equals(s));
    Optional<ConfigVersions.Version> newest = store.newestOf(name);
    if (same.isPresent() && newest.isPresent() && newest.get().number() == base) {
      return new Saved(name, base, "内容未变，未保存新版本");
    }
    RequiredLists candidate = candidate(name, s);
    String changes =
        store
            .current()
            .bySystemFile(name)
            .map(old -> SystemChanges.describe(old, s))
            .orElse(
                "新建测评体系“"
                    + s.name()
                    + "”，"
                    + s.fromYear()
                    + " 年度起适用于"
                    + String.join("、", s.unitTypes()));
    return append(
        by, name, base, text, source, changes, note, AuditAction.REQUIRED_LIST_CHANGED, candidate);
  }

  public synchronized Saved rollback(String by, String file, int version) {
    ConfigVersions.Version old = old(file, version);
    EvaluationSystem s = check(file, old.content());
    String changes =
        store
            .current()
            .bySystemFile(file)
            .map(now -> SystemChanges.describe(now, s))
            .orElse("恢复测评体系“" + s.name() + "”");
    int base = store.newestOf(file).map(ConfigVersions.Version::number).orElse(0);
    return append(
        by,
        file,
        base,
        old.content(),
        ConfigVersions.ROLLBACK,
        "回滚到第 " + version + " 版：" + changes,
        null,
        AuditAction.CONFIG_ROLLBACK,
        candidate(file, s));
  }

  /** Takes a system out of force (its versions stay, and a rollback brings it back). */
  public synchronized Saved remove(String by, String file, int base, String note) {
    EvaluationSystem s = requireInForce(file);
    return append(
        by,
        file,
        base,
        null,
        ConfigVersions.FROM_EDITOR,
        "删除测评体系“" + s.name() + "”",
        note,
        AuditAction.REQUIRED_LIST_CHANGED,
        without(file));
  }

  private Saved append(
      String by,
      String file,
      int base,
      String text,
      String source,
      String changes,
      String note,
      AuditAction action,
      RequiredLists candidate) {
    String summary = changes + (note == null || note.isBlank() ? "" : "（说明：" + note.strip() + "）");
    String key = RequiredListStore.key(file);
    ConfigVersions.Version saved =
        versions
            .append(key, base, text, source, summary, by, clock.instant())
            .orElseThrow(() -> new StaleVersionException(versions.latestOf(key).orElseThrow()));
    RequiredLists now = store.reload();
    completeness.replaceLists(now);
    audit.record(by, action, key + " 第 " + saved.number() + " 版", summary);
    return new Saved(file, saved.number(), summary);
  }

  // ---- Excel

  public byte[] workbook(String file) {
    return SystemWorkbook.write(requireInForce(file), catalog::categoryName);
  }

  public byte[] template() {
    return SystemWorkbook.template(catalog);
  }

  /**
   * The draft an uploaded workbook describes, categories turned into codes; not checked or saved
   * yet: the editor shows it, and saving checks it.
   */
  public SystemDraft importWorkbook(InputStream in) {
    SystemDraft d = SystemWorkbook.read(in);
    return new SystemDraft(
        d.name(),
        d.from(),
        d.unitTypes(),
        d.gradePoints(),
        d.vetoes(),
        d.duplicateCheck().stream().map(this::code).toList(),
        d.indicators().stream().map(this::codes).toList());
  }

  private SystemDraft.Node codes(SystemDraft.Node n) {
    return new SystemDraft.Node(
        n.code(),
        n.name(),
        n.points(),
        n.method(),
        n.evidence().stream()
            .map(
                r ->
                    new SystemDraft.Rule(
                        code(r.category()), r.min(), r.period(), r.window(), r.kind(), r.content()))
            .toList(),
        n.grading(),
        n.children().stream().map(this::codes).toList());
  }

  private String code(String categoryOrName) {
    return catalog.category(categoryOrName).map(Category::code).orElse(categoryOrName);
  }

  // ---- categories

  /** The systems in force that use a category: it may not be removed while they do. */
  @Override
  public List<String> uses(String code) {
    List<String> out = new ArrayList<>();
    for (EvaluationSystem s : store.current().systems()) {
      List<String> where = new ArrayList<>();
      for (EvaluationSystem.Leaf l : s.leaves()) {
        if (l.indicator().evidence().stream().anyMatch(r -> r.category().equals(code))) {
          where.add(l.indicator().code());
        }
      }
      if (s.duplicateCheck().contains(code)) {
        where.add("重复比对");
      }
      if (!where.isEmpty()) {
        out.add(s.name() + "（指标 " + String.join("、", where) + "）");
      }
    }
    return out;
  }

  /**
   * Category names are part of the parsed systems (missing items name them): parse again and
   * recompute.
   */
  @EventListener
  void categoriesChanged(CategoriesChanged event) {
    completeness.replaceLists(store.reload());
  }

  // ---- helpers

  /** A stored version's text: a problem is told as in a file, with its keys. */
  private EvaluationSystem check(String file, String text) {
    return store.parse(file, text, store.others(file), RequiredListParser.Wording.FILE);
  }

  /**
   * An edit or an Excel import, written as a file: a problem is told with the form's labels and
   * places.
   */
  private EvaluationSystem checkDraft(String file, String text) {
    return store.parse(file, text, store.others(file), RequiredListParser.Wording.FORM);
  }

  /**
   * The Excel template's system is named “…（示例）” and holds sample indicators: imported as it is, it
   * would be put in force as a real system. A system is saved only under a name of its own.
   */
  private static void requireOwnName(String file, EvaluationSystem s) {
    for (String word : SystemWorkbook.TEMPLATE_WORDS) {
      if (s.name().contains(word)) {
        throw new ConfigException(
            Path.of(file),
            0,
            "测评体系名称",
            "“" + s.name() + "”仍是模板中的" + word + "名称：请改为本测评体系的正式名称，并把模板中的示例指标换成本地的指标后再保存");
      }
    }
  }

  private RequiredLists candidate(String file, EvaluationSystem s) {
    List<EvaluationSystem> systems = new ArrayList<>();
    store.current().systems().stream().filter(x -> !x.file().equals(file)).forEach(systems::add);
    systems.add(s);
    return RequiredLists.of(systems);
  }

  private RequiredLists without(String file) {
    return RequiredLists.of(
        store.current().systems().stream().filter(x -> !x.file().equals(file)).toList());
  }

  private EvaluationSystem requireInForce(String file) {
    return store
        .current()
        .bySystemFile(file == null ? "" : file)
        .orElseThrow(
            () -> new ConfigException(Path.of(file == null ? "" : file), 0, "没有这个测评体系：" + file));
  }

  private ConfigVersions.Version old(String file, int version) {
    ConfigVersions.Version v =
        versions
            .version(RequiredListStore.key(file == null ? "" : file), version)
            .orElseThrow(
                () ->
                    new ConfigException(
                        Path.of(String.valueOf(file)),
                        0,
                        "测评体系 " + file + " 没有第 " + version + " 版"));
    if (v.removed()) {
      throw new ConfigException(Path.of(file), 0, "第 " + version + " 版是删除记录，没有内容可恢复，请选择更早的版本");
    }
    return v;
  }

  /** The file of an existing system, or a new file name made from the draft's name. */
  private String name(String file, SystemDraft draft) {
    if (file != null && !file.isBlank()) {
      if (store.current().bySystemFile(file).isEmpty() && store.newestOf(file).isEmpty()) {
        throw new ConfigException(Path.of(file), 0, "没有这个测评体系：" + file);
      }
      return file;
    }
    String base =
        draft.name() == null
            ? ""
            : draft.name().strip().replaceAll("[^\\p{IsHan}A-Za-z0-9（）()_-]", "");
    if (base.isEmpty()) {
      throw new ConfigException(Path.of("新测评体系"), 0, "测评体系名称", "请填写");
    }
    base = base.length() > 60 ? base.substring(0, 60) : base;
    String name = base + ".yaml";
    Map<String, ConfigVersions.Version> newest = new HashMap<>();
    versions.latest(RequiredListStore.PREFIX).forEach(v -> newest.put(v.key(), v));
    for (int i = 2; newest.containsKey(RequiredListStore.key(name)); i++) {
      name = base + "-" + i + ".yaml";
    }
    return name;
  }
}
