package org.taizhang.tools.filing;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.taizhang.catalog.Catalog;
import org.taizhang.extract.Extraction;
import org.taizhang.extract.ExtractionException;
import org.taizhang.extract.ParserPool;
import org.taizhang.filing.CategoryModel;
import org.taizhang.filing.Filed;
import org.taizhang.filing.Filer;
import org.taizhang.filing.Subject;
import org.taizhang.index.ChineseAnalysis;

/**
 * Measures filing on the labelled set ({@code docs/filing-set}): every file is read by the parser
 * processes as an upload is, and filed by the service's rules with the given configuration. Prints,
 * for the half the rules were tuned on, the held-out half and both: category accuracy, recall per
 * category and the confusion matrix; for documents that state a date, how many got it right (day or
 * month as stated); for documents that state none, how many got one anyway (invented). Targets:
 * category ≥ 90 % and ≥ 80 % recall per category, stated dates ≥ 95 %, 0 invented.
 *
 * <pre>
 * java -jar target/taizhang.jar evaluate-filing [--set=docs/filing-set] [--config=index-config] [--errors]
 * </pre>
 */
public final class FilingEvaluation {
  private FilingEvaluation() {}

  /** One labelled file and what filing made of it. */
  record Outcome(
      String file,
      String half,
      String kind,
      String category,
      String date,
      String precision,
      String gotCategory,
      String gotDate,
      String source,
      String dateSource,
      String text,
      boolean notEvidence) {
    boolean categoryRight() {
      return category.equals(gotCategory);
    }

    boolean stated() {
      return !date.equals("none");
    }

    boolean dateRight() {
      return date.equals(gotDate);
    }

    boolean invented() {
      return !stated() && !gotDate.equals("none");
    }
  }

  public static void main(String[] args) throws Exception {
    Path set = Path.of("docs/filing-set");
    Path config = Path.of("index-config");
    boolean errors = false;
    boolean model = false;
    for (String a : args) {
      if (a.equals("--model")) {
        model = true;
      }
      if (a.startsWith("--set=")) {
        set = Path.of(a.substring(6));
      } else if (a.startsWith("--config=")) {
        config = Path.of(a.substring(9));
      } else if (a.equals("--errors")) {
        errors = true;
      }
    }
    List<Outcome> outcomes = run(set, config);
    print(outcomes, errors, System.out);
    if (model) {
      compareModel(outcomes, System.out);
    }
  }

  /**
   * Trains the naive Bayes model on the categorised documents of the tuning half (as an office's
   * accepted documents would train it) and files the held-out half three ways: by the rules, by the
   * model alone, and by the rules with the model where they leave a document 未分类.
   */
  static void compareModel(List<Outcome> outcomes, PrintStream out) {
    CategoryModel model = new CategoryModel();
    outcomes.stream()
        .filter(o -> o.half().equals("tune") && !o.category().equals("none"))
        .forEach(o -> model.add(o.category(), o.file(), o.text()));
    List<Outcome> held = outcomes.stream().filter(o -> o.half().equals("holdout")).toList();
    for (double threshold : new double[] {0.0, 0.9, 0.99}) {
      int alone = 0;
      int combined = 0;
      int wrong = 0;
      for (Outcome o : held) {
        String guess =
            model
                .guess(o.file(), o.text())
                .filter(g -> g.probability() >= threshold)
                .map(CategoryModel.Guess::category)
                .orElse("none");
        if (guess.equals(o.category())) {
          alone++;
        }
        // the model only speaks where the rules found nothing, never against the not-evidence list
        String both = o.gotCategory().equals("none") && !o.notEvidence() ? guess : o.gotCategory();
        if (both.equals(o.category())) {
          combined++;
        } else if (!both.equals("none")) {
          wrong++;
        }
      }
      out.printf(
          Locale.ROOT,
          "模型（阈值 %.2f，在调参集的已归类材料上训练）留出集：仅模型 %.1f%%；规则+模型 %.1f%%，其中错归 %d 份；仅规则 %.1f%%%n",
          threshold,
          pct(alone, held.size()),
          pct(combined, held.size()),
          wrong,
          pct(held.stream().filter(Outcome::categoryRight).count(), held.size()));
    }
  }

