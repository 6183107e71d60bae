package org.taizhang.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** Content hashes as the store names objects by them, and where such names lead. */
final class Hashes {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private Hashes() {}

  static boolean isSha256(String s) {
    return s != null && SHA256.matcher(s).matches();
  }

  /** Refuses anything but a lower-case SHA-256 hex digest, so no name reaches a path or a key. */
  static String checked(String sha256) {
    if (!isSha256(sha256)) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
    }
    return sha256;
  }

  /** {@code ab/cd/abcd…}: two levels of 256 folders keep each folder small. */
  static String spread(String sha256) {
    checked(sha256);
    return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
  }

  static Path spread(Path root, String sha256) {
    checked(sha256);
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void forceDirectory(Path dir) {
    // Makes a rename itself durable; not every platform allows opening a directory.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // best effort on platforms without directory fsync
    }
  }
}
