package org.taizhang.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.access.Scope;
import org.taizhang.archive.Archive;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.binder.BinderPlanner;
import org.taizhang.completeness.CompletenessService;
import org.taizhang.pdf.ExportFont;
import org.taizhang.time.OfficeTime;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * The export routes without a CJK font: 503 with a Chinese message for the PDFs, Excel unaffected;
 * 404 outside the scope.
 */
class ReportControllerTest {
  private final CompletenessService completeness = mock(CompletenessService.class);
  private final UnitRepository units = mock(UnitRepository.class);
  private final Archive archive = mock(Archive.class);
  private final AuditLog audit = mock(AuditLog.class);
  private final BinderPlanner planner = mock(BinderPlanner.class);
  private MockMvc mvc;
  private Caller caller =
      new Caller("clerk", "填报员", Role.CLERK, Fixtures.UNIT, Scope.of(Set.of(Fixtures.UNIT)));

  @BeforeEach
  void setUp() {
    Unit unit = new Unit(Fixtures.UNIT, Fixtures.UNIT_NAME, "文明单位", null);
    when(units.find(Fixtures.UNIT)).thenReturn(Optional.of(unit));
    when(units.find("other")).thenReturn(Optional.of(new Unit("other", "其他单位", "文明单位", null)));
    when(units.findAll()).thenReturn(List.of(unit, new Unit("other", "其他单位", "文明单位", null)));
    when(completeness.years()).thenReturn(List.of(2025, 2024));
    // the service's rule: a judged year as asked, else the default year
    when(completeness.judgedYear(any()))
        .thenAnswer(
            inv -> {
              Integer asked = inv.getArgument(0);
              return Optional.of(
                  asked != null && List.of(2025, 2024).contains(asked) ? asked : 2025);
            });
    when(completeness.unit(Fixtures.UNIT, 2025)).thenReturn(Optional.of(Fixtures.unit()));
    when(completeness.units(eq(2025), any())).thenReturn(List.of(Fixtures.unit()));
    when(archive.volumes(anyString(), any())).thenReturn(Fixtures.volumes());
    when(archive.document(anyLong(), any())).thenReturn(Optional.empty());
    when(planner.plan(any(), anyInt())).thenReturn(Fixtures.plan());
    ExportFont noFont = ExportFont.only(List.of(Path.of("target/no-such-font.ttc")));
    ReportController controller =
        new ReportController(
            completeness,
            units,
            archive,
            planner,
            audit,
            PdfReports.with(noFont),
            OfficeTime.clock("Asia/Shanghai"));
    mvc =
        MockMvcBuilders.standaloneSetup(controller)
            .setCustomArgumentResolvers(
                new HandlerMethodArgumentResolver() {
                  @Override
                  public boolean supportsParameter(MethodParameter p) {
                    return p.getParameterType() == Caller.class;
                  }

                  @Override
                  public Object resolveArgument(
                      MethodParameter p,
                      ModelAndViewContainer m,
                      NativeWebRequest r,
                      WebDataBinderFactory b) {
                    return caller;
                  }
                })
            .build();
  }

  @Test
  void pdfWithoutFontIs503WithAChineseMessageAndNoAuditEvent() throws Exception {
    for (String path :
        List.of(
            "/units/" + Fixtures.UNIT + "/completeness/report.pdf?year=2025",
            "/units/" + Fixtures.UNIT + "/catalogue.pdf")) {
      MvcResult r = mvc.perform(get(path)).andReturn();
      assertThat(r.getResponse().getStatus()).as(path).isEqualTo(503);
      assertThat(r.getModelAndView().getViewName()).isEqualTo("error");
      assertThat((String) r.getModelAndView().getModel().get("detail"))
          .contains("中文字体", "Excel 导出不受影响");
      assertThat(r.getResponse().getContentType()).isNotEqualTo("application/pdf");
    }
    verify(audit, never()).record(any(), any(), any(), any());
  }

  @Test
  void excelNeedsNoFont() throws Exception {
    MvcResult r =
        mvc.perform(get("/units/" + Fixtures.UNIT + "/catalogue.xlsx?year=2025")).andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    assertThat(r.getResponse().getContentType())
        .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    verify(audit)
        .record(eq("clerk"), eq(AuditAction.EXPORT), ArgumentMatchers.contains("档案目录"), any());
    MvcResult m = mvc.perform(get("/completeness/matrix.xlsx?year=2025")).andReturn();
    assertThat(m.getResponse().getStatus()).isEqualTo(200);
    assertThat(m.getResponse().getHeader("Content-Disposition")).contains("filename*=UTF-8''2025");
  }

  @Test
  void anotherUnitIsNotFound() throws Exception {
    for (String path :
        List.of(
            "/units/other/completeness/report.pdf",
            "/units/other/catalogue.pdf",
            "/units/other/catalogue.xlsx",
            "/units/nowhere/catalogue.xlsx",
            "/completeness/matrix.xlsx?parent=other")) {
      MvcResult r = mvc.perform(get(path)).andReturn();
      assertThat(r.getResponse().getStatus()).as(path).isEqualTo(404);
    }
    verify(audit, never()).record(any(), any(), any(), any());
  }

  @Test
  void aYearWithoutASystemForTheUnitIsNotFound() throws Exception {
    caller = new Caller("admin", "管理员", Role.ADMIN, null, Scope.ALL);
    when(completeness.unit(Fixtures.UNIT, 2024)).thenReturn(Optional.empty());
    MvcResult r =
        mvc.perform(get("/units/" + Fixtures.UNIT + "/completeness/report.pdf?year=2024"))
            .andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(404);
    assertThat((String) r.getModelAndView().getModel().get("detail")).contains("没有适用的测评体系");
  }
}
