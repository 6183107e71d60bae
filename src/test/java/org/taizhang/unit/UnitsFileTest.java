package org.taizhang.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.config.ConfigException;

/**
 * {@code units.csv} read as real CSV: quoted names with commas, comments, line numbers in errors.
 */
class UnitsFileTest {
  private static final Path FILE = Path.of("units.csv");
  private static final Set<String> TYPES = Set.of("创建办", "文明单位", "文明社区");

  private static List<UnitsFile.Entry> parse(String text) {
    return UnitsFile.parse(FILE, text, TYPES, Map.of());
  }

  @Test
  void aQuotedNameWithACommaIsOneField() {
    List<UnitsFile.Entry> units =
        parse(
            """
        code,name,type,parent
        # 县直单位
        county,青禾县文明办,创建办,
        "edu","青禾县教育局, 办公室",文明单位,county
        "say","名称里有""引号""\",文明单位,county
        """);
    assertThat(units)
        .extracting(UnitsFile.Entry::unit)
        .containsExactly(
            new Unit("county", "青禾县文明办", "创建办", null),
            new Unit("edu", "青禾县教育局, 办公室", "文明单位", "county"),
            new Unit("say", "名称里有\"引号\"", "文明单位", "county"));
    assertThat(units).extracting(UnitsFile.Entry::line).containsExactly(3, 4, 5);
    assertThat(units).extracting(UnitsFile.Entry::active).containsOnlyNulls();
  }

  @Test
  void mistakesNameTheirLine() {
    expect("code,name,type,parent\ncounty,青禾县文明办,创建办,\nedu,青禾县教育局, 办公室,文明单位,county\n", 3, "应有 4 列");
    expect("code,name,type,parent\ncounty,青禾县文明办,文明医院,\n", 2, "未知的单位类型“文明医院”");
    expect("code,name,type,parent\n\"county,青禾县文明办,创建办,\n", 0, "CSV 格式有误");
    expect("code,name,type,parent\nedu,教育局,文明单位,nowhere\n", 2, "上级单位“nowhere”未在本文件中定义");
    expect("code,name,type,parent\na,甲,文明单位,b\nb,乙,文明单位,a\n", 2, "上级关系形成循环");
    expect("name,code\n", 1, "第一行应为表头");
    expect("code,name,type,parent,active\nedu,教育局,文明单位,,也许\n", 2, "active 列应为 true");
  }

  @Test
  void aParentMayBeAUnitAlreadyKnownAndTheActiveColumnIsRead() {
    List<UnitsFile.Entry> units =
        UnitsFile.parse(
            FILE,
            "code,name,type,parent,active\nedu,教育局,文明单位,county,false\n",
            TYPES,
            Map.of("county", new Unit("county", "青禾县文明办", "创建办", null)));
    assertThat(units)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.unit().parentCode()).isEqualTo("county");
              assertThat(e.active()).isFalse();
            });
  }

  @Test
  void whatIsWrittenReadsBackTheSame() {
    List<Unit> units =
        List.of(
            new Unit("county", "青禾县文明办", "创建办", null),
            new Unit("edu", "青禾县教育局, 办公室", "文明单位", "county", false));
    String text = UnitsFile.write(units);
    assertThat(text).startsWith("code,name,type,parent,active\n").contains("\"青禾县教育局, 办公室\"");
    assertThat(parse(text)).extracting(UnitsFile.Entry::unit).containsExactlyElementsOf(units);
  }

  /**
   * The tools read only the codes: from wherever the code column is, in the file's order, and
   * nothing else is checked.
   */
  @Test
  void codesAreReadAsCsvInTheFilesOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("units.csv");
    Files.writeString(
        file,
        "\uFEFFname,code,type,parent\n# 县直单位\n\"青禾县教育局, 办公室\",edu,未配置的类型,nowhere\n"
            + "青禾县文明办,county,创建办,\n",
        StandardCharsets.UTF_8);
    assertThat(UnitsFile.codes(file)).containsExactly("edu", "county");

    Files.writeString(file, "名称,类型\n教育局,文明单位\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> UnitsFile.codes(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.getMessage()).contains("第一行应为表头");
              assertThat(e.line()).isEqualTo(1);
            });
  }

  private static void expect(String text, int line, String problem) {
    assertThatThrownBy(() -> parse(text))
        .as(problem)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.getMessage()).contains(problem);
              assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
            });
  }
}
