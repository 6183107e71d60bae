package org.taizhang.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import org.taizhang.time.OfficeTime;

/**
 * The administrators' view of the audit trail and its CSV export. Access is decided by the security
 * configuration, which admits only administrators to {@code /admin/**}.
 */
@Controller
class AuditPageController {
  static final int PAGE_SIZE = 50;
  // Keeps a hand-edited ?page= within what an int offset calculation and a database can sensibly
  // serve.
  private static final int MAX_PAGE = 1_000_000;

  private final AuditLog audit;
  private final OfficeTime time;

  AuditPageController(AuditLog audit, OfficeTime time) {
    this.audit = audit;
    this.time = time;
  }

  @GetMapping("/admin/audit")
  String page(
      @RequestParam(name = "actor", required = false) String actor,
      @RequestParam(name = "action", required = false) String action,
      @RequestParam(name = "target", required = false) String target,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "page", required = false) String page,
      Model model) {
    // Everything arrives as text and is read leniently: a bad value becomes a warning, never a 400.
    AuditFilters filters = AuditFilters.parse(actor, action, target, from, to);
    int pageNumber = parsePage(page);
    AuditQuery query = filters.query(pageNumber, PAGE_SIZE);
    List<AuditEvent> events = audit.find(query);
    long total = audit.count(query);
    model.addAttribute("p", new AuditPage(filters, events, total, pageNumber, PAGE_SIZE, time));
    return "admin/audit";
  }

  @GetMapping("/admin/audit.csv")
  void csv(
      @RequestParam(name = "actor", required = false) String actor,
      @RequestParam(name = "action", required = false) String action,
      @RequestParam(name = "target", required = false) String target,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      HttpServletResponse response)
      throws IOException {
    AuditFilters filters = AuditFilters.parse(actor, action, target, from, to);
    String fileName = filters.csvFileName(time.today());
    response.setContentType("text/csv;charset=UTF-8");
    // filename* carries the Chinese name (RFC 6266); the plain filename is for clients that ignore
    // it.
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename=\"audit.csv\"; filename*=UTF-8''"
            + UriUtils.encode(fileName, StandardCharsets.UTF_8));
    // Streamed row by row: an export of a whole year's trail need not fit in memory.
    Writer out = response.getWriter();
    audit.exportCsv(filters.query(1, PAGE_SIZE), out);
  }

  private static int parsePage(String page) {
    if (page == null || page.isBlank()) {
      return 1;
    }
    try {
      return Math.min(MAX_PAGE, Math.max(1, Integer.parseInt(page.strip())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
