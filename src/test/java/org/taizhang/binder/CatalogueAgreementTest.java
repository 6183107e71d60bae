package org.taizhang.binder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.taizhang.rendition.Renditions;
import org.taizhang.support.Basic;
import org.taizhang.support.SampleArchive;
import org.taizhang.support.SampleArchiveTest;
import org.taizhang.support.ServiceTest;
import org.taizhang.unit.UnitRepository;

/**
 * For five sample units, the Excel and PDF catalogues list the same items in the same order with
 * the same 件号, 档号 and 页数 as the binder plan they are printed from.
 */
@SampleArchiveTest
class CatalogueAgreementTest {
  static final List<String> UNITS = List.of("qhx-jyj", "qhx-wjj", "hxz-ltc", "cg-nhsq", "hxz-zxxx");
  private static final int YEAR = 2025;

  @LocalServerPort int port;
  @Autowired SampleArchive sample;
  @Autowired BinderPlanner planner;
  @Autowired UnitRepository units;
  @Autowired Renditions renditions;

  private final HttpClient http = HttpClient.newHttpClient();

  /** 件号, 档号 and 页数 of one item, as a catalogue prints them. */
  record Row3(String number, String archiveCode, String pages) {}

  @Test
  void excelAndPdfCataloguesAgreeWithThePlanItemByItem() throws Exception {
    sample.imported();
    // Page counts of office files arrive as their renditions are made in the background: compare
    // once they are all made, so that none arrives between two downloads.
    for (int i = 0; i < 1200 && renditions.backlog() > 0; i++) {
      Thread.sleep(100);
    }
    assertThat(renditions.backlog()).as("renditions still to be made").isZero();
    for (String unit : UNITS) {
      BinderPlan plan = planner.plan(units.find(unit).orElseThrow(), YEAR);
      assertThat(plan.itemCount()).as(unit).isGreaterThan(3);
      List<Row3> planned =
          plan.items()
              .map(
                  i ->
                      new Row3(
                          String.valueOf(i.number()),
                          i.archiveCode(),
                          i.pages() == null ? "" : i.pages().toString()))
              .toList();
      assertThat(planned.stream().map(Row3::archiveCode).distinct().count())
          .as("%s: every 档号 is unique", unit)
          .isEqualTo(planned.size());

      List<Row3> excel = new ArrayList<>();
      try (XSSFWorkbook wb =
          new XSSFWorkbook(
              new ByteArrayInputStream(get("/units/" + unit + "/catalogue.xlsx?year=" + YEAR)))) {
        for (Row r : wb.getSheet("卷内目录")) {
          if (r.getRowNum() > 1) {
            excel.add(new Row3(cell(r.getCell(1)), cell(r.getCell(2)), cell(r.getCell(7))));
          }
        }
      }
      assertThat(excel).as(unit).containsExactlyElementsOf(planned);

      try (PDDocument doc = Loader.loadPDF(get("/units/" + unit + "/catalogue.pdf?year=" + YEAR))) {
        String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        int at = text.indexOf("卷内目录");
        assertThat(at).as(unit).isPositive();
        for (Row3 row : planned) {
          // 件号 then 档号, on one line; in plan order.
          int next = text.indexOf(row.number() + row.archiveCode(), at);
          assertThat(next).as("%s: %s after position %d", unit, row, at).isGreaterThan(at);
          at = next;
        }
        for (BinderPlan.Section s : plan.sections()) {
          String sum =
              s.items().stream().anyMatch(i -> i.pages() == null)
                  ? ""
                  : String.valueOf(s.items().stream().mapToInt(BinderPlan.Item::pages).sum());
          assertThat(text).as("%s: 总目录 row of %s", unit, s.code()).contains(s.items().size() + sum);
        }
      }
    }
  }

  private static String cell(Cell c) {
    if (c == null) {
      return "";
    }
    return c.getCellType() == CellType.NUMERIC
        ? String.valueOf((long) c.getNumericCellValue())
        : c.getStringCellValue();
  }

  private byte[] get(String path) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .headers(Basic.auth("admin", ServiceTest.ADMIN_PASSWORD))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as("GET %s", path).isEqualTo(200);
    return r.body();
  }
}
