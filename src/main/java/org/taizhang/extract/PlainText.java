package org.taizhang.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The encoding of a plain-text file as the parsers decide it ({@link ChineseTextEncodingDetector}),
 * for work that must read the file's characters again (a text file converted to PDF): GB18030, Big5
 * and UTF-16 text come out as the search read them.
 */
public final class PlainText {
  private static final int SAMPLE = 64 * 1024;

  private PlainText() {}

  public static Charset charset(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ChineseTextEncodingDetector.detect(in.readNBytes(SAMPLE));
    }
  }
}
