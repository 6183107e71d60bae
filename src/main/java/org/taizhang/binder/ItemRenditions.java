package org.taizhang.binder;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.taizhang.archive.Document;

/**
 * The PDF renditions of documents a binder cannot print as they are (Word, Excel, Kingsoft, OFD,
 * text): which documents go through one, how many pages it has, and the rendition itself.
 */
public interface ItemRenditions {
  /**
   * Whether the document goes into a binder through a rendition ({@link
   * BinderPlan.Kind#CONVERTED}).
   */
  boolean converts(Document d);

  /** The rendition's pages when it is known without converting now, else empty. */
  OptionalInt pages(Document d);

  /**
   * The document's PDF rendition, converted now if need be.
   *
   * @throws Unavailable with the reason in Chinese, printed on the item's placeholder page
   */
  Path pdfOf(Document d) throws Unavailable;

  /**
   * Why the document can have no rendition (its conversion failed, or this server has no
   * converter), or empty while one is made or can be.
   */
  Optional<String> failure(Document d);

  /** Whether this server converts at all; when not, {@link #pdfOf} always says why. */
  boolean available();

  /** No rendition for this document; the message says why, for the reader of the binder. */
  final class Unavailable extends Exception {
    public Unavailable(String reason) {
      super(reason, null, false, false);
    }

    public Unavailable(String reason, Throwable cause) {
      super(reason, cause, false, false);
    }
  }
}
