package org.taizhang.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a line-oriented configuration file: UTF-8, '#' starts a comment, blank lines are ignored.
 * Every line keeps its number so that validation errors can point at it.
 */
public final class ConfigLines {

  /** A meaningful line of a configuration file. */
  public record Line(Path file, int number, String text) {
    /** Splits on '|' into trimmed fields and checks their count. */
    public List<String> fields(int expected) {
      String[] parts = text.split("\\|", -1);
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
    String content;
    try {
      byte[] bytes = Files.readAllBytes(file);
      content = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (NoSuchFileException e) {
      throw new ConfigException(file, 0, "文件不存在");
    } catch (CharacterCodingException e) {
      throw new ConfigException(file, 0, "不是 UTF-8 编码，请以 UTF-8 保存");
    } catch (IOException e) {
      throw new ConfigException(file, 0, "无法读取：" + e.getMessage());
    }
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    List<Line> lines = new ArrayList<>();
    String[] raw = content.split("\\r?\\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String text = raw[i];
      int hash = text.indexOf('#');
      if (hash >= 0) {
        text = text.substring(0, hash);
      }
      text = text.strip();
      if (!text.isEmpty()) {
        lines.add(new Line(file, i + 1, text));
      }
    }
    return lines;
  }
}
