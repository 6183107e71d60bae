package org.taizhang.catalog;

/** Where a document's category came from (the values of document_inference.category_source). */
public enum CategorySource {
  /** A person chose it, on upload or by correcting the filing. */
  GIVEN,
  /** The folder path of an import names it. */
  PATH,
  /** The title or the file name names the kind of document. */
  TITLE,
  /** The document's shape: a formal document's title, a sign-in table, a meeting's fields. */
  STRUCTURE,
  /** Phrases of the body, without a title that says so. */
  BODY,
  /** A model trained on this instance's accepted documents. */
  MODEL,
  /** Nothing decided it: 未分类, and the clerk is asked. */
  NONE
}
