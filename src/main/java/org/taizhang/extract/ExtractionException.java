package org.taizhang.extract;

/** A file that cannot be accepted, with the reason and the parser's own words for the log. */
public class ExtractionException extends Exception {
  private final ExtractionFailure failure;

  public ExtractionException(ExtractionFailure failure, String detail, Throwable cause) {
    super(detail, cause);
    this.failure = failure;
  }

  public ExtractionFailure failure() {
    return failure;
  }
}
