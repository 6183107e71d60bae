package org.taizhang.rendition;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which documents get a PDF rendition, and how: by media type, and for the OLE2 and OOXML boxes
 * Tika cannot name further, by the file name's extension (Kingsoft's {@code .wps}, {@code .et},
 * {@code .dps} are Word, Excel and PowerPoint files under another name). PDFs and images never.
 */
final class Kinds {
  static final String OFD = "application/ofd";
  static final String TEXT = "text/plain";
  static final String CSV = "text/csv";

  /** Media types LibreOffice converts, with the extension the copy handed to it gets. */
  static final Map<String, String> OFFICE =
      Map.ofEntries(
          Map.entry("application/msword", "doc"),
          Map.entry("application/vnd.wps-office.doc", "doc"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
          Map.entry("application/rtf", "rtf"),
          Map.entry("text/rtf", "rtf"),
          Map.entry("application/vnd.oasis.opendocument.text", "odt"),
          Map.entry("application/vnd.ms-excel", "xls"),
          Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
          Map.entry("application/vnd.oasis.opendocument.spreadsheet", "ods"),
          Map.entry(CSV, "csv"),
          Map.entry("application/vnd.ms-powerpoint", "ppt"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
          Map.entry("application/vnd.oasis.opendocument.presentation", "odp"),
          Map.entry(TEXT, "txt"));

  /** Tika's names for an Office box it could not tell apart, with what each extension is. */
  private static final Map<String, Map<String, String>> GENERIC =
      Map.of(
          "application/x-tika-msoffice",
          Map.of("doc", "doc", "wps", "doc", "xls", "xls", "et", "xls", "ppt", "ppt", "dps", "ppt"),
          "application/x-tika-ooxml",
          Map.of(
              "docx", "docx", "wps", "docx", "xlsx", "xlsx", "et", "xlsx", "pptx", "pptx", "dps",
              "pptx"));

  /** The rule of {@link #converts} as a condition on {@code document d}. */
  static final String SQL =
      "(d.media_type in "
          + quoted(
              java.util.stream.Stream.concat(
                      OFFICE.keySet().stream(), java.util.stream.Stream.of(OFD))
                  .sorted()
                  .toList())
          + GENERIC.entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(
                  e ->
                      " or (d.media_type = '"
                          + e.getKey()
                          + "' and ("
                          + e.getValue().keySet().stream()
                              .sorted()
                              .map(x -> "lower(d.file_name) like '%." + x + "'")
                              .collect(Collectors.joining(" or "))
                          + "))")
              .collect(Collectors.joining())
          + ")";

  private Kinds() {}

  static boolean converts(String mediaType, String fileName) {
    return OFD.equals(mediaType) || officeExtension(mediaType, fileName).isPresent();
  }

  static boolean isOfd(String mediaType) {
    return OFD.equals(mediaType);
  }

  /**
   * The extension LibreOffice's copy of the file gets; empty for what LibreOffice does not take.
   */
  static Optional<String> officeExtension(String mediaType, String fileName) {
    String known = OFFICE.get(mediaType);
    if (known != null) {
      return Optional.of(known);
    }
    Map<String, String> byName = GENERIC.get(mediaType);
    if (byName == null || fileName == null) {
      return Optional.empty();
    }
    int dot = fileName.lastIndexOf('.');
    return dot < 0
        ? Optional.empty()
        : Optional.ofNullable(byName.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  private static String quoted(List<String> values) {
    return values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "(", ")"));
  }
}
