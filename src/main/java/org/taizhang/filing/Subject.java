package org.taizhang.filing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.taizhang.catalog.Category;

/**
 * What is known of a document when it is filed: its title as given (or null), file name, extracted
 * text, media type, when a photo was taken (EXIF, or null), and what a person or a folder path
 * already decided: {@code category} (null: infer it; {@code categoryFromPath}: it came from the
 * folder) and {@code date} (null: infer it).
 */
public record Subject(
    String title,
    String fileName,
    String text,
    String mediaType,
    LocalDateTime takenAt,
    Category category,
    boolean categoryFromPath,
    LocalDate date) {
  public boolean image() {
    return mediaType != null && mediaType.startsWith("image/");
  }
}
