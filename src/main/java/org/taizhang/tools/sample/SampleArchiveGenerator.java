package org.taizhang.tools.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;
import org.taizhang.config.CommandArguments;
import org.taizhang.pdf.ExportFont;
import org.taizhang.unit.UnitsFile;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Generates the fictional 青禾县 sample archive (units.csv, README.md and every unit's files by year
 * and category), or a larger synthetic corpus for benchmarks. Output depends only on the seed:
 * running twice gives the same files with the same content.
 */
public final class SampleArchiveGenerator {

  /** The seed of the committed sample-archive/. */
  public static final long DEFAULT_SEED = 20250101L;

  static final List<Integer> YEARS = List.of(2024, 2025);

  private final long seed;

  public SampleArchiveGenerator(long seed) {
    this.seed = seed;
  }

  /**
   * @param units rows of units.csv, the root included
   * @param files evidence files under the unit folders (units.csv and README.md not counted)
   * @param bytes total size of those evidence files
   */
  public record Summary(int units, int files, long bytes) {}

  /**
   * Writes the sample county (extraUnits == 0) or a larger synthetic corpus for benchmarks:
   * extraUnits additional generated units with the same per-unit structure and varied text. Returns
   * counts. A previous archive in {@code outDir} is replaced; any other non-empty directory is
   * refused.
   */
  public Summary generate(Path outDir, int extraUnits) throws IOException {
    if (extraUnits < 0) {
      throw new IllegalArgumentException("extraUnits must be >= 0: " + extraUnits);
    }
    prepare(outDir);
    List<UnitProfile> units = new ArrayList<>(QingheCounty.units());
    for (int i = 1; i <= extraUnits; i++) {
      units.add(BenchUnitFactory.create(i, seed, QingheCounty.ROOT));
    }
    Map<String, UnitProfile> byCode = new LinkedHashMap<>();
    units.forEach(u -> byCode.put(u.code(), u));
    writeUnitsCsv(outDir, units);

    LedgerPlanner planner = new LedgerPlanner(seed, byCode, QingheCounty.quirks());
    Map<String, Integer> filesPerUnit = new LinkedHashMap<>();
    Map<String, Integer> filesPerExtension = new TreeMap<>();
    long bytes = 0;
    int files = 0;
    try (ExportFont.Handle fonts = font().open()) {
      ArchiveFileWriter writer = new ArchiveFileWriter(fonts);
      List<UnitProfile> sampleUnits =
          units.stream().filter(u -> !u.isRoot() && !u.code().startsWith("bench-")).toList();
      for (int ordinal = 0; ordinal < units.size(); ordinal++) {
        UnitProfile unit = units.get(ordinal);
        List<PlannedFile> planned = new ArrayList<>();
        if (unit.isRoot()) {
          planned.addAll(planner.countyOffice(unit, sampleUnits));
        } else {
          LedgerExtras extras =
              unit.code().startsWith("bench-")
                  ? benchExtras(ordinal)
                  : QingheCounty.extras(unit.code());
          for (int year : YEARS) {
            planned.addAll(planner.plan(unit, ordinal, year, extras));
          }
        }
        for (PlannedFile file : planned) {
          bytes += writer.write(outDir, file);
          files++;
          filesPerUnit.merge(unit.code(), 1, Integer::sum);
          String name = file.fileName();
          filesPerExtension.merge(name.substring(name.lastIndexOf('.') + 1), 1, Integer::sum);
        }
      }
    }
    String readme =
        ReadmeWriter.render(
            units, filesPerUnit, filesPerExtension, planner.notes(), extraUnits, seed, bytes);
    Files.writeString(outDir.resolve("README.md"), readme, StandardCharsets.UTF_8);
    return new Summary(units.size(), files, bytes);
  }

  /**
   * The CJK font of every generated file: the PDF exports' font, so the files named in {@code
   * -Dtaizhang.export.font=…} come first. PDF text, photo captions and scanned pages all use it.
   */
  static ExportFont font() {
    return ExportFont.of(System.getProperty("taizhang.export.font", ""));
  }

  /**
   * Benchmark units keep rules every other unit, so the corpus is not uniform; every fourth hands
   * in a text briefing, so text files make up about the share they have in the sample county.
   */
  private static LedgerExtras benchExtras(int ordinal) {
    if (ordinal % 2 == 0) {
      return new LedgerExtras(true, false, Set.of(), Set.of(2025));
    }
    return ordinal % 4 == 1
        ? new LedgerExtras(false, false, Set.of(2025), Set.of())
        : LedgerExtras.NONE;
  }

  private static void writeUnitsCsv(Path outDir, List<UnitProfile> units) throws IOException {
    StringBuilder csv = new StringBuilder("code,name,type,parent\n");
    for (UnitProfile u : units) {
      csv.append(u.code())
          .append(',')
          .append(u.name())
          .append(',')
          .append(u.type())
          .append(',')
          .append(u.parentCode())
          .append('\n');
    }
    Files.writeString(outDir.resolve("units.csv"), csv.toString(), StandardCharsets.UTF_8);
  }

  /**
   * Makes {@code outDir} ready: creates it, or clears a previous archive (the unit folders named in
   * its units.csv, units.csv and README.md) so that renamed files cannot linger.
   */
  private static void prepare(Path outDir) throws IOException {
    Files.createDirectories(outDir);
    boolean empty;
    try (Stream<Path> entries = Files.list(outDir)) {
      empty = entries.findAny().isEmpty();
    }
    if (empty) {
      return;
    }
    Path csv = outDir.resolve("units.csv");
    if (!Files.isRegularFile(csv)) {
      throw new IOException(
          outDir
              + " is not empty and holds no units.csv; refusing to write a sample archive into it");
    }
    for (String code : UnitsFile.codes(csv)) {
      if (code.matches("[a-z0-9-]+")) {
        FileSystemUtils.deleteRecursively(outDir.resolve(code));
      }
    }
    Files.deleteIfExists(csv);
    Files.deleteIfExists(outDir.resolve("README.md"));
  }

  /** The command line: {@code <outDir> [--extra-units N] [--seed S]}. */
  static final class Arguments {
    @Parameters(index = "0", paramLabel = "<目录>")
    Path out;

    @Option(names = "--extra-units")
    int extra;

    @Option(names = "--seed")
    long seed = DEFAULT_SEED;
  }

  /** Prints the summary. */
  public static void main(String[] args) throws IOException {
    Arguments a = new Arguments();
    if (!CommandArguments.read(
        a, args, System.err, "用法：generate-sample <目录> [--extra-units N] [--seed S]")) {
      System.exit(CommandArguments.USAGE_ERROR);
      return;
    }
    long start = System.nanoTime();
    Summary summary = new SampleArchiveGenerator(a.seed).generate(a.out, a.extra);
    System.out.printf(
        "units=%d files=%d bytes=%d (%.1f MB) in %.1f s -> %s%n",
        summary.units(),
        summary.files(),
        summary.bytes(),
        summary.bytes() / 1048576.0,
        (System.nanoTime() - start) / 1e9,
        a.out.toAbsolutePath());
  }
}
