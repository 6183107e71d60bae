package org.taizhang.tools.sample;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.taizhang.pdf.ExportFont;

/** Writes planned files in their formats and stamps each with its document date. */
final class ArchiveFileWriter {

  static final Charset GB18030 = Charset.forName("GB18030");

  private final PdfDocumentWriter pdf;
  private final ScannedPdfWriter scanned;
  private final DocxDocumentWriter docx = new DocxDocumentWriter();
  private final SignInSheetWriter signIn = new SignInSheetWriter();
  private final PhotoWriter photo;

  ArchiveFileWriter(ExportFont.Handle fonts) {
    this.pdf = new PdfDocumentWriter(fonts);
    this.scanned = new ScannedPdfWriter(fonts);
    this.photo = new PhotoWriter(fonts);
  }

  /** Writes the file below {@code root} and returns its size in bytes. */
  long write(Path root, PlannedFile file) throws IOException {
    Path target =
        root.resolve(file.unitCode())
            .resolve(Integer.toString(file.year()))
            .resolve(file.category())
            .resolve(file.fileName());
    Files.createDirectories(target.getParent());
    PlannedFile.Content content = file.content();
    if (content instanceof PlannedFile.TextDocument doc) {
      switch (doc.format()) {
        case PDF -> pdf.write(file, doc.document(), target);
        case SCANNED_PDF -> scanned.write(file, doc.document(), target);
        case DOCX -> docx.write(file, doc.document(), target);
        case TXT_UTF8 ->
            Files.writeString(target, doc.document().plainText(), StandardCharsets.UTF_8);
        // Notepad-era files also have Windows line endings.
        case TXT_GB18030 ->
            Files.write(target, doc.document().plainText().replace("\n", "\r\n").getBytes(GB18030));
      }
    } else if (content instanceof PlannedFile.SignInSheet sheet) {
      signIn.write(file, sheet, target);
    } else if (content instanceof PlannedFile.Photo picture) {
      photo.write(picture, target);
    } else {
      throw new IllegalArgumentException("unknown content " + content);
    }
    Files.setLastModifiedTime(target, FileTime.from(file.created().toInstant()));
    return Files.size(target);
  }
}
