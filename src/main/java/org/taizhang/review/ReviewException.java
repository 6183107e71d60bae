package org.taizhang.review;

/** A review or recycle-bin action that cannot be done as asked; the message is for the person who asked. */
public class ReviewException extends RuntimeException {
  public ReviewException(String message) {
    super(message);
  }
}
