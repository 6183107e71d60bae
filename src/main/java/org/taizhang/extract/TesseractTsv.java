package org.taizhang.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Tesseract's {@code tsv} output read into lines of text and a mean confidence. Chinese has no
 * spaces between words, yet Tesseract separates every recognised "word" (often one character) by
 * one: spaces between two Chinese characters are dropped.
 */
final class TesseractTsv {
  private TesseractTsv() {}

  record Read(String text, double confidence) {}

  static Read parse(String tsv) {
    StringBuilder out = new StringBuilder();
    List<String> line = new ArrayList<>();
    String lineKey = null;
    double weighted = 0;
    long chars = 0;
    for (String row : tsv.lines().toList()) {
      String[] f = row.split("\t", -1);
      if (f.length < 12 || !f[0].equals("5")) {
        continue;
      }
      String word = f[11].strip();
      double conf;
      try {
        conf = Double.parseDouble(f[10]);
      } catch (NumberFormatException e) {
        continue;
      }
      if (word.isEmpty() || conf < 0) {
        continue;
      }
      String key = f[2] + "/" + f[3] + "/" + f[4];
      if (lineKey != null && !key.equals(lineKey)) {
        out.append(join(line)).append('\n');
        line.clear();
      }
      lineKey = key;
      line.add(word);
      weighted += conf / 100.0 * word.length();
      chars += word.length();
    }
    if (!line.isEmpty()) {
      out.append(join(line)).append('\n');
    }
    return new Read(out.toString().strip(), chars == 0 ? 0 : weighted / chars);
  }

  static String join(List<String> words) {
    StringBuilder s = new StringBuilder();
    for (String w : words) {
      if (s.length() > 0 && !(isHan(s.charAt(s.length() - 1)) || isHan(w.charAt(0)))) {
        s.append(' ');
      }
      s.append(w);
    }
    return s.toString();
  }

  private static boolean isHan(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
        || (c >= '\u3000' && c <= '\u303f')
        || (c >= '\uff00' && c <= '\uffef');
  }
}
