package org.taizhang.tools.relevance;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.taizhang.ingest.ImportSummary;

/**
 * Prints the outcome of a {@link RelevanceEvaluation}: header, per-query table, means, failures,
 * rankings.
 */
final class RelevanceReport {
  static final double RECALL_TARGET = 0.95;
  static final double NDCG_TARGET = 0.95;

  /** A query whose nDCG@10 is below this is listed among the failures for its ranking. */
  static final double NDCG_FAILURE = 0.90;

  private static final int MAX_LISTED = 6;

  private final PrintStream out;
  private final Map<String, String> archivePaths;

  /**
   * @param archivePaths archive path by document key, to name documents that are not judged
   */
  RelevanceReport(PrintStream out, Map<String, String> archivePaths) {
    this.out = out;
    this.archivePaths = archivePaths;
  }

  void header(
      Path judgments,
      Path archive,
      ImportSummary imported,
      List<RelevanceJudgments.Query> queries,
      Map<Long, String> keyById,
      Set<String> supported,
      boolean all) {
    out.println("检索相关性评测  " + judgments + "  ←  " + archive);
    out.printf(
        Locale.ROOT,
        "导入：%d 个文件，新增 %d，重复 %d，拒收 %d%n",
        imported.total(),
        imported.imported(),
        imported.duplicates(),
        imported.rejected().size());
    for (ImportSummary.Rejected r : imported.rejected()) {
      out.println("  拒收 " + r.file() + "  " + r.reason() + "  " + r.message());
    }
    Set<String> stored = new HashSet<>(keyById.values());
    Set<String> notStored = new TreeSet<>();
    for (RelevanceJudgments.Query q : queries) {
      for (String p : q.grades().keySet()) {
        if (!stored.contains(RelevanceJudgments.documentKey(p))) {
          notStored.add(p);
        }
      }
    }
    for (String p : notStored) {
      out.println("  注意：评测集中的文件没有入库（只能算作漏检）：" + p);
    }
    Set<String> missingFeatures = new TreeSet<>(RelevanceJudgments.FEATURES);
    missingFeatures.removeAll(supported);
    out.println(
        "查询语法："
            + (all
                ? "--all，全部运行"
                : missingFeatures.isEmpty()
                    ? "field、or、date-range 均已支持"
                    : "尚不支持 " + String.join("、", missingFeatures) + "，依赖它们的查询跳过（--all 强制运行）"));
    out.println();
  }

  void table(List<RelevanceEvaluation.Outcome> outcomes) {
    out.println("编号    R@10  P@10   P@R  nDCG@10   |R| 找到 陷阱  查询");
    for (RelevanceEvaluation.Outcome o : outcomes) {
      RelevanceJudgments.Query q = o.query();
      String query = q.text() + (q.filters().isEmpty() ? "" : "  [" + q.filters() + "]");
      if (!o.evaluated()) {
        out.printf(
            Locale.ROOT, "%s  %-36s  %s%n", pad(q.id(), 4), "（跳过：需要 " + o.skipped() + "）", query);
        continue;
      }
      RelevanceMetrics.Scores s = o.scores();
      out.printf(
          Locale.ROOT,
          "%s  %5.2f %5.2f %5.2f  %7.3f %5d %4d %4d  %s%s%n",
          pad(q.id(), 4),
          s.recall(),
          s.precision(),
          s.rPrecision(),
          s.ndcg(),
          s.relevant(),
          s.found(),
          s.traps().size(),
          query,
          o.error() == null ? "" : "  （出错）");
    }
    out.println();
  }

