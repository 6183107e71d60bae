package org.taizhang.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.util.FileSystemUtils;
import org.taizhang.store.FileStore;
import org.taizhang.store.StagedFile;
import tools.jackson.databind.JsonNode;

/**
 * Rebuilds an instance from a backup, offline, into an empty data directory and an empty database:
 * the original files first (each checked against its hash), then the schema up to the backup's
 * version, the rows in foreign-key order, identity counters past the highest id, the remaining
 * migrations, and the configuration directory if the target has none. The search index is rebuilt
 * afterwards by the caller, from the restored database.
 */
final class Restorer {
  private static final int BATCH = 200;

  /**
   * What a finished restore did; {@code configNote} says what happened to the configuration
   * directory.
   */
  record Outcome(
      long rows,
      long documents,
      long files,
      long fileBytes,
      boolean configRestored,
      String configNote) {}

  private record CopiedFiles(long count, long bytes) {}

  private record ConfigOutcome(boolean restored, String note) {}

  private final BackupReader backup;
  private final DataSource dataSource;
  private final Flyway flyway;
  private final Path dataDir;
  private final Path filesDir;
  private final Function<Path, FileStore> openStore;
  private final Path configDir;
  private final StepProgress progress;
  private boolean databaseTouched;

  /**
   * @param flyway configured as the service configures it; this migrates in two steps around the
   *     load
   */
  Restorer(
      BackupReader backup,
      DataSource dataSource,
      Flyway flyway,
      Path dataDir,
      Path filesDir,
      Path configDir,
      StepProgress progress) {
    this(backup, dataSource, flyway, dataDir, filesDir, configDir, progress, FileStore::new);
  }

  /**
   * @param openStore opens the store the instance is configured with on {@code filesDir}; called
   *     only once the data directory was found empty
   */
  Restorer(
      BackupReader backup,
      DataSource dataSource,
      Flyway flyway,
      Path dataDir,
      Path filesDir,
      Path configDir,
      StepProgress progress,
      Function<Path, FileStore> openStore) {
    this.openStore = openStore;
    this.backup = backup;
    this.dataSource = dataSource;
    this.flyway = flyway;
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.filesDir = filesDir;
    this.configDir = configDir.toAbsolutePath().normalize();
    this.progress = progress;
  }

  /**
   * Whether the database may hold part of the restore, so a failed one needs the operator to empty
   * it.
   */
  boolean databaseTouched() {
    return databaseTouched;
  }

  /**
   * Refuses a data directory that is not empty; checked before anything opens the database, which
   * may live inside it.
   */
  static void refuseUsedDataDirectory(Path directory) {
    Path dataDir = directory.toAbsolutePath().normalize();
    if (Files.isDirectory(dataDir)) {
      try (Stream<Path> entries = Files.list(dataDir)) {
        if (entries.findAny().isEmpty()) {
          return;
        }
      } catch (IOException e) {
        throw new BackupException("无法读取数据目录 " + dataDir + "：" + e.getMessage());
      }
    } else if (!Files.exists(dataDir)) {
      return;
    }
    throw new BackupException(
        "数据目录 "
            + dataDir
            + " 不是空的：恢复只写入新的空数据目录，以免覆盖现有数据。"
            + "请用 --taizhang.data-dir=… 指定一个新目录，或先移走其中的内容");
  }

  Outcome run() throws IOException {
    refuseUsedDataDirectory(dataDir);
    refuseUsedDatabase();
    MigrationVersion version = refuseNewerSchema();
    CopiedFiles files = restoreObjects();
    databaseTouched = true;
    Flyway.configure(flyway.getConfiguration().getClassLoader())
        .configuration(flyway.getConfiguration())
        .target(version)
        .load()
        .migrate();
    long rows = loadTables();
    flyway.migrate();
    ConfigOutcome config = restoreConfig();
    long documents = backup.table("document").map(BackupManifest.TableEntry::rows).orElse(0L);
    return new Outcome(
        rows, documents, files.count(), files.bytes(), config.restored(), config.note());
  }

  // ---- refusals

  private void refuseUsedDatabase() {
    try (Connection c = dataSource.getConnection()) {
      List<String> tables = Schema.tableNames(c);
      if (!tables.isEmpty()) {
        String shown =
            tables.stream().limit(6).collect(Collectors.joining("、"))
                + (tables.size() > 6 ? " 等" : "");
        throw new BackupException(
            "数据库不是空的（已有表 "
                + shown
                + "）：恢复只写入空数据库，以免覆盖现有数据。"
                + "请新建一个空数据库（或 schema），用 --spring.datasource.url=… 指向它后再恢复");
      }
    } catch (SQLException e) {
      throw new BackupException("无法连接数据库：" + e.getMessage());
    }
  }

