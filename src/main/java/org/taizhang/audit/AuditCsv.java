package org.taizhang.audit;

import java.io.IOException;
import java.io.Writer;
import org.taizhang.time.OfficeTime;

/**
 * The export format: what Excel and WPS open directly on a Chinese desktop. The byte order mark
 * makes them read UTF-8 rather than GBK; lines end in CRLF as RFC 4180 asks.
 */
final class AuditCsv {
  static final String BOM = "\uFEFF";
  static final String HEADER = "时间,用户,地址,操作,对象,详情";
  private static final String EOL = "\r\n";

  private AuditCsv() {}

  static void header(Writer out) throws IOException {
    out.write(BOM);
    out.write(HEADER);
    out.write(EOL);
  }

  static void row(Writer out, AuditEvent e, OfficeTime time) throws IOException {
    out.write(field(time.seconds(e.at())));
    out.write(',');
    out.write(field(e.actor()));
    out.write(',');
    out.write(field(e.address()));
    out.write(',');
    out.write(field(e.action().label()));
    out.write(',');
    out.write(field(e.target()));
    out.write(',');
    out.write(field(e.detail()));
    out.write(EOL);
  }

  /**
   * One field, safe to open in a spreadsheet. Targets, details and even user names (of failed
   * logins) are typed by whoever uses the service, so a value such as {@code =HYPERLINK(…)} must
   * reach the administrator's spreadsheet as text, not as a formula: a leading apostrophe does that
   * in Excel, WPS and LibreOffice. Tab and carriage return are included because spreadsheets skip
   * them before looking for a formula.
   */
  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v =
        switch (value.charAt(0)) {
          case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
          default -> value;
        };
    boolean quote =
        v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }
}
