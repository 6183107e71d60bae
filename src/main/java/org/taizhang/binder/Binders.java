package org.taizhang.binder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.taizhang.access.Caller;
import org.taizhang.access.Role;
import org.taizhang.access.Scope;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.caption.PhotoCaptions;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.extract.ExtractionException;
import org.taizhang.extract.ExtractionFailure;
import org.taizhang.extract.HeifImages;
import org.taizhang.extract.ParserPool;
import org.taizhang.job.Job;
import org.taizhang.job.JobView;
import org.taizhang.job.Jobs;
import org.taizhang.pdf.ExportFont;
import org.taizhang.unit.Unit;

/**
 * The 迎检台账 binders: a unit-year's binder, or the binders of every unit an office sees as one ZIP,
 * built in the background as jobs and kept under {@code data/binders/} (derived data: built again
 * whenever asked). Who may build is decided by the caller of these methods; photos are decoded in
 * the parser process, like every hostile file.
 */
@Service
public class Binders {
  /** Where a binder stands. */
  public enum State {
    NONE,
    RUNNING,
    READY,
    FAILED
  }

  /**
   * What a binder's page shows.
   *
   * @param builtAt when the file that can be downloaded was built, or null
   * @param message the failure's reason, or the outcome of the last build
   */
  public record Status(
      State state,
      long done,
      long total,
      int percent,
      String message,
      Instant builtAt,
      long size) {}

  private final BinderPlanner planner;
  private final Archive archive;
  private final ParserPool parsers;
  private final ExportFont fonts;
  private final Jobs jobs;
  private final AuditLog audit;
  private final BinderWriter writer;
  private final ItemRenditions renditions;
  private final Path dir;

  /** The last job per binder file, so its page shows its progress or why it failed. */
  private final Map<Path, Job> last = new ConcurrentHashMap<>();

  Binders(
      BinderPlanner planner,
      Archive archive,
      ParserPool parsers,
      ExportFont fonts,
      ItemRenditions renditions,
      PhotoCaptions captions,
      ArchiveNumbering numbering,
      Jobs jobs,
      AuditLog audit,
      TaizhangProperties properties) {
    this.planner = planner;
    this.archive = archive;
    this.parsers = parsers;
    this.fonts = fonts;
    this.jobs = jobs;
    this.audit = audit;
    this.renditions = renditions;
    this.dir = properties.dataDir().resolve("binders");
    this.writer = new BinderWriter(fonts, new StoredSources(), renditions, captions, numbering);
  }

  /** Whether the role may build binders (of the units it sees): offices and a unit's own clerk. */
  public static boolean builds(Caller caller) {
    return caller.role() == Role.ADMIN
        || caller.role() == Role.DISTRICT
        || caller.role() == Role.CLERK;
  }

  /** Whether the role may build the binders of all its units at once. */
  public static boolean buildsCounty(Caller caller) {
    return caller.role() == Role.ADMIN || caller.role() == Role.DISTRICT;
  }

