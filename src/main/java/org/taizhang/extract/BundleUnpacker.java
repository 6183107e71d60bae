package org.taizhang.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.PasswordRequiredException;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.dom.address.MailboxList;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.exceptions.ChunkNotFoundException;

/**
 * Unpacks a bundle — a ZIP or 7z archive, or the attachments of a mail (.eml, Outlook .msg) — into
 * a directory, within {@link BundleLimits}. Runs in the parser process: archives are untrusted, and
 * a decompressor that loops or exhausts memory must take down that process, not the service.
 *
 * <p>Member names never become paths: each member is written as {@code m<n>} in the directory the
 * service gave, so a name with {@code ../} or a leading {@code /} cannot write anywhere else; such
 * a member is refused ({@link ExtractionFailure#PATH_TRAVERSAL}) all the same, since no honest
 * archive holds one. Every byte written is counted against the member's and the bundle's limits as
 * it is written, whatever sizes the archive declares.
 *
 * <p>ZIP member names are decoded as UTF-8 when the entry says so (general-purpose flag bit 11) or
 * when the bytes are valid UTF-8, else as GB18030, the superset of the GBK that Windows' own zip
 * tool writes on a Chinese system.
 */
final class BundleUnpacker {
  static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-7z-compressed");
  static final Set<String> MAIL = Set.of("message/rfc822", "application/vnd.ms-outlook");

  private static final Charset GB18030 = Charset.forName("GB18030");

  /** Files that archivers and desktops add and nobody hands in. */
  private static final Set<String> JUNK = Set.of("thumbs.db", "desktop.ini", "__macosx");

  /** Memory a 7z decoder may take (its dictionary); larger ones are refused, not attempted. */
  private static final int SEVEN_Z_MEMORY_KIB = 256 * 1024;

  private final TextExtractor detector;
  private final BundleLimits limits;
  private final Path directory;
  private final List<Unpacked.Member> members = new ArrayList<>();
  private long totalBytes;
  private int written;
  private int files;

  BundleUnpacker(TextExtractor detector, BundleLimits limits, Path directory) {
    this.detector = detector;
    this.limits = limits;
    this.directory = directory;
  }

