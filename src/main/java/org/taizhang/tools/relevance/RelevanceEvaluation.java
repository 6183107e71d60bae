package org.taizhang.tools.relevance;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.taizhang.TaizhangApplication;
import org.taizhang.access.Scope;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.config.CommandArguments;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.ImportSummary;
import org.taizhang.search.SearchRequest;
import org.taizhang.search.SearchResult;
import org.taizhang.search.SearchService;
import org.taizhang.search.SearchSort;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Measures search quality on the sample archive: imports {@code sample-archive/} into a fresh,
 * temporary data directory (no web server), runs every judged query of {@code
 * docs/relevance/judgments.tsv} through {@link SearchService#search} with {@link Scope#ALL} and ten
 * hits, and prints recall@10, precision@10, P@R and nDCG@10 per query and on average, with the
 * failures. Definitions: {@link RelevanceMetrics} and {@code docs/relevance.md}.
 *
 * <pre>
 * RelevanceEvaluation [judgments.tsv] [--archive=DIR] [--all] [--verbose] [--only=Q01,Q02]
 * </pre>
 *
 * Queries that rely on query-language features ({@code needs}) run only when a probe shows that the
 * parser supports the feature; {@code --all} runs them anyway. Exit code 0 whatever the figures; 2
 * for a bad argument or judgments file, 1 when the application cannot start.
 */
public final class RelevanceEvaluation {
  static final Path DEFAULT_JUDGMENTS = Path.of("docs", "relevance", "judgments.tsv");
  static final Path DEFAULT_ARCHIVE = Path.of("sample-archive");
  static final String USAGE =
      "用法：RelevanceEvaluation [judgments.tsv] [--archive=DIR] [--all] [--verbose] [--only=Q01,Q02]";

  private final SearchService search;
  private final Map<Long, String> keyById;

  RelevanceEvaluation(SearchService search, Map<Long, String> keyById) {
    this.search = search;
    this.keyById = keyById;
  }

  /**
   * What one query returned and how it scores; {@code skipped} names the missing feature, {@code
   * error} a failed search.
   */
  record Outcome(
      RelevanceJudgments.Query query,
      List<String> ranked,
      List<String> rankedKeys,
      long total,
      RelevanceMetrics.Scores scores,
      String skipped,
      String error) {

    boolean evaluated() {
      return skipped == null;
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** The command line. */
  static final class Arguments {
    @Parameters(arity = "0..1", paramLabel = "judgments.tsv")
    Path judgments = DEFAULT_JUDGMENTS;

    @Option(names = "--archive")
    Path archive = DEFAULT_ARCHIVE;

    @Option(names = "--all")
    boolean all;

    @Option(names = {"--verbose", "-v"})
    boolean verbose;

    @Option(names = "--only", split = ",")
    Set<String> only;

    @Option(names = {"--help", "-h"})
    boolean help;
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments a = new Arguments();
    if (!CommandArguments.read(a, args, err, USAGE)) {
      return CommandArguments.USAGE_ERROR;
    }
    if (a.help) {
      out.println(USAGE);
      return 0;
    }
    Path judgmentsFile = a.judgments;
    Path archive = a.archive;
    boolean all = a.all;
    boolean verbose = a.verbose;
    Set<String> only = a.only;
    List<RelevanceJudgments.Query> queries;
    try {
      queries = RelevanceJudgments.load(judgmentsFile);
    } catch (RelevanceJudgments.Invalid | UncheckedIOException e) {
      err.println("评测集有误：" + e.getMessage());
      return 2;
    }
    if (only != null) {
      Set<String> wanted = only;
      queries = queries.stream().filter(q -> wanted.contains(q.id())).toList();
    }
    if (!Files.isDirectory(archive)) {
      err.println("不是目录：" + archive);
      return 2;
    }
    List<String> absent = absentPaths(queries, archive);
    if (!absent.isEmpty()) {
      err.println("评测集中的文件在 " + archive + " 里不存在：");
      absent.forEach(p -> err.println("  " + p));
      return 2;
    }

    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("taizhang-relevance");
    } catch (IOException e) {
      err.println("无法创建临时数据目录：" + e.getMessage());
      return 1;
    }
    ConfigurableApplicationContext context = null;
    try {
      try {
        context = start(dataDir);
      } catch (RuntimeException e) {
        err.println("无法启动：" + rootMessage(e));
        return 1;
      }
      Path used = context.getBean(TaizhangProperties.class).dataDir().toAbsolutePath().normalize();
      if (!used.equals(dataDir.toAbsolutePath().normalize())) {
        err.println("数据目录不是新建的临时目录，停止评测以免改动现有数据：" + used);
        return 1;
      }
      ImportSummary imported =
          context.getBean(FolderImporter.class).importFolder(archive, "relevance");
      Map<Long, String> keyById =
          documentKeys(
              context.getBean(UnitRepository.class), context.getBean(DocumentRepository.class));
      RelevanceEvaluation evaluation =
          new RelevanceEvaluation(context.getBean(SearchService.class), keyById);
      Set<String> supported = all ? RelevanceJudgments.FEATURES : evaluation.supportedFeatures();
      List<Outcome> outcomes = new ArrayList<>();
      for (RelevanceJudgments.Query q : queries) {
        outcomes.add(evaluation.evaluate(q, supported));
      }
      RelevanceReport report = new RelevanceReport(out, archivePaths(archive));
      report.header(judgmentsFile, archive, imported, queries, keyById, supported, all);
      report.table(outcomes);
      report.means(outcomes);
      report.failures(outcomes);
      if (verbose) {
        report.rankings(outcomes);
      }
      return 0;
    } catch (RuntimeException e) {
      err.println("评测失败：" + rootMessage(e));
      e.printStackTrace(err);
      return 1;
    } finally {
      if (context != null) {
        context.close();
      }
      deleteRecursively(dataDir);
    }
  }

  /**
   * Runs one query (size 10, first page, every unit) unless it needs a feature that is not
   * supported.
   */
  Outcome evaluate(RelevanceJudgments.Query q, Set<String> supported) {
    for (String feature : q.needs()) {
      if (!supported.contains(feature)) {
        return new Outcome(q, List.of(), List.of(), 0, null, feature, null);
      }
    }
    Map<String, String> pathByKey = new HashMap<>();
    q.grades().keySet().forEach(p -> pathByKey.put(RelevanceJudgments.documentKey(p), p));
    List<String> ranked = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    long total = 0;
    String error = null;
    try {
      SearchResult r =
          search.search(request(q.text(), q.unit(), q.category(), q.year(), q.type()), Scope.ALL);
      total = r.total();
      for (SearchResult.Hit h : r.hits()) {
        String key = keyById.getOrDefault(h.id(), h.unit() + "/" + h.year() + "/#" + h.id());
        keys.add(key);
        ranked.add(pathByKey.get(key)); // null: not judged
      }
    } catch (RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return new Outcome(
        q, ranked, keys, total, RelevanceMetrics.score(ranked, q.grades()), null, error);
  }

  /**
   * The only place a {@link SearchRequest} is built: its canonical constructor, first page, ten
   * hits, in the default order (by relevance).
   */
  static SearchRequest request(String q, String unit, String category, Integer year, String type) {
    return new SearchRequest(
        q, unit, category, year, type, 1, RelevanceMetrics.K, SearchSort.RELEVANCE);
  }

  /**
   * Which query-language features the parser supports, found by probing the imported sample: {@code
   * field} when {@code year:2024} finds what the year filter finds; {@code or} when {@code 杏花节 OR
   * 防溺水} finds at least as much as either word; {@code date-range} when {@code
   * date:2024-09-01..2024-09-30} finds documents and only ones dated in September 2024.
   */
  Set<String> supportedFeatures() {
    Set<String> out = new LinkedHashSet<>();
    long byFilter = total(request("", null, null, 2024, null));
    if (byFilter > 0 && total(request("year:2024", null, null, null, null)) == byFilter) {
      out.add("field");
    }
    long a = total(request("杏花节", null, null, null, null));
    long b = total(request("防溺水", null, null, null, null));
    long either = total(request("杏花节 OR 防溺水", null, null, null, null));
    if (either > 0 && either >= Math.max(a, b) && either <= a + b) {
      out.add("or");
    }
    try {
      SearchResult r =
          search.search(request("date:2024-09-01..2024-09-30", null, null, null, null), Scope.ALL);
      LocalDate from = LocalDate.of(2024, 9, 1);
      LocalDate to = LocalDate.of(2024, 9, 30);
      if (r.total() > 0
          && r.hits().stream()
              .allMatch(
                  h -> h.date() != null && !h.date().isBefore(from) && !h.date().isAfter(to))) {
        out.add("date-range");
      }
    } catch (RuntimeException e) {
      // not supported
    }
    return out;
  }

  private long total(SearchRequest r) {
    try {
      return search.search(r, Scope.ALL).total();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** Unit code / archive year / file name of every current document, by id. */
  static Map<Long, String> documentKeys(UnitRepository units, DocumentRepository documents) {
    Map<Long, String> out = new HashMap<>();
    for (Unit u : units.findAll()) {
      for (Document d : documents.findByUnit(u.code())) {
        out.put(d.id(), RelevanceJudgments.documentKey(d.unitCode(), d.year(), d.fileName()));
      }
    }
    return out;
  }

  /** Path below the archive of every archive file, by unit / year / file name. */
  static Map<String, String> archivePaths(Path archive) {
    Map<String, String> out = new HashMap<>();
    try (Stream<Path> s = Files.walk(archive)) {
      s.filter(Files::isRegularFile)
          .forEach(
              f -> {
                Path rel = archive.relativize(f);
                if (rel.getNameCount() >= 3) {
                  String path = rel.toString().replace('\\', '/');
                  try {
                    out.put(
                        RelevanceJudgments.documentKey(path),
                        RelevanceJudgments.normalizePath(path));
                  } catch (RelevanceJudgments.Invalid e) {
                    // not laid out as <unit>/<year>/…: not addressable by the judgments
                  }
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + archive, e);
    }
    return out;
  }

  /** Judged paths that are not files below the archive. */
  static List<String> absentPaths(List<RelevanceJudgments.Query> queries, Path archive) {
    Set<String> out = new LinkedHashSet<>();
    for (RelevanceJudgments.Query q : queries) {
      for (String p : q.grades().keySet()) {
        if (!Files.isRegularFile(archive.resolve(p))) {
          out.add(q.id() + " " + p);
        }
      }
    }
    return List.copyOf(out);
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    // As command-line arguments: they take precedence over application.properties, which sets
    // taizhang.data-dir itself (./data), so that nothing touches an existing installation.
    String[] settings = {
      "--taizhang.data-dir=" + dataDir.toAbsolutePath(),
      "--taizhang.sample.import-on-first-start=false",
      // The documents are judged on the text an import extracts; OCR would add the scanned
      // letter's text at some moment during the queries, and the figures would depend on timing.
      "--taizhang.ocr.enabled=false",
      "--taizhang.admin.password=" + randomPassword(),
      "--spring.main.banner-mode=off",
      "--spring.main.log-startup-info=false",
      "--logging.level.root=WARN",
      "--logging.level.org.taizhang=WARN",
      "--logging.level.org.flywaydb=ERROR"
    };
    return new SpringApplicationBuilder(TaizhangApplication.class)
        .web(WebApplicationType.NONE)
        .run(settings);
  }

  private static String randomPassword() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private static void deleteRecursively(Path dir) {
    try {
      FileSystemUtils.deleteRecursively(dir);
    } catch (IOException e) {
      // a temporary directory; the OS cleans up what is left
    }
  }
}