  void means(List<RelevanceEvaluation.Outcome> outcomes) {
    List<RelevanceEvaluation.Outcome> evaluated =
        outcomes.stream().filter(RelevanceEvaluation.Outcome::evaluated).toList();
    if (evaluated.isEmpty()) {
      out.println("没有评测任何查询。");
      return;
    }
    Mean all = mean(evaluated);
    out.printf(
        Locale.ROOT,
        "平均（%d 个查询%s）：recall@10 %.3f   precision@10 %.3f   P@R %.3f   nDCG@10 %.3f%n",
        evaluated.size(),
        evaluated.size() < outcomes.size()
            ? "，跳过 " + (outcomes.size() - evaluated.size()) + " 个"
            : "",
        all.recall,
        all.precision,
        all.rPrecision,
        all.ndcg);
    out.printf(
        Locale.ROOT,
        "              recall@10（不封顶，除以 |R|）%.3f；有陷阱进入前10的查询 %d 个%n",
        all.recallUncapped,
        evaluated.stream().filter(o -> !o.scores().traps().isEmpty()).count());
    out.printf(
        Locale.ROOT,
        "目标：recall@10 ≥ %.2f %s，nDCG@10 ≥ %.2f %s%n",
        RECALL_TARGET,
        all.recall >= RECALL_TARGET ? "达到" : "未达到",
        NDCG_TARGET,
        all.ndcg >= NDCG_TARGET ? "达到" : "未达到");
    Map<String, List<RelevanceEvaluation.Outcome>> byTag = new LinkedHashMap<>();
    for (RelevanceEvaluation.Outcome o : evaluated) {
      for (String tag : o.query().tags()) {
        byTag.computeIfAbsent(tag, t -> new ArrayList<>()).add(o);
      }
    }
    if (!byTag.isEmpty()) {
      out.println("按标签：");
      byTag.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> {
                Mean m = mean(e.getValue());
                out.printf(
                    Locale.ROOT,
                    "  %s %3d  recall@10 %.3f  P@R %.3f  nDCG@10 %.3f%n",
                    pad(e.getKey(), 12),
                    e.getValue().size(),
                    m.recall,
                    m.rPrecision,
                    m.ndcg);
              });
    }
    out.println();
  }

  void failures(List<RelevanceEvaluation.Outcome> outcomes) {
    List<RelevanceEvaluation.Outcome> failed =
        outcomes.stream()
            .filter(RelevanceEvaluation.Outcome::evaluated)
            .filter(
                o ->
                    o.error() != null
                        || o.scores().incomplete()
                        || !o.scores().traps().isEmpty()
                        || o.scores().ndcg() < NDCG_FAILURE)
            .toList();
    out.println(
        "未通过的查询（"
            + failed.size()
            + "）：漏检 = 相关文件不在前10；陷阱 = 不相关文件进入前10；排序 = nDCG@10 < "
            + String.format(Locale.ROOT, "%.2f", NDCG_FAILURE));
    for (RelevanceEvaluation.Outcome o : failed) {
      RelevanceMetrics.Scores s = o.scores();
      RelevanceJudgments.Query q = o.query();
      out.printf(
          Locale.ROOT,
          "  %s %s%s — recall@10 %.2f  nDCG@10 %.3f  共 %d 条结果%n",
          q.id(),
          q.text(),
          q.filters().isEmpty() ? "" : "  [" + q.filters() + "]",
          s.recall(),
          s.ndcg(),
          o.total());
      out.println("      需求：" + q.need());
      if (o.error() != null) {
        out.println("      出错：" + o.error());
      }
      if (s.incomplete()) {
        List<RelevanceMetrics.Missing> missing = s.missing();
        for (int i = 0; i < Math.min(MAX_LISTED, missing.size()); i++) {
          RelevanceMetrics.Missing m = missing.get(i);
          out.println("      漏检 [" + m.grade() + "] " + m.path() + comment(q, m.path()));
        }
        if (missing.size() > MAX_LISTED) {
          out.println("      …… 另有 " + (missing.size() - MAX_LISTED) + " 个相关文件不在前10");
        }
      }
      for (RelevanceMetrics.Trap t : s.traps()) {
        out.println("      陷阱 第" + t.rank() + "名 " + t.path() + comment(q, t.path()));
      }
      if (s.ndcg() < NDCG_FAILURE && !s.incomplete() && s.traps().isEmpty() && o.error() == null) {
        out.println("      排序：相关文件都在前10，但次序不理想");
      }
    }
    out.println();
  }

  void rankings(List<RelevanceEvaluation.Outcome> outcomes) {
    out.println("各查询的前10条（[2]/[1] 相关，[0] 陷阱，[ ] 未判断）：");
    for (RelevanceEvaluation.Outcome o : outcomes) {
      if (!o.evaluated()) {
        continue;
      }
      out.println("  " + o.query().id() + " " + o.query().text() + "  （共 " + o.total() + " 条）");
      for (int i = 0; i < o.rankedKeys().size(); i++) {
        String path = o.ranked().get(i);
        Integer g = path == null ? null : o.query().grades().get(path);
        out.printf(
            Locale.ROOT,
            "    %2d [%s] %s%n",
            i + 1,
            g == null ? " " : g.toString(),
            path == null
                ? archivePaths.getOrDefault(o.rankedKeys().get(i), o.rankedKeys().get(i))
                : path);
      }
    }
    out.println();
  }

  private static String comment(RelevanceJudgments.Query q, String path) {
    String c = q.comments().get(path);
    return c == null ? "" : "  （" + c + "）";
  }

  private record Mean(
      double recall, double recallUncapped, double precision, double rPrecision, double ndcg) {}

  private static Mean mean(List<RelevanceEvaluation.Outcome> outcomes) {
    double r = 0;
    double ru = 0;
    double p = 0;
    double rp = 0;
    double n = 0;
    for (RelevanceEvaluation.Outcome o : outcomes) {
      RelevanceMetrics.Scores s = o.scores();
      r += s.recall();
      ru += s.recallUncapped();
      p += s.precision();
      rp += s.rPrecision();
      n += s.ndcg();
    }
    int k = outcomes.size();
    return new Mean(r / k, ru / k, p / k, rp / k, n / k);
  }

  /** Pads to a display width, counting CJK characters as two columns. */
  static String pad(String s, int width) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) >= 0x2E80 ? 2 : 1;
    }
    return w >= width ? s : s + " ".repeat(width - w);
  }
}
