package org.taizhang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Writing, querying and exporting the trail against the real schema (H2 in PostgreSQL mode). */
class AuditLogTest extends AuditTestSupport {
  @Autowired PlatformTransactionManager transactions;

  @Test
  void recordsWhoWhatWhenAndLocalAddressOutsideARequest() {
    Instant before = Instant.now();
    audit.record("zhangsan", AuditAction.UPLOAD, "文档 42《2025年工作计划》", "qhx-jyj · 计划总结");
    Instant after = Instant.now();

    List<AuditEvent> events = audit.find(all());
    assertThat(events).hasSize(1);
    AuditEvent e = events.get(0);
    assertThat(e.id()).isPositive();
    assertThat(e.actor()).isEqualTo("zhangsan");
    assertThat(e.address()).isEqualTo("本机");
    assertThat(e.action()).isEqualTo(AuditAction.UPLOAD);
    assertThat(e.target()).isEqualTo("文档 42《2025年工作计划》");
    assertThat(e.detail()).isEqualTo("qhx-jyj · 计划总结");
    // The database keeps microseconds at best; compare at millisecond precision.
    assertThat(e.at().toEpochMilli()).isBetween(before.toEpochMilli(), after.toEpochMilli());
  }

  @Test
  void takesTheAddressFromTheRequestAndIgnoresForwardedFor() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/documents/1/file");
    request.setRemoteAddr("10.20.30.40");
    request.addHeader("X-Forwarded-For", "203.0.113.99");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    try {
      audit.record("lisi", AuditAction.DOWNLOAD, "文档 7", null);
    } finally {
      RequestContextHolder.resetRequestAttributes();
    }
    audit.record("lisi", AuditAction.VIEW, "文档 7", null);

