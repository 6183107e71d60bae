package org.taizhang.extract;

/** A file that cannot be accepted, with the reason and the parser's own words for the log. */
public class ExtractionException extends Exception {
  private final ExtractionFailure failure;

  public ExtractionException(ExtractionFailure failure, String detail, Throwable cause) {
    super(detail, cause);
    this.failure = failure;
  }

  /** Said to the person who handed in a file that ends before its end (a failed download). */
  static final String INCOMPLETE = "文件不完整";

  /** A file cut short: {@link ExtractionFailure#CORRUPT_FILE}, with a detail meant for people. */
  static ExtractionException incomplete(String why) {
    return new ExtractionException(
        ExtractionFailure.CORRUPT_FILE, INCOMPLETE + "（" + why + "）", null);
  }

  public ExtractionFailure failure() {
    return failure;
  }

  /**
   * The detail when it is written for the person who handed the file in (in Chinese: a file cut
   * short), else null: parsers' own words are for the log.
   */
  public String shownDetail() {
    String m = getMessage();
    return m != null && m.startsWith(INCOMPLETE) ? m : null;
  }
}
