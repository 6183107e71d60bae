package org.taizhang.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.taizhang.access.Caller;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.job.BackgroundPriority;
import org.taizhang.job.Job;
import org.taizhang.review.NotVisibleException;
import org.taizhang.review.ReviewException;
import org.taizhang.review.ReviewService;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitAdministration;
import org.taizhang.unit.UnitRepository;

/**
 * Imports a folder tree laid out as {@code <unit>/<year>/<category>/<file>}. The unit folder may be
 * named by code or name; the year and category folders are optional, and whatever the path does not
 * say is inferred from the content. A {@code units.csv} at the top is loaded first.
 *
 * <p>Files go through twice as many threads as there are parser processes: while one file of a pair
 * is parsed, the other is hashed, written and recorded, so the parsers never wait for disk or
 * database.
 */
@Service
public class FolderImporter {
  private static final Logger log = LoggerFactory.getLogger(FolderImporter.class);

  private final IngestService ingest;
  private final UnitRepository units;
  private final UnitAdministration unitAdministration;
  private final Catalog catalog;
  private final ReviewService reviews;
  private final int threads;
  private final int backgroundNice;

  FolderImporter(
      IngestService ingest,
      UnitRepository units,
      UnitAdministration unitAdministration,
      Catalog catalog,
      ReviewService reviews,
      TaizhangProperties properties) {
    this.ingest = ingest;
    this.units = units;
    this.unitAdministration = unitAdministration;
    this.catalog = catalog;
    this.reviews = reviews;
    this.threads = 2 * properties.extract().effectiveThreads();
    this.backgroundNice = properties.backgroundNice();
  }

  /** Loads {@code units.csv} from the folder if present; returns how many units were written. */
  public int loadUnits(Path root) {
    Path csv = root.resolve("units.csv");
    if (!Files.isRegularFile(csv)) {
      return 0;
    }
    return unitAdministration.loadFolderFile(csv);
  }

  /** Imports a folder with nobody watching its progress. */
  public ImportSummary importFolder(Path root, String uploadedBy) {
    return importFolder(root, uploadedBy, Job.untracked("导入"));
  }

  /** Imports a folder, reporting files done, files in all and bytes stored to {@code job}. */
  public ImportSummary importFolder(Path root, String uploadedBy, Job job) {
    return importFolder(root, uploadedBy, job, false);
  }

  /**
   * Imports a folder; with {@code accepted}, a historical archive: every document it adds is marked
   * 已通过 by {@code uploadedBy} as it is stored, through the same review decision a reviewer takes
   * (audited as such, announced), so years already inspected do not fill the reviewers' to-do list.
   * Files already in the archive (duplicates) keep the state they have.
   */
  public ImportSummary importFolder(Path root, String uploadedBy, Job job, boolean accepted) {
    long start = System.nanoTime();
    Caller acceptor = accepted ? Caller.system(uploadedBy) : null;
    String note = "导入时作为历史档案直接通过：目录 " + root;
    AtomicInteger acceptedCount = new AtomicInteger();
    loadUnits(root);
    Listing listing = list(root);
    List<Path> files = listing.files();
    List<Unit> known = units.findAll();
    AtomicInteger imported = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    List<ImportSummary.Rejected> rejected = Collections.synchronizedList(new ArrayList<>());
    for (Path other : listing.notFiles()) {
      rejected.add(
          new ImportSummary.Rejected(
              root.relativize(other), Rejection.NOT_A_FILE, Rejection.NOT_A_FILE.message()));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(threads, BackgroundPriority.daemons("import", backgroundNice));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(
            pool.submit(
                () -> {
                  IngestRequest request = requestFor(root, file, known, uploadedBy);
                  // A file swapped for a link after listing is not followed either.
                  try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    Intake intake = ingest.take(request, in);
                    List<IngestResult> results = new ArrayList<>();
                    if (intake.document() != null) {
                      results.add(intake.document());
                    }
                    for (MemberOutcome m : intake.members()) {
                      if (m.result() != null) {
                        results.add(m.result());
                      } else {
                        rejected.add(
                            new ImportSummary.Rejected(
                                root.relativize(file), m.path(), m.reason(), m.message()));
                      }
                    }
                    for (IngestResult r : results) {
                      (r.duplicate() ? duplicates : imported).incrementAndGet();
                      bytes.addAndGet(r.document().size());
                      if (acceptor != null && !r.duplicate()) {
                        try {
                          reviews.accept(acceptor, r.document().id(), note);
                          acceptedCount.incrementAndGet();
                        } catch (ReviewException | NotVisibleException e) {
                          // Replaced or deleted the moment it was stored: it stays with whoever
                          // changed it.
                          log.warn("导入的材料 {} 未能标记为已通过：{}", r.document().id(), e.getMessage());
                        }
                      }
                    }
                  } catch (RejectedException e) {
                    if (e.members().isEmpty()) {
                      rejected.add(
                          new ImportSummary.Rejected(
                              root.relativize(file), e.reason(), e.getMessage()));
                    }
                    // A bundle refused for its members: each member with its own reason.
                    for (MemberOutcome m : e.members()) {
                      rejected.add(
                          new ImportSummary.Rejected(
                              root.relativize(file), m.path(), m.reason(), m.message()));
                    }
                  } catch (IOException e) {
                    rejected.add(
                        new ImportSummary.Rejected(
                            root.relativize(file),
                            Rejection.CORRUPT_FILE,
                            "无法读取：" + e.getMessage()));
                  }
                  job.update(done.incrementAndGet(), files.size(), bytes.get());
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("import interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("import failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    // Whoever waited for the import searches next.
    ingest.awaitAllSearchable();
    rejected.sort((a, b) -> a.name().compareTo(b.name()));
    return new ImportSummary(
        imported.get(),
        duplicates.get(),
        rejected,
        bytes.get(),
        Duration.ofNanos(System.nanoTime() - start),
        acceptedCount.get());
  }

  /**
   * Regular files to import, and entries that are neither files nor folders, such as symbolic
   * links.
   */
  private record Listing(List<Path> files, List<Path> notFiles) {}

  /**
   * Lists the folder without following symbolic links: a link could lead outside the folder (to
   * /etc, or back up the tree), so it is reported, never read or entered.
   */
  private static Listing list(Path root) {
    List<Path> files = new ArrayList<>();
    List<Path> notFiles = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> !p.equals(root))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .forEach(
              p -> {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                  if (root.relativize(p).getNameCount()
                      > 1) { // units.csv, README.md at the top are not archive material
                    files.add(p);
                  }
                } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                  notFiles.add(p);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    return new Listing(files, notFiles);
  }

  /** Reads unit, year and category from the path; the file name is always the last component. */
  IngestRequest requestFor(Path root, Path file, List<Unit> known, String uploadedBy) {
    Path rel = root.relativize(file);
    String unitFolder = rel.getName(0).toString();
    String unit =
        known.stream()
            .filter(u -> u.code().equals(unitFolder) || u.name().equals(unitFolder))
            .map(Unit::code)
            .findFirst()
            .orElse(unitFolder);
    List<String> folders = new ArrayList<>();
    for (int i = 1; i < rel.getNameCount() - 1; i++) {
      folders.add(rel.getName(i).toString());
    }
    FolderPath path = FolderPath.of(folders, catalog);
    Integer year = path.year();
    String category = path.category();
    return new IngestRequest(
        unit,
        category,
        null,
        null,
        year,
        rel.getFileName().toString(),
        uploadedBy,
        null,
        category != null);
  }
}
