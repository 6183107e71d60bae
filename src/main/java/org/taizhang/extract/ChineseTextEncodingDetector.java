package org.taizhang.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Decides the encoding of plain text the way Chinese offices produce it: a byte-order mark wins;
 * text that is valid UTF-8 is UTF-8; UTF-16 without a mark is told by decoding to Chinese and ASCII
 * text (GB and Big5 bytes read as UTF-16 fall on Hangul, private-use and unassigned code points);
 * between the legacy encodings, GB18030 (a superset of GB2312 and GBK) and Big5, ICU's statistical
 * detector decides (Tika's copy of it), which knows the frequent characters of each. Whatever it
 * cannot place is taken for GB18030, what Windows editors on the mainland save.
 */
final class ChineseTextEncodingDetector implements EncodingDetector {
  private static final int SAMPLE = 64 * 1024;
  private static final Charset GB18030 = Charset.forName("GB18030");

  /** Big5 as Windows writes it (code page 950, a superset of plain Big5). */
  static final Charset BIG5 =
      Charset.isSupported("x-windows-950")
          ? Charset.forName("x-windows-950")
          : Charset.forName("Big5");

  private static final int NO_EVIDENCE = 10;

  /** Share of decoded characters that must be ordinary text for UTF-16 without a mark. */
  private static final double UTF16_TEXT_SHARE = 0.9;

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
    return detect(sample);
  }

  static Charset detect(byte[] sample) {
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
    // NUL bytes are valid UTF-8 but no text has them; UTF-16 of ASCII is half NUL.
    boolean nul = false;
    for (byte b : sample) {
      nul |= b == 0;
    }
    if (!nul && isUtf8(sample)) {
      return StandardCharsets.UTF_8;
    }
    for (Charset utf16 : new Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
      if (textShare(sample, utf16) >= UTF16_TEXT_SHARE) {
        return utf16;
      }
    }
    if (isUtf8(sample)) {
      return StandardCharsets.UTF_8;
    }
    CharsetDetector icu = new CharsetDetector();
    icu.setText(sample);
    for (CharsetMatch m : icu.detectAll()) {
      // 10 is ICU's "valid, but none of the frequent characters": no evidence either way
      if (m.getConfidence() > NO_EVIDENCE) {
        if (m.getName().equals("GB18030")) {
          return GB18030;
        }
        if (m.getName().equals("Big5")) {
          return BIG5;
        }
      }
    }
    return commonBig5Pairs(sample) > commonGbPairs(sample) ? BIG5 : GB18030;
  }

  /**
   * Double-byte characters in GB2312's first level (lead byte B0–D7: the 3,755 most common
   * characters). A few words are too little for ICU's frequency lists; these ranges still tell.
   */
  private static int commonGbPairs(byte[] b) {
    int n = 0;
    for (int i = 0; i + 1 < b.length; i++) {
      int lead = b[i] & 0xff;
      if (lead >= 0x81) {
        int trail = b[++i] & 0xff;
        n += lead >= 0xB0 && lead <= 0xD7 && trail >= 0xA1 && trail <= 0xFE ? 1 : 0;
      }
    }
    return n;
  }

  /** Double-byte characters in Big5's frequent block (lead byte A4–C6: 5,401 characters). */
  private static int commonBig5Pairs(byte[] b) {
    int n = 0;
    for (int i = 0; i + 1 < b.length; i++) {
      int lead = b[i] & 0xff;
      if (lead >= 0x81) {
        int trail = b[++i] & 0xff;
        n +=
            lead >= 0xA4
                    && lead <= 0xC6
                    && ((trail >= 0x40 && trail <= 0x7E) || (trail >= 0xA1 && trail <= 0xFE))
                ? 1
                : 0;
      }
    }
    return n;
  }

  /**
   * The share of characters that are Chinese, CJK or full-width punctuation, printable ASCII or
   * white space when {@code sample} is decoded as {@code charset}; 0 when it does not decode.
   */
  private static double textShare(byte[] sample, Charset charset) {
    int even = sample.length - (sample.length % 2);
    if (even < 4) {
      return 0;
    }
    CharBuffer chars;
    try {
      chars =
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(sample, 0, even));
    } catch (CharacterCodingException e) {
      return 0;
    }
    int text = 0;
    int total = 0;
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      total++;
      if ((c >= 0x20 && c < 0x7F)
          || c == '\n'
          || c == '\r'
          || c == '\t'
          || (c >= 0x4E00 && c <= 0x9FFF)
          || (c >= 0x3000 && c <= 0x303F)
          || (c >= 0xFF00 && c <= 0xFFEF)
          || (c >= 0x2000 && c <= 0x206F)) {
        text++;
      }
    }
    return total == 0 ? 0 : text / (double) total;
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