  /** Unpacks {@code file} (an archive or a mail at nesting level {@code depth}). */
  Unpacked unpack(Path file, String fileName, int depth) throws ExtractionException {
    String mediaType;
    try {
      mediaType = detector.detect(file, fileName);
    } catch (IOException e) {
      throw new ExtractionException(ExtractionFailure.CORRUPT_FILE, e.getMessage(), e);
    }
    try {
      Files.createDirectories(directory);
      if (MAIL.contains(mediaType)) {
        return mediaType.equals("message/rfc822")
            ? eml(file, mediaType, depth)
            : msg(file, mediaType, depth);
      }
      if (!ARCHIVES.contains(mediaType)) {
        throw new ExtractionException(ExtractionFailure.UNSUPPORTED_TYPE, mediaType, null);
      }
      archive(file, mediaType, "", depth);
      return new Unpacked(mediaType, null, null, null, null, members, directory);
    } catch (ExtractionException e) {
      throw e;
    } catch (PasswordRequiredException e) {
      throw new ExtractionException(ExtractionFailure.ENCRYPTED, e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new ExtractionException(
          ExtractionFailure.CORRUPT_FILE, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private void archive(Path file, String mediaType, String prefix, int depth)
      throws IOException, ExtractionException {
    if (mediaType.equals("application/zip")) {
      zip(file, prefix, depth);
    } else {
      sevenZ(file, prefix, depth);
    }
  }

  private void zip(Path file, String prefix, int depth) throws IOException, ExtractionException {
    try (ZipFile zip =
        ZipFile.builder()
            .setPath(file)
            .setCharset(StandardCharsets.ISO_8859_1)
            .setUseUnicodeExtraFields(false)
            .get()) {
      List<ZipArchiveEntry> entries =
          Collections.list((Enumeration<ZipArchiveEntry>) zip.getEntries());
      checkCount(written + entries.stream().filter(e -> !e.isDirectory()).count());
      for (ZipArchiveEntry e : entries) {
        if (e.isDirectory()) {
          continue;
        }
        String name = zipName(e);
        String path = prefix + displayPath(name);
        if (junk(path)) {
          continue;
        }
        if (traverses(name)) {
          refuse(path, ExtractionFailure.PATH_TRAVERSAL, name);
        } else if (e.isUnixSymlink()) {
          refuse(path, ExtractionFailure.NOT_A_FILE, "symbolic link");
        } else if (!zip.canReadEntryData(e)) {
          refuse(
              path,
              e.getGeneralPurposeBit().usesEncryption()
                  ? ExtractionFailure.ENCRYPTED
                  : ExtractionFailure.CORRUPT_FILE,
              "method " + e.getMethod());
        } else {
          long compressed = e.getCompressedSize() > 0 ? e.getCompressedSize() : 1;
          try (InputStream in = zip.getInputStream(e)) {
            member(in, path, compressed, depth);
          }
        }
      }
    }
  }

  private void sevenZ(Path file, String prefix, int depth) throws IOException, ExtractionException {
    try (SevenZFile seven =
        SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KIB).get()) {
      List<SevenZArchiveEntry> entries = new ArrayList<>();
      seven.getEntries().forEach(entries::add);
      checkCount(written + entries.stream().filter(e -> !e.isDirectory()).count());
      for (SevenZArchiveEntry e; (e = seven.getNextEntry()) != null; ) {
        if (e.isDirectory()) {
          continue;
        }
        String name = e.getName() == null ? "未命名" : e.getName();
        String path = prefix + displayPath(name);
        if (junk(path)) {
          continue;
        }
        if (traverses(name)) {
          refuse(path, ExtractionFailure.PATH_TRAVERSAL, name);
          continue;
        }
        // 7z compresses members together, so no member has a compressed size of its own: the
        // member and bundle limits bound it instead of the ratio.
        member(seven.getInputStream(e), path, Long.MAX_VALUE, depth);
      }
    }
  }

  private Unpacked eml(Path file, String mediaType, int depth)
      throws IOException, ExtractionException {
    DefaultMessageBuilder builder = new DefaultMessageBuilder();
    builder.setMimeEntityConfig(MimeConfig.PERMISSIVE);
    builder.setDecodeMonitor(DecodeMonitor.SILENT);
    Message message;
    try (InputStream in = Files.newInputStream(file)) {
      message = builder.parseMessage(in);
    }
    try {
      attachments(message, depth);
      Instant sent = message.getDate() == null ? null : message.getDate().toInstant();
      return new Unpacked(
          mediaType,
          blankToNull(message.getSubject()),
          mailboxes(message.getFrom()),
          addresses(message.getTo()),
          sent,
          members,
          directory);
    } finally {
      message.dispose();
    }
  }

  /** Every part with a file name, or marked as an attachment, and every forwarded message. */
  private void attachments(Entity entity, int depth) throws IOException, ExtractionException {
    Body body = entity.getBody();
    if (body instanceof Multipart multipart) {
      for (Entity part : multipart.getBodyParts()) {
        attachments(part, depth);
      }
      return;
    }
    String name = entity.getFilename();
    boolean attached = "attachment".equalsIgnoreCase(entity.getDispositionType());
    if (body instanceof Message forwarded) {
      String subject = blankToNull(forwarded.getSubject());
      written++;
      checkCount(written);
      Path target = next();
      try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
        new DefaultMessageWriter().writeMessage(forwarded, out);
      }
      String path = cleanName(name != null ? name : (subject == null ? "转发邮件" : subject) + ".eml");
      accept(path, target, Files.size(target), depth);
      return;
    }
    if (!(body instanceof SingleBody single) || (name == null && !attached)) {
      return; // the message's own text, read with the message
    }
    if (!attached
        && entity.getHeader().getField("Content-ID") != null
        && entity.getMimeType().startsWith("image/")) {
      return; // a picture in the body (a logo, a signature), not a document handed on
    }
    String path = cleanName(name == null ? "附件" : decodeWords(name));
    try (InputStream in = single.getInputStream()) {
      member(in, path, Long.MAX_VALUE, depth);
    }
  }

  private Unpacked msg(Path file, String mediaType, int depth)
      throws IOException, ExtractionException {
    try (MAPIMessage message = new MAPIMessage(file.toFile())) {
      message.guess7BitEncoding();
      AttachmentChunks[] attachments = message.getAttachmentFiles();
      checkCount(written + (long) attachments.length);
      for (AttachmentChunks a : attachments) {
        String name =
            a.getAttachLongFileName() != null
                ? a.getAttachLongFileName().getValue()
                : a.getAttachFileName() != null ? a.getAttachFileName().getValue() : "附件";
        String path = cleanName(name);
        if (a.getAttachContentId() != null
            && a.getAttachMimeTag() != null
            && a.getAttachMimeTag().getValue().startsWith("image/")) {
          continue; // a picture in the body (a logo, a signature), not a document handed on
        }
        byte[] data = a.getEmbeddedAttachmentObject();
        if (data == null) {
          refuse(
              path,
              ExtractionFailure.UNSUPPORTED_TYPE,
              a.getEmbeddedMessage() != null ? "embedded Outlook message" : "no data");
          continue;
        }
        member(new ByteArrayInputStream(data), path, Long.MAX_VALUE, depth);
      }
      Instant sent = null;
      try {
        sent = message.getMessageDate() == null ? null : message.getMessageDate().toInstant();
      } catch (ChunkNotFoundException e) {
        // no date property: the transport headers may still say
      }
      if (sent == null) {
        sent = headerDate(message);
      }
      return new Unpacked(
          mediaType,
          optional(message::getSubject),
          optional(message::getDisplayFrom),
          optional(message::getDisplayTo),
          sent,
          members,
          directory);
    }
  }

  /**
   * Writes one member and counts it; an archive among the members is unpacked in its place, one
   * level deeper, if the depth limit allows.
   */
  private void member(InputStream in, String path, long compressed, int depth)
      throws IOException, ExtractionException {
    written++;
    checkCount(written);
    Path target = next();
    long size = 0;
    long ratioCap =
        compressed > Long.MAX_VALUE / limits.maxRatio()
            ? Long.MAX_VALUE
            : Math.max(BundleLimits.RATIO_FLOOR, compressed * limits.maxRatio());
    ExtractionFailure failure = null;
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) != -1; ) {
        size += n;
        totalBytes += n;
        if (totalBytes > limits.maxTotalBytes()) {
          throw new ExtractionException(
              ExtractionFailure.BUNDLE_TOO_LARGE,
              "more than " + limits.maxTotalBytes() + " bytes unpacked",
              null);
        }
        if (size > limits.maxMemberBytes()) {
          failure = ExtractionFailure.FILE_TOO_LARGE;
          break;
        }
        if (size > ratioCap) {
          failure = ExtractionFailure.ZIP_BOMB;
          break;
        }
        out.write(buf, 0, n);
      }
    }
    if (failure != null) {
      Files.delete(target);
      members.add(
          new Unpacked.Member(
              path,
              null,
              size,
              failure,
              failure == ExtractionFailure.ZIP_BOMB
                  ? "more than " + limits.maxRatio() + " times its compressed size"
                  : "more than " + limits.maxMemberBytes() + " bytes"));
      return;
    }
    accept(path, target, size, depth);
  }

  private void accept(String path, Path target, long size, int depth)
      throws IOException, ExtractionException {
    String type = detector.detect(target, fileNameOf(path));
    if (!ARCHIVES.contains(type)) {
      members.add(new Unpacked.Member(path, target, size, null, null));
      return;
    }
    if (depth >= limits.maxDepth()) {
      Files.delete(target);
      members.add(
          new Unpacked.Member(
              path,
              null,
              size,
              ExtractionFailure.NESTING_TOO_DEEP,
              "archive at level " + (depth + 1) + ", limit " + limits.maxDepth()));
      return;
    }
    try {
      archive(target, type, path + "/", depth + 1);
    } catch (PasswordRequiredException e) {
      members.add(new Unpacked.Member(path, null, size, ExtractionFailure.ENCRYPTED, null));
    } catch (IOException | RuntimeException e) {
      members.add(
          new Unpacked.Member(path, null, size, ExtractionFailure.CORRUPT_FILE, e.getMessage()));
    } finally {
      Files.deleteIfExists(target);
    }
  }

  private void refuse(String path, ExtractionFailure failure, String detail)
      throws ExtractionException {
    written++;
    checkCount(written);
    members.add(new Unpacked.Member(path, null, 0, failure, detail));
  }

  private void checkCount(long count) throws ExtractionException {
    if (count > limits.maxMembers()) {
      throw new ExtractionException(
          ExtractionFailure.TOO_MANY_MEMBERS, count + " files, limit " + limits.maxMembers(), null);
    }
  }

  private Path next() {
    return directory.resolve("m" + ++files);
  }

  private static String zipName(ZipArchiveEntry e) {
    byte[] raw = e.getRawName();
    if (e.getGeneralPurposeBit().usesUTF8ForNames()) {
      return new String(raw, StandardCharsets.UTF_8);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(raw, GB18030);
    }
  }

  /** A name climbing out of the bundle: {@code ..} as a component, a leading slash, a drive. */
  static boolean traverses(String name) {
    String n = name.replace('\\', '/');
    if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String part : n.split("/")) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** The name with {@code /} between folders, empty and {@code .} components dropped. */
  private static String displayPath(String name) {
    List<String> parts = new ArrayList<>();
    for (String part : name.replace('\\', '/').split("/")) {
      String p = part.strip();
      if (!p.isEmpty() && !p.equals(".")) {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? "未命名" : String.join("/", parts);
  }

  private static boolean junk(String path) {
    for (String part : path.split("/")) {
      if ((part.startsWith(".") && !part.equals(".."))
          || JUNK.contains(part.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** An attachment's name as a path of one component. */
  private static String cleanName(String name) {
    String n = name.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).strip();
    return n.isEmpty() || n.equals("..") || n.equals(".") ? "附件" : n;
  }

  private static String fileNameOf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The Date of the message's transport headers; none is invented when there is none. */
  private static Instant headerDate(MAPIMessage message) {
    try {
      String[] headers = message.getHeaders();
      for (String h : headers == null ? new String[0] : headers) {
        if (h.regionMatches(true, 0, "Date:", 0, 5)) {
          return ZonedDateTime.parse(h.substring(5).strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
              .toInstant();
        }
      }
    } catch (ChunkNotFoundException | DateTimeParseException e) {
      // no date
    }
    return null;
  }

  private static String decodeWords(String s) {
    return s.contains("=?") ? DecoderUtil.decodeEncodedWords(s, DecodeMonitor.SILENT) : s;
  }

  private static String mailboxes(MailboxList list) {
    if (list == null || list.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Mailbox m : list) {
      out.add(mailbox(m));
    }
    return String.join("，", out);
  }

  private static String addresses(AddressList list) {
    if (list == null || list.isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Address a : list) {
      out.add(a instanceof Mailbox m ? mailbox(m) : a.toString());
    }
    return String.join("，", out);
  }

  private static String mailbox(Mailbox m) {
    return m.getName() == null || m.getName().isBlank()
        ? m.getAddress()
        : m.getName() + " <" + m.getAddress() + ">";
  }

  private interface ChunkValue {
    String get() throws ChunkNotFoundException;
  }

  private static String optional(ChunkValue value) {
    try {
      return blankToNull(value.get());
    } catch (ChunkNotFoundException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
