package org.taizhang.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts what a Chinese keyboard types where the configuration's syntax wants ASCII, wherever the
 * meaning is unambiguous: “name：会议” and “{category：meeting，min：2}” read as YAML, “[时间，地点]” and
 * “【2024，2025】” as lists, a full-width space in the indentation as two spaces. Inside a value the
 * same characters are text and stay as they are (“成立领导小组，以正式文件印发”), so only positions where YAML
 * itself expects a colon, a comma or a bracket are rewritten. Lines are never joined or split, so a
 * line number in an error still points at the line the person wrote.
 */
public final class ChinesePunctuation {
  /** Separates the columns of a line-oriented file: '|' or the full-width '｜'. */
  public static final String FIELD_SEPARATOR = "[|｜]";

  /**
   * Separates the items of a list written in one cell or field: comma, full-width comma, 顿号 or
   * semicolon.
   */
  public static final String LIST_SEPARATOR = "[,，、;；]";

  private static final char FULL_WIDTH_SPACE = '\u3000';

  /**
   * The configuration's keys are ASCII words, which is what makes a colon after one unambiguous.
   */
  private static final Pattern BLOCK_KEY =
      Pattern.compile("^((?:- +)?)([A-Za-z][A-Za-z0-9_-]*)[ \\u3000]*([:：])[ \\u3000]*");

  private static final Pattern FLOW_KEY_AHEAD =
      Pattern.compile("^[ \\u3000]*[A-Za-z][A-Za-z0-9_-]*[ \\u3000]*[:：]");
  private static final Pattern FLOW_KEY =
      Pattern.compile("^([ \\u3000]*)([A-Za-z][A-Za-z0-9_-]*)[ \\u3000]*：[ \\u3000]*");

  private ChinesePunctuation() {}

  /**
   * The YAML text with Chinese punctuation in YAML's own positions turned into ASCII; line for
   * line.
   */
  public static String yaml(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length() + 64);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(line(lines[i]));
    }
    return out.toString();
  }

  private static String line(String line) {
    int indent = 0;
    StringBuilder head = new StringBuilder();
    while (indent < line.length()
        && (line.charAt(indent) == ' ' || line.charAt(indent) == FULL_WIDTH_SPACE)) {
      // a full-width space is as wide as two ASCII spaces on screen, so what lined up still lines
      // up
      head.append(line.charAt(indent) == FULL_WIDTH_SPACE ? "  " : " ");
      indent++;
    }
    String rest = line.substring(indent);
    if (rest.isEmpty() || rest.startsWith("#")) {
      return head + rest;
    }
    // "－ " or "— " as a list dash is not safe to guess; "- " is what every keyboard types anyway
    String value = rest;
    Matcher key = BLOCK_KEY.matcher(rest);
    if (key.find()
        && (key.group(3).equals("：")
            || !key.group(0).endsWith(":")
            || rest.length() == key.end())) {
      head.append(key.group(1)).append(key.group(2)).append(':');
      value = rest.substring(key.end());
      if (!value.isEmpty()) {
        head.append(' ');
      }
    } else if (rest.startsWith("- ")) {
      head.append("- ");
      value = rest.substring(2);
    }
    return head + flow(value);
  }

  /**
   * A value: if it opens a flow collection ([ { 【), its separators and keys; otherwise untouched
   * text.
   */
  private static String flow(String value) {
    if (value.isEmpty() || "[{【".indexOf(value.charAt(0)) < 0) {
      return value;
    }
    if (value.charAt(0) == '【'
        && !value.replaceFirst("[ \\u3000]+#.*$", "").strip().endsWith("】")) {
      // “【重点】创建氛围” is a name that starts with a bracket, not a list
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    Deque<Character> open = new ArrayDeque<>();
    int i = 0;
    boolean expectKey = false;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (open.isEmpty() && i > 0) {
        // after the collection closed: a comment or stray text, left for the parser to judge
        out.append(value, i, value.length());
        break;
      }
      if (expectKey) {
        expectKey = false;
        Matcher k = FLOW_KEY.matcher(value.substring(i));
        if (k.find()) {
          out.append(k.group(1)).append(k.group(2)).append(": ");
          i += k.end();
          continue;
        }
      }
      if (c == '"' || c == '\'') {
        int end = value.indexOf(c, i + 1);
        int stop = end < 0 ? value.length() : end + 1;
        out.append(value, i, stop);
        i = stop;
        continue;
      }
      if (c == '[' || c == '【') {
        open.push('[');
        out.append('[');
      } else if (c == '{') {
        open.push('{');
        out.append('{');
        expectKey = true;
      } else if ((c == ']' || c == '】') && !open.isEmpty() && open.peek() == '[') {
        open.pop();
        out.append(']');
      } else if (c == '}' && !open.isEmpty() && open.peek() == '{') {
        open.pop();
        out.append('}');
      } else if (c == ',' || c == '，' || c == '、') {
        boolean separator =
            !open.isEmpty()
                && (open.peek() == '['
                    || c == ','
                    || FLOW_KEY_AHEAD.matcher(value.substring(i + 1)).find());
        if (separator) {
          out.append(", ");
          i++;
          while (i < value.length()
              && (value.charAt(i) == ' ' || value.charAt(i) == FULL_WIDTH_SPACE)) {
            i++;
          }
          expectKey = open.peek() == '{';
          continue;
        }
        out.append(c);
      } else {
        out.append(c);
      }
      i++;
    }
    return out.toString();
  }
}
