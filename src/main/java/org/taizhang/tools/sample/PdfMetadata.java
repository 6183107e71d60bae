package org.taizhang.tools.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.GregorianCalendar;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/** Document information for generated PDFs, fixed so that two runs write identical bytes. */
final class PdfMetadata {

  static final String PRODUCER = "Taizhang sample archive generator";

  private PdfMetadata() {}

  /**
   * Sets title, author and dates from the planned file, and a trailer /ID derived from its path:
   * without one PDFBox derives the ID from the current time, and every run would differ.
   */
  static void apply(PDDocument doc, PlannedFile file, String title, String creator) {
    PDDocumentInformation info = doc.getDocumentInformation();
    if (title != null) {
      info.setTitle(title);
    }
    info.setAuthor(file.author());
    info.setCreator(creator);
    info.setProducer(PRODUCER);
    GregorianCalendar created = GregorianCalendar.from(file.created());
    info.setCreationDate(created);
    info.setModificationDate(created);

    byte[] id = Arrays.copyOf(sha256(file.relativePath()), 16);
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    doc.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
