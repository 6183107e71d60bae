package org.taizhang.completeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.taizhang.config.ConfigException;
import org.taizhang.sheet.Sheets;

/** An evaluation system as the Excel sheet offices receive, both ways. */
class SystemWorkbookTest {
  private static SystemDraft read(byte[] xlsx) {
    return SystemWorkbook.read(new ByteArrayInputStream(xlsx));
  }

  private static EvaluationSystem parse(String file, SystemDraft d) {
    return RequiredListParser.parse(
        Path.of(file), d.yaml("测试"), TestFacts.CATALOG, new HashMap<>());
  }

  /**
   * Export then import gives the same system, for every shipped one: indicators, rules, grading,
   * vetoes, grade points.
   */
  @Test
  void everyShippedSystemRoundTripsThroughExcel() {
    RequiredLists shipped = RequiredLists.load(Path.of("index-config"), TestFacts.CATALOG);
    assertThat(shipped.systems()).hasSize(4);
    for (EvaluationSystem s : shipped.systems()) {
      byte[] xlsx = SystemWorkbook.write(s, TestFacts.CATALOG::categoryName);
      EvaluationSystem back = parse(s.file(), read(xlsx));
      assertThat(back).as(s.file()).isEqualTo(s.withReplacedFrom(Map.of()));
    }
  }

  /** The template is itself a valid system once read, and it says in Chinese what goes where. */
  @Test
  void theTemplateReadsAsAValidSystem() throws Exception {
    byte[] template = SystemWorkbook.template(TestFacts.CATALOG);
    EvaluationSystem s = parse("模板.yaml", read(template));
    assertThat(s.fromYear()).isEqualTo(2027);
    assertThat(s.leaves()).hasSize(2);
    assertThat(s.leaves().get(0).indicator().evidence().get(0).period())
        .isEqualTo(EvaluationSystem.Period.QUARTER);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
      Row head = wb.getSheet(SystemWorkbook.INDICATOR_SHEET).getRow(0);
      assertThat(head.getCell(0).getStringCellValue()).isEqualTo("指标编号");
      assertThat(head.getCell(4).getStringCellValue()).isEqualTo("材料要求");
      assertThat(wb.getSheet(SystemWorkbook.HELP_SHEET)).isNotNull();
    }
  }

  /**
   * A sheet as an office writes it: a title row above the header, no level column, rules in its own
   * words, no info sheet.
   */
  @Test
  void anOfficesOwnSheetIsRead() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet sheet = wb.createSheet("2027年测评体系");
      row(sheet, 0, "县级文明单位测评体系（2027年版）");
      row(sheet, 1, "指标编号", "指标名称", "分值", "测评方法", "材料要求", "评分标准");
      row(sheet, 2, "1", "组织领导");
      row(sheet, 3, "1.1", "专题会议");
      row(
          sheet,
          4,
          "1.1.1",
          "每半年至少召开两次创建工作会议",
          "6",
          "材料审核",
          "会议记录：每半年至少2份；必备内容：时间，地点，主持人\n签到表：至少1份",
          "A:0，B:1，C:2");
      row(sheet, 5, "1.1.2", "制度上墙", "2", "实地考察");
      row(sheet, 6, "2", "长效机制");
      row(sheet, 7, "2.1", "管理制度健全", "4", "材料审核", "管理制度：长期有效；正式文件");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      xlsx = out.toByteArray();
    }
    SystemDraft d = read(xlsx);
    assertThat(d.indicators()).extracting(SystemDraft.Node::code).containsExactly("1", "2");
    SystemDraft.Node leaf = d.indicators().get(0).children().get(0).children().get(0);
    assertThat(leaf.code()).isEqualTo("1.1.1");
    assertThat(leaf.evidence()).hasSize(2);
    assertThat(leaf.evidence().get(0))
        .isEqualTo(
            new SystemDraft.Rule("会议记录", "2", "每半年", null, null, List.of("时间", "地点", "主持人")));
    assertThat(leaf.grading()).isEqualTo(new SystemDraft.Grading("0", "1", "2"));
    // what the sheet does not say (name, start year, unit types) the parser asks for, by name
    assertThatThrownBy(() -> parse("x.yaml", d))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("缺少“name”");
    SystemDraft complete =
        new SystemDraft("县级文明单位测评体系", "2027", List.of("文明单位"), null, null, null, d.indicators());
    EvaluationSystem s = parse("x.yaml", complete);
    assertThat(s.leaves()).hasSize(3);
    assertThat(s.leaves().get(2).indicator().evidence().get(0).window())
        .isEqualTo(EvaluationSystem.EvidenceWindow.STANDING);
    assertThat(s.leaves().get(2).indicator().evidence().get(0).kind())
        .isEqualTo(EvaluationSystem.EvidenceKind.FORMAL);
  }

  @Test
  void aRuleThatCannotBeReadNamesItsRowAndItsPlace() throws Exception {
    byte[] xlsx;
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      XSSFSheet sheet = wb.createSheet(SystemWorkbook.INDICATOR_SHEET);
      row(sheet, 0, "指标编号", "指标名称", "分值", "测评方法", "材料要求");
      row(sheet, 1, "Ⅱ", "思想道德");
      row(sheet, 2, "Ⅱ-3", "志愿服务", "4", "材料审核", "活动记录：每年至少1份\n活动照片：每周一张");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      wb.write(out);
      xlsx = out.toByteArray();
    }
    byte[] bytes = xlsx;
    assertThatThrownBy(() -> read(bytes))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.place()).isEqualTo("Excel 第 3 行（指标 Ⅱ-3）材料要求第2条");
              assertThat(e.problem()).startsWith("无法识别“每周一张”");
            });
  }

  @Test
  void aFileThatIsNoSpreadsheetIsRefusedInWords() {
    assertThatThrownBy(() -> read("不是表格".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(Sheets.UnreadableException.class)
        .hasMessageContaining("无法读取 Excel 文件");
  }

  private static void row(XSSFSheet sheet, int r, String... cells) {
    Row row = sheet.createRow(r);
    for (int i = 0; i < cells.length; i++) {
      row.createCell(i).setCellValue(cells[i]);
    }
  }
}
