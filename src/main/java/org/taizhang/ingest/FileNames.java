package org.taizhang.ingest;

import java.util.Optional;

/**
 * Cleans file names given by clients. Names are only ever shown and stored in the database, never
 * used as paths, but a name such as {@code ..\..\x} or one full of control characters still has to
 * be reduced to something safe to display and download under.
 */
public final class FileNames {
  private static final int MAX_CHARS = 200;

  private FileNames() {}

  static final String UNNAMED = "未命名文件";

  /**
   * The last path component without control or undecodable characters, trimmed to a sane length;
   * {@link #UNNAMED} if nothing is left, since a file is not refused for its name.
   */
  static String clean(String raw) {
    return cleaned(raw).orElse(UNNAMED);
  }

  private static Optional<String> cleaned(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String name = raw;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    if (slash >= 0) {
      name = name.substring(slash + 1);
    }
    StringBuilder sb = new StringBuilder(name.length());
    name.codePoints()
        .filter(
            cp ->
                !Character.isISOControl(cp)
                    && cp != 0xFFFD
                    && Character.getType(cp) != Character.FORMAT)
        .forEach(sb::appendCodePoint);
    name = sb.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1);
    }
    if (name.isBlank()) {
      return Optional.empty();
    }
    if (name.codePointCount(0, name.length()) > MAX_CHARS) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, name.offsetByCodePoints(0, MAX_CHARS - ext.length())) + ext;
    }
    return Optional.of(name);
  }

  /** The name without its extension, for use as a title. */
  public static String baseName(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
