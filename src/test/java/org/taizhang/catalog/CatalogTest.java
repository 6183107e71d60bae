package org.taizhang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.config.ConfigException;

class CatalogTest {
  @TempDir Path dir;

  @Test
  void theShippedConfigurationLoadsAndClassifies() {
    Catalog c = Catalog.load(Path.of("index-config"));
    assertThat(c.unitTypes()).contains("文明单位", "文明村镇", "文明社区", "文明校园", "文明行业");
    assertThat(c.category("会议记录")).get().extracting(Category::code).isEqualTo("meeting");
    assertThat(c.category("meeting")).get().extracting(Category::name).isEqualTo("会议记录");
    assertThat(c.classify("2025年第一季度会议签到表", ""))
        .get()
        .extracting(Category::code)
        .isEqualTo("sign-in");
    assertThat(c.classify("2025年第三季度创建工作会议记录", ""))
        .get()
        .extracting(Category::code)
        .isEqualTo("meeting");
    assertThat(c.classify("材料", "青禾县教育局2025年年终总结\n一年来……"))
        .get()
        .extracting(Category::code)
        .isEqualTo("annual-summary");
    assertThat(c.classify("IMG_0001", "")).isEmpty();
  }

  @Test
  void aBrokenLineIsReportedWithFileAndLine() throws Exception {
    Files.writeString(dir.resolve("unit-types.txt"), "文明单位\n");
    Files.writeString(dir.resolve("categories.txt"), "# 注释\nmeeting | 会议记录 | 会议记录\n\nplan | 计划\n");
    assertThatThrownBy(() -> Catalog.load(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.file()).isEqualTo(dir.resolve("categories.txt"));
              assertThat(e.line()).isEqualTo(4);
            })
        .hasMessageContaining("categories.txt:4");
  }

  @Test
  void duplicateCategoriesAreRefused() throws Exception {
    Files.writeString(dir.resolve("unit-types.txt"), "文明单位\n");
    Files.writeString(dir.resolve("categories.txt"), "meeting | 会议记录 | 会议\nminutes | 会议记录 | 纪要\n");
    assertThatThrownBy(() -> Catalog.load(dir))
        .hasMessageContaining("categories.txt:2")
        .hasMessageContaining("重复");
  }

  /** One full-width bar or comma, as a Chinese keyboard types it, must not stop the start. */
  @Test
  void chineseSeparatorsAreAccepted() throws Exception {
    Files.writeString(dir.resolve("unit-types.txt"), "文明单位\n");
    Files.writeString(dir.resolve("categories.txt"), "meeting ｜ 会议记录 ｜ 会议记录，会议纪要、会议笔记\u3000\n");
    Catalog c = Catalog.load(dir);
    assertThat(c.categories())
        .singleElement()
        .satisfies(x -> assertThat(x.keywords()).containsExactly("会议记录", "会议纪要", "会议笔记"));
  }

  /** The text written for a list (the readable export) reads back as the same list. */
  @Test
  void theWrittenTextReadsBackTheSame() {
    Catalog shipped = Catalog.load(Path.of("index-config"));
    String text = Catalog.categoriesText(shipped.categories());
    assertThat(Catalog.parseCategories(Path.of("categories.txt"), text))
        .isEqualTo(shipped.categories());
  }

  @Test
  void problemsNameTheCategory() {
    assertThatThrownBy(
            () -> Catalog.parseCategories(Path.of("categories.txt"), "meeting | 会议记录 |  \n"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.place()).isEqualTo("类别“会议记录”");
              assertThat(e.line()).isEqualTo(1);
            });
  }

  private static String code(Classification c) {
    return c.category() == null ? null : c.category().code();
  }

  @Test
  void theKindATitleNamesAtItsEndDecides() {
    Catalog c = Catalog.load(Path.of("index-config"));
    assertThat(code(c.classify("志愿服务活动签到表", null, ""))).isEqualTo("sign-in");
    assertThat(code(c.classify(null, "领导小组会议纪要.docx", ""))).isEqualTo("meeting");
    assertThat(code(c.classify(null, "学雷锋活动方案（定稿）.docx", ""))).isEqualTo("activity");
    assertThat(code(c.classify(null, "2024年上半年文明创建工作总结.pdf", ""))).isEqualTo("half-year-summary");
    assertThat(code(c.classify(null, "2024年度文明创建工作总结.pdf", ""))).isEqualTo("annual-summary");
    assertThat(code(c.classify(null, "缺项说明（道德讲堂活动记录）_修改稿.docx", ""))).isEqualTo("explanation");
    assertThat(c.classify(null, "2024年创建工作计划.docx", "").source()).isEqualTo(CategorySource.TITLE);
  }

  @Test
  void anAgencyNameOrAWordInsideAnotherMeansNothing() {
    Catalog c = Catalog.load(Path.of("index-config"));
    Classification land =
        c.classify(
            null,
            "县规划和自然资源局关于做好土地变更调查工作的通知.pdf",
            "临河县规划和自然资源局文件\n临规资发〔2024〕5号\n关于做好土地变更调查工作的通知\n各乡镇：\n根据国土空间总体规划要求……");
    assertThat(land.category()).isNull();
    assertThat(land.source()).isEqualTo(CategorySource.NONE);
    assertThat(land.question()).contains("正式文件", "临规资发〔2024〕5号");
    Classification application = c.classify(null, "入党申请书.docx", "入党申请书\n我向先进同志学习，积极参加活动。");
    assertThat(application.category()).isNull();
    assertThat(application.question()).contains("入党申请书");
    assertThat(c.classify(null, "2024年第三季度思想汇报.docx", "本季度我参加了主题党日活动。").category()).isNull();
    assertThat(
            c.classify(null, "2024年办公用品采购台账.xlsx", "序号\t采购项目\t计划结束采购时间\n1\t打印纸\t2024年3月")
                .category())
        .isNull();
  }

  @Test
  void withoutATitleTheShapeDecides() {
    Catalog c = Catalog.load(Path.of("index-config"));
    Classification sheet = c.classify(null, "表格1.xlsx", "序号\t姓  名\t职务\t签 到\n1\t王某\t党员\t");
    assertThat(code(sheet)).isEqualTo("sign-in");
    assertThat(sheet.source()).isEqualTo(CategorySource.STRUCTURE);
    Classification minutes =
        c.classify(null, "文档3.docx", "支部会\n时间：2024年3月5日\n地点：会议室\n主持人：王某\n记录人：李某\n议题：研究志愿服务");
    assertThat(code(minutes)).isEqualTo("meeting");
    assertThat(minutes.source()).isEqualTo(CategorySource.STRUCTURE);
    Classification group =
        c.classify(null, "扫描件.pdf", "城关镇人民政府文件\n城政字〔2024〕8号\n关于调整城关镇精神文明建设指挥部的通知\n各村：……");
    assertThat(code(group)).isEqualTo("leading-group");
    Classification nothing = c.classify(null, "IMG_0001.jpg", "");
    assertThat(nothing.category()).isNull();
    assertThat(nothing.uncertain()).isTrue();
    assertThat(nothing.question()).isNotBlank();
  }

  @Test
  void theBodyAloneIsAGuessToConfirm() {
    Catalog c = Catalog.load(Path.of("index-config"));
    Classification body = c.classify(null, "材料5.docx", "今年以来我们组织志愿服务十余次。\n志愿服务覆盖全村。\n下一步继续深化志愿服务。");
    assertThat(code(body)).isEqualTo("activity");
    assertThat(body.source()).isEqualTo(CategorySource.BODY);
    assertThat(body.uncertain()).isTrue();
    assertThat(body.question()).contains("请确认");
  }

  @Test
  void markedKeywordsAndNotEvidencePhrasesAreCheckedWithTheirLine() throws Exception {
    Files.writeString(dir.resolve("unit-types.txt"), "文明单位\n");
    Files.writeString(
        dir.resolve("categories.txt"), "plan | 计划 | 工作计划, 计划$, !采购\nmeeting | 会议 | !会议\n");
    assertThatThrownBy(() -> Catalog.load(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.problem()).contains("至少需要一个识别关键词");
            });
    Files.writeString(dir.resolve("categories.txt"), "plan | 计划 | 工作!计划\n");
    assertThatThrownBy(() -> Catalog.load(dir))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.problem()).contains("“!”只能写在开头"));
    Files.writeString(dir.resolve("categories.txt"), "plan | 计划 | 工作计划, 计划$, !采购\n");
    Files.writeString(dir.resolve("not-evidence.txt"), "# 注释\n请假条 | 请假\n假\n");
    assertThatThrownBy(() -> Catalog.load(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.problem()).contains("太短");
            });
    Files.writeString(dir.resolve("not-evidence.txt"), "请假条 | 请假\n");
    Catalog c = Catalog.load(dir);
    assertThat(code(c.classify(null, "2024年工作计划.docx", ""))).isEqualTo("plan");
    assertThat(c.classify(null, "2024年食堂采购计划.docx", "").category()).isNull();
    assertThat(c.classify(null, "请假条.docx", "").question()).contains("请假");
  }
}
