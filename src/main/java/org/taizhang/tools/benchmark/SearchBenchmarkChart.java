package org.taizhang.tools.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the search benchmark's cost curve over the index size as an SVG file: latency (p50 and p95
 * at concurrency 1 and 8, CPU per query p95) on the left, index size and indexing time on the
 * right, both axes logarithmic. Reads the figures from a tab-separated file with the columns {@code
 * docs c1_p50 c1_p95 c8_p50 c8_p95 cpu_p95 index_mb index_min}, one line per size, {@code #} lines
 * ignored; {@code -} for a figure not measured.
 *
 * <pre>
 * java -cp target/classes org.taizhang.tools.benchmark.SearchBenchmarkChart docs/search-benchmark-curve.tsv docs/search-benchmark-curve.svg
 * </pre>
 */
public final class SearchBenchmarkChart {
  private static final int PANEL_W = 420;
  private static final int PANEL_H = 300;
  private static final int MARGIN = 60;
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#ff7f0e", "#2ca02c", "#7f7f7f"};

  private SearchBenchmarkChart() {}

  /** One size and its figures; NaN where not measured. */
  record Row(double docs, double[] values) {}

  public static void main(String[] args) throws IOException {
    List<Row> rows = read(Path.of(args[0]));
    Files.writeString(Path.of(args[1]), svg(rows), StandardCharsets.UTF_8);
  }

  static List<Row> read(Path tsv) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split("\t");
      double[] v = new double[f.length - 1];
      for (int i = 1; i < f.length; i++) {
        v[i - 1] = f[i].equals("-") ? Double.NaN : Double.parseDouble(f[i]);
      }
      rows.add(new Row(Double.parseDouble(f[0]), v));
    }
    return rows;
  }

  static String svg(List<Row> rows) {
    StringBuilder s = new StringBuilder();
    int width = 2 * (PANEL_W + 2 * MARGIN);
    int height = PANEL_H + 2 * MARGIN + 40;
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
            width,
            height));
    panel(
        s,
        rows,
        0,
        "Search latency (ms), the benchmark's query mix",
        new int[] {0, 1, 2, 3, 4},
        new String[] {
          "p50, 1 client", "p95, 1 client", "p50, 8 clients", "p95, 8 clients", "CPU/query p95"
        });
    panel(
        s,
        rows,
        PANEL_W + 2 * MARGIN,
        "Index: size (MB) and build time (min)",
        new int[] {5, 6},
        new String[] {"size on disk, MB", "indexing, minutes"});
    s.append("</svg>\n");
    return s.toString();
  }

  private static void panel(
      StringBuilder s, List<Row> rows, int left, String title, int[] columns, String[] names) {
    double minX = rows.stream().mapToDouble(Row::docs).min().orElse(1);
    double maxX = rows.stream().mapToDouble(Row::docs).max().orElse(10);
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (Row r : rows) {
      for (int c : columns) {
        double v = c < r.values().length ? r.values()[c] : Double.NaN;
        if (!Double.isNaN(v) && v > 0) {
          minY = Math.min(minY, v);
          maxY = Math.max(maxY, v);
        }
      }
    }
    double lo = Math.pow(10, Math.floor(Math.log10(minY)));
    double hi = Math.pow(10, Math.ceil(Math.log10(maxY)));
    int x0 = left + MARGIN;
    int y0 = MARGIN + PANEL_H;
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            x0,
            MARGIN - 20,
            title));
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n",
            x0,
            MARGIN,
            PANEL_W,
            PANEL_H));
    for (double y = lo; y <= hi * 1.0001; y *= 10) {
      for (int m : new int[] {1, 2, 5}) {
        double v = y * m;
        if (v > hi * 1.0001) {
          break;
        }
        double py = py(v, lo, hi);
        s.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                x0,
                py,
                x0 + PANEL_W,
                py,
                x0 - 5,
                py + 4,
                label(v)));
      }
    }
    for (Row r : rows) {
      double px = x0 + px(r.docs(), minX, maxX);
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              px,
              MARGIN,
              px,
              y0,
              px,
              y0 + 16,
              label(r.docs())));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">documents in the index (log scale)</text>%n",
            x0 + PANEL_W / 2,
            y0 + 34));
    for (int i = 0; i < columns.length; i++) {
      String color = COLORS[i % COLORS.length];
      StringBuilder points = new StringBuilder();
      for (Row r : rows) {
        double v = columns[i] < r.values().length ? r.values()[columns[i]] : Double.NaN;
        if (Double.isNaN(v) || v <= 0) {
          continue;
        }
        double px = x0 + px(r.docs(), minX, maxX);
        double py = py(v, lo, hi);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s: %s</title></circle>%n",
                px,
                py,
                color,
                names[i],
                label(v)));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              points.toString().trim(),
              color));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\">%s</text>%n",
              x0 + 8,
              MARGIN + 12 + 16 * i,
              color,
              x0 + 24,
              MARGIN + 17 + 16 * i,
              names[i]));
    }
  }

  private static double px(double docs, double min, double max) {
    return max == min ? PANEL_W / 2.0 : PANEL_W * Math.log(docs / min) / Math.log(max / min);
  }

  private static double py(double v, double lo, double hi) {
    return MARGIN + PANEL_H - PANEL_H * Math.log(v / lo) / Math.log(hi / lo);
  }

  private static String label(double v) {
    if (v >= 1_000_000) {
      return String.format(Locale.ROOT, "%.0fM", v / 1_000_000);
    }
    if (v >= 1000) {
      return String.format(Locale.ROOT, "%.0fk", v / 1000);
    }
    return v >= 10 || v == Math.rint(v)
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
