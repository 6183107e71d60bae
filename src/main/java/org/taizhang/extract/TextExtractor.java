package org.taizhang.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;

/**
 * Reads text and metadata from files with Apache Tika, within limits: at most {@code maxChars}
 * characters of text, Tika's zip-bomb guards, and a cap on image size. {@link #extract} does no
 * OCR, so reading a file costs milliseconds; {@link #recognize} reads a PDF again with Tesseract
 * OCR for the pages without a text layer (scans), which takes seconds a page and is done later, in
 * the background.
 *
 * <p>It parses on the caller's thread with no time limit of its own: the service runs it inside
 * {@link ParseWorker} processes, where {@link ParserPool} enforces time and memory limits by
 * killing the process.
 */
public final class TextExtractor {
  /** Formats units hand in: office documents, PDF, images, text and web pages. */
  private static final Set<String> SUPPORTED_PREFIXES = Set.of("image/", "text/");

  private static final Set<String> SUPPORTED_TYPES =
      Set.of(
          "application/pdf",
          "application/msword",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.ms-excel",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.ms-powerpoint",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "application/vnd.oasis.opendocument.text",
          "application/vnd.oasis.opendocument.spreadsheet",
          "application/vnd.oasis.opendocument.presentation",
          "application/rtf",
          "application/xhtml+xml",
          "application/vnd.wps-office.doc",
          "application/x-tika-msoffice",
          "application/x-tika-ooxml",
          OfdFiles.MEDIA_TYPE,
          "message/rfc822",
          "application/vnd.ms-outlook");

  /** What Tika calls an Office file saved with a password: an OLE2 box with EncryptionInfo. */
  private static final String PROTECTED_OOXML = "application/x-tika-ooxml-protected";

