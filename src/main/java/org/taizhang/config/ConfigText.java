package org.taizhang.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reading the configuration files offices edit: strict UTF-8 (a byte order mark is dropped), and
 * their fingerprints.
 */
public final class ConfigText {
  private ConfigText() {}

  /** The file's bytes; a missing or unreadable file is a {@link ConfigException} naming it. */
  public static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file, 0, "文件不存在");
    } catch (IOException e) {
      throw new ConfigException(file, 0, "无法读取：" + e.getMessage());
    }
  }

  /**
   * The text of a file's bytes: UTF-8 only, since GBK text would silently turn into other
   * characters.
   */
  public static String decode(Path file, byte[] bytes) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new ConfigException(file, 0, "不是 UTF-8 编码，请以 UTF-8 保存");
    }
  }

  public static String read(Path file) {
    return decode(file, bytes(file));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }
}
