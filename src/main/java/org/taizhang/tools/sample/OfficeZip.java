package org.taizhang.tools.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an OOXML (DOCX/XLSX) package with every zip entry stamped with the document's own date.
 * POI stamps entries with the current time, so without this each run of the generator would produce
 * different bytes.
 */
final class OfficeZip {

  private OfficeZip() {}

  static byte[] withEntryTime(byte[] zip, LocalDateTime time) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTimeLocal(time);
        out.putNextEntry(copy);
        in.transferTo(out);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
