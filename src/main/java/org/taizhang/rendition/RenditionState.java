package org.taizhang.rendition;

/** Where a document's PDF rendition stands; {@link Renditions#reason} says why for the last two. */
public enum RenditionState {
  /** A PDF or an image, or a kind that is not converted: the binder takes the original. */
  NOT_NEEDED,
  /** Converted: its page count is known (the PDF may have to be made again after a cache wipe). */
  READY,
  /** Waiting for the background conversion (or {@link Renditions#render}). */
  PENDING,
  /** Tried and failed (corrupt, encrypted, timed out); not tried again for the same content. */
  FAILED,
  /** The converter this kind needs is not installed here (LibreOffice). */
  UNAVAILABLE
}
