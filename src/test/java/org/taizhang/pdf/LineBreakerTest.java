package org.taizhang.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line breaking rules (禁则) of the PDF reports and the sample archive, with Chinese characters 1
 * wide and ASCII ½.
 */
class LineBreakerTest {
  private static List<String> wrap(String text, double firstWidth, double width)
      throws IOException {
    return LineBreaker.wrap(text, firstWidth, width, cp -> cp < 128 ? 0.5 : 1);
  }

  @Test
  void chineseBreaksBetweenAnyTwoCharactersAndTheFirstLineHasItsOwnWidth() throws IOException {
    assertThat(wrap("一二三四五六七", 3, 3)).containsExactly("一二三", "四五六", "七");
    assertThat(wrap("一二三四五", 2, 3)).containsExactly("一二", "三四五");
    assertThat(wrap("", 3, 3)).containsExactly("");
  }

  @Test
  void closingPunctuationNeverStartsALine() throws IOException {
    for (String closing :
        List.of("，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "”", "…", ",", ".", ")")) {
      assertThat(wrap("一二三" + closing + "四五", 3, 3))
          .as(closing)
          .containsExactly("一二三" + closing, "四五");
    }
    assertThat(wrap("一二三。”四", 3, 3)).containsExactly("一二三。”", "四");
  }

  @Test
  void openingPunctuationNeverEndsALine() throws IOException {
    for (String opening : List.of("（", "《", "「", "『", "“", "【", "(")) {
      List<String> lines = wrap("一二" + opening + "三四五", 3, 3);
      assertThat(lines).as(opening).allSatisfy(line -> assertThat(line).doesNotEndWith(opening));
      assertThat(String.join("", lines)).isEqualTo("一二" + opening + "三四五");
      assertThat(lines.get(1)).startsWith(opening);
    }
    assertThat(wrap("根据《县工作要点》，制定", 3, 3)).containsExactly("根据", "《县工", "作要点》，", "制定");
  }

  @Test
  void aLatinRunStaysTogetherWhereItFitsOnALine() throws IOException {
    assertThat(wrap("编号ABC-123", 4, 4)).containsExactly("编号", "ABC-123");
    assertThat(wrap("见（QH-2025）", 5, 5)).containsExactly("见", "（QH-2025）");
    // a run longer than a line has to break
    assertThat(wrap("ABCDEFGH", 2, 2)).containsExactly("ABCD", "EFGH");
  }

  @Test
  void aSpaceAtABreakIsDropped() throws IOException {
    assertThat(wrap("ab cd", 1, 1)).containsExactly("ab", "cd");
    assertThat(wrap("ab cd", 1.5, 1.5)).containsExactly("ab", "cd");
  }
}