  /** Files every document of the set as the service would with the configuration {@code config}. */
  static List<Outcome> run(Path set, Path config) throws Exception {
    Filer filer = new Filer(Catalog.load(config), new ChineseAnalysis(config)::fold);
    List<String> lines = Files.readAllLines(set.resolve("labels.tsv"), StandardCharsets.UTF_8);
    Path temp = Files.createTempDirectory("filing-eval");
    List<Outcome> out = new ArrayList<>();
    try (ParserPool parsers =
        new ParserPool(
            new ParserPool.Settings(
                2, Duration.ofSeconds(120), 512L << 20, 200_000, 100_000_000L, 10_000, temp, 0))) {
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t");
        Path file = set.resolve("files").resolve(f[0]);
        Extraction x;
        try {
          x = parsers.extract(file, f[0]);
        } catch (ExtractionException e) {
          out.add(
              new Outcome(
                  f[0], f[4], f[5], f[1], f[2], f[3], "REJECTED", "none", "-", "-", "", false));
          continue;
        }
        Filed filed =
            filer.infer(
                new Subject(
                    null,
                    f[0],
                    x.text(),
                    x.mediaType(),
                    x.metadata().takenAt(),
                    null,
                    false,
                    null));
        String gotDate =
            filed.dated() == null
                ? "none"
                : filed.date() != null
                    ? filed.date().toString()
                    : filed.dated().first().toString().substring(0, 7);
        out.add(
            new Outcome(
                f[0],
                f[4],
                f[5],
                f[1],
                f[2],
                f[3],
                filed.category() == null ? "none" : filed.category(),
                gotDate,
                filed.inference().categorySource().name(),
                filed.inference().dateSource().name(),
                x.text(),
                filed.inference().question() != null
                    && filed.inference().question().contains("不是创建台账材料")));
      }
    }
    return out;
  }

  static void print(List<Outcome> outcomes, boolean errors, PrintStream out) {
    Map<String, List<Outcome>> halves = new LinkedHashMap<>();
    halves.put("tune（调参集）", outcomes.stream().filter(o -> o.half().equals("tune")).toList());
    halves.put("holdout（留出集）", outcomes.stream().filter(o -> o.half().equals("holdout")).toList());
    halves.put("all（全部）", outcomes);
    for (Map.Entry<String, List<Outcome>> h : halves.entrySet()) {
      List<Outcome> os = h.getValue();
      out.println("== " + h.getKey() + "：" + os.size() + " 份");
      long right = os.stream().filter(Outcome::categoryRight).count();
      out.printf(Locale.ROOT, "类别正确率 %.1f%% (%d/%d)%n", pct(right, os.size()), right, os.size());
      Map<String, int[]> recall = new TreeMap<>();
      for (Outcome o : os) {
        int[] r = recall.computeIfAbsent(o.category(), k -> new int[2]);
        r[1]++;
        if (o.categoryRight()) {
          r[0]++;
        }
      }
      StringBuilder line = new StringBuilder("各类别召回率：");
      recall.forEach(
          (c, r) ->
              line.append(
                  String.format(Locale.ROOT, " %s %.0f%%(%d/%d)", c, pct(r[0], r[1]), r[0], r[1])));
      out.println(line);
      List<Outcome> stated = os.stream().filter(Outcome::stated).toList();
      long dates = stated.stream().filter(Outcome::dateRight).count();
      long invented = os.stream().filter(Outcome::invented).count();
      long undated = os.size() - stated.size();
      out.printf(
          Locale.ROOT,
          "写明日期的材料：日期正确 %.1f%% (%d/%d)；未写日期的材料：编造日期 %d 份 (共 %d 份)%n",
          pct(dates, stated.size()),
          dates,
          stated.size(),
          invented,
          undated);
    }
    out.println("== 混淆矩阵（行：应归类别，列：推断类别；全部）");
    TreeSet<String> codes = new TreeSet<>();
    outcomes.forEach(
        o -> {
          codes.add(o.category());
          codes.add(o.gotCategory());
        });
    List<String> cols = new ArrayList<>(codes);
    StringBuilder head = new StringBuilder(String.format("%-18s", ""));
    for (int i = 0; i < cols.size(); i++) {
      head.append(String.format("%4d", i + 1));
    }
    out.println(head);
    for (int r = 0; r < cols.size(); r++) {
      String row = cols.get(r);
      StringBuilder sb = new StringBuilder(String.format("%2d %-15s", r + 1, row));
      for (String col : cols) {
        long n =
            outcomes.stream()
                .filter(o -> o.category().equals(row) && o.gotCategory().equals(col))
                .count();
        sb.append(String.format("%4s", n == 0 ? "." : String.valueOf(n)));
      }
      out.println(sb);
    }
    Map<String, Long> sources = new TreeMap<>();
    outcomes.forEach(o -> sources.merge(o.source(), 1L, Long::sum));
    out.println("类别来源：" + sources);
    Map<String, Long> dateSources = new TreeMap<>();
    outcomes.forEach(o -> dateSources.merge(o.dateSource(), 1L, Long::sum));
    out.println("日期来源：" + dateSources);
    if (errors) {
      out.println("== 错误");
      for (Outcome o : outcomes) {
        if (!o.categoryRight() || (o.stated() && !o.dateRight()) || o.invented()) {
          out.println(
              o.half()
                  + "\t"
                  + o.file()
                  + "\t类别 "
                  + o.category()
                  + " → "
                  + o.gotCategory()
                  + " ("
                  + o.source()
                  + ")\t日期 "
                  + o.date()
                  + " → "
                  + o.gotDate()
                  + " ("
                  + o.dateSource()
                  + ")");
        }
      }
    }
  }

  private static double pct(long n, long of) {
    return of == 0 ? 100 : 100.0 * n / of;
  }
}
