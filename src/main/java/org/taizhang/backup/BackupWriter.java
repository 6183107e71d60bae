package org.taizhang.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.util.FileSystemUtils;
import org.taizhang.store.FileStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup of a live instance: every table read in one database snapshot, the original files
 * those rows refer to, and the configuration directory. Deletions from the file store wait from
 * before the snapshot until its files are copied, so nothing the snapshot refers to can go missing;
 * uploads go on and are simply not in this backup.
 */
final class BackupWriter {
  /**
   * H2's own isolation level: one snapshot of all tables (its REPEATABLE READ fixes each table at
   * first read).
   */
  private static final int H2_SNAPSHOT = 6;

  private static final int FETCH_SIZE = 100;

  private final DataSource dataSource;
  private final FileStore store;
  private final Path configDir;
  private final String schemaVersion;
  private final Set<String> excludedTables;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * @param schemaVersion the Flyway version of the database
   * @param excludedTables tables that are not the instance's data, such as Flyway's history
   */
  BackupWriter(
      DataSource dataSource,
      FileStore store,
      Path configDir,
      String schemaVersion,
      Set<String> excludedTables,
      Clock clock) {
    this.dataSource = dataSource;
    this.store = store;
    this.configDir = configDir;
    this.schemaVersion = schemaVersion;
    this.excludedTables = Set.copyOf(excludedTables);
    this.clock = clock;
  }

  private record Snapshot(
      Instant at,
      String database,
      List<BackupManifest.TableEntry> tables,
      Map<String, Long> objects) {}

  private record CopiedFiles(long count, long bytes, boolean hardLinks) {}

  private record Copied(Snapshot snapshot, CopiedFiles files) {}

