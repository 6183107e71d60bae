package org.taizhang.archive;

import java.time.Instant;
import java.time.LocalDate;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.text.ChineseDates;

/**
 * A document in a unit's archive: what it is (category, title, the date it is about), the stored
 * original it came from, and who handed it in when. The extracted text is read separately because
 * it can be large.
 *
 * @param period the period the document states it is about (2025年第三季度), or null: its title said
 *     none and nobody set one
 */
public record Document(
    long id,
    String unitCode,
    String category,
    String title,
    LocalDate date,
    int year,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    Integer pageCount,
    DocumentMetadata metadata,
    int textChars,
    boolean textTruncated,
    String uploadedBy,
    Instant uploadedAt,
    Review review,
    Lifecycle lifecycle,
    ChineseDates.Period period) {

  /** A document that states no period. */
  public Document(
      long id,
      String unitCode,
      String category,
      String title,
      LocalDate date,
      int year,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      Integer pageCount,
      DocumentMetadata metadata,
      int textChars,
      boolean textTruncated,
      String uploadedBy,
      Instant uploadedAt,
      Review review,
      Lifecycle lifecycle) {
    this(
        id,
        unitCode,
        category,
        title,
        date,
        year,
        fileName,
        mediaType,
        size,
        sha256,
        pageCount,
        metadata,
        textChars,
        textTruncated,
        uploadedBy,
        uploadedAt,
        review,
        lifecycle,
        null);
  }

  /** A coarse kind for facets and icons: PDF, Word, Excel, 图片, 文本 or 其他. */
  public String fileType() {
    return FileType.of(mediaType);
  }
}
