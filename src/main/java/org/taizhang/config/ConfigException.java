package org.taizhang.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.taizhang.web.Problem;

/**
 * A problem in one of the files offices edit, or in a list edited in the browser: names the file,
 * the line and, where it helps more than a line number, the place in words (“指标 Ⅱ-3 的材料要求第 2 条”),
 * so that it can be fixed without reading code.
 */
public class ConfigException extends RuntimeException implements Problem {
  /** The indicator a place names (“指标 Ⅱ-3 的材料要求第 2 条”), for the list editor to mark it. */
  private static final Pattern INDICATOR = Pattern.compile("指标 (\\S+?)(?: |的|下|）|$)");

  private final Path file;
  private final int line;
  private final String place;
  private final String problem;

  public ConfigException(Path file, int line, String problem) {
    this(file, line, null, problem);
  }

  public ConfigException(Path file, int line, String place, String problem) {
    super(
        file + (line > 0 ? ":" + line : "") + ": " + (place == null ? "" : place + "：") + problem);
    this.file = file;
    this.line = line;
    this.place = place;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  /** 1-based line number, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }

  /** Where the problem is, in words (“指标 Ⅱ-3 的材料要求第 2 条”), or null when the line says it all. */
  public String place() {
    return place;
  }

  /** What is wrong, without file, line or place. */
  public String problem() {
    return problem;
  }

  /**
   * The place and the problem, for a person editing in the browser, who has no file and no lines.
   */
  public String describe() {
    return place == null ? problem : place + "：" + problem;
  }

  @Override
  public HttpStatus status() {
    return HttpStatus.BAD_REQUEST;
  }

  @Override
  public String code() {
    return "INVALID_CONFIG";
  }

  @Override
  public String detail() {
    return describe();
  }

  @Override
  public Map<String, Object> properties() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("place", place);
    out.put("problem", problem);
    Matcher m = INDICATOR.matcher(place == null ? "" : place);
    out.put("indicator", m.find() ? m.group(1) : null);
    return out;
  }
}
