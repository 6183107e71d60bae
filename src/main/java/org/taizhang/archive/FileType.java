package org.taizhang.archive;

import java.util.List;

/** Groups media types into the kinds a reviewer filters by. */
public final class FileType {
  /** Every kind {@link #of} can return, in the order filters list them. */
  public static final List<String> ALL = List.of("PDF", "Word", "Excel", "演示文稿", "图片", "文本", "其他");

  private FileType() {}

  public static String of(String mediaType) {
    if (mediaType == null) {
      return "其他";
    }
    if (mediaType.equals("application/pdf")) {
      return "PDF";
    }
    if (mediaType.startsWith("image/")) {
      return "图片";
    }
    if (mediaType.contains("wordprocessing")
        || mediaType.equals("application/msword")
        || mediaType.contains("opendocument.text")
        || mediaType.equals("application/rtf")
        || mediaType.contains("wps")) {
      return "Word";
    }
    if (mediaType.contains("spreadsheet") || mediaType.equals("application/vnd.ms-excel")) {
      return "Excel";
    }
    if (mediaType.contains("presentation") || mediaType.equals("application/vnd.ms-powerpoint")) {
      return "演示文稿";
    }
    if (mediaType.startsWith("text/") || mediaType.equals("application/xhtml+xml")) {
      return "文本";
    }
    return "其他";
  }
}
