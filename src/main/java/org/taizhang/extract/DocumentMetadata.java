package org.taizhang.extract;

import java.time.LocalDateTime;

/**
 * What a file says about itself: author and creation time from document properties, time taken,
 * position and camera from a photo's EXIF. Times carry no zone because EXIF has none.
 */
public record DocumentMetadata(
    String title,
    String author,
    LocalDateTime created,
    LocalDateTime takenAt,
    Double latitude,
    Double longitude,
    String camera) {

  public static final DocumentMetadata EMPTY = new DocumentMetadata(null, null, null, null, null, null, null);
}
