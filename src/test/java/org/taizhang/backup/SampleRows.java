package org.taizhang.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.taizhang.support.TestFiles;

/**
 * Rows in every table of the schema with the values a dump is most likely to get wrong: text with
 * line breaks, quotes, backslashes, emoji and 300,000 characters; nulls; doubles that are not exact
 * in decimal; booleans; dates; timestamps to the microsecond and at midnight; a unit listed before
 * its parent; ids with gaps; two documents sharing one original.
 */
final class SampleRows {
  static final String AWKWARD = "第一行\n第二行\t制表 \"引号\" 'single' \\反斜杠\\ 😀 臺賬 \u2028 end";

  private SampleRows() {}

  /** Migrates the instance's database and fills it; returns the number of documents. */
  static int fill(BareInstance instance) throws IOException {
    instance.flyway.migrate();
    Files.createDirectories(instance.configDir.resolve("required-lists"));
    Files.writeString(
        instance.configDir.resolve("categories.txt"),
        "meeting | 会议记录 | 会议\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        instance.configDir.resolve("required-lists/文明单位.yaml"),
        "# 测试\nname: 文明单位\n",
        StandardCharsets.UTF_8);

    JdbcClient db = instance.jdbc();
    // dumped in key order, 'a-village' comes before its parent 'm-town', which comes before its
    // parent 'z-county'
    unit(db, "z-county", "青禾县文明办", "创建办", null);
    unit(db, "m-town", "青禾县禾溪镇", "文明村镇", "z-county");
    unit(db, "a-village", "青禾县柳塘村", "文明村镇", "m-town");
    unit(db, "b-school", "青禾县第一中学", "文明校园", "z-county");

    byte[] meeting = TestFiles.utf8("会议记录 " + AWKWARD);
    byte[] photo = TestFiles.binaryNoise(200_000);
    byte[] shared = TestFiles.utf8("两个单位共用的同一份文件");

    StringBuilder longText = new StringBuilder();
    while (longText.length() < 300_000) {
      longText.append(AWKWARD).append(' ').append(longText.length()).append('\n');
    }
    long first =
        document(
            instance,
            "a-village",
            "meeting",
            "2025年第一季度会议记录 " + AWKWARD,
            LocalDate.of(2025, 3, 12),
            meeting,
            longText.toString(),
            true,
            31.230416,
            1.0 / 3,
            LocalDateTime.of(2025, 3, 12, 8, 9, 10, 123_456_000));
    long second =
        document(
            instance,
            "a-village",
            null,
            "活动照片",
            null,
            photo,
            "",
            false,
            null,
            null,
            LocalDateTime.of(2025, 1, 1, 0, 0));
    document(
        instance,
        "b-school",
        "summary",
        "共用文件",
        LocalDate.of(2024, 12, 31),
        shared,
        "共用",
        false,
        -0.1,
        1e-10,
        null);
    document(
        instance,
        "m-town",
        "summary",
        "共用文件",
        LocalDate.of(2024, 12, 31),
        shared,
        "共用",
        false,
        null,
        null,
        null);
    long purged =
        document(
            instance,
            "m-town",
            null,
            "已彻底删除",
            null,
            TestFiles.utf8("稍后被彻底删除的文件"),
            "",
            false,
            null,
            null,
            null);
    db.sql("delete from document where id = ?").param(purged).update();
    long resubmitted =
        document(
            instance,
            "a-village",
            "meeting",
            "2025年第一季度会议记录（修改稿）",
            LocalDate.of(2025, 3, 12),
            TestFiles.utf8("修改稿"),
            "修改稿",
            false,
            null,
            null,
            null);
    db.sql(
            "update document set review_status = 'RETURNED', review_reason = ?, review_deadline = ?, reviewed_by = 'reviewer',"
                + " reviewed_at = ?, superseded_by = ? where id = ?")
        .params(
            "缺少记录人\n请补充",
            LocalDate.of(2025, 4, 30),
            LocalDateTime.of(2025, 4, 1, 9, 30, 0, 500_000_000),
            resubmitted,
            first)
        .update();
    db.sql("update document set supersedes_id = ? where id = ?")
        .params(first, resubmitted)
        .update();
    db.sql("update document set deleted_at = ?, deleted_by = 'clerk' where id = ?")
        .params(LocalDateTime.of(2025, 5, 6, 7, 8, 9), second)
        .update();

    db.sql(
            "insert into app_user(username, display_name, password_hash, role, unit_code, enabled, created_at)"
                + " values ('admin', '创建办管理员', '{bcrypt}$2a$10$abcdefghijklmnopqrstuv', 'ADMIN', null, true, ?)")
        .param(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000))
        .update();
    db.sql(
            "insert into app_user(username, display_name, password_hash, role, unit_code, enabled, created_at)"
                + " values ('clerk', '柳塘村填报员', 'x', 'CLERK', 'a-village', false, ?)")
        .param(LocalDateTime.of(2024, 1, 3, 0, 0))
        .update();
    db.sql(
            "insert into api_token(token_hash, username, label, created_at, last_used_at) values (?, 'admin', ?, ?, null)")
        .params("f".repeat(64), "备份脚本 " + AWKWARD, LocalDateTime.of(2025, 6, 1, 12, 0))
        .update();
    db.sql(
            "insert into document_comment(document_id, author, body, created_at) values (?, 'reviewer', ?, ?)")
        .params(first, AWKWARD, LocalDateTime.of(2025, 4, 1, 9, 31))
        .update();
    for (int i = 0; i < 3; i++) {
      db.sql(
              "insert into audit_event(event_at, actor, address, action_code, target, detail) values (?, 'admin', '127.0.0.1', 'UPLOAD', ?, ?)")
          .params(LocalDateTime.of(2025, 3, 12, 8, 0, i), "文档 " + i, i == 1 ? null : AWKWARD)
          .update();
    }
    db.sql("delete from audit_event where detail is null").update();
    db.sql(
            "insert into completeness_explanation(unit_code, eval_year, item_key, reason, deadline, created_by, created_at)"
                + " values ('a-village', 2025, 'Ⅰ-3-1/meeting/2025-Q3', ?, ?, 'clerk', ?)")
        .params("会议记录待归档", LocalDate.of(2026, 12, 31), LocalDateTime.of(2025, 9, 1, 10, 0))
        .update();
    db.sql(
            "insert into completeness_override(unit_code, eval_year, indicator_code, grade_code, reason, created_by, created_at)"
                + " values ('b-school', 2025, 'Ⅰ-1-1', 'B', '现场核实', 'reviewer', ?)")
        .param(LocalDateTime.of(2025, 9, 2, 10, 0))
        .update();
    db.sql(
            "insert into completeness_veto(unit_code, eval_year, veto_code, reason, created_by, created_at)"
                + " values ('m-town', 2025, 'F-3', '材料造假', 'admin', ?)")
        .param(LocalDateTime.of(2025, 9, 3, 10, 0))
        .update();
    db.sql(
            "insert into config_version(config_key, version_no, content, source, summary, created_by, created_at)"
                + " values ('required-lists/文明单位.yaml', 1, ?, '配置文件', '载入配置文件 文明单位.yaml', '系统', ?)")
        .params("# 测试\nname: 文明单位\n" + AWKWARD, LocalDateTime.of(2025, 1, 1, 0, 0))
        .update();
    // a version that removed the system has no content
    db.sql(
            "insert into config_version(config_key, version_no, content, source, summary, created_by, created_at)"
                + " values ('required-lists/文明单位.yaml', 2, null, '网页编辑', ?, 'admin', ?)")
        .params("删除测评体系“文明单位”", LocalDateTime.of(2025, 1, 2, 0, 0))
        .update();
    db.sql(
            "insert into config_seed(config_key, content_hash, seeded_at) values ('required-lists/文明单位.yaml', ?, ?)")
        .params("a".repeat(64), LocalDateTime.of(2025, 1, 1, 0, 0))
        .update();
    db.sql(
            "update unit set active = false, deactivated_at = ?, deactivated_by = 'admin' where code = 'b-school'")
        .param(LocalDateTime.of(2025, 2, 1, 0, 0))
        .update();
    db.sql(
            "insert into rendition(sha256, state, pages, converter, error, millis, updated_at) values (?, 'READY', 12, 'LibreOffice', null, 3094, ?)")
        .params("b".repeat(64), LocalDateTime.of(2025, 3, 12, 8, 0, 1, 123_456_000))
        .update();
    db.sql(
            "insert into rendition(sha256, state, pages, converter, error, millis, updated_at) values (?, 'FAILED', null, 'OFD', ?, 40, ?)")
        .params("c".repeat(64), AWKWARD, LocalDateTime.of(2025, 3, 12, 0, 0))
        .update();
    db.sql(
            "insert into app_state(name, state_value) values ('sample-archive-imported', '2025-01-01T00:00:00Z')")
        .update();
    return db.sql("select count(*) from document").query(Integer.class).single();
  }

  private static void unit(JdbcClient db, String code, String name, String type, String parent) {
    db.sql("insert into unit(code, name, unit_type, parent_code) values (?, ?, ?, ?)")
        .params(code, name, type, parent)
        .update();
  }

  private static long document(
      BareInstance instance,
      String unit,
      String category,
      String title,
      LocalDate date,
      byte[] content,
      String text,
      boolean truncated,
      Double lat,
      Double lon,
      LocalDateTime takenAt)
      throws IOException {
    JdbcClient db = instance.jdbc();
    String sha = instance.store(content);
    db.sql(
            "insert into document(unit_code, category, title, doc_date, archive_year, file_name, media_type, size_bytes, sha256,"
                + " page_count, author, created_at, taken_at, gps_lat, gps_lon, camera, text_content, text_chars, text_truncated,"
                + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            unit,
            category,
            title,
            date,
            date == null ? 2025 : date.getYear(),
            title + ".txt",
            "text/plain",
            content.length,
            sha,
            null,
            AWKWARD,
            null,
            takenAt,
            lat,
            lon,
            lat == null ? null : "Canon EOS",
            text,
            text.length(),
            truncated,
            "admin",
            LocalDateTime.of(2025, 3, 12, 8, 0, 0, 999_999_000))
        .update();
    return db.sql("select max(id) from document").query(Long.class).single();
  }
}
