package org.taizhang.audit;

import java.util.ArrayList;
import java.util.List;
import org.taizhang.time.OfficeTime;

/**
 * What the audit page shows: the filters in force, one page of events, and the links around them.
 */
final class AuditPage {
  /** Page numbers shown either side of the current page. */
  private static final int PAGER_SPAN = 2;

  private static final List<AuditAction> ACTIONS = List.of(AuditAction.values());

  /** One table row, with the time already in the office's zone. */
  record Row(
      long id,
      String time,
      String actor,
      String address,
      String action,
      String actionLabel,
      String target,
      String detail) {
    static Row of(AuditEvent e, OfficeTime time) {
      return new Row(
          e.id(),
          time.seconds(e.at()),
          e.actor(),
          e.address(),
          e.action().name(),
          e.action().label(),
          e.target(),
          e.detail());
    }
  }

  private final AuditFilters filters;
  private final List<Row> rows;
  private final long total;
  private final int page;
  private final int size;

  AuditPage(
      AuditFilters filters,
      List<AuditEvent> events,
      long total,
      int page,
      int size,
      OfficeTime time) {
    this.filters = filters;
    this.rows = events.stream().map(e -> Row.of(e, time)).toList();
    this.total = total;
    this.page = page;
    this.size = size;
  }

  public AuditFilters getFilters() {
    return filters;
  }

  public List<AuditAction> getActions() {
    return ACTIONS;
  }

  public List<Row> getRows() {
    return rows;
  }

  public long getTotal() {
    return total;
  }

  public int getPage() {
    return page;
  }

  public long getPages() {
    return (total + size - 1) / size;
  }

  /** Index of the first row on this page counting from 1, for “第 51–100 条”. */
  public long getFirstIndex() {
    return (long) (page - 1) * size + 1;
  }

  public long getLastIndex() {
    return getFirstIndex() + rows.size() - 1;
  }

  public String link(long page) {
    return filters.pageLink((int) page);
  }

  public String getFirstPageLink() {
    return filters.pageLink(1);
  }

  public String getWithoutFiltersLink() {
    return "/admin/audit";
  }

  public String getCsvLink() {
    return filters.csvLink();
  }

  /** Page numbers around the current one, first and last always present; 0 marks a gap (“…”). */
  public List<Long> getPageNumbers() {
    long pages = getPages();
    List<Long> out = new ArrayList<>();
    long last = 0;
    for (long n = 1; n <= pages; n++) {
      if (n == 1 || n == pages || Math.abs(n - page) <= PAGER_SPAN) {
        if (n - last > 1) {
          out.add(0L);
        }
        out.add(n);
        last = n;
      } else if (n < page - PAGER_SPAN) {
        // Skip straight to the window around the current page: an audit trail can run to many
        // thousands of pages.
        n = Math.min(page - PAGER_SPAN - 1, pages - 1);
      } else {
        n = pages - 1;
      }
    }
    return out;
  }
}
