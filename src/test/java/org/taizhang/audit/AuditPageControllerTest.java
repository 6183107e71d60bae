package org.taizhang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The administrators' page and export, rendered by the real templates. The security filters are
 * left out on purpose: who may reach /admin/** is the security configuration's business and tested
 * there.
 */
class AuditPageControllerTest extends AuditTestSupport {
  private static final Pattern ROW = Pattern.compile("<tr class=\"audit-row\"");

  @Autowired WebApplicationContext context;
  MockMvc mvc;

  @BeforeEach
  void mvc() {
    mvc = MockMvcBuilders.webAppContextSetup(context).build();
  }

  @Test
  void showsEventsInBeijingTimeEscaped() throws Exception {
    at(
        "2025-03-11T16:30:05Z",
        "zhangsan",
        AuditAction.UPLOAD,
        "<script>alert(1)</script>",
        "详情 & 说明");
    at("2025-03-11T16:40:00Z", "lisi", AuditAction.GRADE_OVERRIDE, "青禾县教育局 2025", "良好 → 优秀");

    MockHttpServletResponse r = perform("/admin/audit");

    assertThat(r.getStatus()).isEqualTo(200);
    String html = r.getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("<title>审计日志 · 台账 Taizhang</title>");
    assertThat(rows(html)).isEqualTo(2);
    assertThat(html)
        .contains("2025-03-12 00:30:05", "2025-03-12 00:40:00", "等级调整", "上传", "192.0.2.1");
    assertThat(html.indexOf("2025-03-12 00:40:00"))
        .as("newest first")
        .isLessThan(html.indexOf("2025-03-12 00:30:05"));
    assertThat(html)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)");
    assertThat(html).contains("详情 &amp; 说明");
    // The filter's select offers every action by its Chinese label.
    for (AuditAction a : AuditAction.values()) {
      assertThat(html).contains("<option value=\"" + a.name() + "\">" + a.label() + "</option>");
    }
    assertThat(html).contains("共 <strong>2</strong> 条记录").contains("href=\"/admin/audit.csv\"");
  }

  @Test
  void filtersAndCarriesThemIntoTheExportLink() throws Exception {
    at("2025-03-11T16:30:05Z", "zhangsan", AuditAction.UPLOAD, "文档 1 & 2", null);
    at("2025-03-11T16:30:06Z", "zhangsan", AuditAction.DOWNLOAD, "文档 1 & 2", null);
    at("2025-03-11T16:30:07Z", "lisi", AuditAction.UPLOAD, "文档 1 & 2", null);

    String html =
        html(
            "/admin/audit?actor=zhangsan&action=UPLOAD&target=%E6%96%87%E6%A1%A3%201%20%26&from=2025-03-12&to=2025-03-12");

    assertThat(rows(html)).isEqualTo(1);
    assertThat(html).contains("<option value=\"UPLOAD\" selected=\"selected\">上传</option>");
    assertThat(html).contains("value=\"zhangsan\"", "value=\"2025-03-12\"");
    assertThat(html)
        .contains(
            "href=\"/admin/audit.csv?actor=zhangsan&amp;action=UPLOAD&amp;target=%E6%96%87%E6%A1%A3%201%20%26&amp;from=2025-03-12&amp;to=2025-03-12\"");
    assertThat(html).doesNotContain("class=\"message warning\"");
  }

  @Test
  void badFilterValuesAreIgnoredWithAWarning() throws Exception {
    at("2025-03-11T16:30:05Z", "zhangsan", AuditAction.UPLOAD, "文档 1", null);
    at("2025-03-11T16:30:06Z", "lisi", AuditAction.VIEW, "文档 1", null);

    MockHttpServletResponse r =
        perform("/admin/audit?action=EXPLODE&from=2025-13-45&to=%E6%98%A8%E5%A4%A9&page=abc");

    assertThat(r.getStatus()).isEqualTo(200);
    String html = r.getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("操作“EXPLODE”无效，已忽略该条件", "起始日期“2025-13-45”无效", "截止日期“昨天”无效");
    assertThat(rows(html)).as("the ignored filters do not narrow the list").isEqualTo(2);
    assertThat(html).contains("href=\"/admin/audit.csv\"");

    // A label instead of the constant name is understood; a reversed range is put right.
    String labelled = html("/admin/audit?action=%E6%9F%A5%E7%9C%8B&from=2025-03-13&to=2025-03-12");
    assertThat(rows(labelled)).isEqualTo(1);
    assertThat(labelled).contains("起始日期晚于截止日期，已将两者对调", "data-action=\"VIEW\"");
  }

  @Test
  void pagesFiftyAtATime() throws Exception {
    for (int i = 0; i < 51; i++) {
      at(String.format("2025-03-11T16:%02d:00Z", i), "zhangsan", AuditAction.VIEW, "文档 " + i, null);
    }

    String first = html("/admin/audit?actor=zhangsan");
    assertThat(rows(first)).isEqualTo(50);
    assertThat(first)
        .contains("共 <strong>51</strong> 条记录", "href=\"/admin/audit?actor=zhangsan&amp;page=2\"");
    assertThat(first).contains(">文档 50<").doesNotContain(">文档 0<");

    String second = html("/admin/audit?actor=zhangsan&page=2");
    assertThat(rows(second)).isEqualTo(1);
    assertThat(second).contains(">文档 0<", "rel=\"prev\"");

    String beyond = html("/admin/audit?actor=zhangsan&page=9");
    assertThat(rows(beyond)).isZero();
    assertThat(beyond).contains("本页超出结果范围");
  }

  @Test
  void exportsTheFilteredTrailAsCsv() throws Exception {
    at("2025-03-11T16:30:05Z", "zhangsan", AuditAction.UPLOAD, "=cmd|' /C calc'!A0", "a,b");
    at("2025-03-11T16:30:06Z", "lisi", AuditAction.VIEW, "文档 1", null);

    MockHttpServletResponse r =
        perform("/admin/audit.csv?action=UPLOAD&from=2025-03-01&to=2025-03-31&page=7");

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentType()).isEqualToIgnoringCase("text/csv;charset=UTF-8");
    assertThat(r.getHeader("Content-Disposition"))
        .isEqualTo(
            "attachment; filename=\"audit.csv\"; filename*=UTF-8''"
                + "20250301%E8%87%B320250331-%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97.csv");
    byte[] body = r.getContentAsByteArray();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(new String(body, StandardCharsets.UTF_8))
        .isEqualTo(
            "\uFEFF时间,用户,地址,操作,对象,详情\r\n"
                + "2025-03-12 00:30:05,zhangsan,192.0.2.1,上传,'=cmd|' /C calc'!A0,\"a,b\"\r\n");
  }

  @Test
  void exportWithoutDatesIsNamedByTheDayOfExport() throws Exception {
    MockHttpServletResponse r = perform("/admin/audit.csv?action=nonsense");

    assertThat(r.getStatus()).isEqualTo(200);
    Matcher m =
        Pattern.compile("filename\\*=UTF-8''(\\d{8})-%E5%AE%A1%E8%AE%A1%E6%97%A5%E5%BF%97\\.csv$")
            .matcher(r.getHeader("Content-Disposition"));
    assertThat(m.find()).isTrue();
    assertThat(r.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("\uFEFF时间,用户,地址,操作,对象,详情\r\n");
  }

  private MockHttpServletResponse perform(String uri) throws Exception {
    return mvc.perform(get(URI.create(uri))).andReturn().getResponse();
  }

  private String html(String uri) throws Exception {
    MockHttpServletResponse r = perform(uri);
    assertThat(r.getStatus()).isEqualTo(200);
    return r.getContentAsString(StandardCharsets.UTF_8);
  }

  private static int rows(String html) {
    Matcher m = ROW.matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
