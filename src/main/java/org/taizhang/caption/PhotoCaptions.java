package org.taizhang.caption;

import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Service;
import org.taizhang.archive.Document;

/** The captions of activity photos. */
@Service
public class PhotoCaptions {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  /** The photo's caption: for now the time the camera recorded. */
  public PhotoCaption caption(Document d) {
    String time =
        d.metadata() != null && d.metadata().takenAt() != null
            ? TIME.format(d.metadata().takenAt())
            : null;
    return new PhotoCaption(time, null, null, null);
  }
}
