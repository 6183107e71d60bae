package org.taizhang.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Bundles and mail as units hand them in: ZIPs written the way Windows' zip tool writes them (GBK
 * names, no UTF-8 flag) or the way newer tools do (UTF-8, flagged), 7z archives, RFC 822 mail with
 * attachments and Outlook {@code .msg} files.
 *
 * <p>No Outlook-written {@code .msg} could be committed (the public samples of Apache POI and Tika
 * are binary and not obtainable here), and POI cannot write one: {@link #msg} writes the OLE2
 * compound file itself with POIFS, with the streams Outlook writes for subject, sender, recipients,
 * body, transport headers and each attachment's name and data. Property streams and named
 * properties that Outlook also writes are missing, so this covers the reading of those streams, not
 * every variant Outlook produces.
 */
public final class BundleFiles {
  private static final long TIME = 1_735_689_600_000L; // 2025-01-01, fixed for reproducible files

  private BundleFiles() {}

  /**
   * A ZIP of the given members (path → content), names written in {@code charset}; {@code utf8Flag}
   * sets general-purpose bit 11, which Windows' own tool never sets.
   */
  public static byte[] zip(Map<String, byte[]> members, Charset charset, boolean utf8Flag)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
      zip.setEncoding(charset.name());
      zip.setUseLanguageEncodingFlag(utf8Flag);
      zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        ZipArchiveEntry e = new ZipArchiveEntry(m.getKey());
        e.setTime(TIME);
        zip.putArchiveEntry(e);
        zip.write(m.getValue());
        zip.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** A ZIP as Windows' zip tool on a Chinese system writes it: GBK names, no UTF-8 flag. */
  public static byte[] gbkZip(Map<String, byte[]> members) throws IOException {
    return zip(members, Charset.forName("GBK"), false);
  }

  public static byte[] utf8Zip(Map<String, byte[]> members) throws IOException {
    return zip(members, StandardCharsets.UTF_8, true);
  }

  /** A 7z archive of the given members (LZMA2, the 7-Zip default). */
  public static byte[] sevenZ(Map<String, byte[]> members) throws IOException {
    Path file = Files.createTempFile("bundle", ".7z");
    try {
      try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
        for (Map.Entry<String, byte[]> m : members.entrySet()) {
          SevenZArchiveEntry e = new SevenZArchiveEntry();
          e.setName(m.getKey());
          e.setLastModifiedDate(new Date(TIME));
          out.putArchiveEntry(e);
          out.write(m.getValue());
          out.closeArchiveEntry();
        }
      }
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** A member that inflates to {@code megabytes} of zeros from a few kilobytes. */
  public static byte[] zeros(int megabytes) {
    return new byte[megabytes << 20];
  }

  /** Members in the order given. */
  public static Map<String, byte[]> members(Object... pathsAndContents) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndContents.length; i += 2) {
      m.put((String) pathsAndContents[i], (byte[]) pathsAndContents[i + 1]);
    }
    return m;
  }

  /**
   * An RFC 822 message with a plain-text body and the given attachments (name → content), the
   * subject and attachment names in RFC 2047 encoded words, as Chinese mail clients send them.
   */
  public static byte[] eml(
      String subject, String from, String date, String body, Map<String, byte[]> attachments) {
    String boundary = "----=_Part_taizhang_0";
    StringBuilder sb = new StringBuilder();
    sb.append("From: ")
        .append(words(from.substring(0, from.indexOf('<')).strip()))
        .append(' ')
        .append(from.substring(from.indexOf('<')))
        .append("\r\n");
    sb.append("To: =?UTF-8?B?").append(base64("县文明办")).append("?= <wmb@example.gov.cn>\r\n");
    sb.append("Subject: ").append(words(subject)).append("\r\n");
    sb.append("Date: ").append(date).append("\r\n");
    sb.append("Message-ID: <").append(Math.abs(subject.hashCode())).append("@example.gov.cn>\r\n");
    sb.append("MIME-Version: 1.0\r\n");
    sb.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
    sb.append("--").append(boundary).append("\r\n");
    sb.append("Content-Type: text/plain; charset=UTF-8\r\n");
    sb.append("Content-Transfer-Encoding: base64\r\n\r\n");
    sb.append(wrap(base64(body))).append("\r\n");
    for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
      sb.append("--").append(boundary).append("\r\n");
      sb.append("Content-Type: application/octet-stream; name=\"")
          .append(words(a.getKey()))
          .append("\"\r\n");
      sb.append("Content-Disposition: attachment; filename=\"")
          .append(words(a.getKey()))
          .append("\"\r\n");
      sb.append("Content-Transfer-Encoding: base64\r\n\r\n");
      sb.append(wrap(Base64.getEncoder().encodeToString(a.getValue()))).append("\r\n");
    }
    sb.append("--").append(boundary).append("--\r\n");
    return sb.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * An Outlook message: subject, sender, recipients, plain body, transport headers carrying the
   * Date, and the attachments (name → content), written as the OLE2 streams Outlook uses.
   */
  public static byte[] msg(
      String subject,
      String senderName,
      String to,
      String date,
      String body,
      Map<String, byte[]> attachments)
      throws IOException {
    try (POIFSFileSystem fs = new POIFSFileSystem();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      DirectoryEntry root = fs.getRoot();
      unicode(root, "0037", subject); // PR_SUBJECT
      unicode(root, "0E1D", subject); // PR_NORMALIZED_SUBJECT
      unicode(root, "0C1A", senderName); // PR_SENDER_NAME
      unicode(root, "0042", senderName); // PR_SENT_REPRESENTING_NAME
      unicode(root, "0E04", to); // PR_DISPLAY_TO
      unicode(root, "1000", body); // PR_BODY
      unicode(root, "001A", "IPM.Note"); // PR_MESSAGE_CLASS
      unicode(
          root,
          "007D",
          "Date: " + date + "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"); // headers
      int i = 0;
      for (Map.Entry<String, byte[]> a : attachments.entrySet()) {
        DirectoryEntry dir = root.createDirectory(String.format("__attach_version1.0_#%08X", i++));
        unicode(dir, "3707", a.getKey()); // PR_ATTACH_LONG_FILENAME
        unicode(dir, "3001", a.getKey()); // PR_DISPLAY_NAME
        dir.createDocument("__substg1.0_37010102", new ByteArrayInputStream(a.getValue()));
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    }
  }

  private static void unicode(DirectoryEntry dir, String property, String value)
      throws IOException {
    dir.createDocument(
        "__substg1.0_" + property + "001F",
        new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_16LE)));
  }

  private static String words(String s) {
    return "=?UTF-8?B?" + base64(s) + "?=";
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String wrap(String base64) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < base64.length(); i += 76) {
      sb.append(base64, i, Math.min(base64.length(), i + 76)).append("\r\n");
    }
    return sb.toString();
  }
}
