package org.taizhang.completeness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.ConfigException;
import org.taizhang.config.ConfigText;

/**
 * The evaluation systems in force, as one immutable set: an edit puts a new set in force as a
 * whole. For each unit type, the system with the latest start year not after a year judges that
 * year, so a system stays in force until a newer one for the type replaces it, and a new year never
 * finds an office without a list; years before a type's first system are not judged.
 */
public final class RequiredLists {
  public static final String DIRECTORY = "required-lists";

  private final List<EvaluationSystem> systems;

  private RequiredLists(List<EvaluationSystem> systems) {
    this.systems = List.copyOf(systems);
  }

  /** The systems (in name order, each with the years newer ones take over from it filled in). */
  static RequiredLists of(List<EvaluationSystem> systems) {
    Map<String, TreeMap<Integer, EvaluationSystem>> byType = new HashMap<>();
    for (EvaluationSystem s : systems) {
      for (String t : s.unitTypes()) {
        EvaluationSystem other =
            byType.computeIfAbsent(t, k -> new TreeMap<>()).put(s.fromYear(), s);
        if (other != null) {
          throw new ConfigException(
              Path.of(s.file()),
              0,
              "适用单位类型",
              "“"
                  + t
                  + "”自 "
                  + s.fromYear()
                  + " 年度起已由 "
                  + other.file()
                  + " 规定，同一类型同一起始年度只能有一个测评体系");
        }
      }
    }
    List<EvaluationSystem> out = new ArrayList<>();
    for (EvaluationSystem s : systems) {
      Map<String, Integer> replaced = new LinkedHashMap<>();
      for (String t : s.unitTypes()) {
        Integer next = byType.get(t).higherKey(s.fromYear());
        if (next != null) {
          replaced.put(t, next);
        }
      }
      out.add(s.withReplacedFrom(replaced));
    }
    out.sort(Comparator.comparing(EvaluationSystem::file));
    return new RequiredLists(out);
  }

  /**
   * Reads {@code required-lists/*.yaml} (and *.yml) in name order; no directory means no systems.
   */
  public static RequiredLists load(Path configDir, Catalog catalog) {
    Map<String, String> coveredBy = new HashMap<>();
    List<EvaluationSystem> systems = new ArrayList<>();
    for (Path file : files(configDir)) {
      systems.add(RequiredListParser.parse(file, ConfigText.read(file), catalog, coveredBy));
    }
    return of(systems);
  }

  /** The list files of the configuration directory, in name order. */
  static List<Path> files(Path configDir) {
    Path dir = configDir.resolve(DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".yaml")
                      || p.getFileName().toString().endsWith(".yml"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new ConfigException(dir, 0, "无法读取目录：" + e.getMessage());
    }
  }

  public List<EvaluationSystem> systems() {
    return systems;
  }

  Optional<EvaluationSystem> bySystemFile(String file) {
    return systems.stream().filter(s -> s.file().equals(file)).findFirst();
  }

  public Optional<EvaluationSystem> system(String unitType, int year) {
    if (unitType == null) {
      return Optional.empty();
    }
    return systems.stream().filter(s -> s.covers(unitType, year)).findFirst();
  }

  /**
   * The years some system judges, newest first: from the earliest start year up to the current year
   * (or a later start year, for a system prepared ahead of its year).
   */
  public List<Integer> years(int currentYear) {
    Optional<Integer> first =
        systems.stream().map(EvaluationSystem::fromYear).min(Integer::compare);
    if (first.isEmpty()) {
      return List.of();
    }
    int last =
        Math.max(
            currentYear, systems.stream().mapToInt(EvaluationSystem::fromYear).max().orElseThrow());
    List<Integer> out = new ArrayList<>();
    for (int y = last; y >= first.get(); y--) {
      out.add(y);
    }
    return out;
  }

  /** Every required-content label of every rule: what fact extraction must look for in the text. */
  Set<String> contentLabels() {
    Set<String> labels = new LinkedHashSet<>();
    for (EvaluationSystem s : systems) {
      for (EvaluationSystem.Leaf leaf : s.leaves()) {
        leaf.indicator().evidence().forEach(r -> labels.addAll(r.content()));
      }
    }
    return labels;
  }

  /**
   * The required-content labels rules ask of documents of one category, in every system: what a
   * reviewer may confirm on such a document.
   */
  Set<String> contentLabels(String category) {
    Set<String> labels = new LinkedHashSet<>();
    for (EvaluationSystem s : systems) {
      for (EvaluationSystem.Leaf leaf : s.leaves()) {
        leaf.indicator().evidence().stream()
            .filter(r -> r.category().equals(category))
            .forEach(r -> labels.addAll(r.content()));
      }
    }
    return labels;
  }

  /** Categories whose documents are compared across units for near-identical copies. */
  Set<String> duplicateCheckCategories() {
    Set<String> out = new LinkedHashSet<>();
    systems.forEach(s -> out.addAll(s.duplicateCheck()));
    return out;
  }
}
