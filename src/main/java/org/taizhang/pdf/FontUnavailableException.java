package org.taizhang.pdf;

/**
 * No usable CJK font for a PDF export. The message is Chinese and meant for the person who asked
 * for the export: the answer is 503 with it, never a PDF with missing characters.
 */
public class FontUnavailableException extends RuntimeException {
  public FontUnavailableException(String message) {
    super(message);
  }

  public FontUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
