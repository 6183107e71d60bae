package org.taizhang.tools.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.taizhang.archive.FileType;

/**
 * The judged query set in docs/relevance/judgments.tsv is well-formed and names only documents that
 * exist in sample-archive/, unambiguously. This checks the judgments, never the figures the engine
 * reaches on them (that is what RelevanceEvaluation reports).
 */
class RelevanceJudgmentsTest {
  private static final Path ARCHIVE = Path.of("sample-archive");
  private static final List<RelevanceJudgments.Query> QUERIES =
      RelevanceJudgments.load(RelevanceEvaluation.DEFAULT_JUDGMENTS);

  @Test
  void atLeastFortyQueriesEachWithANeedAndSomethingToFind() {
    assertThat(QUERIES).hasSizeGreaterThanOrEqualTo(40);
    for (RelevanceJudgments.Query q : QUERIES) {
      assertThat(q.text()).as(q.id()).isNotBlank();
      assertThat(q.need()).as(q.id()).isNotBlank();
      assertThat(q.relevantCount()).as(q.id()).isPositive();
      assertThat(q.grades().values()).as(q.id()).allMatch(g -> g >= 0 && g <= 2);
    }
    assertThat(QUERIES.stream().map(RelevanceJudgments.Query::id).distinct())
        .hasSize(QUERIES.size());
  }

  @Test
  void everyJudgedPathIsAFileOfTheSampleArchive() {
    assertThat(RelevanceEvaluation.absentPaths(QUERIES, ARCHIVE)).isEmpty();
  }

  @Test
  void unitYearAndFileNameNameExactlyOneArchiveFile() throws IOException {
    Map<String, List<Path>> byKey = new HashMap<>();
    try (Stream<Path> s = Files.walk(ARCHIVE)) {
      s.filter(Files::isRegularFile)
          .map(ARCHIVE::relativize)
          .filter(p -> p.getNameCount() >= 3)
          .forEach(
              p ->
                  byKey
                      .computeIfAbsent(
                          RelevanceJudgments.documentKey(p.toString()), k -> new ArrayList<>())
                      .add(p));
    }
    assertThat(byKey.values()).allMatch(paths -> paths.size() == 1);
    for (RelevanceJudgments.Query q : QUERIES) {
      for (String path : q.grades().keySet()) {
        assertThat(byKey.get(RelevanceJudgments.documentKey(path)))
            .as(q.id() + " " + path)
            .containsExactly(Path.of(path));
      }
    }
  }

  @Test
  void filtersNameRealUnitsCategoriesYearsAndTypes() throws IOException {
    Set<String> units = new HashSet<>();
    List<String> csv = Files.readAllLines(ARCHIVE.resolve("units.csv"), StandardCharsets.UTF_8);
    for (String line : csv.subList(1, csv.size())) {
      if (!line.isBlank()) {
        units.add(line.split(",")[0].strip());
      }
    }
    Set<String> categories = new HashSet<>();
    for (String line :
        Files.readAllLines(Path.of("index-config", "categories.txt"), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        String[] cols = line.split("\\|");
        categories.add(cols[0].strip());
        categories.add(cols[1].strip());
      }
    }
    for (RelevanceJudgments.Query q : QUERIES) {
      if (q.unit() != null) {
        assertThat(units).as(q.id()).contains(q.unit());
      }
      if (q.category() != null) {
        assertThat(categories).as(q.id()).contains(q.category());
      }
      if (q.year() != null) {
        assertThat(q.year()).as(q.id()).isBetween(2024, 2025);
      }
      if (q.type() != null) {
        assertThat(FileType.ALL).as(q.id()).contains(q.type());
      }
      assertThat(RelevanceJudgments.FEATURES).as(q.id()).containsAll(q.needs());
    }
  }

  @Test
  void theHardCasesStayInTheSet() {
    Set<String> tags = new HashSet<>();
    QUERIES.forEach(q -> tags.addAll(q.tags()));
    assertThat(tags)
        .contains(
            "traditional",
            "variant",
            "phrase",
            "placeholder",
            "date",
            "number",
            "latin",
            "linebreak",
            "scanned",
            "gb18030",
            "copy",
            "synonym",
            "filter",
            "exclusion",
            "field",
            "or",
            "date-range",
            "near",
            "unit-name",
            "category-name");
    Set<String> needs = new HashSet<>();
    QUERIES.forEach(q -> needs.addAll(q.needs()));
    assertThat(needs).containsExactlyInAnyOrderElementsOf(RelevanceJudgments.FEATURES);
    assertThat(QUERIES).anyMatch(q -> q.grades().containsValue(0));
  }

  @Test
  void mistakesAreReportedWithTheirLine() {
    assertThatThrownBy(
            () ->
                RelevanceJudgments.parse(
                    "j.tsv", List.of("Q1\tquery\t台账", "Q1\tneed\tx", "Q1\t3\ta/2024/b.pdf")))
        .isInstanceOf(RelevanceJudgments.Invalid.class)
        .hasMessageContaining("j.tsv:3")
        .hasMessageContaining("unknown key");
    assertThatThrownBy(
            () ->
                RelevanceJudgments.parse(
                    "j.tsv", List.of("Q1\tquery\t台账", "Q1\tneed\tx", "Q1\t2\ta/b.pdf")))
        .hasMessageContaining("j.tsv:3")
        .hasMessageContaining("<unit>/<year>");
    assertThatThrownBy(
            () ->
                RelevanceJudgments.parse(
                    "j.tsv", List.of("Q1\tquery\t台账", "Q1\tneed\tx", "Q1\t0\ta/2024/b.pdf")))
        .hasMessageContaining("no relevant document");
    assertThatThrownBy(
            () ->
                RelevanceJudgments.parse(
                    "j.tsv",
                    List.of(
                        "Q1\tquery\t台账", "Q1\tneed\tx", "Q1\tneeds\tregex", "Q1\t2\ta/2024/b.pdf")))
        .hasMessageContaining("j.tsv:3")
        .hasMessageContaining("unknown feature");
    assertThatThrownBy(
            () ->
                RelevanceJudgments.parse(
                    "j.tsv",
                    List.of(
                        "Q1\tquery\t台账",
                        "Q1\tneed\tx",
                        "Q1\t2\ta/2024/c/b.pdf",
                        "Q1\t1\ta/2024/d/b.pdf")))
        .hasMessageContaining("same document");
    assertThatThrownBy(() -> RelevanceJudgments.parse("j.tsv", List.of("Q1\tquery 台账")))
        .hasMessageContaining("j.tsv:1")
        .hasMessageContaining("columns");
  }

  @Test
  void pathsAreMatchedOnUnitYearAndFileName() {
    assertThat(
            RelevanceJudgments.documentKey(
                "sample-archive/cg-yxsq/2024/活动记录/2024-09-14 銀杏社區鄰里守望志願服務活動記錄.docx"))
        .isEqualTo(
            RelevanceJudgments.documentKey("cg-yxsq", 2024, "2024-09-14 銀杏社區鄰里守望志願服務活動記錄.docx"));
  }
}
