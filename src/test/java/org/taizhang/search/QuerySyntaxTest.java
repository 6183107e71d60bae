package org.taizhang.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taizhang.search.QuerySyntax.Category;
import org.taizhang.search.QuerySyntax.Dates;
import org.taizhang.search.QuerySyntax.Part;
import org.taizhang.search.QuerySyntax.Text;
import org.taizhang.search.QuerySyntax.Title;
import org.taizhang.search.QuerySyntax.Type;
import org.taizhang.search.QuerySyntax.Unit;
import org.taizhang.search.QuerySyntax.Years;

/** The query language, parsed without an index. */
class QuerySyntaxTest {
  private static List<List<Part>> parse(String q) {
    return QuerySyntax.parse(q).groups();
  }

  private static Part text(String t) {
    return new Part(new Text(t), false);
  }

  private static Part excluded(QuerySyntax.Clause c) {
    return new Part(c, true);
  }

  private static Part part(QuerySyntax.Clause c) {
    return new Part(c, false);
  }

  private static void assertBad(String q, String... messageParts) {
    assertThatThrownBy(() -> QuerySyntax.parse(q))
        .as(q)
        .isInstanceOf(QueryParseException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
  }

  @Test
  void emptyQueryIsEmpty() {
    assertThat(parse("")).isEmpty();
    assertThat(parse("   　 ")).isEmpty();
    assertThat(parse(null)).isEmpty();
    assertThat(QuerySyntax.parse("").ranked()).isFalse();
  }

  @Test
  void wordsSeparatedBySpacesMustAllMatch() {
    assertThat(parse("垃圾分类 志愿服务")).containsExactly(List.of(text("垃圾分类")), List.of(text("志愿服务")));
    // the ideographic space separates too
    assertThat(parse("垃圾分类　志愿服务")).containsExactly(List.of(text("垃圾分类")), List.of(text("志愿服务")));
    assertThat(QuerySyntax.parse("垃圾分类").ranked()).isTrue();
  }

  @Test
  void quotesKeepSpacesInsideOneTermInAsciiAndChineseQuotes() {
    assertThat(parse("\"道德讲堂 活动\" 2025"))
        .containsExactly(List.of(text("道德讲堂 活动")), List.of(text("2025")));
    assertThat(parse("“台账 · 管理”")).containsExactly(List.of(text("台账 · 管理")));
    // mixed quotes, as input methods produce them
    assertThat(parse("“台账 管理\"")).containsExactly(List.of(text("台账 管理")));
    // quoted text glued to a word stays one term: “文明校园”创建 reads as 文明校园创建
    assertThat(parse("开展“文明校园”创建")).containsExactly(List.of(text("开展文明校园创建")));
  }

  @Test
  void leadingMinusExcludes() {
    assertThat(parse("志愿服务 -草稿"))
        .containsExactly(List.of(text("志愿服务")), List.of(excluded(new Text("草稿"))));
    assertThat(parse("-\"工作 计划\"")).containsExactly(List.of(excluded(new Text("工作 计划"))));
    // a minus inside a word, or standing alone, is no exclusion
    assertThat(parse("COVID-19")).containsExactly(List.of(text("COVID-19")));
    assertThat(parse("a - b"))
        .containsExactly(List.of(text("a")), List.of(text("-")), List.of(text("b")));
    // full-width minus as typed with a Chinese input method
    assertThat(parse("志愿服务 －草稿").get(1)).containsExactly(excluded(new Text("草稿")));
    assertThat(QuerySyntax.parse("-草稿").ranked()).isFalse();
  }

  @Test
  void orJoinsNeighboursAndBindsTighterThanTheImplicitAnd() {
    assertThat(parse("道德讲堂 OR 志愿服务")).containsExactly(List.of(text("道德讲堂"), text("志愿服务")));
    assertThat(parse("a b OR c d"))
        .containsExactly(List.of(text("a")), List.of(text("b"), text("c")), List.of(text("d")));
    assertThat(parse("a OR b OR c")).containsExactly(List.of(text("a"), text("b"), text("c")));
    // full-width ＯＲ works; AND is allowed and changes nothing
    assertThat(parse("a ＯＲ b")).containsExactly(List.of(text("a"), text("b")));
    assertThat(parse("a AND b")).containsExactly(List.of(text("a")), List.of(text("b")));
    // quoted, an operator is the word itself
    assertThat(parse("\"OR\"")).containsExactly(List.of(text("OR")));
    assertThat(parse("a \"or\" b"))
        .containsExactly(List.of(text("a")), List.of(text("or")), List.of(text("b")));
  }

  /**
   * People type operators in lower case; searching for the word “or” instead would find nothing,
   * silently.
   */
  @Test
  void operatorsInAnyCase() {
    assertThat(parse("a or b")).containsExactly(List.of(text("a"), text("b")));
    assertThat(parse("a Or b")).containsExactly(List.of(text("a"), text("b")));
    assertThat(parse("a ｏｒ b")).containsExactly(List.of(text("a"), text("b")));
    assertThat(parse("a and b")).containsExactly(List.of(text("a")), List.of(text("b")));
    assertThat(parse("a or b and c"))
        .containsExactly(List.of(text("a"), text("b")), List.of(text("c")));
  }

  @Test
  void notExcludesTheNextPartInAnyCase() {
    assertThat(parse("志愿服务 NOT 草稿"))
        .containsExactly(List.of(text("志愿服务")), List.of(excluded(new Text("草稿"))));
    assertThat(parse("志愿服务 not 草稿")).isEqualTo(parse("志愿服务 -草稿"));
    assertThat(parse("not unit:edu 台账"))
        .containsExactly(List.of(excluded(new Unit("edu"))), List.of(text("台账")));
    assertThat(parse("a and not b"))
        .containsExactly(List.of(text("a")), List.of(excluded(new Text("b"))));
    assertThat(parse("\"not\"")).containsExactly(List.of(text("not")));
    assertBad("志愿服务 not", "“not”后面缺少要排除的词");
    assertBad("a not or b", "“not”后面缺少要排除的词");
    assertBad("a NOT NOT b", "重复");
    assertBad("a or not b", "排除条件");
  }

  @Test
  void orAtTheStartOrEndOrTwiceIsAnError() {
    assertBad("OR 志愿服务", "“OR”前面缺少检索词");
    assertBad("志愿服务 OR", "“OR”后面缺少检索词");
    assertBad("a OR OR b", "之间缺少检索词");
    assertBad("AND a", "“AND”前面缺少检索词");
    assertBad("a OR -b", "排除条件");
    // in lower case the message names the operator as typed and shows how to write it
    assertBad("or 志愿服务", "“or”前面缺少检索词", "道德讲堂 OR 志愿服务");
    assertBad("志愿服务 and", "“and”后面缺少检索词");
  }

  @Test
  void fieldsWithCodesNamesAndQuotedValues() {
    assertThat(parse("unit:edu")).containsExactly(List.of(part(new Unit("edu"))));
    assertThat(parse("unit:\"青禾县 教育局\"")).containsExactly(List.of(part(new Unit("青禾县 教育局"))));
    assertThat(parse("category:会议记录")).containsExactly(List.of(part(new Category("会议记录"))));
    assertThat(parse("title:道德讲堂")).containsExactly(List.of(part(new Title("道德讲堂"))));
    assertThat(parse("-title:草稿")).containsExactly(List.of(excluded(new Title("草稿"))));
    assertThat(parse("Unit:edu")).containsExactly(List.of(part(new Unit("edu"))));
    // Chinese field names and the full-width colon
    assertThat(parse("单位：教育局 类别:会议记录 标题：计划"))
        .containsExactly(
            List.of(part(new Unit("教育局"))),
            List.of(part(new Category("会议记录"))),
            List.of(part(new Title("计划"))));
    assertThat(QuerySyntax.parse("title:道德讲堂").ranked()).isTrue();
    assertThat(QuerySyntax.parse("unit:edu year:2025").ranked()).isFalse();
  }

  @Test
  void unknownFieldsArePlainText() {
    assertThat(parse("foo:bar")).containsExactly(List.of(text("foo:bar")));
    assertThat(parse("时间：2025")).containsExactly(List.of(text("时间:2025")));
    assertThat(parse("http://example.org")).containsExactly(List.of(text("http://example.org")));
    assertThat(parse("\"unit:edu\"")).containsExactly(List.of(text("unit:edu")));
  }

  @Test
  void emptyFieldValueIsAnError() {
    assertBad("unit:", "“unit:”后面缺少要查找的内容", "unit:青禾县教育局");
    assertBad("志愿服务 year: 2025", "“year:”后面缺少");
    assertBad("title:\"\"", "“title:”后面缺少");
    assertBad("-category:", "“category:”后面缺少");
    assertBad("日期：", "“日期:”后面缺少");
  }

  @Test
  void unbalancedQuoteIsAnError() {
    assertBad("\"道德讲堂", "引号不成对", "道德讲堂");
    assertBad("志愿服务 “台账", "引号不成对");
    assertBad("title:\"道德", "引号不成对");
  }

  @Test
  void fileTypesByLabelOrCommonName() {
    assertThat(parse("type:PDF")).containsExactly(List.of(part(new Type("PDF"))));
    assertThat(parse("type:pdf")).containsExactly(List.of(part(new Type("PDF"))));
    assertThat(parse("type:docx")).containsExactly(List.of(part(new Type("Word"))));
    assertThat(parse("类型:照片")).containsExactly(List.of(part(new Type("图片"))));
    assertBad("type:mp3", "文件类型“mp3”无效", "PDF、Word");
  }

  @Test
  void yearsAndYearRanges() {
    assertThat(parse("year:2025")).containsExactly(List.of(part(new Years(2025, 2025))));
    assertThat(parse("year:２０２５")).containsExactly(List.of(part(new Years(2025, 2025))));
    assertThat(parse("年度:2024年")).containsExactly(List.of(part(new Years(2024, 2024))));
    assertThat(parse("year:2023..2025")).containsExactly(List.of(part(new Years(2023, 2025))));
    assertThat(parse("year:2024..")).containsExactly(List.of(part(new Years(2024, null))));
    assertThat(parse("year:..2024")).containsExactly(List.of(part(new Years(null, 2024))));
    assertBad("year:25", "年度“25”无效");
    assertBad("year:去年", "年度“去年”无效");
    assertBad("year:..", "年度“..”无效");
    assertBad("year:2025..2023", "起点晚于终点");
  }

  @Test
  void datesDaysMonthsYearsAndRangesWithEitherSideOptional() {
    LocalDate mar1 = LocalDate.of(2025, 3, 1);
    LocalDate jun30 = LocalDate.of(2025, 6, 30);
    assertThat(parse("date:2025-03-01..2025-06-30"))
        .containsExactly(List.of(part(new Dates(mar1, jun30))));
    assertThat(parse("date:2025-03-01..")).containsExactly(List.of(part(new Dates(mar1, null))));
    assertThat(parse("date:..2025-06-30")).containsExactly(List.of(part(new Dates(null, jun30))));
    assertThat(parse("date:2025-03"))
        .containsExactly(List.of(part(new Dates(mar1, LocalDate.of(2025, 3, 31)))));
    assertThat(parse("date:2025"))
        .containsExactly(
            List.of(part(new Dates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))));
    assertThat(parse("date:2025-03..2025-06"))
        .containsExactly(List.of(part(new Dates(mar1, jun30))));
    assertThat(parse("date:2025-03-12"))
        .containsExactly(
            List.of(part(new Dates(LocalDate.of(2025, 3, 12), LocalDate.of(2025, 3, 12)))));
    assertThat(parse("日期:2025年3月1日至2025年6月30日"))
        .containsExactly(List.of(part(new Dates(mar1, jun30))));
    assertThat(parse("date:２０２５－０３"))
        .containsExactly(List.of(part(new Dates(mar1, LocalDate.of(2025, 3, 31)))));
  }

