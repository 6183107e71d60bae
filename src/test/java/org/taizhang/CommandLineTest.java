package org.taizhang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.Command;
import org.taizhang.support.Slow;
import org.taizhang.support.TestFiles;

/**
 * The operator commands as an operator runs them: a separate JVM, exit code and printed summary.
 */
@Slow
class CommandLineTest {
  @TempDir Path work;

  private Command.Result run(String... args) throws Exception {
    return Command.run(
        Command.taizhang(List.of("-Xmx512m"), List.of(args)), Map.of(), Duration.ofMinutes(2));
  }

  @Test
  void importThenReindexAFolder() throws Exception {
    Path archive = work.resolve("archive");
    Files.createDirectories(archive.resolve("edu/2025/会议记录"));
    Files.writeString(
        archive.resolve("units.csv"),
        "code,name,type,parent\ncounty,青禾县文明办,创建办,\nedu,青禾县教育局,文明单位,county\n");
    Files.write(
        archive.resolve("edu/2025/会议记录/第一季度会议记录.docx"),
        TestFiles.docx("第一季度创建工作会议记录", "时间：2025年3月12日"));
    Files.write(archive.resolve("edu/2025/会议记录/空文件.txt"), new byte[0]);
    String[] common = {
      "--taizhang.data-dir=" + work.resolve("data"), "--taizhang.admin.password=command-line-test"
    };

    Command.Result imported = run(concat(new String[] {"import", archive.toString()}, common));
    assertThat(imported.exit()).as(imported.output()).isZero();
    assertThat(imported.output()).contains("导入完成：共 2 个文件，新增 1，重复 0，拒收 1").contains("EMPTY_FILE");

    Command.Result again = run(concat(new String[] {"import", archive.toString()}, common));
    assertThat(again.output()).contains("新增 0，重复 1，拒收 1");

    Command.Result reindexed = run(concat(new String[] {"reindex"}, common));
    assertThat(reindexed.exit()).as(reindexed.output()).isZero();
    assertThat(reindexed.output()).contains("索引重建完成：1 篇文档");
  }

  /** A historical archive: what it adds is marked 已通过 on import, and the summary says so. */
  @Test
  void importAHistoricalArchiveAsAccepted() throws Exception {
    Path archive = work.resolve("history");
    Files.createDirectories(archive.resolve("edu/2023/会议记录"));
    Files.writeString(
        archive.resolve("units.csv"),
        "code,name,type,parent\ncounty,青禾县文明办,创建办,\nedu,青禾县教育局,文明单位,county\n");
    Files.write(
        archive.resolve("edu/2023/会议记录/第一季度会议记录.docx"),
        TestFiles.docx("2023年第一季度创建工作会议记录", "时间：2023年3月10日"));
    Files.write(
        archive.resolve("edu/2023/会议记录/第二季度会议记录.docx"),
        TestFiles.docx("2023年第二季度创建工作会议记录", "时间：2023年6月9日"));
    String[] common = {
      "--taizhang.data-dir=" + work.resolve("history-data"),
      "--taizhang.admin.password=command-line-test"
    };

    Command.Result imported =
        run(concat(new String[] {"import", archive.toString(), "--accepted"}, common));
    assertThat(imported.exit()).as(imported.output()).isZero();
    assertThat(imported.output()).contains("导入完成：共 2 个文件，新增 2（2 份作为历史档案直接通过），重复 0，拒收 0");

    Command.Result stray = run(concat(new String[] {"import", archive.toString(), "多余"}, common));
    assertThat(stray.exit()).isEqualTo(2);
    assertThat(stray.output()).contains("多余的参数：多余");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
