package org.taizhang.archive;

import java.time.Instant;
import java.time.LocalDate;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.text.ChineseDates;

/**
 * A document about to be recorded, with its extracted text; {@code period} is the one it states, or
 * null.
 */
public record NewDocument(
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
    String text,
    boolean textTruncated,
    String uploadedBy,
    Instant uploadedAt,
    ChineseDates.Period period) {

  public NewDocument(
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
      String text,
      boolean textTruncated,
      String uploadedBy,
      Instant uploadedAt) {
    this(
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
        text,
        textTruncated,
        uploadedBy,
        uploadedAt,
        null);
  }
}
