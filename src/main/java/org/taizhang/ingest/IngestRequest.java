package org.taizhang.ingest;

import java.time.LocalDate;

/**
 * What is known about a file before it is read: the unit it belongs to, and optionally its
 * category, date, title and archive year. Anything left null is inferred from the content. {@code
 * replaces} names the document this file is a new version of (a resubmission). {@code
 * categoryFromPath}: the category is the one a folder path names, not one a person chose.
 */
public record IngestRequest(
    String unit,
    String category,
    LocalDate date,
    String title,
    Integer year,
    String fileName,
    String uploadedBy,
    Long replaces,
    boolean categoryFromPath) {

  public IngestRequest(
      String unit,
      String category,
      LocalDate date,
      String title,
      Integer year,
      String fileName,
      String uploadedBy,
      Long replaces) {
    this(unit, category, date, title, year, fileName, uploadedBy, replaces, false);
  }

  public IngestRequest(
      String unit,
      String category,
      LocalDate date,
      String title,
      Integer year,
      String fileName,
      String uploadedBy) {
    this(unit, category, date, title, year, fileName, uploadedBy, null);
  }
}
