package org.taizhang.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, and copies that hash what they write and reach the disk before they count. */
final class Digests {
  private Digests() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  static String sha256(Path file) throws IOException {
    MessageDigest sha = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) != -1) {
        sha.update(buf, 0, n);
      }
    }
    return hex(sha);
  }

  /**
   * Copies {@code from} to the new file {@code to}, forces it to disk, and returns the SHA-256 of
   * what was written.
   */
  static String copy(Path from, Path to) throws IOException {
    MessageDigest sha = sha256();
    try (InputStream in = Files.newInputStream(from);
        OutputStream out =
            new DigestOutputStream(Files.newOutputStream(to, StandardOpenOption.CREATE_NEW), sha)) {
      in.transferTo(out);
    }
    force(to);
    return hex(sha);
  }

  static void force(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }
}
