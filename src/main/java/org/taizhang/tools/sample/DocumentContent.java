package org.taizhang.tools.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The text of one document as styled paragraphs, independent of the file format it is written in.
 * The same content can become a PDF, a DOCX, a plain text file or a scanned page image.
 */
record DocumentContent(String title, List<Paragraph> paragraphs) {

  enum Style {
    /** Red masthead of a formal document (青禾县教育局文件). */
    MASTHEAD,
    /** The 文号 line under the masthead, followed by a red rule. */
    DOC_NUMBER,
    TITLE,
    SUBTITLE,
    HEADING,
    /** Running text with a two-character first-line indent. */
    BODY,
    /** A label–value line such as 时间：2025年3月12日, no indent. */
    FIELD,
    /** Signature block and date, right-aligned. */
    RIGHT,
    BLANK
  }

  record Paragraph(Style style, String text) {}

  DocumentContent {
    paragraphs = List.copyOf(paragraphs);
  }

  /** All text, one paragraph a line; what a text file or a text extractor would see. */
  String plainText() {
    StringBuilder sb = new StringBuilder();
    for (Paragraph p : paragraphs) {
      if (p.style() == Style.BODY) {
        sb.append("　　");
      }
      sb.append(p.text()).append('\n');
    }
    return sb.toString();
  }

  /** Returns a copy with every paragraph's text passed through {@code edit}. */
  DocumentContent map(UnaryOperator<String> edit) {
    List<Paragraph> edited = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      edited.add(new Paragraph(p.style(), edit.apply(p.text())));
    }
    return new DocumentContent(edit.apply(title), edited);
  }

  static Builder builder(String title) {
    return new Builder(title);
  }

  static final class Builder {
    private final String title;
    private final List<Paragraph> paragraphs = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    Builder add(Style style, String text) {
      paragraphs.add(new Paragraph(style, text));
      return this;
    }

    Builder masthead(String text) {
      return add(Style.MASTHEAD, text);
    }

    Builder docNumber(String text) {
      return add(Style.DOC_NUMBER, text);
    }

    Builder title() {
      return add(Style.TITLE, title);
    }

    Builder subtitle(String text) {
      return add(Style.SUBTITLE, text);
    }

    Builder heading(String text) {
      return add(Style.HEADING, text);
    }

    Builder body(String text) {
      return add(Style.BODY, text);
    }

    Builder field(String text) {
      return add(Style.FIELD, text);
    }

    Builder right(String text) {
      return add(Style.RIGHT, text);
    }

    Builder blank() {
      return add(Style.BLANK, "");
    }

    DocumentContent build() {
      return new DocumentContent(title, paragraphs);
    }
  }
}
