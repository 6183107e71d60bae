package org.taizhang.search;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.taizhang.access.Caller;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;

/**
 * What reviewers do with a result list besides reading it: {@code GET /search.xlsx} exports it to
 * Excel with the search page's parameters. Every signed-in role may export what it may search; the
 * rows are the caller's scope only, like the search itself.
 */
@Controller
class SearchExtrasController {
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

  private final ResultExport export;
  private final AuditLog audit;

  /** The office's clock: the export's time is the office's. */
  private final Clock clock;

  SearchExtrasController(ResultExport export, AuditLog audit, Clock clock) {
    this.export = export;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The result list of {@code /?q=…&unit=…&category=…&year=…&type=…&sort=…} as XLSX (at most 10,000
   * rows), in the page's order.
   */
  @GetMapping("/search.xlsx")
  ResponseEntity<byte[]> exportResults(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "type", required = false) String type,
      @RequestParam(name = "sort", required = false) String sort,
      Caller caller) {
    // Read as leniently as the search page (an unknown year or order is ignored), so the export
    // lists what the page showed.
    ResultExport.Criteria criteria =
        new ResultExport.Criteria(
            q,
            blankToNull(unit),
            blankToNull(category),
            year(year),
            blankToNull(type),
            SearchSort.parse(sort).orElse(SearchSort.RELEVANCE));
    LocalDateTime now = LocalDateTime.now(clock);
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    ResultExport.Export result =
        export.export(criteria, caller.scope(), base, caller.displayName(), now);
    audit.record(caller.username(), AuditAction.EXPORT, "检索结果", detail(criteria, result.rows()));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(XLSX);
    headers.setContentDisposition(
        ContentDisposition.attachment()
            .filename("检索结果-" + now.format(FILE_STAMP) + ".xlsx", StandardCharsets.UTF_8)
            .build());
    headers.setCacheControl("no-store");
    return new ResponseEntity<>(result.workbook(), headers, HttpStatus.OK);
  }

  /**
   * A query that does not parse: 400 with the parser's message (written for people), as the search
   * page shows it.
   */
  @ExceptionHandler(QueryParseException.class)
  ModelAndView badQuery(QueryParseException e) {
    ModelAndView mv = new ModelAndView("error");
    mv.setStatus(HttpStatus.BAD_REQUEST);
    mv.addObject("status", 400);
    mv.addObject("detail", "检索式有误，无法导出：" + e.getMessage());
    return mv;
  }

  /** “q=台账，年度=2025，128 条”: the search and the number of rows, for the audit log. */
  static String detail(ResultExport.Criteria c, int rows) {
    List<String> parts = new ArrayList<>();
    parts.add("q=" + (c.q() == null ? "" : c.q().strip()));
    if (c.unit() != null) {
      parts.add("单位=" + c.unit());
    }
    if (c.category() != null) {
      parts.add("类别=" + c.category());
    }
    if (c.year() != null) {
      parts.add("年度=" + c.year());
    }
    if (c.type() != null) {
      parts.add("文件类型=" + c.type());
    }
    parts.add(rows + " 条");
    return String.join("，", parts);
  }

  private static Integer year(String s) {
    try {
      int y = s == null || s.isBlank() ? 0 : Integer.parseInt(s.strip());
      return y >= 1900 && y <= 2999 ? y : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
