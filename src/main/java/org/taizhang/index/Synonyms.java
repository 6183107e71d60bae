package org.taizhang.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.taizhang.config.ConfigLines;

/**
 * Groups of equivalent words and spellings from {@code synonyms.txt} (台账, 台帐). Applied when a query
 * is built, never at index time, so editing the file needs no re-index.
 */
public final class Synonyms {
  private final List<List<String>> groups;

  private Synonyms(List<List<String>> groups) {
    this.groups = groups;
  }

  /**
   * Reads the file; entries are folded with the analysis' folding so they compare with folded
   * queries.
   */
  public static Synonyms load(Path configDir, ChineseAnalysis analysis) {
    Path file = configDir.resolve("synonyms.txt");
    List<List<String>> groups = new ArrayList<>();
    for (ConfigLines.Line line : ConfigLines.read(file)) {
      Set<String> group = new LinkedHashSet<>();
      for (String w : line.text().split("[,，]")) {
        if (w.isBlank()) {
          throw line.error("空的同义词（多余的逗号？）");
        }
        group.add(analysis.fold(w.strip()));
      }
      if (group.size() < 2) {
        throw line.error("一组同义词至少要有两个不同的词");
      }
      groups.add(List.copyOf(group));
    }
    return new Synonyms(List.copyOf(groups));
  }

  /**
   * The term itself and every spelling obtained by replacing a synonym inside it with another
   * member of its group (台账管理 → 台帐管理). The term must already be folded.
   */
  public Set<String> expand(String term) {
    Set<String> out = new LinkedHashSet<>();
    out.add(term);
    for (List<String> group : groups) {
      for (String member : group) {
        if (term.contains(member)) {
          for (String other : group) {
            if (!other.equals(member)) {
              out.add(term.replace(member, other));
            }
          }
        }
      }
    }
    return out;
  }

  public int size() {
    return groups.size();
  }
}
