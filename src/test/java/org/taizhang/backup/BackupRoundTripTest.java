package org.taizhang.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.Postgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup of an H2 database restored into a fresh H2 database and into a fresh PostgreSQL schema
 * (and that one's backup into H2 again), each backed up again: every row of every table comes back
 * with the same values, the originals byte for byte, the configuration file for file, and new rows
 * get ids past the restored ones.
 */
class BackupRoundTripTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  @Test
  void h2BackupRestoresIntoH2RowForRow() throws Exception {
    BareInstance source = BareInstance.h2(tmp.resolve("source"), tmp.resolve("source-config"));
    int documents = SampleRows.fill(source);
    BackupSummary summary = source.writer().write(tmp.resolve("backup"), StepProgress.NONE);
    assertThat(summary.documents()).isEqualTo(documents);
    assertThat(summary.files()).as("only the originals rows refer to, each once").isEqualTo(4);
    assertThat(summary.tables())
        .doesNotContainKey("flyway_schema_history")
        .containsKeys("unit", "document", "audit_event");

    BareInstance target = BareInstance.h2(tmp.resolve("target"), tmp.resolve("target-config"));
    Restorer.Outcome outcome = target.restorer(BackupReader.open(tmp.resolve("backup"))).run();
    assertThat(outcome.configRestored()).isTrue();
    assertThat(outcome.files()).isEqualTo(4);

    assertRestored(source, target);
  }

  @Test
  void h2BackupRestoresIntoPostgresAndBackRowForRow() throws Exception {
    Postgres.requireOrSkip();
    BareInstance source = BareInstance.h2(tmp.resolve("source"), tmp.resolve("source-config"));
    SampleRows.fill(source);
    source.writer().write(tmp.resolve("backup"), StepProgress.NONE);

    BareInstance target =
        BareInstance.postgres(tmp.resolve("target"), tmp.resolve("target-config"));
    try {
      target.restorer(BackupReader.open(tmp.resolve("backup"))).run();
      assertRestored(source, target);
    } finally {
      target.dropSchema();
    }

    // and the backup written from PostgreSQL back into H2
    BareInstance back = BareInstance.h2(tmp.resolve("back"), tmp.resolve("back-config"));
    back.restorer(BackupReader.open(tmp.resolve("again-target"))).run();
    Map<String, List<JsonNode>> fromPostgres = rows(tmp.resolve("again-target"));
    back.writer().write(tmp.resolve("again-back"), StepProgress.NONE);
    Map<String, List<JsonNode>> inH2 = rows(tmp.resolve("again-back"));
    for (String table : fromPostgres.keySet()) {
      assertThat(inH2.get(table)).as(table).isEqualTo(fromPostgres.get(table));
    }
  }

  private void assertRestored(BareInstance source, BareInstance target) throws IOException {
    Path again = tmp.resolve("again-" + target.dataDir.getFileName());
    target.writer().write(again, StepProgress.NONE);
    Map<String, List<JsonNode>> before = rows(tmp.resolve("backup"));
    Map<String, List<JsonNode>> after = rows(again);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    for (String table : before.keySet()) {
      assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
    }
    assertThat(before.get("document").get(0).get("text_content").stringValue())
        .hasSizeGreaterThan(300_000)
        .contains(SampleRows.AWKWARD);

    for (String sha :
        target.jdbc().sql("select distinct sha256 from document").query(String.class).list()) {
      assertThat(Files.readAllBytes(target.store().find(sha).orElseThrow()))
          .as(sha)
          .isEqualTo(Files.readAllBytes(source.store().find(sha).orElseThrow()));
    }
    assertThat(
            Files.readString(
                target.configDir.resolve("required-lists/文明单位.yaml"), StandardCharsets.UTF_8))
        .isEqualTo(
            Files.readString(
                source.configDir.resolve("required-lists/文明单位.yaml"), StandardCharsets.UTF_8));

    for (String table :
        List.of("document", "document_comment", "audit_event", "completeness_explanation")) {
      long max = target.jdbc().sql("select max(id) from " + table).query(Long.class).single();
      insertWithoutId(target, table);
      assertThat(target.jdbc().sql("select max(id) from " + table).query(Long.class).single())
          .as(table)
          .isEqualTo(max + 1);
    }
  }

  private static void insertWithoutId(BareInstance instance, String table) {
    LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
    var db = instance.jdbc();
    switch (table) {
      case "document" ->
          db.sql(
                  "insert into document(unit_code, title, archive_year, file_name, media_type, size_bytes, sha256,"
                      + " text_chars, text_truncated, uploaded_by, uploaded_at) values ('b-school', '新材料', 2026, 'x.txt', 'text/plain', 1, ?,"
                      + " 0, false, 'admin', ?)")
              .params("0".repeat(64), now)
              .update();
      case "document_comment" ->
          db.sql(
                  "insert into document_comment(document_id, author, body, created_at)"
                      + " values ((select min(id) from document), 'admin', '新评论', ?)")
              .param(now)
              .update();
      case "audit_event" ->
          db.sql(
                  "insert into audit_event(event_at, actor, address, action_code) values (?, 'admin', '本机', 'LOGIN')")
              .param(now)
              .update();
      default ->
          db.sql(
                  "insert into completeness_explanation(unit_code, eval_year, item_key, reason, deadline, created_by, created_at)"
                      + " values ('b-school', 2026, 'x', '新说明', ?, 'admin', ?)")
              .params(now.toLocalDate(), now)
              .update();
    }
  }

  /** Every table's rows as the backup holds them, parsed. */
  static Map<String, List<JsonNode>> rows(Path backup) throws IOException {
    BackupManifest manifest = JSON.readValue(backup.resolve("manifest.json"), BackupManifest.class);
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    for (BackupManifest.TableEntry t : manifest.tables()) {
      out.put(
          t.name(),
          Files.readAllLines(backup.resolve(t.file()), StandardCharsets.UTF_8).stream()
              .map(JSON::readTree)
              .toList());
    }
    return out;
  }
}
