package org.taizhang.tools.sample;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One file of the archive before it is written: where it goes, when it was made, by whom, and what
 * it holds.
 *
 * @param created the document's own date; written into the file's metadata and its mtime
 * @param author who made it (the recorder, the office head); goes into document metadata
 */
record PlannedFile(
    String unitCode,
    int year,
    String category,
    String fileName,
    ZonedDateTime created,
    String author,
    Content content) {

  String relativePath() {
    return unitCode + "/" + year + "/" + category + "/" + fileName;
  }

  sealed interface Content permits TextDocument, SignInSheet, Photo {}

  enum TextFormat {
    PDF,
    /** A page image only, as if printed, signed, stamped and scanned: no text layer. */
    SCANNED_PDF,
    DOCX,
    TXT_UTF8,
    /** The encoding Chinese Windows Notepad used for years; not valid UTF-8. */
    TXT_GB18030
  }

  enum Scene {
    STREET,
    COUNTRYSIDE,
    INDOOR
  }

  record TextDocument(DocumentContent document, TextFormat format) implements Content {}

  /**
   * @param rows one row per person: 姓名, 职务, 签名
   */
  record SignInSheet(String title, String subtitle, List<List<String>> rows) implements Content {}

  /**
   * @param banner the caption on the banner in the picture
   * @param scene what kind of place the picture shows
   * @param taken EXIF DateTimeOriginal, local time as cameras record it
   * @param latitude GPS latitude in degrees north
   * @param longitude GPS longitude in degrees east
   * @param sceneSeed varies the drawing so photos of different activities differ
   */
  record Photo(
      String banner,
      Scene scene,
      LocalDateTime taken,
      double latitude,
      double longitude,
      UnitProfile.Camera camera,
      long sceneSeed)
      implements Content {}
}