  /**
   * Fails now, with the Chinese reason, when no CJK font loads: no binder is ever built without
   * one.
   */
  public void requireFont() {
    try (ExportFont.Handle h = fonts.open()) {
      // loads
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The binder of a unit-year, built now on the calling thread; its layout. */
  public BinderLayout build(Unit unit, int year, Path target, Job job) throws IOException {
    BinderPlan plan = planConverted(unit, year, job);
    BinderLayout layout = writer.write(plan, target, job);
    Files.writeString(printedPlan(target), plan.fingerprint(), StandardCharsets.UTF_8);
    return layout;
  }

  /**
   * Whether the unit's archive changed since its binder was built (an upload, a return, an edit
   * that moves, adds or drops an item): the binder then needs building again.
   */
  public boolean stale(Unit unit, int year) {
    Path target = file(unit.code(), year);
    Path printed = printedPlan(target);
    if (ready(target).isEmpty() || !Files.isRegularFile(printed)) {
      return false;
    }
    try {
      return !Files.readString(printed, StandardCharsets.UTF_8)
          .equals(planner.plan(unit, year).fingerprint());
    } catch (IOException e) {
      return false;
    }
  }

  /** Beside a binder: the fingerprint of the plan it was printed from. */
  private static Path printedPlan(Path binder) {
    return binder.resolveSibling(binder.getFileName() + ".plan");
  }

  /**
   * The unit-year's plan once the renditions it still lacks are made: the binder then prints the
   * pages its catalogue gives, and catalogues printed after it give the same.
   */
  BinderPlan planConverted(Unit unit, int year, Job job) {
    BinderPlan plan = planner.plan(unit, year);
    List<Long> waiting =
        plan.items()
            .filter(i -> i.kind() == BinderPlan.Kind.CONVERTED && i.pages() == null)
            .map(BinderPlan.Item::documentId)
            .toList();
    int done = 0;
    for (long id : waiting) {
      job.update(done++, waiting.size());
      Optional<Document> d = archive.document(id, Scope.ALL);
      if (d.isPresent()) {
        try {
          renditions.pdfOf(d.get());
        } catch (ItemRenditions.Unavailable e) {
          // the plan now gives the page that says why
        }
      }
    }
    return waiting.isEmpty() ? plan : planner.plan(unit, year);
  }

  /**
   * Starts building the unit's binder in the background, or returns the build already running. The
   * caller has checked that it may.
   */
  public Job start(Unit unit, int year, Caller caller) {
    Path target = file(unit.code(), year);
    String name = "迎检台账 " + unit.name() + " " + year + "年度";
    synchronized (last) {
      Optional<Job> job =
          jobs.submit(
              name,
              caller.username(),
              j -> {
                long t0 = System.nanoTime();
                try {
                  BinderLayout layout = build(unit, year, target, j);
                  String outcome =
                      layout.items().size()
                          + " 件，"
                          + layout.pages()
                          + " 页，用时 "
                          + JobView.format(java.time.Duration.ofNanos(System.nanoTime() - t0));
                  audit.record(
                      caller.username(),
                      AuditAction.BINDER_BUILT,
                      "迎检台账 " + unit.name() + "（" + unit.code() + "）" + year + "年度",
                      outcome);
                  return outcome;
                } catch (IOException e) {
                  throw new UncheckedIOException("迎检台账生成失败：" + e.getMessage(), e);
                }
              });
      job.ifPresent(j -> last.put(target, j));
      return job.orElseGet(() -> last.get(target));
    }
  }

  public Status status(Unit unit, int year) {
    return status(file(unit.code(), year));
  }

  /** The finished binder of the unit-year, if one was built. */
  public Optional<Path> pdf(Unit unit, int year) {
    return ready(file(unit.code(), year));
  }

  /**
   * Starts building the binders of {@code units} (those the caller sees) as one ZIP, each entry
   * named 单位名称（代码）2026年度迎检台账.pdf, written to a file as it goes.
   */
  public Job startCounty(List<Unit> units, int year, Caller caller) {
    Path target = countyFile(year, caller);
    String name = "迎检台账合集 " + year + "年度 " + caller.username();
    synchronized (last) {
      Optional<Job> job =
          jobs.submit(
              name,
              caller.username(),
              j -> {
                try {
                  String outcome = buildCounty(units, year, target, j);
                  audit.record(
                      caller.username(),
                      AuditAction.BINDER_BUILT,
                      "迎检台账合集 " + year + "年度（ZIP）",
                      outcome);
                  return outcome;
                } catch (IOException e) {
                  throw new UncheckedIOException("迎检台账合集生成失败：" + e.getMessage(), e);
                }
              });
      job.ifPresent(j -> last.put(target, j));
      return job.orElseGet(() -> last.get(target));
    }
  }

  public Status countyStatus(int year, Caller caller) {
    return status(countyFile(year, caller));
  }

  public Optional<Path> countyZip(int year, Caller caller) {
    return ready(countyFile(year, caller));
  }

  /** The ZIP's entry for a unit's binder. */
  public static String entryName(Unit unit, int year) {
    return unit.name() + "（" + unit.code() + "）" + year + "年度迎检台账.pdf";
  }

  /**
   * Builds every unit's binder into the ZIP {@code target}, one at a time through a scratch file,
   * on the calling thread; units without a binder (no system, nothing filed) are left out. Returns
   * the outcome line.
   */
  public String buildCounty(List<Unit> units, int year, Path target, Job job) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    Path scratch = Files.createTempFile(target.getParent(), "unit-", ".pdf");
    long pages = 0;
    int built = 0;
    int binders = 0;
    try {
      try (OutputStream out = Files.newOutputStream(tmp);
          ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
        // PDFs hardly compress; the fastest level keeps the ZIP's cost to copying.
        zip.setLevel(Deflater.BEST_SPEED);
        job.update(0, units.size());
        for (Unit u : units) {
          BinderPlan plan = planConverted(u, year, Job.untracked("unit"));
          // An office node (创建办) is judged by no system: it hands in no binder.
          if (plan.sections().isEmpty() || plan.system().isEmpty()) {
            job.update(++built, units.size());
            continue;
          }
          BinderLayout layout = writer.write(plan, scratch, Job.untracked("unit"));
          binders++;
          pages += layout.pages();
          zip.putNextEntry(new ZipEntry(entryName(u, year)));
          try (InputStream in = Files.newInputStream(scratch)) {
            in.transferTo(zip);
          }
          zip.closeEntry();
          job.update(++built, units.size());
        }
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
      Files.deleteIfExists(scratch);
    }
    return binders + " 个单位，共 " + pages + " 页";
  }

  private Status status(Path target) {
    Job job = last.get(target);
    JobView v = job == null ? null : job.view();
    Optional<Path> file = ready(target);
    Instant builtAt = null;
    long size = 0;
    if (file.isPresent()) {
      try {
        builtAt = Files.getLastModifiedTime(file.get()).toInstant();
        size = Files.size(file.get());
      } catch (IOException e) {
        // gone meanwhile: nothing to download
      }
    }
    if (v != null && v.state() == Job.State.RUNNING) {
      return new Status(State.RUNNING, v.done(), v.total(), v.percent(), null, builtAt, size);
    }
    if (v != null && v.state() == Job.State.FAILED) {
      return new Status(State.FAILED, v.done(), v.total(), v.percent(), v.outcome(), builtAt, size);
    }
    if (builtAt != null) {
      return new Status(State.READY, 0, 0, 100, v == null ? null : v.outcome(), builtAt, size);
    }
    return new Status(State.NONE, 0, 0, 0, null, null, 0);
  }

  private static Optional<Path> ready(Path target) {
    return Files.isRegularFile(target) ? Optional.of(target) : Optional.empty();
  }

  Path file(String unitCode, int year) {
    return dir.resolve(URLEncoder.encode(unitCode, StandardCharsets.UTF_8)).resolve(year + ".pdf");
  }

  /** Per account: what a ZIP holds depends on whose scope it was built for. */
  private Path countyFile(int year, Caller caller) {
    String who = HexFormat.of().formatHex(caller.username().getBytes(StandardCharsets.UTF_8));
    return dir.resolve("county").resolve(year + "-" + who + ".zip");
  }

  /** The stored originals, and photos prepared for print in the parser process (cached). */
  private final class StoredSources implements BinderWriter.Sources {
    @Override
    public Optional<Document> document(long id) {
      return archive.document(id, Scope.ALL);
    }

    @Override
    public Optional<Path> original(Document d) {
      return archive.original(d);
    }

    @Override
    public Path printImage(Document d, Path original) throws ItemRenditions.Unavailable {
      Path target = dir.resolve("images").resolve(d.sha256() + ".jpg");
      if (Files.isRegularFile(target)) {
        return target;
      }
      if (HeifImages.isHeif(d.mediaType()) && !HeifImages.available()) {
        throw new ItemRenditions.Unavailable("服务器未安装 heif-convert，无法显示HEIC照片，原件见文件包");
      }
      try {
        parsers.printImage(original, d.mediaType(), target);
        return target;
      } catch (ExtractionException e) {
        String why = e.failure() == ExtractionFailure.PARSE_TIMEOUT ? "解码超时" : "图片无法解码";
        throw new ItemRenditions.Unavailable(why + "，原件见文件包", e);
      }
    }
  }
}
