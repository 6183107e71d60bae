package org.taizhang.completeness;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.ConfigException;

/**
 * Every evaluation system configured in {@code <config-dir>/required-lists/}, one YAML file each.
 * Read once at start; a mistake in any file stops the start with the file, the line and the problem.
 */
final class RequiredLists {
  static final String DIRECTORY = "required-lists";

  private final List<EvaluationSystem> systems;
  /** File name → SHA-256 of its bytes, to notice edits between starts. */
  private final Map<String, String> hashes;

  RequiredLists(List<EvaluationSystem> systems, Map<String, String> hashes) {
    this.systems = List.copyOf(systems);
    this.hashes = Map.copyOf(hashes);
  }

  /** Reads {@code required-lists/*.yaml} (and *.yml) in name order; no directory means no systems. */
  static RequiredLists load(Path configDir, Catalog catalog) {
    Path dir = configDir.resolve(DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return new RequiredLists(List.of(), Map.of());
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new ConfigException(dir, 0, "无法读取目录：" + e.getMessage());
    }
    List<EvaluationSystem> systems = new ArrayList<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    Map<String, String> coveredBy = new LinkedHashMap<>();
    for (Path file : files) {
      byte[] bytes = read(file);
      systems.add(RequiredListParser.parse(file, decode(file, bytes), catalog, coveredBy));
      hashes.put(file.getFileName().toString(), sha256(bytes));
    }
    return new RequiredLists(systems, hashes);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(file, 0, "无法读取：" + e.getMessage());
    }
  }

  private static String decode(Path file, byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new ConfigException(file, 0, "不是 UTF-8 编码，请以 UTF-8 保存");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  List<EvaluationSystem> systems() {
    return systems;
  }

  Map<String, String> hashes() {
    return hashes;
  }

  Optional<EvaluationSystem> system(String unitType, int year) {
    if (unitType == null) {
      return Optional.empty();
    }
    return systems.stream().filter(s -> s.covers(unitType, year)).findFirst();
  }

  /** Years any system covers, newest first. */
  List<Integer> years() {
    Set<Integer> years = new TreeSet<>(Comparator.reverseOrder());
    systems.forEach(s -> years.addAll(s.years()));
    return List.copyOf(years);
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

  /** Categories whose documents are compared across units for near-identical copies. */
  Set<String> duplicateCheckCategories() {
    Set<String> out = new LinkedHashSet<>();
    systems.forEach(s -> out.addAll(s.duplicateCheck()));
    return out;
  }
}
