package org.taizhang.completeness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.taizhang.audit.AuditAction;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigSeeds;
import org.taizhang.config.ConfigVersions;
import org.taizhang.config.TaizhangProperties;

/**
 * Where the evaluation systems in force come from: the newest version of each in the database, the
 * files in {@code index-config/required-lists/} being their seeds (taken as a version on the first
 * start, and again whenever a file was edited since). Parses every version with the one parser,
 * against the current categories, and keeps the resulting set until it is reloaded.
 */
@Component
class RequiredListStore {
  static final String PREFIX = RequiredLists.DIRECTORY + "/";

  private final Catalog catalog;
  private final ConfigVersions versions;
  private volatile RequiredLists current;

  RequiredListStore(
      TaizhangProperties properties, Catalog catalog, ConfigSeeds seeds, ConfigVersions versions) {
    this.catalog = catalog;
    this.versions = versions;
    for (Path file : RequiredLists.files(properties.configDir())) {
      String name = file.getFileName().toString();
      seeds.seed(
          key(name),
          PREFIX,
          file,
          text -> parse(name, text, others(name), RequiredListParser.Wording.FILE),
          SystemChanges::describe,
          AuditAction.REQUIRED_LIST_CHANGED);
    }
    reload();
  }

  static String key(String file) {
    return PREFIX + file;
  }

  RequiredLists current() {
    return current;
  }

  /**
   * Parses the newest versions again (after the categories changed, or a version was added) and
   * puts them in force here.
   */
  synchronized RequiredLists reload() {
    current = RequiredLists.of(new ArrayList<>(stored().values()));
    return current;
  }

  /** The newest version of each system that is not removed, by file name. */
  Map<String, ConfigVersions.Version> newest() {
    Map<String, ConfigVersions.Version> out = new LinkedHashMap<>();
    for (ConfigVersions.Version v : versions.latest(PREFIX)) {
      if (!v.removed()) {
        out.put(v.key().substring(PREFIX.length()), v);
      }
    }
    return out;
  }

  /**
   * Every stored system, parsed; a stored version that no longer parses (unit-types.txt edited)
   * stops with its place.
   */
  private Map<String, EvaluationSystem> stored() {
    Map<String, EvaluationSystem> out = new LinkedHashMap<>();
    Map<String, String> coveredBy = new HashMap<>();
    newest()
        .forEach(
            (file, v) -> {
              try {
                out.put(
                    file, RequiredListParser.parse(Path.of(file), v.content(), catalog, coveredBy));
              } catch (ConfigException e) {
                throw new ConfigException(
                    e.file(),
                    e.line(),
                    "测评体系 "
                        + file
                        + " 第 "
                        + v.number()
                        + " 版"
                        + (e.place() == null ? "" : "，" + e.place()),
                    e.problem());
              }
            });
    return out;
  }

  /**
   * "单位类型/起始年度" → file of every system in force except {@code file}: what a new version of it must
   * not collide with.
   */
  Map<String, String> others(String file) {
    Map<String, String> out = new HashMap<>();
    for (EvaluationSystem s : current == null ? storedQuietly() : current.systems()) {
      if (!s.file().equals(file)) {
        s.unitTypes().forEach(t -> out.put(t + "/" + s.fromYear(), s.file()));
      }
    }
    return out;
  }

  /** While seeding, before anything is in force: the stored versions that parse. */
  private List<EvaluationSystem> storedQuietly() {
    List<EvaluationSystem> out = new ArrayList<>();
    newest()
        .forEach(
            (file, v) -> {
              try {
                out.add(
                    RequiredListParser.parse(Path.of(file), v.content(), catalog, new HashMap<>()));
              } catch (ConfigException e) {
                // reported when the set is put together
              }
            });
    return out;
  }

  /**
   * One system's text, checked against the categories and against the other systems' start years; a
   * problem is told in {@code wording}'s words.
   */
  EvaluationSystem parse(
      String file, String text, Map<String, String> others, RequiredListParser.Wording wording) {
    return RequiredListParser.parse(Path.of(file), text, catalog, new HashMap<>(others), wording);
  }

  Optional<ConfigVersions.Version> newestOf(String file) {
    return versions.latestOf(key(file));
  }
}
