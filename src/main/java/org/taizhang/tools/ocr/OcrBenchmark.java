package org.taizhang.tools.ocr;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.taizhang.extract.ExtractionException;
import org.taizhang.extract.ImageRecognizer;

/**
 * Runs each OCR engine over the test set ({@code OcrSetGenerator}) and prints, per engine and kind
 * of image, the character error rate (Levenshtein distance over the true text's length, whitespace
 * removed, summed over the kind's images) and the median seconds per image. Engines run one image
 * at a time on one thread each (Tesseract with {@code OMP_THREAD_LIMIT=1}, RapidOCR with one ONNX
 * thread); pin the JVM to one core with {@code taskset -c 0} for figures per core. RapidOCR's first
 * call (loading its models) is made before timing.
 *
 * <p>Usage: {@code ocr-benchmark [--set=DIR] [--engines=tesseract,rapidocr] [--verbose]}
 */
public final class OcrBenchmark {
  private OcrBenchmark() {}

  record Item(Path image, String kind, String truth) {}

  record Run(
      String engine, Item item, double cer, double seconds, double confidence, int rotation) {}

  public static void main(String[] args) throws Exception {
    Path set = OcrSetGenerator.DEFAULT_DIR;
    List<String> engines = List.of("tesseract", "rapidocr");
    boolean verbose = false;
    for (String a : args) {
      if (a.startsWith("--set=")) {
        set = Path.of(a.substring(6));
      } else if (a.startsWith("--engines=")) {
        engines = List.of(a.substring(10).split(","));
      } else if (a.equals("--verbose")) {
        verbose = true;
      } else {
        throw new IllegalArgumentException("unknown option " + a);
      }
    }
    List<Item> items = load(set);
    ImageRecognizer recognizer = new ImageRecognizer("chi_sim+eng", 120);
    List<Run> runs = new ArrayList<>();
    for (String name : engines) {
      ImageRecognizer.Engine engine = ImageRecognizer.Engine.of(name);
      if (engine != ImageRecognizer.Engine.TESSERACT) {
        String error = recognizer.rapidocr();
        if (!error.isEmpty()) {
          System.out.println(name + "：无法加载，跳过（" + error + "）");
          continue;
        }
      }
      for (Item item : items) {
        long start = System.nanoTime();
        ImageRecognizer.Recognition r;
        try {
          r = recognizer.recognize(item.image(), engine);
        } catch (ExtractionException e) {
          System.out.println(item.image().getFileName() + " " + name + "：" + e.getMessage());
          r = new ImageRecognizer.Recognition("", name, 0, 0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Run run =
            new Run(
                r.engine(),
                item,
                cer(item.truth(), r.text()),
                seconds,
                r.confidence(),
                r.rotation());
        runs.add(run);
        if (verbose) {
          System.out.printf(
              Locale.ROOT,
              "%-18s %-9s CER %.3f  %.2f s  conf %.2f  rot %d%n",
              item.image().getFileName(),
              r.engine(),
              run.cer(),
              seconds,
              r.confidence(),
              r.rotation());
        }
      }
    }
    System.out.print(table(runs));
  }

  static List<Item> load(Path set) throws java.io.IOException {
    List<Item> items = new ArrayList<>();
    for (String line : Files.readAllLines(set.resolve("set.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      Path image = set.resolve(f[0]);
      String truth =
          Files.readString(
              set.resolve(f[0].replaceAll("\\.[a-z]+$", ".txt")), StandardCharsets.UTF_8);
      items.add(new Item(image, f[1], truth));
    }
    return items;
  }

  /** The table of engine × kind: CER (edits over true characters) and median seconds. */
  static String table(List<Run> runs) {
    Map<String, Map<String, List<Run>>> byKind = new LinkedHashMap<>();
    List<String> engines = new ArrayList<>();
    for (Run r : runs) {
      byKind
          .computeIfAbsent(r.item().kind(), k -> new LinkedHashMap<>())
          .computeIfAbsent(r.engine(), k -> new ArrayList<>())
          .add(r);
      if (!engines.contains(r.engine())) {
        engines.add(r.engine());
      }
    }
    StringBuilder out = new StringBuilder("\n| 图像类型 | 张数 |");
    for (String e : engines) {
      out.append(" ").append(e).append(" CER | ").append(e).append(" 秒/张（中位数） |");
    }
    out.append("\n|---|---|").append("---|---|".repeat(engines.size())).append('\n');
    Map<String, List<Run>> all = new LinkedHashMap<>();
    for (var kind : byKind.entrySet()) {
      out.append("| ").append(kind.getKey()).append(" | ");
      out.append(kind.getValue().values().iterator().next().size()).append(" |");
      for (String e : engines) {
        List<Run> rs = kind.getValue().getOrDefault(e, List.of());
        all.computeIfAbsent(e, k -> new ArrayList<>()).addAll(rs);
        out.append(cell(rs));
      }
      out.append('\n');
    }
    out.append("| 全部 | ").append(all.values().iterator().next().size()).append(" |");
    for (String e : engines) {
      out.append(cell(all.get(e)));
    }
    out.append('\n');
    return out.toString();
  }

  private static String cell(List<Run> rs) {
    if (rs.isEmpty()) {
      return " — | — |";
    }
    double edits = 0;
    double chars = 0;
    List<Double> seconds = new ArrayList<>();
    for (Run r : rs) {
      int n = strip(r.item().truth()).length();
      edits += r.cer() * n;
      chars += n;
      seconds.add(r.seconds());
    }
    seconds.sort(null);
    double median =
        seconds.size() % 2 == 1
            ? seconds.get(seconds.size() / 2)
            : (seconds.get(seconds.size() / 2 - 1) + seconds.get(seconds.size() / 2)) / 2;
    return String.format(Locale.ROOT, " %.1f %% | %.2f |", 100 * edits / chars, median);
  }

  /** Character error rate of {@code read} against {@code truth}, whitespace removed from both. */
  public static double cer(String truth, String read) {
    String t = strip(truth);
    String r = strip(read);
    return t.isEmpty() ? (r.isEmpty() ? 0 : 1) : levenshtein(t, r) / (double) t.length();
  }

  static String strip(String s) {
    return s.replaceAll("[\\s\\u3000]+", "");
  }

  static int levenshtein(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
