package org.taizhang.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.taizhang.TaizhangApplication;
import org.taizhang.support.Command;
import org.taizhang.support.Postgres;
import org.taizhang.support.S3Server;
import org.taizhang.support.Slow;
import org.taizhang.support.SolrTestCluster;

/**
 * The sample county, imported into an embedded instance, moved by {@code migrate} onto a cluster's
 * PostgreSQL, bucket and SolrCloud: the command's own check finds the same search answers and
 * completeness verdicts, a second check run here agrees, and the check does see a difference when
 * the target loses a document.
 */
@Slow
class MigrateCommandTest {
  private Path tmp;

  @BeforeEach
  void workDirectory() throws Exception {
    tmp = Files.createTempDirectory("taizhang-migrate");
  }

  // Removed by hand, not by @TempDir: a closed context's renditions may still finish a file.
  @AfterEach
  void removeWorkDirectory() {
    FileSystemUtils.deleteRecursively(tmp.toFile());
  }

  @Test
  void theSampleCountyMovesOntoAClusterWithTheSameAnswers() throws Exception {
    Postgres.requireOrSkip();
    Path source = tmp.resolve("embedded");
    Command.Result imported =
        run(
            "import",
            "sample-archive",
            "--taizhang.data-dir=" + source,
            "--taizhang.ocr.enabled=false");
    assertThat(imported.exit()).as(imported.output()).isZero();

    String schema = "migrate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    S3Server s3 = S3Server.start(Files.createDirectories(tmp.resolve("s3")));
    s3.createBucket("originals");
    List<String> cluster = new ArrayList<>();
    s3.settings("originals").forEach((k, v) -> cluster.add("--" + k + "=" + v));
    cluster.add("--taizhang.search.engine=solr");
    cluster.add("--taizhang.search.solr.zk-host=" + SolrTestCluster.zkHost());
    cluster.add("--taizhang.search.solr.collection=" + SolrTestCluster.newCollection());
    cluster.addAll(
        List.of(
            "--taizhang.data-dir=" + tmp.resolve("node"),
            "--taizhang.config-dir=index-config",
            "--spring.datasource.url=" + Postgres.URL + "?currentSchema=" + schema,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--spring.flyway.schemas=" + schema,
            "--spring.flyway.create-schemas=true"));
    try {
      List<String> args = new ArrayList<>(List.of("migrate", "--from=" + source));
      args.addAll(cluster);
      Command.Result moved = run(args.toArray(String[]::new));
      assertThat(moved.exit()).as(moved.output()).isZero();
      assertThat(moved.output()).contains("迁移完成").contains("与原实例一致");

      String[] target = cluster.toArray(String[]::new);
      String[] from = {"--taizhang.data-dir=" + source};
      try (ConfigurableApplicationContext was =
              CommandContexts.service(TaizhangApplication.class, from, false);
          ConfigurableApplicationContext is =
              CommandContexts.service(TaizhangApplication.class, target, false)) {
        MigrationCheck.Outcome same = MigrationCheck.compare(was, is);
        assertThat(same.differences()).isEmpty();
        assertThat(same.queries()).isGreaterThan(30);
        assertThat(same.verdicts()).isGreaterThan(10);
      }
      try (var c = DriverManager.getConnection(Postgres.URL, "postgres", "")) {
        c.createStatement()
            .execute(
                "delete from "
                    + schema
                    + ".document where id = (select max(id) from "
                    + schema
                    + ".document where archive_year = 2025)");
      }
      try (ConfigurableApplicationContext was =
              CommandContexts.service(TaizhangApplication.class, from, false);
          ConfigurableApplicationContext is =
              CommandContexts.service(TaizhangApplication.class, target, false)) {
        assertThat(MigrationCheck.compare(was, is).differences()).isNotEmpty();
      }
    } finally {
      s3.close();
      try (var c = DriverManager.getConnection(Postgres.URL, "postgres", "")) {
        c.createStatement().execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private static Command.Result run(String... args) throws Exception {
    return Command.run(
        Command.taizhang(List.of("-Xmx768m"), List.of(args)), Map.of(), Duration.ofMinutes(6));
  }
}