    List<AuditEvent> events = audit.find(all());
    assertThat(events)
        .extracting(AuditEvent::action, AuditEvent::address)
        .containsExactly(
            Tuple.tuple(AuditAction.VIEW, "本机"), Tuple.tuple(AuditAction.DOWNLOAD, "10.20.30.40"));
    assertThat(events).allSatisfy(e -> assertThat(e.target()).isEqualTo("文档 7"));
  }

  @Test
  void listsNewestFirstAndPages() {
    at("2025-03-12T02:00:00Z", "a", AuditAction.VIEW, "第二", null);
    at("2025-03-12T01:00:00Z", "a", AuditAction.VIEW, "第一", null);
    at("2025-03-12T03:00:00Z", "a", AuditAction.VIEW, "第三", null);
    // Same moment as 第三 but written later: the later row comes first.
    at("2025-03-12T03:00:00Z", "a", AuditAction.VIEW, "第四", null);

    assertThat(audit.find(all()))
        .extracting(AuditEvent::target)
        .containsExactly("第四", "第三", "第二", "第一");
    assertThat(audit.find(new AuditQuery(null, null, null, null, null, 1, 3)))
        .extracting(AuditEvent::target)
        .containsExactly("第四", "第三", "第二");
    assertThat(audit.find(new AuditQuery(null, null, null, null, null, 2, 3)))
        .extracting(AuditEvent::target)
        .containsExactly("第一");
    assertThat(audit.find(new AuditQuery(null, null, null, null, null, 3, 3))).isEmpty();
    // Page 0 and negative pages mean the first page.
    assertThat(audit.find(new AuditQuery(null, null, null, null, null, 0, 1)))
        .extracting(AuditEvent::target)
        .containsExactly("第四");
    assertThat(audit.count(new AuditQuery(null, null, null, null, null, 2, 3))).isEqualTo(4);
    assertThat(audit.find(all()).get(3).at()).isEqualTo(Instant.parse("2025-03-12T01:00:00Z"));
  }

  @Test
  void filtersByActorActionTargetAndBeijingDays() {
    // 2025-03-11T16:30Z is 00:30 on 12 March in Beijing; 2025-03-12T15:59:59Z is 23:59:59 that day.
    at("2025-03-11T15:59:59Z", "zhang", AuditAction.UPLOAD, "文档 1《会议记录》", null);
    at("2025-03-11T16:30:00Z", "zhang", AuditAction.DOWNLOAD, "文档 2《志愿服务台账》", null);
    at("2025-03-12T15:59:59Z", "zhangsan", AuditAction.DOWNLOAD, "文档 3《Volunteer 100%_list》", null);
    at("2025-03-12T16:00:00Z", "wang", AuditAction.DELETE, "文档 2《志愿服务台账》", "移入回收站");

    assertThat(targets(new AuditQuery("zhang", null, null, null, null, 1, 50)))
        .as("user names match exactly: zhang is not zhangsan")
        .containsExactly("文档 2《志愿服务台账》", "文档 1《会议记录》");
    assertThat(targets(new AuditQuery(null, AuditAction.DOWNLOAD, null, null, null, 1, 50)))
        .containsExactly("文档 3《Volunteer 100%_list》", "文档 2《志愿服务台账》");
    assertThat(targets(new AuditQuery(null, null, null, null, "志愿服务", 1, 50)))
        .containsExactly("文档 2《志愿服务台账》", "文档 2《志愿服务台账》");
    assertThat(targets(new AuditQuery(null, null, null, null, "volunteer", 1, 50)))
        .as("target matching ignores case")
        .containsExactly("文档 3《Volunteer 100%_list》");
    assertThat(targets(new AuditQuery(null, null, null, null, "0%_", 1, 50)))
        .as("% and _ are literal characters, not wildcards")
        .containsExactly("文档 3《Volunteer 100%_list》");
    assertThat(targets(new AuditQuery(null, null, null, null, "1_0", 1, 50))).isEmpty();

    LocalDate march12 = LocalDate.of(2025, 3, 12);
    AuditQuery day = new AuditQuery(null, null, march12, march12, null, 1, 50);
    assertThat(audit.find(day)).extracting(AuditEvent::actor).containsExactly("zhangsan", "zhang");
    assertThat(audit.count(day)).isEqualTo(2);
    assertThat(audit.count(new AuditQuery(null, null, march12, null, null, 1, 50))).isEqualTo(3);
    assertThat(audit.count(new AuditQuery(null, null, null, march12.minusDays(1), null, 1, 50)))
        .isEqualTo(1);
    assertThat(
            audit.count(
                new AuditQuery("zhang", AuditAction.DOWNLOAD, march12, march12, "台账", 1, 50)))
        .isEqualTo(1);
    assertThat(audit.count(new AuditQuery("nobody", null, null, null, null, 1, 50))).isZero();
    assertThat(audit.count(all())).isEqualTo(4);
  }

  @Test
  void cutsOverlongValuesInsteadOfFailing() {
    String longTarget = "对".repeat(500);
    String longDetail = "x".repeat(5000);
    String longActor = "u".repeat(100);
    audit.record(longActor, AuditAction.COMMENT, longTarget, longDetail);
    // A surrogate pair straddling the limit must not be split into half a character.
    String emoji = "😀".repeat(200);
    audit.record(null, AuditAction.COMMENT, emoji, "   ");

    List<AuditEvent> events = audit.find(all());
    assertThat(events).hasSize(2);
    AuditEvent cutEmoji = events.get(0);
    assertThat(cutEmoji.actor()).isEqualTo("未知");
    assertThat(cutEmoji.target().length()).isLessThanOrEqualTo(AuditLog.TARGET_MAX);
    assertThat(cutEmoji.target()).isEqualTo("😀".repeat(149) + "…");

    AuditEvent cut = events.get(1);
    assertThat(cut.actor()).hasSize(64).isEqualTo("u".repeat(63) + "…");
    assertThat(cut.target()).hasSize(300).isEqualTo("对".repeat(299) + "…");
    assertThat(cut.detail()).hasSize(2000).isEqualTo("x".repeat(1999) + "…");
  }

  @Test
  void dropsNulCharactersWhichPostgresRefuses() {
    audit.record("zhang\0san", AuditAction.COMMENT, "文档\0 1", "第一行\0第二行");

    assertThat(audit.find(all()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("zhangsan");
              assertThat(e.target()).isEqualTo("文档 1");
              assertThat(e.detail()).isEqualTo("第一行第二行");
            });
  }

  @Test
  void neverThrowsToTheCaller() {
    assertThatCode(() -> audit.record("zhangsan", null, "文档 1", null)).doesNotThrowAnyException();
    assertThat(audit.count(all())).isZero();
  }

  @Test
  void commitsAndRollsBackWithTheCallersTransaction() {
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(
        status -> {
          audit.record("wang", AuditAction.PURGE, "文档 9", null);
          status.setRollbackOnly();
        });
    assertThat(audit.count(all())).as("a rolled-back purge did not happen").isZero();

    tx.executeWithoutResult(status -> audit.record("wang", AuditAction.PURGE, "文档 9", null));
    assertThat(audit.count(all())).isEqualTo(1);

    // Viewing happens in read-only transactions, which cannot take the insert; the event is kept
    // anyway.
    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    readOnly.executeWithoutResult(status -> audit.record("wang", AuditAction.VIEW, "文档 9", null));
    assertThat(audit.find(all()))
        .extracting(AuditEvent::action)
        .containsExactly(AuditAction.VIEW, AuditAction.PURGE);
  }

  @Test
  void exportsEveryMatchingRowAsExcelReadyCsv() throws Exception {
    at(
        "2025-03-11T16:30:05Z",
        "zhang",
        AuditAction.UPLOAD,
        "=HYPERLINK(\"http://evil.example\",\"点我\")",
        "a,b");
    at("2025-03-11T16:30:06Z", "+zhang", AuditAction.COMMENT, "-1", "第一行\n第二行");
    at("2025-03-11T16:30:07Z", "zhang", AuditAction.COMMENT, "@SUM(A1)", "他说\"好\"");
    at("2025-03-11T16:30:08Z", "zhang", AuditAction.LOGIN, null, null);
    at("2025-03-11T16:30:09Z", "other", AuditAction.LOGIN, "不导出", null);

    StringWriter out = new StringWriter();
    // Paging is ignored: page 2 of size 1 still exports all three of zhang's events.
    audit.exportCsv(new AuditQuery("zhang", null, null, null, null, 2, 1), out);
    String csv = out.toString();

    assertThat(csv).startsWith("\uFEFF时间,用户,地址,操作,对象,详情\r\n");
    assertThat(csv.substring(1).split("\r\n", -1))
        .containsExactly(
            "时间,用户,地址,操作,对象,详情",
            "2025-03-12 00:30:08,zhang,192.0.2.1,登录,,",
            "2025-03-12 00:30:07,zhang,192.0.2.1,评论,'@SUM(A1),\"他说\"\"好\"\"\"",
            "2025-03-12 00:30:05,zhang,192.0.2.1,上传,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",\"a,b\"",
            "");

    StringWriter everything = new StringWriter();
    audit.exportCsv(new AuditQuery(null, null, null, null, null, 5, 1), everything);
    String[] lines = everything.toString().split("\r\n", -1);
    // BOM+header, five events (one spans two physical lines inside its quotes), trailing empty
    // string.
    assertThat(everything.toString())
        .contains("2025-03-12 00:30:06,'+zhang,192.0.2.1,评论,'-1,\"第一行\n第二行\"\r\n");
    assertThat(lines).hasSize(7);
    assertThat(lines[1]).startsWith("2025-03-12 00:30:09,other,");
  }

  @Test
  void quotesAndNeutralisesCsvFields() {
    assertThat(AuditCsv.field(null)).isEmpty();
    assertThat(AuditCsv.field("普通文字")).isEqualTo("普通文字");
    assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(AuditCsv.field("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(AuditCsv.field("a\rb")).isEqualTo("\"a\rb\"");
    assertThat(AuditCsv.field("=1+2")).isEqualTo("'=1+2");
    assertThat(AuditCsv.field("+1")).isEqualTo("'+1");
    assertThat(AuditCsv.field("-1")).isEqualTo("'-1");
    assertThat(AuditCsv.field("@cmd")).isEqualTo("'@cmd");
    assertThat(AuditCsv.field("\t=1")).isEqualTo("'\t=1");
    assertThat(AuditCsv.field("=A1,\"x\"")).isEqualTo("\"'=A1,\"\"x\"\"\"");
    assertThat(AuditCsv.field("1=1")).isEqualTo("1=1");
  }

  private List<String> targets(AuditQuery q) {
    return audit.find(q).stream().map(AuditEvent::target).toList();
  }
}