  @Test
  void badDatesAreErrors() {
    assertBad("date:2025-13", "日期“2025-13”无法识别", "date:2025-03-01..2025-06-30");
    assertBad("date:2025-02-30", "无法识别");
    assertBad("date:上个月", "无法识别");
    assertBad("date:..", "无法识别");
    assertBad("date:2025-03-01..明天", "无法识别");
    assertBad("date:2025-06-30..2025-03-01", "起点晚于终点");
  }

  @Test
  void combinations() {
    assertThat(parse("垃圾分类 OR 志愿服务 unit:edu year:2025 -草稿 type:PDF date:2025-03.."))
        .containsExactly(
            List.of(text("垃圾分类"), text("志愿服务")),
            List.of(part(new Unit("edu"))),
            List.of(part(new Years(2025, 2025))),
            List.of(excluded(new Text("草稿"))),
            List.of(part(new Type("PDF"))),
            List.of(part(new Dates(LocalDate.of(2025, 3, 1), null))));
    assertThat(parse("unit:edu OR unit:xinghe"))
        .containsExactly(List.of(part(new Unit("edu")), part(new Unit("xinghe"))));
    assertThat(parse("PDF 2025年 道德讲堂"))
        .containsExactly(List.of(text("PDF")), List.of(text("2025年")), List.of(text("道德讲堂")));
  }

