package org.taizhang.text;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a 文号 (青教发〔2025〕3号): the issuing organ's short name, the year in brackets and the number.
 * Formal documents (正式文件) carry one under the red head; scans and typing mangle the brackets, so
 * 〔〕, [], 【】 and both kinds of parentheses all count.
 */
public final class DocumentNumbers {
  private static final Pattern NUMBER =
      Pattern.compile(
          "\\p{IsHan}{1,12}\\s*[〔\\[【（(]\\s*(?:19|20)\\d{2}\\s*[〕\\]】）)]\\s*第?\\s*\\d{1,5}\\s*号");

  private DocumentNumbers() {}

  /** The first 文号 in the text, with spaces removed. */
  public static Optional<String> find(CharSequence text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = NUMBER.matcher(text);
    return m.find() ? Optional.of(m.group().replaceAll("\\s+", "")) : Optional.empty();
  }

  /** Whether the text shows a 文号 anywhere. */
  public static boolean present(CharSequence text) {
    return text != null && NUMBER.matcher(text).find();
  }
}
