package org.taizhang.extract;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What a file says about itself: author and creation time from document properties, time taken,
 * position and camera from a photo's EXIF. Times carry no zone: EXIF has none, and {@code created}
 * is in UTC as the parser reads it (document properties keep UTC) until {@link #withCreatedIn}
 * turns it into the office's wall-clock time, which is how it is stored.
 */
public record DocumentMetadata(
    String title,
    String author,
    LocalDateTime created,
    LocalDateTime takenAt,
    Double latitude,
    Double longitude,
    String camera) {

  public static final DocumentMetadata EMPTY =
      new DocumentMetadata(null, null, null, null, null, null, null);

  /** These metadata with the creation time (UTC as read) as wall-clock time in {@code zone}. */
  public DocumentMetadata withCreatedIn(ZoneId zone) {
    if (created == null) {
      return this;
    }
    LocalDateTime local =
        created.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
    return new DocumentMetadata(title, author, local, takenAt, latitude, longitude, camera);
  }
}
