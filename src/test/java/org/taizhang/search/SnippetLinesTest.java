package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetLinesTest {
  @Test
  void lineBreaksInsideChineseSentencesDisappear() {
    assertThat(SearchService.joinLines("真实反映<mark>创建</mark>\n\n工作的过程"))
        .isEqualTo("真实反映<mark>创建</mark>工作的过程");
    assertThat(SearchService.joinLines("制定本制度。\n第二条")).isEqualTo("制定本制度。第二条");
  }

  @Test
  void latinWordsKeepOneSpaceAndSpacesStay() {
    assertThat(SearchService.joinLines("Lucene\nindex")).isEqualTo("Lucene index");
    assertThat(SearchService.joinLines("道德讲堂 &lt;script&gt;  活动"))
        .isEqualTo("道德讲堂 &lt;script&gt; 活动");
  }
}
