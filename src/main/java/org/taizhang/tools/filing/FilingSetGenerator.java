package org.taizhang.tools.filing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.taizhang.pdf.ExportFont;
import org.taizhang.tools.filing.FilingSetTexts.Draft;

/**
 * Writes the labelled filing set: the documents and {@code labels.tsv} (file, expected category
 * code or {@code none}, expected date or {@code none}, its precision, the half: {@code tune} or
 * {@code holdout}, the kind of document). The set is committed; this is how it was made.
 *
 * <pre>
 * java -jar target/taizhang.jar generate-filing-set docs/filing-set [--seed=12]
 * </pre>
 */
public final class FilingSetGenerator {
  private FilingSetGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("用法：generate-filing-set <目录> [--seed=12]");
      return;
    }
    Path dir = Path.of(args[0]);
    long seed = 12;
    for (String a : args) {
      if (a.startsWith("--seed=")) {
        seed = Long.parseLong(a.substring("--seed=".length()));
      }
    }
    List<Draft> drafts = new FilingSetTexts(seed).all();
    Path files = dir.resolve("files");
    Files.createDirectories(files);
    StringBuilder labels = new StringBuilder("file\tcategory\tdate\tprecision\thalf\tkind\n");
    try (ExportFont.Handle fonts =
        ExportFont.of(System.getProperty("taizhang.export.font", "")).open()) {
      FilingSetWriter writer = new FilingSetWriter(fonts);
      for (Draft d : drafts) {
        String format = d.fileName().substring(d.fileName().lastIndexOf('.') + 1);
        writer.write(d, format, files.resolve(d.fileName()));
        labels
            .append(
                String.join(
                    "\t", d.fileName(), d.category(), d.date(), d.precision(), d.half(), d.kind()))
            .append('\n');
      }
    }
    Files.writeString(dir.resolve("labels.tsv"), labels, StandardCharsets.UTF_8);
    System.out.println("写入 " + drafts.size() + " 份材料：" + files);
  }
}
