package org.taizhang.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a Chinese keyboard types where the configuration's syntax wants ASCII: read as meant, and
 * only there.
 */
class ChinesePunctuationTest {
  @Test
  void keysListsAndMappingsReadAsYaml() {
    assertThat(ChinesePunctuation.yaml("name：会议")).isEqualTo("name: 会议");
    assertThat(ChinesePunctuation.yaml("from： 2025")).isEqualTo("from: 2025");
    assertThat(ChinesePunctuation.yaml("unit-types：【文明单位，文明行业】"))
        .isEqualTo("unit-types: [文明单位, 文明行业]");
    assertThat(ChinesePunctuation.yaml("content: [时间，地点、主持人]")).isEqualTo("content: [时间, 地点, 主持人]");
    assertThat(ChinesePunctuation.yaml("  - {category：meeting，period：每季度，min：2}"))
        .isEqualTo("  - {category: meeting, period: 每季度, min: 2}");
    assertThat(ChinesePunctuation.yaml("grading：{A：0，B：1，C：2}"))
        .isEqualTo("grading: {A: 0, B: 1, C: 2}");
  }

  @Test
  void textInsideValuesStaysAsWritten() {
    assertThat(ChinesePunctuation.yaml("name: 成立领导小组，以正式文件印发：分工明确"))
        .isEqualTo("name: 成立领导小组，以正式文件印发：分工明确");
    // a comma in a mapping that is not followed by a key is part of the value
    assertThat(ChinesePunctuation.yaml("- {code：F-1，name：发生重大事故，或弄虚作假}"))
        .isEqualTo("- {code: F-1, name: 发生重大事故，或弄虚作假}");
    assertThat(ChinesePunctuation.yaml("name: 【重点】创建氛围")).isEqualTo("name: 【重点】创建氛围");
    assertThat(ChinesePunctuation.yaml("name: \"a，b：c\"")).isEqualTo("name: \"a，b：c\"");
    assertThat(ChinesePunctuation.yaml("# 注释：不改，")).isEqualTo("# 注释：不改，");
  }

  @Test
  void fullWidthSpacesIndentLikeTwoSpacesAndLinesStayLines() {
    assertThat(ChinesePunctuation.yaml("\u3000- code：Ⅰ")).isEqualTo("  - code: Ⅰ");
    String text = "a: 1\n\nb：2\r\nc:\n";
    String out = ChinesePunctuation.yaml(text);
    assertThat(out.split("\n", -1)).hasSameSizeAs(text.split("\n", -1));
  }

  @Test
  void lineFilesSplitColumnsOnEitherBar() {
    List<ConfigLines.Line> lines =
        ConfigLines.parse(Path.of("categories.txt"), "# 注释\nmeeting｜会议记录 | 会议记录，会议纪要\u3000\n");
    assertThat(lines)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.number()).isEqualTo(2);
              assertThat(l.fields(3)).containsExactly("meeting", "会议记录", "会议记录，会议纪要");
            });
  }
}
