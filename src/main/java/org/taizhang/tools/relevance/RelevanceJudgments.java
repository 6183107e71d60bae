package org.taizhang.tools.relevance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The judged query set of {@code docs/relevance/judgments.tsv}: per query the text as typed, the
 * information need, optional request filters, the query-language features it relies on, and the
 * graded documents (2 highly relevant, 1 relevant, 0 a trap that must not be in the top 10), named
 * by their path below {@code sample-archive/}. The file format is described in its header.
 */
final class RelevanceJudgments {
  /**
   * Query-language features a query may rely on; see {@link RelevanceEvaluation} for their probes.
   */
  static final Set<String> FEATURES = Set.of("field", "or", "date-range");

  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
  private static final Set<String> SINGLE_KEYS =
      Set.of("query", "need", "unit", "category", "year", "type", "needs", "tags");

  private RelevanceJudgments() {}

  /** One judged query. {@code grades} maps archive paths to 2, 1 or 0 in file order. */
  record Query(
      String id,
      String text,
      String need,
      String unit,
      String category,
      Integer year,
      String type,
      Set<String> needs,
      List<String> tags,
      Map<String, Integer> grades,
      Map<String, String> comments,
      int line) {

    int relevantCount() {
      return (int) grades.values().stream().filter(g -> g > 0).count();
    }

    /**
     * The filters as shown in reports, e.g. {@code unit=qhx-wjj year=2025}; empty without filters.
     */
    String filters() {
      List<String> f = new ArrayList<>();
      if (unit != null) {
        f.add("unit=" + unit);
      }
      if (category != null) {
        f.add("category=" + category);
      }
      if (year != null) {
        f.add("year=" + year);
      }
      if (type != null) {
        f.add("type=" + type);
      }
      return String.join(" ", f);
    }
  }

  /** A mistake in the judgments file, with file and line. */
  static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message);
    }
  }

  static List<Query> load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return parse(file.toString(), lines);
  }

  static List<Query> parse(String name, List<String> lines) {
    Map<String, Builder> byId = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String raw = lines.get(i);
      if (i == 0 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1);
      }
      if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
        continue;
      }
      String where = name + ":" + lineNo + ": ";
      String[] cols = raw.split("\t", -1);
      if (cols.length < 3 || cols.length > 4) {
        throw new Invalid(
            where
                + "expected 3 or 4 tab-separated columns (id, key, value[, comment]), found "
                + cols.length);
      }
      String id = cols[0].strip();
      String key = cols[1].strip();
      String value = cols[2].strip();
      String comment = cols.length == 4 ? cols[3].strip() : "";
      if (!ID.matcher(id).matches()) {
        throw new Invalid(where + "bad query id \"" + id + "\"");
      }
      if (value.isEmpty()) {
        throw new Invalid(where + "empty value for " + key);
      }
      Builder b = byId.computeIfAbsent(id, k -> new Builder(k, lineNo));
      switch (key) {
        case "2", "1", "0" -> b.judge(where, normalizePath(value), Integer.parseInt(key), comment);
        default -> {
          if (!SINGLE_KEYS.contains(key)) {
            throw new Invalid(
                where
                    + "unknown key \""
                    + key
                    + "\" (query, need, unit, category, year, type, needs, tags, 2, 1, 0)");
          }
          b.set(where, key, value);
        }
      }
    }
    List<Query> out = new ArrayList<>();
    for (Builder b : byId.values()) {
      out.add(b.build(name));
    }
    if (out.isEmpty()) {
      throw new Invalid(name + ": no queries");
    }
    return List.copyOf(out);
  }

  /** The path as written, with '/' separators, no leading "./" and in Unicode NFC. */
  static String normalizePath(String path) {
    String p = Normalizer.normalize(path.strip().replace('\\', '/'), Normalizer.Form.NFC);
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    if (p.startsWith("sample-archive/")) {
      p = p.substring("sample-archive/".length());
    }
    return p;
  }

  /**
   * The key a stored document is matched on: unit code, archive year and file name, from a path
   * {@code <unit>/<year>/…/<file>} below the archive.
   */
  static String documentKey(String archivePath) {
    String[] parts = normalizePath(archivePath).split("/");
    if (parts.length < 3 || !YEAR.matcher(parts[1]).matches()) {
      throw new Invalid("path must be <unit>/<year>/[<category>/]<file>: " + archivePath);
    }
    return documentKey(parts[0], Integer.parseInt(parts[1]), parts[parts.length - 1]);
  }

  static String documentKey(String unit, int year, String fileName) {
    return unit + "/" + year + "/" + Normalizer.normalize(fileName, Normalizer.Form.NFC);
  }

  private static final class Builder {
    final String id;
    final int line;
    final Map<String, String> single = new LinkedHashMap<>();
    final Map<String, Integer> grades = new LinkedHashMap<>();
    final Map<String, String> comments = new LinkedHashMap<>();

    Builder(String id, int line) {
      this.id = id;
      this.line = line;
    }

    void set(String where, String key, String value) {
      if (single.putIfAbsent(key, value) != null) {
        throw new Invalid(where + id + ": \"" + key + "\" given twice");
      }
      if (key.equals("year") && !YEAR.matcher(value).matches()) {
        throw new Invalid(where + id + ": year must be like 2025: " + value);
      }
      if (key.equals("needs")) {
        for (String f : list(value)) {
          if (!FEATURES.contains(f)) {
            throw new Invalid(
                where
                    + id
                    + ": unknown feature \""
                    + f
                    + "\" in needs (known: "
                    + String.join(", ", FEATURES)
                    + ")");
          }
        }
      }
    }

    void judge(String where, String path, int grade, String comment) {
      try {
        documentKey(path);
      } catch (Invalid e) {
        throw new Invalid(where + e.getMessage());
      }
      if (grades.putIfAbsent(path, grade) != null) {
        throw new Invalid(where + id + ": " + path + " is judged twice");
      }
      if (!comment.isEmpty()) {
        comments.put(path, comment);
      }
    }

    Query build(String name) {
      String where = name + ":" + line + ": " + id + ": ";
      if (!single.containsKey("query")) {
        throw new Invalid(where + "no query");
      }
      if (!single.containsKey("need")) {
        throw new Invalid(where + "no need (the information need the judgments are made against)");
      }
      if (grades.values().stream().noneMatch(g -> g > 0)) {
        throw new Invalid(where + "no relevant document (grade 1 or 2)");
      }
      Set<String> keys = new LinkedHashSet<>();
      for (String path : grades.keySet()) {
        if (!keys.add(documentKey(path))) {
          throw new Invalid(
              where + "two judged paths name the same document (unit, year, file name): " + path);
        }
      }
      String year = single.get("year");
      return new Query(
          id,
          single.get("query"),
          single.get("need"),
          single.get("unit"),
          single.get("category"),
          year == null ? null : Integer.valueOf(year),
          single.get("type"),
          Collections.unmodifiableSet(new LinkedHashSet<>(list(single.getOrDefault("needs", "")))),
          List.copyOf(list(single.getOrDefault("tags", ""))),
          Collections.unmodifiableMap(new LinkedHashMap<>(grades)),
          Collections.unmodifiableMap(new LinkedHashMap<>(comments)),
          line);
    }

    private static List<String> list(String value) {
      List<String> out = new ArrayList<>();
      for (String s : value.split("[,，]")) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
      return out;
    }
  }
}