  /** Declines every embedded document. */
  private static final EmbeddedDocumentExtractor SKIP_ATTACHMENTS =
      new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
          return false;
        }

        @Override
        public void parseEmbedded(
            InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
          // never asked: shouldParseEmbedded declines
        }
      };

  /** Metadata key carrying the type {@link #extract} detected, to the top-level parse only. */
  private static final String DETECTED = "X-Taizhang-Detected-Type";

  /**
   * How scanned pages are read: Tesseract's languages ({@code chi_sim+eng}), the resolution pages
   * are rendered at, and the longest Tesseract may take over one page.
   */
  public record OcrSettings(String languages, int dpi, int pageTimeoutSeconds) {
    public static final OcrSettings DEFAULT = new OcrSettings("chi_sim+eng", 200, 120);
  }

  private final Parser parser;
  private final TikaConfig tika;
  private final int maxChars;
  private final long maxImagePixels;
  private final OcrSettings ocr;

  public TextExtractor(int maxChars, long maxImagePixels) {
    this(maxChars, maxImagePixels, OcrSettings.DEFAULT);
  }

  public TextExtractor(int maxChars, long maxImagePixels, OcrSettings ocr) {
    this.tika = TikaConfig.getDefaultConfig();
    AutoDetectParser auto = new AutoDetectParser(tika);
    // extract() has detected the file's type already; detecting it again (opening a zip to tell
    // Word from Excel, say) would cost a quarter of the parse. Embedded documents are still
    // detected.
    Detector detector = tika.getDetector();
    auto.setDetector(
        (in, metadata) -> {
          String known = metadata.get(DETECTED);
          return known != null ? MediaType.parse(known) : detector.detect(in, metadata);
        });
    this.parser = auto;
    this.maxChars = maxChars;
    this.maxImagePixels = maxImagePixels;
    this.ocr = ocr;
  }

  /**
   * Detects the media type from the content, with the file name only as a hint. Tika knows no OFD:
   * a zip with {@code OFD.xml} at its root is one, whatever its name.
   */
  public String detect(Path file, String fileName) throws IOException {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    String type;
    try (TikaInputStream in = TikaInputStream.get(file)) {
      type = tika.getDetector().detect(in, metadata).getBaseType().toString();
    }
    if (type.equals("application/zip") && OfdFiles.isOfd(file)) {
      return OfdFiles.MEDIA_TYPE;
    }
    return type;
  }

  public Extraction extract(Path file, String fileName) throws ExtractionException {
    return read(file, fileName, false);
  }

  /**
   * Reads a PDF with OCR for its pages that have (almost) no text layer; pages with text are read
   * as {@link #extract} reads them. Tesseract runs as a child process, one page at a time.
   */
  public Extraction recognize(Path file, String fileName) throws ExtractionException {
    return read(file, fileName, true);
  }

  private Extraction read(Path file, String fileName, boolean recognize)
      throws ExtractionException {
    String mediaType;
    try {
      mediaType = detect(file, fileName);
    } catch (IOException e) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE, "cannot read: " + e.getMessage(), e);
    }
    if (BundleUnpacker.ARCHIVES.contains(mediaType) && !recognize) {
      // A bundle is not read as one text: its members are unpacked and read one by one.
      return new Extraction(mediaType, "", false, null, DocumentMetadata.EMPTY);
    }
    if (mediaType.equals(PROTECTED_OOXML)) {
      throw new ExtractionException(
          ExtractionFailure.ENCRYPTED, "password-protected Office file", null);
    }
    if (!isSupported(mediaType)) {
      throw new ExtractionException(ExtractionFailure.UNSUPPORTED_TYPE, mediaType, null);
    }
    if (recognize && !mediaType.equals("application/pdf")) {
      throw new ExtractionException(
          ExtractionFailure.UNSUPPORTED_TYPE, "OCR reads PDFs only, not " + mediaType, null);
    }
    try {
      if (mediaType.equals("application/pdf")) {
        String incomplete = PdfIntegrity.incomplete(file);
        if (incomplete != null) {
          throw ExtractionException.incomplete(incomplete);
        }
      }
      if (mediaType.equals(OfdFiles.MEDIA_TYPE)) {
        return readOfd(file);
      }
      return parse(file, fileName, mediaType, recognize);
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      throw classify(e);
    }
  }

  static boolean isSupported(String mediaType) {
    return SUPPORTED_TYPES.contains(mediaType)
        || SUPPORTED_PREFIXES.stream().anyMatch(mediaType::startsWith);
  }

  private Extraction parse(Path file, String fileName, String mediaType, boolean recognize)
      throws Exception {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    metadata.set(DETECTED, mediaType);
    BodyContentHandler handler = new BodyContentHandler(maxChars);
    ParseContext context = new ParseContext();
    context.set(Parser.class, parser);
    context.set(EncodingDetector.class, new ChineseTextEncodingDetector());
    if (BundleUnpacker.MAIL.contains(mediaType)) {
      // A mail's attachments are documents of their own; the message's text is its body.
      context.set(EmbeddedDocumentExtractor.class, SKIP_ATTACHMENTS);
    }
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setExtractInlineImages(false);
    TesseractOCRConfig tesseract = new TesseractOCRConfig();
    if (recognize) {
      // AUTO: a page with text keeps its text; a page without (a scan) is rendered and OCRed.
      pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
      pdf.setOcrDPI(ocr.dpi());
      tesseract.setLanguage(ocr.languages());
      tesseract.setTimeoutSeconds(ocr.pageTimeoutSeconds());
      tesseract.setPreserveInterwordSpacing(true);
    } else {
      pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
      tesseract.setSkipOcr(true);
    }
    context.set(PDFParserConfig.class, pdf);
    context.set(TesseractOCRConfig.class, tesseract);
    boolean truncated = false;
    try (InputStream in = TikaInputStream.get(file)) {
      parser.parse(in, handler, metadata, context);
    } catch (Exception e) {
      if (WriteLimitReachedException.isWriteLimitReached(e)) {
        truncated = true;
      } else {
        throw e;
      }
    }
    checkImageSize(metadata);
    return new Extraction(
        mediaType,
        normalise(handler.toString()),
        truncated,
        pageCount(metadata),
        metadata(metadata));
  }

  private Extraction readOfd(Path file) throws ExtractionException, IOException {
    try (OfdFiles.Package ofd = OfdFiles.Package.open(file)) {
      String text = normalise(OfdFiles.text(ofd.reader(), maxChars));
      boolean truncated = text.length() > maxChars;
      return new Extraction(
          OfdFiles.MEDIA_TYPE,
          truncated ? text.substring(0, maxChars) : text,
          truncated,
          ofd.reader().getNumberOfPages(),
          OfdFiles.metadata(ofd.reader()));
    }
  }

  private void checkImageSize(Metadata m) throws ExtractionException {
    Long w = number(m, "tiff:ImageWidth");
    Long h = number(m, "tiff:ImageLength");
    if (w != null && h != null && w * h > maxImagePixels) {
      throw new ExtractionException(
          ExtractionFailure.IMAGE_TOO_LARGE, w + "×" + h + " pixels", null);
    }
  }

  private static ExtractionException classify(Throwable t) {
    if (t instanceof ExtractionException e) {
      return e;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof EncryptedDocumentException
          || c instanceof InvalidPasswordException
          || c.getClass().getName().equals("org.apache.poi.EncryptedDocumentException")) {
        return new ExtractionException(
            ExtractionFailure.ENCRYPTED, String.valueOf(c.getMessage()), t);
      }
      String msg = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      if (msg.contains("zip bomb")
          || msg.contains("suspected zip bomb")
          || msg.contains("max. ratio")) {
        return new ExtractionException(ExtractionFailure.ZIP_BOMB, c.getMessage(), t);
      }
      if (c instanceof OutOfMemoryError) {
        return new ExtractionException(
            ExtractionFailure.OUT_OF_MEMORY, "out of memory while parsing", t);
      }
    }
    return new ExtractionException(
        ExtractionFailure.CORRUPT_FILE, t.getClass().getSimpleName() + ": " + t.getMessage(), t);
  }

  /** Folds line endings and drops the runs of blank lines that office formats produce. */
  private static String normalise(String text) {
    return text.replace("\r\n", "\n")
        .replace('\r', '\n')
        .replaceAll("\n[ \t\u3000]*\n(?:[ \t\u3000]*\n)+", "\n\n")
        .strip();
  }

  private static Integer pageCount(Metadata m) {
    for (String key : new String[] {"xmpTPg:NPages", "meta:page-count", "Page-Count"}) {
      Long n = number(m, key);
      if (n != null) {
        return n.intValue();
      }
    }
    return null;
  }

  private static DocumentMetadata metadata(Metadata m) {
    String make = m.get("tiff:Make");
    String model = m.get("tiff:Model");
    String camera =
        make == null
            ? model
            : model == null ? make : model.startsWith(make) ? model : make + " " + model;
    return new DocumentMetadata(
        blankToNull(m.get(TikaCoreProperties.TITLE)),
        blankToNull(m.get(TikaCoreProperties.CREATOR)),
        time(m.get(TikaCoreProperties.CREATED), true),
        time(m.get("exif:DateTimeOriginal"), false),
        decimal(m.get("geo:lat")),
        decimal(m.get("geo:long")),
        blankToNull(camera));
  }

  /**
   * A time as the file writes it: in UTC with {@code utc} (document properties, where the offset is
   * known), else the wall-clock time written (EXIF, which has no zone).
   */
  private static LocalDateTime time(String value, boolean utc) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(value);
      return (utc ? t.withOffsetSameInstant(ZoneOffset.UTC) : t).toLocalDateTime();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(value.length() > 19 ? value.substring(0, 19) : value);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static Long number(Metadata m, String key) {
    String v = m.get(key);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v.replaceAll("[^0-9]", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Double decimal(String v) {
    try {
      return v == null ? null : Double.valueOf(v.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
