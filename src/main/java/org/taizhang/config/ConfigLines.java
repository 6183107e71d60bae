package org.taizhang.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a line-oriented configuration file: UTF-8, '#' starts a comment, blank lines are ignored.
 * Every line keeps its number so that validation errors can point at it. Columns are separated by
 * '|', or by '｜' as a Chinese keyboard types it.
 */
public final class ConfigLines {

  /** A meaningful line of a configuration file. */
  public record Line(Path file, int number, String text) {
    /** Splits on '|' (or '｜') into trimmed fields and checks their count. */
    public List<String> fields(int expected) {
      String[] parts = text.split(ChinesePunctuation.FIELD_SEPARATOR, -1);
      if (parts.length != expected) {
        throw error("应有 " + expected + " 列（以 | 分隔），实际为 " + parts.length + " 列");
      }
      List<String> out = new ArrayList<>(parts.length);
      for (String p : parts) {
        out.add(p.strip());
      }
      return out;
    }

    public ConfigException error(String problem) {
      return new ConfigException(file, number, problem);
    }
  }

  private ConfigLines() {}

  public static List<Line> read(Path file) {
    return parse(file, ConfigText.read(file));
  }

  /**
   * The meaningful lines of a text that stands for {@code file} (an edit not yet saved anywhere,
   * say).
   */
  public static List<Line> parse(Path file, String content) {
    List<Line> lines = new ArrayList<>();
    String[] raw = content.split("\\r?\\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String text = raw[i];
      int hash = text.indexOf('#');
      if (hash >= 0) {
        text = text.substring(0, hash);
      }
      // strip() also removes the full-width space (U+3000) a Chinese keyboard types
      text = text.strip();
      if (!text.isEmpty()) {
        lines.add(new Line(file, i + 1, text));
      }
    }
    return lines;
  }
}
