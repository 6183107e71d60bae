package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.taizhang.access.Caller;
import org.taizhang.config.ConfigVersions;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.IngestRequest;
import org.taizhang.ingest.IngestService;
import org.taizhang.support.Postgres;
import org.taizhang.support.PostgresServiceTest;

/**
 * V4__completeness.sql and the decisions on PostgreSQL, in a schema of its own (skipped without a
 * server, see {@link Postgres}).
 */
@PostgresServiceTest
class PostgresCompletenessTest {
  @BeforeAll
  static void requirePostgres() {
    Postgres.requireOrSkip();
  }

  @Autowired FolderImporter importer;
  @Autowired IngestService ingest;
  @Autowired CompletenessService completeness;
  @Autowired DecisionRepository decisions;
  @Autowired ConfigVersions versions;

  @Test
  void decisionsAreStoredAndReadBack() throws Exception {
    Path units = Files.createTempDirectory("units");
    Files.writeString(
        units.resolve("units.csv"),
        """
        code,name,type,parent
        county,青禾县文明办,创建办,
        edu,青禾县教育局,文明单位,county
        """);
    importer.loadUnits(units);
    String record = "会议记录\n时间：2025年3月4日\n地点：三楼\n主持人：周立新\n参会人员：全体\n记录人：刘思远\n议题：部署创建\n";
    ingest.ingest(
        new IngestRequest("edu", "meeting", null, null, 2025, "会议记录.txt", "test"),
        new ByteArrayInputStream(record.getBytes(StandardCharsets.UTF_8)));

    UnitCompleteness edu = completeness.unit("edu", 2025).orElseThrow();
    assertThat(
            edu.indicators().stream()
                .filter(i -> i.code().equals("Ⅰ-3-1"))
                .findFirst()
                .orElseThrow()
                .missing())
        .extracting(MissingItem::text)
        .containsExactly("2025年第二季度缺少会议记录", "2025年第三季度缺少会议记录", "2025年第四季度缺少会议记录");

    Caller admin = Caller.system("admin");
    completeness.explain(
        admin, "edu", 2025, "Ⅲ-1-2/annual-summary/2025", "年终总结12月底完成", LocalDate.of(2099, 12, 31));
    completeness.explain(
        admin, "edu", 2025, "Ⅲ-1-2/annual-summary/2025", "改为1月初完成", LocalDate.of(2099, 1, 10));
    completeness.override(admin, "edu", 2025, "Ⅰ-1-1", Grade.C, "领导小组文件未盖章");
    completeness.veto(admin, "edu", 2025, "F-1", "发生安全责任事故");

    assertThat(decisions.explanations())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo("改为1月初完成");
              assertThat(e.deadline()).isEqualTo(LocalDate.of(2099, 1, 10));
            });
    assertThat(decisions.overrides())
        .singleElement()
        .satisfies(o -> assertThat(o.grade()).isEqualTo(Grade.C));
    assertThat(decisions.vetoes())
        .singleElement()
        .satisfies(v -> assertThat(v.code()).isEqualTo("F-1"));
    // the shipped lists were taken as the first version of each system, in this database too
    assertThat(versions.latest("required-lists/"))
        .extracting(ConfigVersions.Version::number)
        .containsOnly(1);
    assertThat(versions.latest("required-lists/")).hasSize(4);

    completeness.recomputeAll();
    UnitCompleteness after = completeness.unit("edu", 2025).orElseThrow();
    assertThat(after.vetoed()).isTrue();
    assertThat(
            after.indicators().stream()
                .filter(i -> i.code().equals("Ⅲ-1-2"))
                .findFirst()
                .orElseThrow()
                .status())
        .isEqualTo(IndicatorStatus.EXPLAINED);

    completeness.withdrawOverride(admin, "edu", 2025, "Ⅰ-1-1");
    completeness.liftVeto(admin, "edu", 2025, "F-1");
    assertThat(decisions.overrides()).isEmpty();
    assertThat(decisions.vetoes()).isEmpty();
  }
}
