package org.taizhang.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/**
 * The frames exchanged with a parser process over its standard input and output: a request names a
 * file and what to do with it (read it, render its thumbnail, or read it with OCR), a reply carries
 * the extraction, a plain "done", or the reason it failed. Several requests are in flight at once,
 * so each frame starts with the request's number and replies come back in whatever order parses
 * end. Strings are length-prefixed UTF-8 because extracted text can be far longer than {@code
 * writeUTF} allows.
 */
final class WorkerProtocol {
  /** Written once by a worker when its parsers are loaded. */
  static final int READY = 0x545A5057;

  private static final byte OK = 0;
  private static final byte FAILED = 1;
  private static final byte DONE = 2;
  private static final byte RECOGNIZED = 3;

  private WorkerProtocol() {}

  enum Kind {
    PARSE,
    THUMBNAIL,
    RECOGNIZE,
    /**
     * OCR of an image file; {@code name} is the engine ({@code auto}, {@code tesseract}, {@code
     * rapidocr}).
     */
    RECOGNIZE_IMAGE
  }

  /**
   * A file to read ({@code name} is the name it was handed in under), or to render to the PNG file
   * {@code target} ({@code name} is its media type).
   */
  record Request(Kind kind, String path, String name, String target) {}

  /** A request with the number its reply will carry. */
  record Numbered(long id, Request request) {}

  /** A worker's reply: an extraction, an image's recognised text, or a failure with its detail. */
  record Reply(
      Extraction extraction,
      ExtractionFailure failure,
      String detail,
      ImageRecognizer.Recognition recognition) {
    Reply(Extraction extraction, ExtractionFailure failure, String detail) {
      this(extraction, failure, detail, null);
    }

    ImageRecognizer.Recognition getRecognition() throws ExtractionException {
      get();
      return recognition;
    }

    Extraction get() throws ExtractionException {
      if (failure != null) {
        throw new ExtractionException(failure, detail, null);
      }
      return extraction;
    }
  }

  static void writeRequest(DataOutputStream out, long id, Request r) throws IOException {
    out.writeLong(id);
    out.writeByte(r.kind().ordinal());
    writeString(out, r.path());
    writeString(out, r.name());
    writeString(out, r.target());
    out.flush();
  }

  static Numbered readRequest(DataInputStream in) throws IOException {
    long id = in.readLong();
    return new Numbered(
        id,
        new Request(Kind.values()[in.readByte()], readString(in), readString(in), readString(in)));
  }

  static void writeDone(DataOutputStream out, long id) throws IOException {
    out.writeLong(id);
    out.writeByte(DONE);
  }

  static void writeResult(DataOutputStream out, long id, Extraction x) throws IOException {
    out.writeLong(id);
    out.writeByte(OK);
    writeString(out, x.mediaType());
    writeString(out, x.text());
    out.writeBoolean(x.truncated());
    out.writeInt(x.pageCount() == null ? -1 : x.pageCount());
    DocumentMetadata m = x.metadata();
    writeString(out, m.title());
    writeString(out, m.author());
    writeString(out, m.created() == null ? null : m.created().toString());
    writeString(out, m.takenAt() == null ? null : m.takenAt().toString());
    writeDouble(out, m.latitude());
    writeDouble(out, m.longitude());
    writeString(out, m.camera());
  }

  static void writeRecognition(DataOutputStream out, long id, ImageRecognizer.Recognition r)
      throws IOException {
    out.writeLong(id);
    out.writeByte(RECOGNIZED);
    writeString(out, r.text());
    writeString(out, r.engine());
    out.writeDouble(r.confidence());
    out.writeInt(r.rotation());
  }

  static void writeFailure(DataOutputStream out, long id, ExtractionFailure failure, String detail)
      throws IOException {
    out.writeLong(id);
    out.writeByte(FAILED);
    writeString(out, failure.name());
    writeString(out, detail);
  }

  /** Reads the reply that follows a request number (read by the caller with {@code readLong}). */
  static Reply readReply(DataInputStream in) throws IOException {
    byte kind = in.readByte();
    if (kind == FAILED) {
      return new Reply(null, ExtractionFailure.valueOf(readString(in)), readString(in));
    }
    if (kind == DONE) {
      return new Reply(null, null, null);
    }
    if (kind == RECOGNIZED) {
      return new Reply(
          null,
          null,
          null,
          new ImageRecognizer.Recognition(
              readString(in), readString(in), in.readDouble(), in.readInt()));
    }
    if (kind != OK) {
      throw new IOException("unexpected reply kind " + kind);
    }
    String mediaType = readString(in);
    String text = readString(in);
    boolean truncated = in.readBoolean();
    int pages = in.readInt();
    DocumentMetadata m =
        new DocumentMetadata(
            readString(in),
            readString(in),
            readTime(in),
            readTime(in),
            readDouble(in),
            readDouble(in),
            readString(in));
    return new Reply(
        new Extraction(mediaType, text, truncated, pages < 0 ? null : pages, m), null, null);
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private static LocalDateTime readTime(DataInputStream in) throws IOException {
    String s = readString(in);
    return s == null ? null : LocalDateTime.parse(s);
  }

  private static void writeDouble(DataOutputStream out, Double d) throws IOException {
    out.writeBoolean(d != null);
    if (d != null) {
      out.writeDouble(d);
    }
  }

  private static Double readDouble(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }
}
