package org.taizhang.config;

import java.nio.file.Path;

/** A problem in one of the files offices edit; names the file and line so it can be fixed without reading code. */
public class ConfigException extends RuntimeException {
  private final Path file;
  private final int line;

  public ConfigException(Path file, int line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** 1-based line number, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }
}
