package org.taizhang.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Files as they arrive damaged or locked: PDFs cut short, Office files saved with a password. */
public final class DamagedFiles {
  /** The ways a PDF download or copy goes wrong that {@link #pdf} makes. */
  public static final String[] PDF_DAMAGE = {
    "cut in the middle", "no %%EOF", "broken xref", "stream cut short"
  };

  private DamagedFiles() {}

  /** {@code whole}, a PDF, damaged the way {@code how} (one of {@link #PDF_DAMAGE}) says. */
  public static byte[] pdf(byte[] whole, String how) {
    String s = new String(whole, StandardCharsets.ISO_8859_1);
    switch (how) {
      case "cut in the middle" -> {
        return Arrays.copyOf(whole, whole.length / 2);
      }
      case "no %%EOF" -> {
        // the last few bytes lost: everything up to the offset of the cross-reference section
        int eof = s.lastIndexOf("%%EOF");
        return Arrays.copyOf(whole, eof);
      }
      case "broken xref" -> {
        Matcher m = Pattern.compile("startxref\\s+(\\d+)").matcher(s);
        int offset = -1;
        while (m.find()) {
          offset = Integer.parseInt(m.group(1));
        }
        byte[] b = whole.clone();
        byte[] garbage = "\u0000garbage\u0000garbage".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(garbage, 0, b, offset, Math.min(garbage.length, b.length - offset));
        return b;
      }
      case "stream cut short" -> {
        // half of the first stream's bytes lost in the middle of the file, the rest intact
        int start = s.indexOf("stream") + "stream".length() + 1;
        int end = s.indexOf("endstream", start);
        int cut = Math.max(8, (end - start) / 2);
        byte[] b = new byte[whole.length - cut];
        System.arraycopy(whole, 0, b, 0, start);
        System.arraycopy(whole, start + cut, b, start, whole.length - start - cut);
        return b;
      }
      default -> throw new IllegalArgumentException(how);
    }
  }

  /**
   * A Word ({@code .docx}) or Excel ({@code .xlsx}) file saved with an open password: the OOXML
   * package encrypted inside an OLE2 container with EncryptionInfo, as Office writes it.
   */
  public static byte[] encryptedOffice(String name, String password) throws IOException {
    byte[] plain;
    if (name.endsWith(".xlsx")) {
      try (XSSFWorkbook wb = new XSSFWorkbook();
          ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        wb.createSheet("台账").createRow(0).createCell(0).setCellValue("加密的工作台账");
        wb.write(out);
        plain = out.toByteArray();
      }
    } else {
      plain = TestFiles.docx("加密的会议记录", "主持人：李明");
    }
    try (POIFSFileSystem fs = new POIFSFileSystem();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
      Encryptor encryptor = info.getEncryptor();
      encryptor.confirmPassword(password);
      try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(plain));
          OutputStream os = encryptor.getDataStream(fs)) {
        opc.save(os);
      }
      fs.writeFilesystem(out);
      return out.toByteArray();
    } catch (GeneralSecurityException | InvalidFormatException e) {
      throw new IOException(e);
    }
  }
}
