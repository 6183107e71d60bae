package org.taizhang.caption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taizhang.index.ChineseAnalysis;

/** How an activity record's text gives a caption's 地点, 人物 and 事由. */
class CaptionInferenceTest {
  private final CaptionInference inference =
      new CaptionInference(new ChineseAnalysis(Path.of("index-config"))::fold);

  @Test
  void aValueEndsAtTheNextLabelOnItsLine() {
    Map<String, String> f = inference.fields("会议时间：2025年3月12日　会议地点：二楼会议室　主持人：王局长\n会议议题：部署创建工作。\n");
    assertThat(f).containsEntry("place", "二楼会议室").containsEntry("subject", "部署创建工作");
    assertThat(f).doesNotContainKey("people");
  }

  @Test
  void aListOfParticipantsOnTheNextLineIsRead() {
    Map<String, String> f = inference.fields("参会人员：\n张三、李四、王五\n记录人：赵六\n");
    assertThat(f).containsEntry("people", "张三、李四、王五");
  }

  @Test
  void traditionalAndFullWidthLabelsAreTheSameLabelsAndTheOriginalTextIsKept() {
    Map<String, String> f = inference.fields("活動主題：學雷鋒志願服務\n地點:社區廣場\n出席人員：全體黨員");
    assertThat(f)
        .containsEntry("subject", "學雷鋒志願服務")
        .containsEntry("place", "社區廣場")
        .containsEntry("people", "全體黨員");
  }

  @Test
  void unfilledTemplatesAndLabelsInsideWordsGiveNothing() {
    Map<String, String> f = inference.fields("地点：×××\n参加人员：XX、XX\n本次活动的主题:不是标签\n");
    assertThat(f).isEmpty();
  }

  @Test
  void aLongListIsCutAtANameWithAnEllipsisWord() {
    String names = "张三、".repeat(100) + "李四";
    String people = inference.fields("参加人员：" + names).get("people");
    assertThat(people).endsWith("张三等").hasSizeLessThanOrEqualTo(201);
  }
}
