package org.taizhang.extract;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

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
  private static final byte MEMBERS = 4;

  private WorkerProtocol() {}

  enum Kind {
    PARSE,
    THUMBNAIL,
    RECOGNIZE,
    /**
     * OCR of an image file; {@code name} is the engine ({@code auto}, {@code tesseract}, {@code
     * rapidocr}).
     */
    RECOGNIZE_IMAGE,
    /** Unpack a bundle or a mail's attachments into the directory {@code target}. */
    UNPACK,
    /** Draw every page of an OFD into the PDF file {@code target}. */
    OFD_PDF,
    /** An image as printed on a page: upright, at most print size, as JPEG to {@code target}. */
    PRINT_IMAGE
  }

  /**
   * A file to read ({@code name} is the name it was handed in under), or to render to the PNG file
   * {@code target} ({@code name} is its media type); {@code nice}: how much lower than the
   * service's the priority of the thread that asks is, and the file is read at.
   */
  record Request(Kind kind, String path, String name, String target, Unpack unpack, int nice) {
    Request(Kind kind, String path, String name, String target, Unpack unpack) {
      this(kind, path, name, target, unpack, 0);
    }

    Request(Kind kind, String path, String name, String target) {
      this(kind, path, name, target, null);
    }

    Request atNice(int nice) {
      return new Request(kind, path, name, target, unpack, nice);
    }
  }

  /** What an {@link Kind#UNPACK} request adds: the bundle's nesting level and the limits. */
  record Unpack(int depth, BundleLimits limits) {}

  /** A request with the number its reply will carry. */
  record Numbered(long id, Request request) {}

  /**
   * A worker's reply: an extraction, an image's recognised text, a bundle's members, or a failure.
   */
  record Reply(
      Extraction extraction,
      ExtractionFailure failure,
      String detail,
      ImageRecognizer.Recognition recognition,
      Unpacked unpacked) {
    Reply(Extraction extraction, ExtractionFailure failure, String detail) {
      this(extraction, failure, detail, null, null);
    }

    ImageRecognizer.Recognition getRecognition() throws ExtractionException {
      get();
      return recognition;
    }

    Unpacked getUnpacked() throws ExtractionException {
      get();
      return unpacked;
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
    out.writeByte(r.nice());
    writeString(out, r.path());
    writeString(out, r.name());
    writeString(out, r.target());
    if (r.kind() == Kind.UNPACK) {
      BundleLimits l = r.unpack().limits();
      out.writeInt(r.unpack().depth());
      out.writeInt(l.maxMembers());
      out.writeLong(l.maxTotalBytes());
      out.writeLong(l.maxMemberBytes());
      out.writeInt(l.maxRatio());
      out.writeInt(l.maxDepth());
    }
    out.flush();
  }

  static Numbered readRequest(DataInputStream in) throws IOException {
    long id = in.readLong();
    Kind kind = Kind.values()[in.readByte()];
    int nice = in.readByte();
    String path = readString(in);
    String name = readString(in);
    String target = readString(in);
    Unpack unpack = null;
    if (kind == Kind.UNPACK) {
      int depth = in.readInt();
      unpack =
          new Unpack(
              depth,
              new BundleLimits(
                  in.readInt(), in.readLong(), in.readLong(), in.readInt(), in.readInt()));
    }
    return new Numbered(id, new Request(kind, path, name, target, unpack, nice));
  }

  static void writeUnpacked(DataOutputStream out, long id, Unpacked u) throws IOException {
    out.writeLong(id);
    out.writeByte(MEMBERS);
    writeString(out, u.mediaType());
    writeString(out, u.subject());
    writeString(out, u.sender());
    writeString(out, u.recipients());
    writeString(out, u.sent() == null ? null : u.sent().toString());
    writeString(out, u.directory().toString());
    out.writeInt(u.members().size());
    for (Unpacked.Member m : u.members()) {
      writeString(out, m.path());
      writeString(out, m.file() == null ? null : m.file().toString());
      out.writeLong(m.size());
      writeString(out, m.failure() == null ? null : m.failure().name());
      writeString(out, m.detail());
    }
  }

  private static Unpacked readUnpacked(DataInputStream in) throws IOException {
    String mediaType = readString(in);
    String subject = readString(in);
    String sender = readString(in);
    String recipients = readString(in);
    String sent = readString(in);
    Path directory = Path.of(readString(in));
    int n = in.readInt();
    List<Unpacked.Member> members = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String path = readString(in);
      String file = readString(in);
      long size = in.readLong();
      String failure = readString(in);
      members.add(
          new Unpacked.Member(
              path,
              file == null ? null : Path.of(file),
              size,
              failure == null ? null : ExtractionFailure.valueOf(failure),
              readString(in)));
    }
    return new Unpacked(
        mediaType,
        subject,
        sender,
        recipients,
        sent == null ? null : Instant.parse(sent),
        members,
        directory);
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
              readString(in), readString(in), in.readDouble(), in.readInt()),
          null);
    }
    if (kind == MEMBERS) {
      return new Reply(null, null, null, null, readUnpacked(in));
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
