package org.taizhang.bundle;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.taizhang.binder.BinderPlan;

/**
 * The names of folders and files in a bundle of originals, safe on Windows, macOS and Linux: none
 * of {@code / \ : * ? " < > |} nor control characters, no leading or trailing dot or space, no name
 * Windows reserves (CON, NUL, COM1 …), NFC-normalised, and short enough in UTF-8 bytes that a
 * folder and a file fit the 255-byte name limit and Windows' 260-character paths even unpacked a
 * few folders deep. Chinese is kept as it is.
 *
 * <p>A file is named by its 件号 and its 题名 ({@code 0003 学雷锋活动方案.docx}). The 件号 is counted within
 * each 保管期限, so when a plan holds more than one 保管期限 the same 件号 can stand for two items: then
 * every name starts with the 保管期限 code and the 件号 ({@code D10-0003 …}, {@code Y-0001 …}), the tail
 * of the item's 档号, which is unique in the unit-year.
 */
final class BundleNames {
  /** Longest file name, in UTF-8 bytes: about 50 Chinese characters. */
  static final int FILE_BYTES = 160;

  /** Longest folder name, in UTF-8 bytes. */
  static final int FOLDER_BYTES = 80;

  private static final Pattern FORBIDDEN = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
  private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,10}");
  private static final Set<String> RESERVED =
      Set.of(
          "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7",
          "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

  private BundleNames() {}

  /** Whether names need the 保管期限 to tell items apart. */
  static boolean retentionPrefixed(BinderPlan plan) {
    return plan.items().map(BinderPlan.Item::retention).distinct().count() > 1;
  }

  /** The 件号 as a file name starts with it. */
  static String number(BinderPlan.Item item, boolean retentionPrefixed, String printedNumber) {
    return retentionPrefixed ? item.retention().code() + "-" + printedNumber : printedNumber;
  }

  /** {@code 件号 题名.ext}. */
  static String file(String number, String title, String originalName) {
    String ext = extension(originalName);
    String suffix = ext.isEmpty() ? "" : "." + ext;
    String prefix = number + " ";
    int room = FILE_BYTES - bytes(prefix) - bytes(suffix);
    String t = safe(title == null || title.isBlank() ? "未命名" : title, room);
    return prefix + (t.isEmpty() ? "未命名" : t) + suffix;
  }

  /** {@code 01 Ⅱ-3 指标名}, or {@code 09 其他归档材料} for the documents that prove no indicator. */
  static String folder(BinderPlan.Section s, int sections) {
    String n =
        String.format("%0" + Math.max(2, String.valueOf(sections).length()) + "d", s.number());
    String label = s.other() ? s.name() : s.code() + " " + s.name();
    return safe(n + " " + label, FOLDER_BYTES);
  }

  /** The original's extension, lower case, if it is a plain one. */
  static String extension(String originalName) {
    if (originalName == null) {
      return "";
    }
    int dot = originalName.lastIndexOf('.');
    if (dot < 0 || dot == originalName.length() - 1) {
      return "";
    }
    String ext = originalName.substring(dot + 1);
    return EXTENSION.matcher(ext).matches() ? ext.toLowerCase(Locale.ROOT) : "";
  }

  /**
   * A name safe on every system, cut to {@code maxBytes} UTF-8 bytes at a character boundary; may
   * be empty when nothing of {@code s} can be kept.
   */
  static String safe(String s, int maxBytes) {
    String t = Normalizer.normalize(s, Normalizer.Form.NFC);
    t = SPACES.matcher(t).replaceAll(" ");
    t = FORBIDDEN.matcher(t).replaceAll("_");
    t = trim(t);
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < t.length(); ) {
      int cp = t.codePointAt(i);
      int n = bytes(new String(Character.toChars(cp)));
      if (used + n > maxBytes) {
        break;
      }
      out.appendCodePoint(cp);
      used += n;
      i += Character.charCount(cp);
    }
    String r = trim(out.toString());
    String base = r.contains(".") ? r.substring(0, r.indexOf('.')) : r;
    if (RESERVED.contains(base.strip().toUpperCase(Locale.ROOT))) {
      r = "_" + r;
    }
    return r;
  }

  /**
   * Leading and trailing dots and spaces: Windows drops the trailing ones, Unix hides a dot file.
   */
  private static String trim(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && (s.charAt(a) == '.' || s.charAt(a) == ' ' || s.charAt(a) == '_')) {
      a++;
    }
    while (b > a && (s.charAt(b - 1) == '.' || s.charAt(b - 1) == ' ')) {
      b--;
    }
    return s.substring(a, b);
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * A relative link to a path in the bundle: each segment percent-encoded as UTF-8 (a space as
   * {@code %20}, never {@code +}), so that it opens from {@code file://} in any browser.
   */
  static String href(String path) {
    StringBuilder sb = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!sb.isEmpty()) {
        sb.append('/');
      }
      sb.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return sb.toString();
  }
}
