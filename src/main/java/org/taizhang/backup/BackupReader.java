package org.taizhang.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup directory opened for restoring. Opening checks what is cheap to check before anything is
 * written: the manifest, the SHA-256 and row count of every database file, and that every original
 * file a document refers to is present. Whether each file's content still matches its hash is
 * checked as it is copied.
 */
final class BackupReader {
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** An original file of the backup, with the first document that refers to it (for messages). */
  record ObjectRef(String sha256, long size, long documentId) {}

  private final Path dir;
  private final BackupManifest manifest;
  private final Map<String, ObjectRef> objects;
  private final JsonMapper json;

  private BackupReader(
      Path dir, BackupManifest manifest, Map<String, ObjectRef> objects, JsonMapper json) {
    this.dir = dir;
    this.manifest = manifest;
    this.objects = objects;
    this.json = json;
  }

  static BackupReader open(Path backupDir) {
    JsonMapper json = JsonMapper.builder().build();
    Path dir = backupDir.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new BackupException("备份目录不存在：" + dir);
    }
    Path file = dir.resolve(BackupManifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new BackupException(dir + " 中没有 manifest.json：不是备份目录，或备份没有完成");
    }
    BackupManifest manifest;
    try {
      manifest = json.readValue(file, BackupManifest.class);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new BackupException("备份清单 manifest.json 已损坏，无法读取：" + firstLine(e.getMessage()));
    }
    if (!BackupManifest.FORMAT.equals(manifest.format())) {
      throw new BackupException("manifest.json 不是台账备份的清单（format 应为 " + BackupManifest.FORMAT + "）");
    }
    if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
      throw new BackupException(
          "备份格式版本 "
              + manifest.formatVersion()
              + " 不受支持：本程序能恢复的版本为 "
              + BackupManifest.FORMAT_VERSION
              + "，请用写出该备份的台账版本（"
              + manifest.productVersion()
              + "）或更新的版本恢复");
    }
    if (manifest.schemaVersion() == null
        || manifest.files() == null
        || manifest.tables().isEmpty()) {
      throw new BackupException("备份清单 manifest.json 不完整：缺少数据库结构版本、表或文件清单");
    }
    Map<String, ObjectRef> objects = new TreeMap<>();
    for (BackupManifest.TableEntry t : manifest.tables()) {
      verifyTable(dir, t, json, t.name().equals("document") ? objects : null);
    }
    BackupReader reader =
        new BackupReader(dir, manifest, Collections.unmodifiableMap(objects), json);
    reader.verifyObjectsPresent();
    return reader;
  }

  /**
   * Checks a database file against the manifest; collects the originals its rows refer to into
   * {@code objects}, if given.
   */
  private static void verifyTable(
      Path dir, BackupManifest.TableEntry t, JsonMapper json, Map<String, ObjectRef> objects) {
    if (t.name() == null
        || !TABLE_NAME.matcher(t.name()).matches()
        || !("database/" + t.name() + ".jsonl").equals(t.file())) {
      throw new BackupException(
          "备份清单 manifest.json 已损坏：表名或文件名无效（" + t.name() + "，" + t.file() + "）");
    }
    Path file = dir.resolve(t.file());
    if (!Files.isRegularFile(file)) {
      throw new BackupException("备份不完整：缺少 " + t.file());
    }
    MessageDigest sha = Digests.sha256();
    long rows = 0;
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new DigestInputStream(Files.newInputStream(file), sha), StandardCharsets.UTF_8),
            1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        rows++;
        if (objects != null) {
          JsonNode row = json.readTree(line);
          String hash = row.path("sha256").asString("").strip();
          if (!SHA256.matcher(hash).matches()) {
            throw new BackupException("备份已损坏：" + t.file() + " 第 " + rows + " 行的 sha256 无效");
          }
          objects.putIfAbsent(
              hash, new ObjectRef(hash, row.path("size_bytes").asLong(), row.path("id").asLong()));
        }
      }
    } catch (IOException e) {
      throw new BackupException("无法读取 " + t.file() + "：" + e.getMessage());
    } catch (JacksonException e) {
      throw new BackupException("备份已损坏：" + t.file() + " 第 " + rows + " 行不是有效的 JSON");
    }
    if (!Digests.hex(sha).equals(t.sha256())) {
      throw new BackupException("备份已损坏：" + t.file() + " 的 SHA-256 与清单不符（文件被改动或不完整）");
    }
    if (rows != t.rows()) {
      throw new BackupException("备份已损坏：" + t.file() + " 有 " + rows + " 行，清单记录 " + t.rows() + " 行");
    }
  }

  private void verifyObjectsPresent() {
    long bytes = 0;
    for (ObjectRef o : objects.values()) {
      Path p = object(o.sha256());
      if (!Files.isRegularFile(p)) {
        throw new BackupException(
            "备份缺少文件 " + dir.relativize(p) + "（文档 " + o.documentId() + " 的原件）");
      }
      bytes += o.size();
    }
    if (objects.size() != manifest.files().count() || bytes != manifest.files().bytes()) {
      throw new BackupException(
          "备份与清单不符：文档引用 "
              + objects.size()
              + " 个文件（"
              + bytes
              + " 字节），清单记录 "
              + manifest.files().count()
              + " 个（"
              + manifest.files().bytes()
              + " 字节）");
    }
  }

  Path dir() {
    return dir;
  }

  BackupManifest manifest() {
    return manifest;
  }

  /** The originals the backup's documents refer to, by SHA-256. */
  Map<String, ObjectRef> objects() {
    return objects;
  }

  Path object(String sha256) {
    return dir.resolve("files")
        .resolve("objects")
        .resolve(sha256.substring(0, 2))
        .resolve(sha256.substring(2, 4))
        .resolve(sha256);
  }

  Path configDir() {
    return dir.resolve("config");
  }

  Optional<BackupManifest.TableEntry> table(String name) {
    return manifest.tables().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /**
   * The rows of a table in file order; the caller closes the iterator's source by exhausting it or
   * via {@link RowIterator#close}.
   */
  RowIterator rows(BackupManifest.TableEntry t) throws IOException {
    return new RowIterator(
        Files.newBufferedReader(dir.resolve(t.file()), StandardCharsets.UTF_8), json);
  }

  /** Rows of one database file, parsed one line at a time. */
  static final class RowIterator implements Iterator<JsonNode>, AutoCloseable {
    private final BufferedReader in;
    private final JsonMapper json;
    private String next;

    RowIterator(BufferedReader in, JsonMapper json) throws IOException {
      this.in = in;
      this.json = json;
      this.next = in.readLine();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public JsonNode next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      JsonNode row = json.readTree(next);
      try {
        next = in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return row;
    }

    List<JsonNode> remaining() {
      List<JsonNode> out = new ArrayList<>();
      forEachRemaining(out::add);
      return out;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
