package org.taizhang.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Small files of every kind the tests hand to the service, good and bad, made on the fly. */
public final class TestFiles {
  private TestFiles() {}

  public static byte[] text(String s, Charset charset) {
    return s.getBytes(charset);
  }

  public static byte[] utf8(String s) {
    return text(s, StandardCharsets.UTF_8);
  }

  /** A Word document whose paragraphs are the given lines. */
  public static byte[] docx(String... paragraphs) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String p : paragraphs) {
        doc.createParagraph().createRun().setText(p);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  /** A one-page PDF with Latin text (the standard fonts need no embedding). */
  public static byte[] pdf(String latinText, String userPassword) throws IOException {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText(latinText);
        cs.endText();
      }
      if (userPassword != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy(
                "owner-" + userPassword, userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** The first part of a valid PDF: the header is right, the rest is missing. */
  public static byte[] truncatedPdf() throws IOException {
    byte[] whole = pdf("Truncated ledger page", null);
    byte[] cut = new byte[whole.length / 3];
    System.arraycopy(whole, 0, cut, 0, cut.length);
    return cut;
  }

  /**
   * A .docx whose document part inflates from a few kilobytes to {@code megabytes} MB: the shape of
   * a zip bomb disguised as a Word file.
   */
  public static byte[] zipBombDocx(int megabytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      startDocumentPart(zip);
      zip.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
              .getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1024 * 1024];
      Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < megabytes; i++) {
        zip.write(block);
      }
      zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /**
   * A .docx that is no zip bomb — its parts compress no better than ordinary text — but whose
   * document part holds {@code paragraphs} paragraphs: Word's parser builds the whole part in
   * memory, so a few megabytes on disk need a heap many times that and many seconds to read.
   */
  public static byte[] heavyDocx(int paragraphs) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      startDocumentPart(zip);
      zip.write(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
              .getBytes(StandardCharsets.UTF_8));
      Random random = new Random(11);
      StringBuilder p = new StringBuilder();
      for (int i = 0; i < paragraphs; i++) {
        p.setLength(0);
        p.append("<w:p><w:r><w:t>第").append(i).append("条 ");
        for (int c = 0; c < 12; c++) {
          p.appendCodePoint(0x4E00 + random.nextInt(0x5000));
        }
        p.append("</w:t></w:r></w:p>");
        zip.write(p.toString().getBytes(StandardCharsets.UTF_8));
      }
      zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** The parts every Word package needs, then the opened document part for the caller to fill. */
  private static void startDocumentPart(ZipOutputStream zip) throws IOException {
    put(
        zip,
        "[Content_Types].xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
    put(
        zip,
        "_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
    zip.putNextEntry(new ZipEntry("word/document.xml"));
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** Bytes no parser recognises. */
  public static byte[] binaryNoise(int size) {
    byte[] b = new byte[size];
    new Random(42).nextBytes(b);
    b[0] = 0x00;
    b[1] = (byte) 0xFE;
    return b;
  }

  /**
   * A small photo: a sky, a field and a red banner whose colours follow {@code seed}, so that
   * photos of different seeds differ in content. With {@code taken} the JPEG carries it as EXIF
   * DateTimeOriginal with a camera make and model, as a phone writes it; without, no EXIF at all.
   */
  public static byte[] jpeg(int seed, LocalDateTime taken) throws IOException {
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Random random = new Random(seed);
    g.setColor(new Color(90 + random.nextInt(60), 150 + random.nextInt(60), 220));
    g.fillRect(0, 0, 320, 140);
    g.setColor(new Color(60 + random.nextInt(40), 130 + random.nextInt(40), 60));
    g.fillRect(0, 140, 320, 100);
    g.setColor(new Color(190 + random.nextInt(40), 20, 30));
    g.fillRect(40 + random.nextInt(40), 40 + random.nextInt(30), 200, 36);
    for (int i = 0; i < 6; i++) {
      g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
      g.fillOval(20 + i * 48, 150 + random.nextInt(30), 26, 60);
    }
    g.dispose();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", plain);
    if (taken == null) {
      return plain.toByteArray();
    }
    String time = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss").format(taken);
    TiffOutputSet set = new TiffOutputSet();
    var root = set.getOrCreateRootDirectory();
    root.add(TiffTagConstants.TIFF_TAG_MAKE, "HUAWEI");
    root.add(TiffTagConstants.TIFF_TAG_MODEL, "P60");
    root.add(TiffTagConstants.TIFF_TAG_DATE_TIME, time);
    var exif = set.getOrCreateExifDirectory();
    exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, time);
    exif.add(ExifTagConstants.EXIF_TAG_DATE_TIME_DIGITIZED, time);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, set);
    return out.toByteArray();
  }
}