  @Test
  void overlongQueriesAreRefused() {
    assertBad("台".repeat(QuerySyntax.MAX_LENGTH + 1), "检索式过长");
    assertBad("词 ".repeat(QuerySyntax.MAX_PARTS + 1), "检索式过长");
  }

  @Test
  void punctuationBetweenChineseCharactersIsBridged() {
    assertThat(QueryFactory.bridge("台账，管理")).isEqualTo("台账管理");
    assertThat(QueryFactory.bridge("台账 · 管理")).isEqualTo("台账管理");
    assertThat(QueryFactory.bridge("「邻里守望」志愿服务")).isEqualTo("「邻里守望志愿服务");
    assertThat(QueryFactory.bridge("COVID-19")).isEqualTo("COVID-19");
    assertThat(QueryFactory.bridge("Lucene index")).isEqualTo("Lucene index");
    assertThat(QueryFactory.bridge("2025年 道德讲堂")).isEqualTo("2025年道德讲堂");
    assertThat(QueryFactory.bridge("PDF 道德讲堂")).isEqualTo("PDF 道德讲堂");
    // symbols are no punctuation: the placeholder of an unfilled template stays
    assertThat(QueryFactory.bridge("主持人×××同志")).isEqualTo("主持人×××同志");
    assertThat(QuerySyntax.parse("×××").ranked()).isTrue();
    assertThat(QuerySyntax.parse("“ · ”").ranked()).isFalse();
  }
}
