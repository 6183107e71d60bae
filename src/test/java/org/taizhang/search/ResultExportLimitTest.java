package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.taizhang.access.Scope;
import org.taizhang.index.SolrIndex;

/**
 * The export's limits without a running service: at most 10,000 rows however many documents match,
 * fetched in pages of 100, and snippets as plain text.
 */
class ResultExportLimitTest {
  /** A search that finds {@code total} documents and remembers the requests it was given. */
  static final class FakeSearch extends SearchService {
    final long total;
    final List<SearchRequest> requests = new ArrayList<>();

    FakeSearch(long total) {
      super(
          null,
          null,
          null,
          null,
          null,
          null,
          new StaticListableBeanFactory().getBeanProvider(SolrIndex.class));
      this.total = total;
    }

    @Override
    public SearchResult search(SearchRequest request, Scope scope) {
      requests.add(request);
      List<SearchResult.Hit> hits = new ArrayList<>();
      long first = (long) (request.page() - 1) * request.size();
      for (long i = first; i < Math.min(total, first + request.size()); i++) {
        hits.add(
            new SearchResult.Hit(
                i + 1,
                "材料" + (i + 1),
                "u",
                "单位",
                "meeting",
                "会议记录",
                i % 2 == 0 ? LocalDate.of(2025, 1, 2) : null,
                2025,
                "PDF",
                "开展<mark>台账</mark>整理 &lt;script&gt; &amp; &#x27;引号&#x27; &quot;双引号&quot; &#47;"));
      }
      return new SearchResult(total, request.page(), request.size(), hits, Map.of());
    }
  }

  private static ResultExport.Export export(FakeSearch search) {
    return new ResultExport(search)
        .export(
            new ResultExport.Criteria("台账", null, null, null, null, null),
            Scope.ALL,
            null,
            "测试",
            LocalDateTime.of(2025, 6, 1, 9, 30));
  }

  @Test
  void atMostTenThousandRowsAndTheNotesSaySo() throws Exception {
    FakeSearch search = new FakeSearch(12_345);
    ResultExport.Export e = export(search);
    assertThat(e.rows()).isEqualTo(ResultExport.MAX_ROWS);
    assertThat(e.total()).isEqualTo(12_345);
    assertThat(e.truncated()).isTrue();
    assertThat(search.requests)
        .hasSize(100)
        .allSatisfy(
            r -> {
              assertThat(r.size()).isEqualTo(100);
              assertThat(r.q()).isEqualTo("台账");
              assertThat(r.sort()).isEqualTo(SearchSort.RELEVANCE);
            });
    assertThat(search.requests).extracting(SearchRequest::page).startsWith(1, 2, 3).endsWith(100);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(e.workbook()))) {
      XSSFSheet sheet = wb.getSheet(ResultExport.SHEET);
      assertThat(sheet.getLastRowNum()).isEqualTo(ResultExport.MAX_ROWS);
      DataFormatter f = new DataFormatter();
      Row last = sheet.getRow(ResultExport.MAX_ROWS);
      assertThat(f.formatCellValue(last.getCell(0))).isEqualTo("10000");
      assertThat(f.formatCellValue(last.getCell(8)))
          .isEqualTo("/documents/10000?q=%E5%8F%B0%E8%B4%A6");
      assertThat(last.getCell(8).getHyperlink()).as("no base address, no link").isNull();
      String notes = "";
      for (Row r : wb.getSheet(ResultExport.NOTES_SHEET)) {
        notes += f.formatCellValue(r.getCell(0)) + "=" + f.formatCellValue(r.getCell(1)) + "\n";
      }
      assertThat(notes)
          .contains("命中总数=12345", "导出条数=10000", "仅导出前 10000 条", "导出人=测试", "导出时间=2025-06-01 09:30");
    }
  }

  @Test
  void stopsAtTheLastPage() {
    FakeSearch search = new FakeSearch(250);
    ResultExport.Export e = export(search);
    assertThat(e.rows()).isEqualTo(250);
    assertThat(e.truncated()).isFalse();
    assertThat(search.requests).hasSize(3);
    FakeSearch exact = new FakeSearch(200);
    assertThat(export(exact).rows()).isEqualTo(200);
    assertThat(exact.requests).as("no empty third page asked for").hasSize(2);
    FakeSearch none = new FakeSearch(0);
    assertThat(export(none).rows()).isZero();
    assertThat(none.requests).hasSize(1);
  }

  @Test
  void snippetsBecomePlainText() {
    assertThat(
            ResultExport.plainText(
                "开展<mark>台账</mark>整理 &lt;script&gt; &amp; &#x27;引号&#x27; &quot;双引号&quot; &#47;"))
        .isEqualTo("开展台账整理 <script> & '引号' \"双引号\" /");
    assertThat(ResultExport.plainText("&amp;lt;")).as("decoded once only").isEqualTo("&lt;");
    assertThat(ResultExport.plainText(null)).isEmpty();
    assertThat(ResultExport.plainText("&unknown; &#xZZ;")).isEqualTo("&unknown; &#xZZ;");
  }
}