  /**
   * Writes the backup into {@code target}, which must not exist or be empty; on failure removes
   * what it wrote.
   */
  BackupSummary write(Path target, StepProgress progress) throws IOException {
    long start = System.nanoTime();
    Path dir = target.toAbsolutePath().normalize();
    refuseUnusable(dir);
    boolean created = !Files.exists(dir);
    Files.createDirectories(dir);
    try {
      Copied copied =
          store.keepingObjects(
              () -> {
                Snapshot snapshot = dumpDatabase(dir.resolve("database"), progress);
                return new Copied(
                    snapshot,
                    copyObjects(
                        snapshot.objects(), dir.resolve("files").resolve("objects"), progress));
              });
      Snapshot s = copied.snapshot();
      CopiedFiles files = copied.files();
      List<BackupManifest.ConfigFile> config = copyConfig(dir.resolve("config"));
      BackupManifest manifest =
          new BackupManifest(
              BackupManifest.FORMAT,
              BackupManifest.FORMAT_VERSION,
              productVersion(),
              schemaVersion,
              s.at().toString(),
              s.database(),
              s.tables(),
              new BackupManifest.FilesEntry(files.count(), files.bytes()),
              config);
      writeManifest(dir, manifest);
      Map<String, Long> rows = new LinkedHashMap<>();
      s.tables().forEach(t -> rows.put(t.name(), t.rows()));
      return new BackupSummary(
          dir.toString(),
          manifest.createdAt(),
          manifest.productVersion(),
          schemaVersion,
          rows,
          rows.getOrDefault("document", 0L),
          files.count(),
          files.bytes(),
          config.size(),
          files.hardLinks(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      removePartial(dir, created);
      throw e;
    }
  }

  /**
   * A target that exists must be an empty directory; one inside the configuration would copy
   * itself.
   */
  private void refuseUnusable(Path dir) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new BackupException("备份目录 " + dir + " 已存在且不是目录");
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new BackupException("备份目录 " + dir + " 已存在且不为空：请指定一个新目录或空目录");
        }
      }
    }
    if (configDir != null && dir.startsWith(configDir.toAbsolutePath().normalize())) {
      throw new BackupException("备份目录不能位于配置目录 " + configDir.toAbsolutePath().normalize() + " 之内");
    }
  }

  // ---- database

  private Snapshot dumpDatabase(Path dir, StepProgress progress) throws IOException {
    Files.createDirectories(dir);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      int isolation = c.getTransactionIsolation();
      boolean readOnly = c.isReadOnly();
      String database =
          c.getMetaData().getDatabaseProductName()
              + " "
              + c.getMetaData().getDatabaseProductVersion();
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(
          database.startsWith("H2") ? H2_SNAPSHOT : Connection.TRANSACTION_REPEATABLE_READ);
      try {
        Instant at = clock.instant();
        List<Schema.Table> tables = Schema.read(c, excludedTables);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Schema.Table t : tables) {
          counts.put(t.name(), count(c, t));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long[] done = {0};
        List<BackupManifest.TableEntry> entries = new ArrayList<>();
        for (Schema.Table t : tables) {
          entries.add(dump(c, t, dir, () -> progress.update("备份数据库", ++done[0], total)));
          if (entries.get(entries.size() - 1).rows() != counts.get(t.name())) {
            throw BackupException.failed("表 " + t.name() + " 的行数在快照中发生变化，数据库未提供一致的快照", null);
          }
        }
        Map<String, Long> objects = referencedObjects(c, tables);
        c.commit();
        return new Snapshot(at, database, entries, objects);
      } catch (SQLException e) {
        throw BackupException.failed("读取数据库失败：" + e.getMessage(), e);
      } finally {
        c.rollback();
        c.setTransactionIsolation(isolation);
        c.setReadOnly(readOnly);
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw BackupException.failed("无法连接数据库：" + e.getMessage(), e);
    }
  }

  private static long count(Connection c, Schema.Table t) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("select count(*) from " + Schema.quote(t.name()));
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private BackupManifest.TableEntry dump(Connection c, Schema.Table t, Path dir, Runnable row)
      throws IOException, SQLException {
    String file = "database/" + t.name() + ".jsonl";
    Path path = dir.resolve(t.name() + ".jsonl");
    String columns =
        t.columns().stream().map(col -> Schema.quote(col.name())).collect(Collectors.joining(", "));
    String order =
        t.primaryKey().isEmpty()
            ? ""
            : " order by "
                + t.primaryKey().stream().map(Schema::quote).collect(Collectors.joining(", "));
    MessageDigest sha = Digests.sha256();
    long rows = 0;
    try (OutputStream raw = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW);
        BufferedWriter out =
            new BufferedWriter(
                new OutputStreamWriter(new DigestOutputStream(raw, sha), StandardCharsets.UTF_8),
                1 << 16);
        PreparedStatement ps =
            c.prepareStatement("select " + columns + " from " + Schema.quote(t.name()) + order)) {
      ps.setFetchSize(FETCH_SIZE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> values = new LinkedHashMap<>();
          for (int i = 0; i < t.columns().size(); i++) {
            Schema.Column col = t.columns().get(i);
            values.put(col.name(), col.type().read(rs, i + 1));
          }
          out.write(json.writeValueAsString(values));
          out.write('\n');
          rows++;
          row.run();
        }
      }
    }
    Digests.force(path);
    List<BackupManifest.ColumnEntry> types =
        t.columns().stream()
            .map(col -> new BackupManifest.ColumnEntry(col.name(), col.type()))
            .toList();
    return new BackupManifest.TableEntry(
        t.name(), file, rows, Files.size(path), Digests.hex(sha), types);
  }

  /** The original files the snapshot's documents refer to, with the size each row records. */
  private static Map<String, Long> referencedObjects(Connection c, List<Schema.Table> tables)
      throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    if (tables.stream().noneMatch(t -> t.name().equals("document"))) {
      return out;
    }
    try (PreparedStatement ps =
            c.prepareStatement("select sha256, max(size_bytes) from document group by sha256");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1).strip(), rs.getLong(2));
      }
    }
    return out;
  }

  // ---- files

  private CopiedFiles copyObjects(Map<String, Long> objects, Path dir, StepProgress progress)
      throws IOException {
    boolean link = true;
    long bytes = 0;
    long done = 0;
    for (Map.Entry<String, Long> o : objects.entrySet()) {
      String sha = o.getKey();
      Path from =
          store
              .find(sha)
              .orElseThrow(
                  () ->
                      BackupException.failed(
                          "文件库缺少文件 " + sha + "（数据库中有文档引用它），备份中止；请检查数据目录是否完整", null));
      Path to = dir.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
      Files.createDirectories(to.getParent());
      if (link) {
        try {
          Files.createLink(to, from);
        } catch (UnsupportedOperationException | FileSystemException e) {
          // another file system, or one without hard links: copies from here on
          link = false;
        }
      }
      String written = link ? Digests.sha256(to) : Digests.copy(from, to);
      long size = Files.size(to);
      if (!written.equals(sha) || size != o.getValue()) {
        throw BackupException.failed("文件库中的文件 " + sha + " 已损坏：内容与其 SHA-256 或记录的大小不符，备份中止", null);
      }
      bytes += size;
      progress.update("备份文件", ++done, objects.size());
    }
    return new CopiedFiles(objects.size(), bytes, link && !objects.isEmpty());
  }

  private List<BackupManifest.ConfigFile> copyConfig(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<BackupManifest.ConfigFile> out = new ArrayList<>();
    if (configDir == null || !Files.isDirectory(configDir)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(configDir)) {
      files =
          all.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList();
    }
    for (Path p : files) {
      Path relative = configDir.relativize(p);
      Path to = dir.resolve(relative.toString());
      Files.createDirectories(to.getParent());
      String sha = Digests.copy(p, to);
      out.add(
          new BackupManifest.ConfigFile(
              relative.toString().replace('\\', '/'), Files.size(to), sha));
    }
    return out;
  }

  // ---- manifest

  private void writeManifest(Path dir, BackupManifest manifest) throws IOException {
    Path part = dir.resolve(BackupManifest.FILE_NAME + ".part");
    Files.write(part, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
    Digests.force(part);
    Files.move(part, dir.resolve(BackupManifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
  }

  static String productVersion() {
    String v = BackupWriter.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  private static void removePartial(Path dir, boolean created) {
    try (Stream<Path> entries = created ? Stream.of(dir) : Files.list(dir)) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        FileSystemUtils.deleteRecursively(p);
      }
    } catch (IOException e) {
      // what is left has no manifest, so no restore will take it for a backup
    }
  }
}