  private MigrationVersion refuseNewerSchema() {
    MigrationVersion wanted;
    try {
      wanted = MigrationVersion.fromVersion(backup.manifest().schemaVersion());
    } catch (RuntimeException e) {
      throw new BackupException("备份清单中的数据库结构版本无效：" + backup.manifest().schemaVersion());
    }
    MigrationVersion latest =
        Arrays.stream(flyway.info().all())
            .map(MigrationInfo::getVersion)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(MigrationVersion.EMPTY);
    if (wanted.compareTo(latest) > 0) {
      throw new BackupException(
          "备份来自更新的台账版本（"
              + backup.manifest().productVersion()
              + "，数据库结构版本 "
              + wanted.getVersion()
              + "），本程序只到结构版本 "
              + latest.getVersion()
              + "：请先升级程序再恢复");
    }
    return wanted;
  }

  // ---- files

  /**
   * Copies every original into the file store, checking each against its name; on a mismatch
   * removes them all from a local store. A bucket keeps what was written, unreferenced: the
   * start-up sweep removes it once it is older than the grace period.
   */
  private CopiedFiles restoreObjects() throws IOException {
    long done = 0;
    long bytes = 0;
    int total = backup.objects().size();
    try (FileStore store = openStore.apply(filesDir)) {
      for (BackupReader.ObjectRef o : backup.objects().values()) {
        Path from = backup.object(o.sha256());
        StagedFile staged;
        try (InputStream in = Files.newInputStream(from)) {
          staged = store.stage(in, Long.MAX_VALUE);
        }
        if (!staged.sha256().equals(o.sha256()) || staged.size() != o.size()) {
          staged.close();
          throw new BackupException(
              "备份中的文件 "
                  + backup.dir().relativize(from)
                  + " 已损坏或被改动：内容与其 SHA-256"
                  + "（或文档记录的大小）不符，恢复中止");
        }
        store.commit(staged);
        bytes += staged.size();
        progress.update("恢复文件", ++done, total);
      }
    } catch (IOException | RuntimeException e) {
      deleteTree(filesDir);
      throw e;
    }
    return new CopiedFiles(done, bytes);
  }

  // ---- database

