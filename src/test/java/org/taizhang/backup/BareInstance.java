package org.taizhang.backup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.taizhang.store.FileStore;
import org.taizhang.store.StagedFile;
import org.taizhang.support.Postgres;

/**
 * An instance's state without the service around it: a database migrated by the product's
 * migrations (or still empty), a file store and a configuration directory.
 */
final class BareInstance {
  final Path dataDir;
  final Path configDir;
  final DataSource dataSource;
  final Flyway flyway;
  final String schema;

  /** Opens the instance's file store on its {@code files} folder: local unless told otherwise. */
  private final Function<Path, FileStore> stores;

  private BareInstance(
      Path dataDir,
      Path configDir,
      DataSource dataSource,
      Flyway flyway,
      String schema,
      Function<Path, FileStore> stores) {
    this.dataDir = dataDir;
    this.configDir = configDir;
    this.dataSource = dataSource;
    this.flyway = flyway;
    this.schema = schema;
    this.stores = stores;
  }

  /** The same instance with its originals in another store, such as a bucket. */
  BareInstance withStores(Function<Path, FileStore> stores) {
    return new BareInstance(dataDir, configDir, dataSource, flyway, schema, stores);
  }

  /**
   * An H2 database inside the data directory, as the service's default settings place it; nothing
   * created yet.
   */
  static BareInstance h2(Path dataDir, Path configDir) {
    String url =
        "jdbc:h2:file:"
            + dataDir.resolve("db").resolve("taizhang")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    DataSource ds = new DriverManagerDataSource(url, "sa", "");
    return new BareInstance(
        dataDir,
        configDir,
        ds,
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load(),
        null,
        FileStore::new);
  }

  /** A fresh schema of the test PostgreSQL server; nothing created yet. */
  static BareInstance postgres(Path dataDir, Path configDir) {
    String schema = "backup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    DataSource ds =
        new DriverManagerDataSource(Postgres.URL + "?currentSchema=" + schema, "postgres", "");
    return new BareInstance(
        dataDir,
        configDir,
        ds,
        Flyway.configure()
            .dataSource(ds)
            .locations("classpath:db/migration")
            .schemas(schema)
            .createSchemas(true)
            .load(),
        schema,
        FileStore::new);
  }

  void dropSchema() {
    if (schema != null) {
      JdbcClient.create(new DriverManagerDataSource(Postgres.URL, "postgres", ""))
          .sql("drop schema if exists " + schema + " cascade")
          .update();
    }
  }

  JdbcClient jdbc() {
    return JdbcClient.create(dataSource);
  }

  FileStore store() {
    return stores.apply(dataDir.resolve("files"));
  }

  String store(byte[] content) throws IOException {
    FileStore store = store();
    StagedFile staged = store.stage(new ByteArrayInputStream(content), Long.MAX_VALUE);
    store.commit(staged);
    return staged.sha256();
  }

  String schemaVersion() {
    MigrationInfo current = flyway.info().current();
    return current.getVersion().getVersion();
  }

  BackupWriter writer() {
    return new BackupWriter(
        dataSource,
        store(),
        configDir,
        schemaVersion(),
        Schema.notData("flyway_schema_history"),
        Clock.systemUTC());
  }

  Restorer restorer(BackupReader backup) {
    return new Restorer(
        backup,
        dataSource,
        flyway,
        dataDir,
        dataDir.resolve("files"),
        configDir,
        StepProgress.NONE,
        stores);
  }

  static Path emptyDir(Path parent, String name) throws IOException {
    return Files.createDirectories(parent.resolve(name));
  }
}
