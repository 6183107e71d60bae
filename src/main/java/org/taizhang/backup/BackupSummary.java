package org.taizhang.backup;

import java.util.Map;

/**
 * What a finished backup holds: the answer of {@code POST /api/admin/backups} and what the {@code
 * backup} command prints.
 *
 * @param dir the backup directory, absolute
 * @param createdAt when the database snapshot was taken (UTC, ISO-8601)
 * @param tables rows per table, in load order
 * @param documents rows of the document table: every version, including the recycle bin
 * @param files original files copied (each once, however many documents share it)
 * @param hardLinks whether the files are hard links into the file store (same file system) rather
 *     than copies
 */
record BackupSummary(
    String dir,
    String createdAt,
    String productVersion,
    String schemaVersion,
    Map<String, Long> tables,
    long documents,
    long files,
    long fileBytes,
    int configFiles,
    boolean hardLinks,
    long elapsedMillis) {

  /** Two lines for the operator. */
  String describe() {
    long rows = tables.values().stream().mapToLong(Long::longValue).sum();
    return String.format(
        "备份完成：%s%n  数据库 %d 张表 %d 行（文档 %d 篇），文件 %d 个 %.1f MB（%s），配置 %d 个文件；用时 %.1f 秒",
        dir,
        tables.size(),
        rows,
        documents,
        files,
        fileBytes / 1048576.0,
        hardLinks ? "硬链接" : "复制",
        configFiles,
        elapsedMillis / 1000.0);
  }
}
