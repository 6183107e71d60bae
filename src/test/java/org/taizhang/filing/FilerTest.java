package org.taizhang.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.CategorySource;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.text.ChineseDates;

class FilerTest {
  private final Catalog catalog = Catalog.load(Path.of("index-config"));
  private final Filer filer =
      new Filer(catalog, new ChineseAnalysis(Path.of("index-config"))::fold);

  private Filed file(String fileName, String text) {
    return filer.infer(new Subject(null, fileName, text, "text/plain", null, null, false, null));
  }

  @Test
  void theSignatureDatesAFormalDocumentAndTheTitleFilesIt() {
    Filed f =
        file(
            "关于成立创建工作领导小组的通知.docx",
            "安平县卫生健康局文件\n安卫健发〔2024〕7号\n关于成立创建工作领导小组的通知\n各科室：\n组长：王某\n安平县卫生健康局\n2024年4月2日");
    assertThat(f.category()).isEqualTo("leading-group");
    assertThat(f.date()).isEqualTo(LocalDate.of(2024, 4, 2));
    assertThat(f.inference().dateSource()).isEqualTo(DateSource.SIGNATURE);
    assertThat(f.inference().categorySource()).isEqualTo(CategorySource.TITLE);
    assertThat(f.inference().question()).isNull();
    assertThat(f.inference().uncertain()).isFalse();
  }

  @Test
  void traditionalTextIsFiledAsItsSimplifiedForm() {
    Filed f = file("臺帳管理辦法.txt", "臺帳管理辦法\n本辦法適用於本校各處室之文明創建臺帳資料整理與歸檔工作。");
    assertThat(f.category()).isEqualTo("rules");
    assertThat(f.inference().categorySource()).isEqualTo(CategorySource.TITLE);
  }

  @Test
  void aDocumentThatStatesNoDateHasNoneWhateverItsFileSays() {
    Filed f = file("志愿服务活动记录.docx", "志愿服务活动记录\n参加人员：王某、李某\n活动内容：清扫街道。");
    assertThat(f.date()).isNull();
    assertThat(f.dated()).isNull();
    assertThat(f.inference().dateSource()).isEqualTo(DateSource.NONE);
    assertThat(f.inference().undated()).isTrue();
    assertThat(f.inference().question()).contains("没有写明日期");
  }

  @Test
  void aMonthIsThePeriodAndNoDay() {
    Filed f = file("道德讲堂活动记录.txt", "道德讲堂活动记录\n活动时间：2019年7月\n活动地点：村文化礼堂");
    assertThat(f.date()).isNull();
    assertThat(f.period())
        .isEqualTo(new ChineseDates.Period(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 7, 31)));
    assertThat(f.inference().dateSource()).isEqualTo(DateSource.TEXT);
    assertThat(f.inference().undated()).isFalse();
  }

  @Test
  void theTitlesPeriodPlacesASummaryDatedInALaterMonth() {
    Filed f = file("2024年上半年文明创建工作小结.docx", "2024年上半年文明创建工作小结\n……\n幸福社区居民委员会\n2024年7月");
    assertThat(f.category()).isEqualTo("half-year-summary");
    assertThat(f.period())
        .isEqualTo(new ChineseDates.Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)));
    assertThat(f.dated().first()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(f.date()).isNull();
  }

  @Test
  void aPhotoIsDatedWhenItWasTakenAndFiledAsAPhoto() {
    Filed f =
        filer.infer(
            new Subject(
                null,
                "DSC0042.JPG",
                "",
                "image/jpeg",
                LocalDateTime.of(2024, 5, 4, 9, 30),
                null,
                false,
                null));
    assertThat(f.category()).isEqualTo("photo");
    assertThat(f.date()).isEqualTo(LocalDate.of(2024, 5, 4));
    assertThat(f.inference().dateSource()).isEqualTo(DateSource.EXIF);
    Filed activity =
        filer.infer(new Subject(null, "学雷锋志愿服务活动.jpg", "", "image/jpeg", null, null, false, null));
    assertThat(activity.category()).isEqualTo("photo");
    assertThat(activity.inference().dateSource()).isEqualTo(DateSource.NONE);
  }

  @Test
  void whatAPersonOrAFolderSaysIsCertain() {
    Filed given =
        filer.infer(
            new Subject(
                null,
                "材料.docx",
                "",
                "text/plain",
                null,
                catalog.category("rules").orElseThrow(),
                false,
                LocalDate.of(2024, 1, 2)));
    assertThat(given.inference())
        .isEqualTo(new Inference(CategorySource.GIVEN, 1, DateSource.GIVEN, null));
    Filed path =
        filer.infer(
            new Subject(
                null,
                "材料.docx",
                "",
                "text/plain",
                null,
                catalog.category("rules").get(),
                true,
                null));
    assertThat(path.inference().categorySource()).isEqualTo(CategorySource.PATH);
  }
}
