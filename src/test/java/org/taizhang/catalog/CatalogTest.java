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
}
