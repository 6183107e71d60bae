package org.taizhang.filing;

/** Where a document's date came from (the values of document_inference.date_source). */
public enum DateSource {
  /** A person gave it, on upload or by correcting the document. */
  GIVEN,
  /** The file name states a day. */
  FILE_NAME,
  /** The title states it. */
  TITLE,
  /** A field of the text (时间：…) or its head states it. */
  TEXT,
  /** The 落款 at the end of a formal document. */
  SIGNATURE,
  /** The time a photo was taken (EXIF). */
  EXIF,
  /** The document states no date; none is made up, and the clerk is asked. */
  NONE
}
