package org.taizhang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.time.OfficeTime;

/** The page's filter reading, links and pager, without a running application. */
class AuditPageTest {
  private static final AuditFilters NONE = AuditFilters.parse(null, null, null, null, null);

  @Test
  void pagerShowsTheEndsAndAWindowAroundTheCurrentPage() {
    assertThat(page(50, 100 * 50L).getPageNumbers())
        .containsExactly(1L, 0L, 48L, 49L, 50L, 51L, 52L, 0L, 100L);
    assertThat(page(1, 3 * 50L).getPageNumbers()).containsExactly(1L, 2L, 3L);
    assertThat(page(2, 51).getPages()).isEqualTo(2);
    assertThat(page(1, 0).getPages()).isZero();
    // A hand-edited page beyond the end still offers the real first and last pages.
    assertThat(page(200, 100 * 50L).getPageNumbers()).containsExactly(1L, 0L, 100L);
  }

  @Test
  void readsFiltersLeniently() {
    AuditFilters f = AuditFilters.parse("  zhangsan ", "彻底删除", " 文档 ", "２０２５年３月１日", "2025/3/31");
    assertThat(f.getWarnings()).isEmpty();
    assertThat(f.query(3, 50))
        .isEqualTo(
            new AuditQuery(
                "zhangsan",
                AuditAction.PURGE,
                LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31),
                "文档",
                3,
                50));
    assertThat(AuditFilters.parse(null, "purge", null, null, null).getAction()).isEqualTo("PURGE");

    AuditFilters bad = AuditFilters.parse("", "NOPE", "  ", "2025-02-30", "x");
    assertThat(bad.getWarnings())
        .containsExactly(
            "操作“NOPE”无效，已忽略该条件",
            "起始日期“2025-02-30”无效（应形如 2025-03-12），已忽略该条件",
            "截止日期“x”无效（应形如 2025-03-12），已忽略该条件");
    assertThat(bad.isFiltered()).isFalse();
    assertThat(bad.query(1, 50)).isEqualTo(new AuditQuery(null, null, null, null, null, 1, 50));
  }

  @Test
  void linksKeepTheFiltersAndEncodeEveryValueWhole() {
    AuditFilters f = AuditFilters.parse("a&b", "VIEW", "x=1 #2+3", "2025-03-01", null);
    assertThat(f.pageLink(1))
        .isEqualTo("/admin/audit?actor=a%26b&action=VIEW&target=x%3D1%20%232%2B3&from=2025-03-01");
    assertThat(f.pageLink(4)).endsWith("&from=2025-03-01&page=4");
    assertThat(f.csvLink())
        .isEqualTo(
            "/admin/audit.csv?actor=a%26b&action=VIEW&target=x%3D1%20%232%2B3&from=2025-03-01");
    assertThat(NONE.pageLink(2)).isEqualTo("/admin/audit?page=2");
    assertThat(NONE.csvLink()).isEqualTo("/admin/audit.csv");
  }

  @Test
  void namesTheExportByItsDates() {
    LocalDate today = LocalDate.of(2025, 4, 2);
    assertThat(NONE.csvFileName(today)).isEqualTo("20250402-审计日志.csv");
    assertThat(AuditFilters.parse(null, null, null, "2025-03-01", "2025-03-31").csvFileName(today))
        .isEqualTo("20250301至20250331-审计日志.csv");
    assertThat(AuditFilters.parse(null, null, null, "2025-03-01", null).csvFileName(today))
        .isEqualTo("20250301至20250402-审计日志.csv");
    assertThat(AuditFilters.parse(null, null, null, null, "2025-03-31").csvFileName(today))
        .isEqualTo("最早至20250331-审计日志.csv");
  }

  private static final OfficeTime BEIJING = new OfficeTime(OfficeTime.clock("Asia/Shanghai"));

  @Test
  void rowsShowTheOfficesTime() {
    AuditEvent e =
        new AuditEvent(
            7, Instant.parse("2025-12-31T16:00:00Z"), "z", "本机", AuditAction.IMPORT, null, null);
    AuditPage p = new AuditPage(NONE, List.of(e), 1, 1, 50, BEIJING);
    assertThat(p.getRows())
        .containsExactly(
            new AuditPage.Row(7, "2026-01-01 00:00:00", "z", "本机", "IMPORT", "批量导入", null, null));
    // another office's zone, configured
    AuditPage urumqi =
        new AuditPage(NONE, List.of(e), 1, 1, 50, new OfficeTime(OfficeTime.clock("Asia/Urumqi")));
    assertThat(urumqi.getRows().get(0).time()).isEqualTo("2025-12-31 22:00:00");
  }

  private static AuditPage page(int page, long total) {
    return new AuditPage(NONE, List.of(), total, page, 50, BEIJING);
  }
}
