package org.taizhang.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * Decides the encoding of plain text the way Chinese offices produce it: a byte-order mark wins;
 * text that is valid UTF-8 is UTF-8; anything else is GB18030, the superset of GB2312 and GBK that
 * Windows editors save by default. Statistical detectors guess wrong on short Chinese files.
 */
final class ChineseTextEncodingDetector implements EncodingDetector {
  private static final int SAMPLE = 64 * 1024;
  private static final Charset GB18030 = Charset.forName("GB18030");

  @Override
  public Charset detect(InputStream input, Metadata metadata) throws IOException {
    if (input == null) {
      return null;
    }
    input.mark(SAMPLE);
    byte[] sample;
    try {
      sample = input.readNBytes(SAMPLE);
    } finally {
      input.reset();
    }
    if (sample.length >= 3
        && (sample[0] & 0xff) == 0xEF
        && (sample[1] & 0xff) == 0xBB
        && (sample[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (sample.length >= 2 && (sample[0] & 0xff) == 0xFF && (sample[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (sample.length >= 2 && (sample[0] & 0xff) == 0xFE && (sample[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return isUtf8(sample) ? StandardCharsets.UTF_8 : GB18030;
  }

  private static boolean isUtf8(byte[] sample) {
    // The sample may end inside a multi-byte sequence; drop up to three trailing bytes.
    for (int cut = 0; cut <= Math.min(3, sample.length); cut++) {
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(Arrays.copyOf(sample, sample.length - cut)));
        return true;
      } catch (CharacterCodingException e) {
        if (sample.length < SAMPLE) {
          return false;
        }
      }
    }
    return false;
  }
}
