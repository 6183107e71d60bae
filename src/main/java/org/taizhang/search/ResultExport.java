package org.taizhang.search;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.springframework.stereotype.Service;
import org.taizhang.access.Scope;

/**
 * A search's result list as an Excel workbook (XLSX, written by POI's streaming SXSSF): every
 * matching document the caller may see, in the search's order, up to {@link #MAX_ROWS} rows,
 * fetched page by page through {@link SearchService#search} so the rows are exactly what the search
 * page and {@code /api/search} list. A second sheet records the search and whether the list was
 * cut.
 */
@Service
class ResultExport {
  public static final int MAX_ROWS = 10_000;
  public static final String SHEET = "检索结果";
  public static final String NOTES_SHEET = "说明";
  public static final List<String> HEADERS =
      List.of("序号", "题名", "单位", "类别", "文档日期", "年度", "文件类型", "摘要", "链接");

  private static final int PAGE_SIZE = SearchRequest.MAX_SIZE;

  /** Rows kept in memory while writing. */
  private static final int ROW_WINDOW = 200;

  /** Excel's limit for the text of one cell. */
  private static final int MAX_CELL_CHARS = 32_767;

  private static final int[] WIDTHS = {7, 40, 26, 12, 12, 7, 9, 80, 40};
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);");

  /**
   * The search to export: the search page's parameters ({@code sort} null for the default order).
   */
  public record Criteria(
      String q, String unit, String category, Integer year, String type, SearchSort sort) {}

  /**
   * The workbook, the rows it holds, and the number of matching documents (more than the rows when
   * cut).
   */
  public record Export(byte[] workbook, int rows, long total) {
    public boolean truncated() {
      return total > rows;
    }
  }

  private final SearchService search;

  ResultExport(SearchService search) {
    this.search = search;
  }

  /**
   * Runs the search within {@code scope} and writes the workbook.
   *
   * @throws QueryParseException when {@code q} does not follow the query language
   * @param baseUrl the service's address (e.g. {@code https://taizhang.example}), to make the 链接
   *     column clickable in Excel; null writes the paths without a link
   * @param exportedBy shown on the notes sheet
   */
  public Export export(
      Criteria query, Scope scope, String baseUrl, String exportedBy, LocalDateTime at) {
    // Streaming: only a window of rows stays in memory, the rest goes to a temporary file until
    // written.
    SXSSFWorkbook wb = new SXSSFWorkbook(ROW_WINDOW);
    try {
      Styles styles = new Styles(wb);
      SXSSFSheet sheet = wb.createSheet(SHEET);
      Row head = sheet.createRow(0);
      for (int c = 0; c < HEADERS.size(); c++) {
        text(head, c, HEADERS.get(c), styles.header);
        sheet.setColumnWidth(c, WIDTHS[c] * 256);
      }
      int rows = 0;
      long total = 0;
      for (int page = 1; rows < MAX_ROWS; page++) {
        SearchResult result = search.search(request(query, page), scope);
        total = result.total();
        for (SearchResult.Hit hit : result.hits()) {
          if (rows == MAX_ROWS) {
            break;
          }
          rows++;
          writeHit(wb, sheet.createRow(rows), rows, hit, baseUrl, documentQuery(query), styles);
        }
        if (result.hits().size() < PAGE_SIZE || (long) page * PAGE_SIZE >= total) {
          break;
        }
      }
      sheet.createFreezePane(0, 1);
      if (rows > 0) {
        sheet.setAutoFilter(new CellRangeAddress(0, rows, 0, HEADERS.size() - 1));
      }
      writeNotes(wb.createSheet(NOTES_SHEET), query, rows, total, exportedBy, at, styles);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      return new Export(out.toByteArray(), rows, total);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      closeQuietly(wb);
    }
  }

  /** Deletes the workbook's temporary files and closes it. */
  private static void closeQuietly(SXSSFWorkbook wb) {
    try {
      wb.dispose();
      wb.close();
    } catch (IOException e) {
      // only the temporary file could not be removed; the export itself is complete or already
      // failed
    }
  }

  /** One page of the search; the only place that builds the request, should it gain parameters. */
  private static SearchRequest request(Criteria query, int page) {
    return new SearchRequest(
        query.q(),
        query.unit(),
        query.category(),
        query.year(),
        query.type(),
        page,
        PAGE_SIZE,
        query.sort());
  }

  /**
   * What a link to a hit's document carries, so that the document opens with the query's hits
   * marked, as from the search page: {@code ?q=…}, or nothing for a query without words.
   */
  private static String documentQuery(Criteria query) {
    String q = query.q() == null ? "" : query.q().strip();
    return q.isEmpty()
        ? ""
        : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * One hit. The 链接 column holds the document's full address (the one the cell links to), so it
   * still works when copied out of the workbook, printed, or opened on another machine.
   */
  private static void writeHit(
      SXSSFWorkbook wb,
      Row row,
      int n,
      SearchResult.Hit hit,
      String baseUrl,
      String documentQuery,
      Styles styles) {
    Cell number = row.createCell(0);
    number.setCellValue(n);
    number.setCellStyle(styles.number);
    text(row, 1, hit.title(), styles.text);
    text(row, 2, hit.unitName(), styles.text);
    text(row, 3, hit.categoryName(), styles.text);
    text(row, 4, hit.date() == null ? "" : hit.date().toString(), styles.text);
    Cell year = row.createCell(5);
    year.setCellValue(hit.year());
    year.setCellStyle(styles.number);
    text(row, 6, hit.fileType(), styles.text);
    text(row, 7, plainText(hit.snippet()), styles.wrap);
    String path = "/documents/" + hit.id() + documentQuery;
    String address = baseUrl == null ? path : stripTrailingSlash(baseUrl) + path;
    Cell link = text(row, 8, address, baseUrl == null ? styles.text : styles.link);
    if (baseUrl != null) {
      Hyperlink h = wb.getCreationHelper().createHyperlink(HyperlinkType.URL);
      h.setAddress(address);
      link.setHyperlink(h);
    }
  }

  private static void writeNotes(
      SXSSFSheet sheet,
      Criteria query,
      int rows,
      long total,
      String exportedBy,
      LocalDateTime at,
      Styles styles) {
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("检索词", query.q() == null || query.q().isBlank() ? "（无，全部材料）" : query.q().strip());
    notes.put("单位", orAll(query.unit()));
    notes.put("类别", orAll(query.category()));
    notes.put("年度", query.year() == null ? "全部" : query.year().toString());
    notes.put("文件类型", orAll(query.type()));
    notes.put("排序", query.sort() == SearchSort.DATE ? "按日期（新的在前）" : "按相关度");
    notes.put("命中总数", Long.toString(total));
    notes.put("导出条数", Integer.toString(rows));
    if (total > rows) {
      notes.put("提示", "结果超过 " + MAX_ROWS + " 条，仅导出前 " + rows + " 条；请增加检索条件后分批导出。");
    }
    notes.put("范围", "仅含导出人有权查看的单位的材料");
    notes.put("导出人", exportedBy == null ? "" : exportedBy);
    notes.put("导出时间", at.format(STAMP));
    int r = 0;
    for (var e : notes.entrySet()) {
      Row row = sheet.createRow(r++);
      text(row, 0, e.getKey(), styles.header);
      text(row, 1, e.getValue(), styles.text);
    }
    sheet.setColumnWidth(0, 12 * 256);
    sheet.setColumnWidth(1, 70 * 256);
  }

  private static String orAll(String s) {
    return s == null || s.isBlank() ? "全部" : s.strip();
  }

  private static String stripTrailingSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static Cell text(Row row, int column, String value, XSSFCellStyle style) {
    Cell c = row.createCell(column);
    String v = value == null ? "" : value;
    c.setCellValue(v.length() > MAX_CELL_CHARS ? v.substring(0, MAX_CELL_CHARS - 1) + "…" : v);
    c.setCellStyle(style);
    return c;
  }

  /** A snippet's HTML as plain text: the marks dropped, the escaped characters restored. */
  static String plainText(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    String noTags = TAG.matcher(html).replaceAll("");
    Matcher m = ENTITY.matcher(noTags);
    StringBuilder sb = new StringBuilder(noTags.length());
    while (m.find()) {
      String e = m.group(1);
      String replacement =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> {
              int cp =
                  e.startsWith("#x")
                      ? Integer.parseInt(e.substring(2), 16)
                      : Integer.parseInt(e.substring(1));
              yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
            }
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Cell styles, made once per workbook. */
  private static final class Styles {
    final XSSFCellStyle header;
    final XSSFCellStyle text;
    final XSSFCellStyle wrap;
    final XSSFCellStyle number;
    final XSSFCellStyle link;

    Styles(SXSSFWorkbook wb) {
      XSSFFont bold = (XSSFFont) wb.createFont();
      bold.setBold(true);
      header = bordered(wb);
      header.setFont(bold);
      header.setFillForegroundColor(
          new XSSFColor(new byte[] {(byte) 0xF0, (byte) 0xF2, (byte) 0xF4}, null));
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      text = bordered(wb);
      wrap = bordered(wb);
      wrap.setWrapText(true);
      number = bordered(wb);
      XSSFFont blue = (XSSFFont) wb.createFont();
      blue.setUnderline(XSSFFont.U_SINGLE);
      blue.setColor(new XSSFColor(new byte[] {(byte) 0x1A, (byte) 0x4F, (byte) 0x9C}, null));
      link = bordered(wb);
      link.setFont(blue);
    }

    private static XSSFCellStyle bordered(SXSSFWorkbook wb) {
      XSSFCellStyle s = (XSSFCellStyle) wb.createCellStyle();
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      s.setVerticalAlignment(VerticalAlignment.TOP);
      return s;
    }
  }
}
