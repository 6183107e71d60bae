package org.taizhang.backup;

import java.util.List;

/**
 * {@code manifest.json}: what a backup holds and how to check it. Written last, so a directory
 * without one is a backup that did not finish.
 *
 * @param format always {@value #FORMAT}
 * @param formatVersion the layout of the backup directory; restore refuses versions it does not
 *     know
 * @param productVersion the Taizhang version that wrote it
 * @param schemaVersion the Flyway version of the database the rows were read from
 * @param createdAt when the database snapshot was taken (UTC, ISO-8601)
 * @param database the database product the rows were read from, for the record only
 * @param tables one entry per table, in the order they load
 * @param files the original files of the snapshot's documents, under {@code files/objects/}
 * @param config the configuration directory's files, under {@code config/}
 */
record BackupManifest(
    String format,
    int formatVersion,
    String productVersion,
    String schemaVersion,
    String createdAt,
    String database,
    List<TableEntry> tables,
    FilesEntry files,
    List<ConfigFile> config) {
  static final String FORMAT = "taizhang-backup";
  static final int FORMAT_VERSION = 1;
  static final String FILE_NAME = "manifest.json";

  BackupManifest {
    tables = List.copyOf(tables);
    config = List.copyOf(config);
  }

  /**
   * A table's rows in {@code file}, one JSON object per line, with the column types to read them
   * back.
   */
  record TableEntry(
      String name, String file, long rows, long bytes, String sha256, List<ColumnEntry> columns) {
    TableEntry {
      columns = List.copyOf(columns);
    }
  }

  record ColumnEntry(String name, ColumnType type) {}

  record FilesEntry(long count, long bytes) {}

  /** A file of the configuration directory, by its path relative to it with '/' separators. */
  record ConfigFile(String path, long bytes, String sha256) {}
}
