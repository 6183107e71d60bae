package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.taizhang.binder.BinderPlan;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.completeness.UnitCompleteness;
import org.taizhang.pdf.ExportFont;
import org.taizhang.pdf.FontUnavailableException;

/**
 * The PDF exports render Chinese with an embedded font, wrap long lines and paginate; without a
 * font they refuse.
 */
class PdfReportsTest {
  private static final LocalDateTime NOW = LocalDateTime.of(2025, 11, 20, 9, 30);

  @Test
  void completenessReportCarriesTheUnitIndicatorsMissingItemsExplanationsAndRedFlags()
      throws IOException {
    Fixtures.requireFont();
    byte[] pdf =
        PdfReports.with(ExportFont.of("")).completeness(Fixtures.unit(), Fixtures::lookup, NOW);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = compact(new PDFTextStripper().getText(doc));
      // A vetoed unit: the veto where the score would be, credited to the administrator by name.
      assertThat(text)
          .contains(
              Fixtures.UNIT_NAME,
              "2025年度文明创建台账完整性报告",
              "文明单位（文明行业）测评体系",
              "得分：一票否决·不得申报",
              "排名：3/3",
              "一票否决：" + compact(Fixtures.VETO) + "（记录人：" + Fixtures.ADMIN_NAME + "）");
      assertThat(text).doesNotContain("得分：13.24");
      assertThat(text).contains("待评：1项", "疑点：2项：模板未填写1、疑似雷同1");
      // Every indicator with its status and grade; the long names are wrapped, so compare without
      // line breaks.
      assertThat(text)
          .contains(
              compact(Fixtures.MEETING),
              compact(Fixtures.GROUP),
              Fixtures.SUMMARY,
              compact(Fixtures.POST));
      assertThat(text).contains("状态：说明逾期", "等级：B", "状态：待评", "状态：缺失", "等级：C", "状态：人工评定");
      assertThat(text)
          .contains(
              "已调整：原等级D，调整为C，理由：" + Fixtures.OVERRIDE_REASON + "（" + Fixtures.REVIEWER_NAME + "）");
      assertThat(text)
          .contains(
              compact(
                  "人工评定：等级 B，实地考察日期 2025-10-12，情况："
                      + Fixtures.HAND_NOTE
                      + "（评定人："
                      + Fixtures.REVIEWER_NAME
                      + "）"));
      assertThat(text).doesNotContain("reviewer");
      assertThat(text)
          .contains("【疑似雷同】" + compact(Fixtures.NEAR_COPY_HIDDEN))
          .doesNotContain("test-other");
      // Evidence by title and date; missing items with their explanations.
      assertThat(text)
          .contains("《2025年第一季度创建工作会议记录》2025-03-05", "《关于调整县卫健局文明创建工作领导小组的通知》2025-03-10");
      assertThat(text)
          .contains(
              Fixtures.MISSING_Q3,
              Fixtures.MISSING_SUMMARY,
              "缺项说明：" + Fixtures.EXPLANATION,
              "完成期限：2025-10-31（已逾期）");
      assertThat(text).contains("【模板未填写】" + compact(Fixtures.RED_FLAG));
      assertThat(text).contains("第1页/共" + doc.getNumberOfPages() + "页", "生成时间：2025-11-2009:30");
      assertFontsEmbedded(doc);
      assertThat(doc.getDocumentInformation().getTitle())
          .isEqualTo(Fixtures.UNIT_NAME + " 2025年度台账完整性报告");
    }
  }

  @Test
  void longReportsWrapAndRunOverSeveralPages() throws IOException {
    Fixtures.requireFont();
    var base = Fixtures.unit();
    List<IndicatorResult> many = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      var r = base.indicators().get(1);
      many.add(
          new IndicatorResult(
              "Ⅸ-" + i,
              r.name() + "，" + r.name(),
              "第" + (i / 10) + "组",
              r.points(),
              r.method(),
              r.status(),
              r.computedGrade(),
              r.grade(),
              r.override(),
              r.handGrade(),
              r.score(),
              r.evidence(),
              r.missing()));
    }
    var big =
        new UnitCompleteness(
            base.unit(),
            base.unitName(),
            base.unitType(),
            base.parentUnit(),
            2025,
            base.system(),
            many,
            1,
            2,
            0,
            0,
            1,
            1,
            List.of(),
            List.of());
    byte[] pdf = PdfReports.with(ExportFont.of("")).completeness(big, Fixtures::lookup, NOW);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(3);
      String text = new PDFTextStripper().getText(doc);
      // Each indicator's name (about 60 characters) does not fit on one line: it is broken, not
      // cut.
      assertThat(compact(text))
          .contains(
              "Ⅸ-59"
                  + compact(
                      base.indicators().get(1).name() + "，" + base.indicators().get(1).name()));
      for (String line : text.split("\\R")) {
        assertThat(line.length()).as("no line runs off the page: %s", line).isLessThan(60);
      }
      PDFTextStripper last = new PDFTextStripper();
      last.setStartPage(doc.getNumberOfPages());
      last.setEndPage(doc.getNumberOfPages());
      assertThat(compact(last.getText(doc)))
          .contains("第" + doc.getNumberOfPages() + "页/共" + doc.getNumberOfPages() + "页");
    }
  }

  @Test
  void catalogueListsTheIndicatorsThenEveryItemInBinderOrder() throws IOException {
    Fixtures.requireFont();
    byte[] pdf = PdfReports.with(ExportFont.of("")).catalogue(Fixtures.plan(), NOW);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String first = page(doc, 1);
      assertThat(first)
          .contains(
              Fixtures.UNIT_NAME,
              "2025年度文明创建档案总目录",
              "测评体系：文明单位测评体系",
              "共2项指标4件",
              "序号指标评定件数页数缺项",
              "1Ⅰ-1-1",
              "达标12",
              "3其他归档材料");
      String all = compact(new PDFTextStripper().getText(doc));
      assertThat(all)
          .contains(
              "卷内目录",
              "件号档号文号责任者日期题名页数保管期限备注",
              "另见：test-wjj-WS·2025-Y-0001《关于成立创建工作领导小组的通知》",
              "缺项：" + Fixtures.MISSING_Q3 + "（已说明：" + Fixtures.EXPLANATION);
      // Items in binder order: the permanent notice, then the meetings, then the photo.
      assertThat(all.indexOf("test-wjj-WS·2025-Y-0001"))
          .isLessThan(all.indexOf("test-wjj-WS·2025-D10-0001"));
      assertThat(all.indexOf("test-wjj-WS·2025-D10-0001"))
          .isLessThan(all.indexOf("test-wjj-WS·2025-D10-0002"));
      assertThat(all.indexOf("test-wjj-WS·2025-D10-0002"))
          .isLessThan(all.indexOf("test-wjj-WS·2025-D10-0003"));
      assertThat(all).contains("青卫发〔2025〕3号", "2025-03-10", "永久", "页数待转换后确定");
      assertFontsEmbedded(doc);
    }
  }

  @Test
  void anEmptyYearStillGivesACatalogueThatSaysSo() throws IOException {
    Fixtures.requireFont();
    BinderPlan empty =
        new BinderPlan("x", "空单位", "文明单位", 2023, "", "", LocalDate.of(2023, 12, 1), List.of());
    try (PDDocument doc =
        Loader.loadPDF(PdfReports.with(ExportFont.of("")).catalogue(empty, NOW))) {
      assertThat(doc.getNumberOfPages()).isEqualTo(1);
      assertThat(page(doc, 1)).contains("空单位", "本年度没有归档材料");
    }
  }

  @Test
  void withoutAnEmbeddableFontTheExportRefusesInChinese() {
    ExportFont none = ExportFont.only(List.of(Path.of("target/no-such-font.ttc")));
    assertThatThrownBy(
            () -> PdfReports.with(none).completeness(Fixtures.unit(), Fixtures::lookup, NOW))
        .isInstanceOf(FontUnavailableException.class)
        .hasMessageContaining("中文字体")
        .hasMessageContaining("fonts-wqy-microhei");
  }

  @Test
  void aFileThatIsNoFontIsSkippedForTheNextCandidate() throws IOException {
    Path font = Fixtures.requireFont();
    Path bogus = Path.of("target", "not-a-font.ttc");
    Files.createDirectories(bogus.getParent());
    Files.writeString(bogus, "这不是字体");
    ExportFont fonts = ExportFont.only(List.of(bogus, font));
    try (PDDocument doc =
        Loader.loadPDF(
            PdfReports.with(fonts).completeness(Fixtures.village(), Fixtures::lookup, NOW))) {
      assertThat(compact(new PDFTextStripper().getText(doc)))
          .contains("青禾县测试杏桥村", "2025年缺少活动照片", "状态：已说明", "得分：13.28/16");
    }
  }

  static String page(PDDocument doc, int n) throws IOException {
    PDFTextStripper s = new PDFTextStripper();
    s.setStartPage(n);
    s.setEndPage(n);
    return compact(s.getText(doc));
  }

  /** Text without whitespace: lines wrapped by width and spacing between columns do not matter. */
  static String compact(String s) {
    return s.replaceAll("[\\s\\u3000]+", "");
  }

  static void assertFontsEmbedded(PDDocument doc) throws IOException {
    int fonts = 0;
    for (PDPage page : doc.getPages()) {
      PDResources res = page.getResources();
      for (COSName name : res.getFontNames()) {
        PDFont font = res.getFont(name);
        assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        assertThat(font.getName()).contains("WenQuanYi");
        fonts++;
      }
    }
    assertThat(fonts).isPositive();
  }
}
