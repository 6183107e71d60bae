package org.taizhang.binder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.completeness.IndicatorResult;
import org.taizhang.job.Job;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * The binder of a sample unit-year (南湖社区 2025: PDFs, Word documents, activity photos), read back
 * with PDFBox: sections in the evaluation system's order with a bookmark each, the 总目录's page
 * ranges where each item's 归档章 stands, a page number on every page, photos with their captions, the
 * page that stands for a document this server cannot convert.
 */
@SampleArchiveTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BinderSampleTest {
  private static final String UNIT = "cg-nhsq";
  private static final int YEAR = 2025;
  private static final Pattern ROW_END = Pattern.compile("(\\d+)\\s+(\\d+)(?:-(\\d+))?\\s*$");

  @Autowired SampleArchive sample;
  @Autowired Binders binders;
  @Autowired BinderPlanner planner;
  @Autowired UnitRepository units;
  @Autowired CompletenessService completeness;
  @Autowired ItemRenditions renditions;
  @Autowired ArchiveNumbering numbering;

  private BinderPlan plan;
  private BinderLayout layout;
  private PDDocument pdf;
  private final List<String> pages = new ArrayList<>();

  @BeforeAll
  void build() throws IOException {
    assertThat(sample.imported().rejected()).isEmpty();
    Unit unit = units.find(UNIT).orElseThrow();
    // Under target/, to be looked at when a test fails.
    Path file = Path.of("target", "binder-test", UNIT + "-" + YEAR + ".pdf");
    layout = binders.build(unit, YEAR, file, Job.untracked("test"));
    // After the build, which made the renditions the plan lacked: the catalogues' plan.
    plan = planner.plan(unit, YEAR);
    pdf = Loader.loadPDF(file.toFile());
    PDFTextStripper text = new PDFTextStripper();
    text.setSortByPosition(true);
    for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
      text.setStartPage(i);
      text.setEndPage(i);
      pages.add(text.getText(pdf));
    }
  }

  private String page(int number) {
    return pages.get(number - 1);
  }

  @Test
  void everyPageIsNumberedAndTheLayoutCountsThemAll() {
    assertThat(layout.pages()).isEqualTo(pdf.getNumberOfPages());
    for (int i = 1; i <= layout.pages(); i++) {
      assertThat(page(i)).as("page %d", i).contains("第 " + i + " 页 / 共 " + layout.pages() + " 页");
    }
    assertThat(page(1)).contains("青禾县城关街道南湖社区", "2025年度文明创建迎检台账", "负责人签字", "单位盖章");
    assertThat(page(2)).contains("总目录");
  }

  @Test
  void sectionsFollowTheEvaluationSystemWithABookmarkEach() throws IOException {
    List<String> system =
        completeness.unit(UNIT, YEAR).orElseThrow().indicators().stream()
            .filter(IndicatorResult::documentReview)
            .map(IndicatorResult::code)
            .toList();
    List<String> codes =
        layout.sections().stream().map(BinderLayout.SectionPlacement::code).toList();
    assertThat(codes.subList(0, system.size())).isEqualTo(system);
    assertThat(codes.size()).isIn(system.size(), system.size() + 1);
    int previous = layout.cataloguePages() + 1;
    for (BinderLayout.SectionPlacement s : layout.sections()) {
      assertThat(s.dividerPage()).isGreaterThan(previous);
      previous = s.dividerPage();
      assertThat(page(s.dividerPage())).contains("第 " + s.number() + " 部分");
      if (!s.code().equals(BinderPlan.OTHER)) {
        assertThat(page(s.dividerPage())).contains(s.code());
      }
    }

    List<PDOutlineItem> top = new ArrayList<>();
    pdf.getDocumentCatalog().getDocumentOutline().children().forEach(top::add);
    assertThat(top.get(0).getTitle()).isEqualTo("封面");
    assertThat(top.get(1).getTitle()).isEqualTo("总目录");
    List<PDOutlineItem> sections = top.subList(2, top.size());
    assertThat(sections).hasSize(layout.sections().size());
    for (int i = 0; i < sections.size(); i++) {
      BinderLayout.SectionPlacement s = layout.sections().get(i);
      PDOutlineItem b = sections.get(i);
      assertThat(b.getTitle()).startsWith(s.code().equals(BinderPlan.OTHER) ? "其他" : s.code());
      assertThat(pageOf(b)).isEqualTo(s.dividerPage());
      List<PDOutlineItem> children = new ArrayList<>();
      b.children().forEach(children::add);
      List<BinderPlan.Item> items = plan.sections().get(i).items();
      for (int j = 0; j < items.size(); j++) {
        assertThat(pageOf(children.get(j)))
            .isEqualTo(layout.item(items.get(j).archiveCode()).orElseThrow().firstPage());
      }
    }
  }

  private int pageOf(PDOutlineItem b) throws IOException {
    PDPage target = ((PDPageDestination) b.getDestination()).getPage();
    return pdf.getPages().indexOf(target) + 1;
  }

  @Test
  void theCatalogueGivesThePagesWhereEachItemsArchiveStampStands() {
    assertThat(layout.items()).hasSize(plan.itemCount()).isNotEmpty();
    String catalogue = String.join("\n", pages.subList(1, 1 + layout.cataloguePages()));
    for (BinderPlan.Item item : plan.items().toList()) {
      BinderLayout.ItemPlacement placed = layout.item(item.archiveCode()).orElseThrow();
      String row =
          catalogue
              .lines()
              .filter(l -> l.contains(item.archiveCode()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no catalogue row for " + item.archiveCode()));
      Matcher m = ROW_END.matcher(row);
      assertThat(m.find()).as(row).isTrue();
      int pagesPrinted = Integer.parseInt(m.group(1));
      int first = Integer.parseInt(m.group(2));
      int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
      assertThat(pagesPrinted).as(row).isEqualTo(placed.pages());
      assertThat(first).as(row).isEqualTo(placed.firstPage());
      assertThat(last).as(row).isEqualTo(placed.lastPage());
      if (item.pages() != null) {
        assertThat(placed.pages()).as(item.archiveCode()).isEqualTo(item.pages());
      }
      // The 归档章 on the item's first page: its 件号 and 档号, as text.
      String stamped = page(first);
      assertThat(stamped)
          .as("page %d", first)
          .contains("档号：" + item.archiveCode(), "件号", numbering.itemNumber(item.number()))
          .contains("全宗号", "保管期限", item.retention().label());
      if (first > 1 && placed.pages() > 0) {
        assertThat(page(first - 1)).doesNotContain("档号：" + item.archiveCode());
      }
    }
  }

  @Test
  void photosArePrintedOnePerPageWithTheirCaptionUnderThem() throws IOException {
    List<BinderPlan.Item> photos =
        plan.items().filter(i -> i.kind() == BinderPlan.Kind.PHOTO).toList();
    assertThat(photos).isNotEmpty();
    for (BinderPlan.Item photo : photos) {
      BinderLayout.ItemPlacement placed = layout.item(photo.archiveCode()).orElseThrow();
      assertThat(placed.pages()).isEqualTo(1);
      PDPage page = pdf.getPage(placed.firstPage() - 1);
      List<COSName> images = new ArrayList<>();
      for (COSName n : page.getResources().getXObjectNames()) {
        if (page.getResources().isImageXObject(n)) {
          images.add(n);
        }
      }
      assertThat(images).as(photo.title()).hasSize(1);
      // The camera's time, as the caption's first line (the sample's photos all carry EXIF).
      assertThat(page(placed.firstPage())).contains("时间：2025年", photo.title());
    }
  }

  @Test
  void aWordDocumentThisServerCannotConvertStandsAsAPageSayingWhy() {
    BinderPlan.Item word =
        plan.items()
            .filter(i -> i.kind() == BinderPlan.Kind.CONVERTED)
            .findFirst()
            .orElseThrow(() -> new AssertionError("南湖社区 2025 has Word documents"));
    BinderLayout.ItemPlacement placed = layout.item(word.archiveCode()).orElseThrow();
    if (!renditions.available()) {
      assertThat(System.getenv("CI")).as("LibreOffice is installed on CI").isNotEqualTo("true");
      assertThat(placed.pages()).isEqualTo(1);
      assertThat(page(placed.firstPage()).replaceAll("\\s+", ""))
          .contains("LibreOffice", word.title().replaceAll("\\s+", ""));
    } else {
      assertThat(placed.pages()).isEqualTo(word.pages());
    }
  }
}
