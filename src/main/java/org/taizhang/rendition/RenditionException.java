package org.taizhang.rendition;

/** A document could not be rendered as PDF; the message is the Chinese reason. */
public class RenditionException extends Exception {
  private static final long serialVersionUID = 1L;

  public RenditionException(String reason) {
    super(reason);
  }

  public RenditionException(String reason, Throwable cause) {
    super(reason, cause);
  }

  /** The reason, in Chinese. */
  public String reason() {
    return getMessage();
  }
}
