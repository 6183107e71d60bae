package org.taizhang.remind;

import java.util.List;

/**
 * What one digest says: a subject and a few short sections (a heading with its count, the first
 * lines, how many more). Written as plain text for mail and the notification centre, and as
 * Markdown for group robots.
 */
record Digest(String subject, List<Section> sections) {
  Digest {
    sections = List.copyOf(sections);
  }

  /** A heading such as “已逾期未整改 2 份” and its first lines; {@code more} lines were left out. */
  record Section(String heading, List<String> lines, int more) {
    Section {
      lines = List.copyOf(lines);
    }
  }

  /** Nothing to tell: such a digest is not sent. */
  boolean empty() {
    return sections.isEmpty();
  }

  String text() {
    StringBuilder sb = new StringBuilder();
    for (Section s : sections) {
      sb.append(s.heading()).append('\n');
      s.lines().forEach(l -> sb.append("  · ").append(l).append('\n'));
      if (s.more() > 0) {
        sb.append("  …… 另有 ").append(s.more()).append(" 项\n");
      }
      sb.append('\n');
    }
    return sb.toString().stripTrailing() + "\n";
  }

  String markdown() {
    StringBuilder sb = new StringBuilder("### ").append(escape(subject)).append("\n");
    for (Section s : sections) {
      sb.append("\n**").append(escape(s.heading())).append("**\n");
      s.lines().forEach(l -> sb.append("- ").append(escape(l)).append('\n'));
      if (s.more() > 0) {
        sb.append("- …… 另有 ").append(s.more()).append(" 项\n");
      }
    }
    return sb.toString();
  }

  /** Keeps a title such as “*2025*年工作计划” from turning into Markdown emphasis. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`");
  }
}