  private long loadTables() {
    long total =
        backup.manifest().tables().stream().mapToLong(BackupManifest.TableEntry::rows).sum();
    long[] done = {0};
    try (Connection c = dataSource.getConnection()) {
      List<Schema.Table> tables =
          Schema.read(c, Schema.notData(flyway.getConfiguration().getTable()));
      Set<String> inDatabase =
          tables.stream().map(Schema.Table::name).collect(Collectors.toCollection(TreeSet::new));
      Set<String> inBackup =
          backup.manifest().tables().stream()
              .map(BackupManifest.TableEntry::name)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!inDatabase.equals(inBackup)) {
        throw new BackupException(
            "备份中的表（"
                + String.join("、", inBackup)
                + "）与结构版本 "
                + backup.manifest().schemaVersion()
                + " 的表（"
                + String.join("、", inDatabase)
                + "）不符");
      }
      c.setAutoCommit(false);
      for (Schema.Table t : tables) {
        load(
            c,
            t,
            backup.table(t.name()).orElseThrow(),
            () -> progress.update("恢复数据库", ++done[0], total));
      }
      c.commit();
      c.setAutoCommit(true);
      // after the commit: H2 commits on DDL, and counters must move only once the rows are in
      for (Schema.Table t : tables) {
        restartIdentity(c, t);
      }
    } catch (SQLException e) {
      throw new BackupException("写入数据库失败：" + e.getMessage());
    } catch (IOException e) {
      throw new BackupException("读取备份失败：" + e.getMessage());
    }
    return done[0];
  }

  private void load(Connection c, Schema.Table t, BackupManifest.TableEntry entry, Runnable row)
      throws SQLException, IOException {
    List<BackupManifest.ColumnEntry> columns = entry.columns();
    List<Schema.Column> targets = new ArrayList<>();
    for (BackupManifest.ColumnEntry col : columns) {
      targets.add(
          t.column(col.name())
              .orElseThrow(
                  () ->
                      new BackupException(
                          "备份中表 " + t.name() + " 的列 " + col.name() + " 在数据库中不存在：备份与程序的数据库结构不符")));
    }
    String sql =
        "insert into "
            + Schema.quote(t.name())
            + " ("
            + columns.stream()
                .map(col -> Schema.quote(col.name()))
                .collect(Collectors.joining(", "))
            + ") values ("
            + columns.stream().map(col -> "?").collect(Collectors.joining(", "))
            + ")";
    try (BackupReader.RowIterator rows = backup.rows(entry);
        PreparedStatement ps = c.prepareStatement(sql)) {
      Iterable<JsonNode> ordered =
          t.selfReferences().isEmpty() ? () -> rows : parentsFirst(rows.remaining(), t);
      int pending = 0;
      for (JsonNode r : ordered) {
        for (int i = 0; i < columns.size(); i++) {
          BackupManifest.ColumnEntry col = columns.get(i);
          col.type().bind(ps, i + 1, r.get(col.name()), targets.get(i).jdbcType());
        }
        ps.addBatch();
        row.run();
        if (++pending == BATCH) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
  }

  /**
   * Rows of a table that refers to itself, ordered so that every referenced row comes before the
   * rows referring to it.
   */
  private static List<JsonNode> parentsFirst(List<JsonNode> rows, Schema.Table t) {
    Map<String, Map<String, JsonNode>> byReferenced = new HashMap<>();
    for (Schema.SelfReference ref : t.selfReferences()) {
      Map<String, JsonNode> index =
          byReferenced.computeIfAbsent(ref.referenced(), k -> new HashMap<>());
      rows.forEach(r -> index.put(r.path(ref.referenced()).asString(""), r));
    }
    Set<JsonNode> placed = Collections.newSetFromMap(new IdentityHashMap<>());
    List<JsonNode> out = new ArrayList<>(rows.size());
    for (JsonNode r : rows) {
      place(r, t, byReferenced, placed, out);
    }
    return out;
  }

  private static void place(
      JsonNode r,
      Schema.Table t,
      Map<String, Map<String, JsonNode>> byReferenced,
      Set<JsonNode> placed,
      List<JsonNode> out) {
    if (!placed.add(r)) {
      return;
    }
    for (Schema.SelfReference ref : t.selfReferences()) {
      JsonNode value = r.get(ref.column());
      if (value != null && !value.isNull()) {
        JsonNode parent = byReferenced.get(ref.referenced()).get(value.asString(""));
        if (parent != null) {
          place(parent, t, byReferenced, placed, out);
        }
      }
    }
    out.add(r);
  }

  private static void restartIdentity(Connection c, Schema.Table t) throws SQLException {
    if (t.identity().isEmpty()) {
      return;
    }
    String column = Schema.quote(t.identity().get().name());
    long next;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("select max(" + column + ") from " + Schema.quote(t.name()))) {
      rs.next();
      next = rs.getLong(1) + 1;
    }
    try (Statement s = c.createStatement()) {
      s.execute(
          "alter table "
              + Schema.quote(t.name())
              + " alter column "
              + column
              + " restart with "
              + next);
    }
  }

  // ---- configuration

  /**
   * Restores the configuration into an absent or empty directory; otherwise says whether it differs
   * from the backup's.
   */
  private ConfigOutcome restoreConfig() throws IOException {
    List<BackupManifest.ConfigFile> files = backup.manifest().config();
    boolean empty = !Files.exists(configDir);
    if (!empty && Files.isDirectory(configDir)) {
      try (Stream<Path> entries = Files.list(configDir)) {
        empty = entries.findAny().isEmpty();
      }
    }
    if (empty) {
      for (BackupManifest.ConfigFile f : files) {
        Path to = configDir.resolve(f.path()).normalize();
        if (!to.startsWith(configDir)) {
          throw new BackupException("备份清单中的配置文件路径无效：" + f.path());
        }
        Files.createDirectories(to.getParent());
        String sha = Digests.copy(backup.configDir().resolve(f.path()), to);
        if (!sha.equals(f.sha256())) {
          throw new BackupException("备份中的配置文件 config/" + f.path() + " 已损坏或被改动：SHA-256 与清单不符");
        }
      }
      return new ConfigOutcome(true, "配置目录 " + configDir + " 已由备份恢复（" + files.size() + " 个文件）");
    }
    Map<String, String> inBackup = new TreeMap<>();
    files.forEach(f -> inBackup.put(f.path(), f.sha256()));
    Map<String, String> present = new TreeMap<>();
    try (Stream<Path> all = Files.walk(configDir)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        present.put(configDir.relativize(p).toString().replace('\\', '/'), Digests.sha256(p));
      }
    }
    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, String> e : inBackup.entrySet()) {
      String here = present.get(e.getKey());
      if (here == null) {
        differences.add(e.getKey() + "（此处没有）");
      } else if (!here.equals(e.getValue())) {
        differences.add(e.getKey() + "（内容不同）");
      }
    }
    present.keySet().stream()
        .filter(k -> !inBackup.containsKey(k))
        .forEach(k -> differences.add(k + "（备份中没有）"));
    String note =
        differences.isEmpty()
            ? "配置目录 " + configDir + " 已有内容，未覆盖；与备份中的配置一致"
            : "配置目录 "
                + configDir
                + " 已有内容，未覆盖；与备份中的配置不同："
                + String.join("、", differences)
                + "。备份中的配置在 "
                + backup.configDir();
    return new ConfigOutcome(false, note);
  }

  static void deleteTree(Path dir) {
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      // best effort: the message of the failure that led here matters more
    }
  }
}
