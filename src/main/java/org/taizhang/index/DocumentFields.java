package org.taizhang.index;

/** Names of the index fields; the search side builds its queries on the same names. */
public final class DocumentFields {
  public static final String ID = "id";
  public static final String UNIT = "unit";
  public static final String CATEGORY = "category";
  public static final String YEAR = "year";
  public static final String FILE_TYPE = "type";

  /** Epoch day of the document's date, for ranges; absent when the date is unknown. */
  public static final String DATE = "date";

  /** Epoch day as doc values for sorting; present on every document. */
  public static final String DATE_SORT = "date_sort";

  /** Title, bigram-analysed and stored for display and highlighting. */
  public static final String TITLE = "title";

  public static final String TITLE_WORDS = "title_words";

  /** Original text, bigram-analysed with offsets, stored for highlighting. */
  public static final String TEXT = "text";

  /** The same text segmented into words; not stored. */
  public static final String TEXT_WORDS = "text_words";

  private DocumentFields() {}
}
