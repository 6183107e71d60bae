package org.taizhang.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a PDF that ends before its end. PDFBox repairs what it can and would read a download cut in
 * the middle as a shorter document without a word of warning; a whole PDF ends with {@code %%EOF}
 * after {@code startxref} and the offset of its cross-reference section, which is there.
 */
final class PdfIntegrity {
  /** Writers may put a little after %%EOF (Acrobat looks in the last 1024 bytes). */
  private static final int TAIL = 2048;

  /** How far a cross-reference offset may be off before it counts as broken. */
  private static final int SLACK = 32;

  private static final Pattern STARTXREF = Pattern.compile("startxref\\s+(\\d{1,15})\\s+%%EOF");
  private static final Pattern XREF = Pattern.compile("xref|\\d+\\s+\\d+\\s+obj");

  private PdfIntegrity() {}

  /** Why the PDF is incomplete, in Chinese, or null when its end is whole. */
  static String incomplete(Path pdf) throws IOException {
    try (FileChannel ch = FileChannel.open(pdf, StandardOpenOption.READ)) {
      long size = ch.size();
      String tail = read(ch, Math.max(0, size - TAIL), (int) Math.min(size, TAIL));
      int eof = tail.lastIndexOf("%%EOF");
      if (eof < 0) {
        return "文件末尾缺少 %%EOF，可能下载或传输中断";
      }
      Matcher m = STARTXREF.matcher(tail);
      Long offset = null;
      while (m.find()) {
        offset = Long.parseLong(m.group(1));
      }
      if (offset == null) {
        return "文件末尾缺少交叉引用表位置（startxref）";
      }
      if (offset >= size) {
        return "交叉引用表位置超出文件长度，文件被截短";
      }
      long from = Math.max(0, offset - SLACK);
      String at = read(ch, from, (int) Math.min(size - from, 2L * SLACK + 32));
      Matcher x = XREF.matcher(at);
      if (!x.find() || Math.abs(from + x.start() - offset) > SLACK) {
        return "交叉引用表损坏（startxref 指向的位置没有交叉引用表）";
      }
      return null;
    }
  }

  private static String read(FileChannel ch, long at, int length) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(length);
    while (buf.hasRemaining() && ch.read(buf, at + buf.position()) > 0) {
      // keep reading
    }
    return new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
  }
}
