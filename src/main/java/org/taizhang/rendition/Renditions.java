package org.taizhang.rendition;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.extract.ExtractionException;
import org.taizhang.extract.ParserPool;
import org.taizhang.extract.PlainText;
import org.taizhang.job.BackgroundPriority;
import org.taizhang.node.Leases;
import org.taizhang.store.FileStore;

/**
 * PDF renditions of the evidence that is neither a PDF nor an image — Word, Excel, presentations,
 * Kingsoft WPS files, OFD and plain text — for the inspection binder, and the page counts
 * catalogues show. Office and text files are converted by LibreOffice ({@link Office}); OFD pages
 * are drawn in the parser process, which reads hostile files under its limits.
 *
 * <p>The PDFs are derived data, cached under the data directory by content hash and safe to delete;
 * the {@code rendition} table keeps, per content, the page count, the converter, or the reason it
 * failed, so page counts survive a cache wipe and a restart. An upload never waits for a rendition:
 * after it is acknowledged, one background thread converts what has none yet, once parsing has
 * paused (an import goes first), oldest first. A failure is recorded with its reason and not tried
 * again for the same content.
 */
@Service
public class Renditions implements SmartInitializingSingleton, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(Renditions.class);

  static final String OFD_CONVERTER = "OFD";

  /** Pause of the background thread after the office would not start. */
  private static final Duration OFFICE_RETRY = Duration.ofMinutes(10);

  private final DocumentRepository documents;
  private final FileStore store;
  private final ParserPool parsers;
  private final RenditionTable table;
  private final RenditionProperties settings;
  private final Office office;
  private final Path cache;
  private final Path scratch;

  /** Conversions of one content run one at a time: a striped lock by hash. */
  private final Object[] stripes = new Object[64];

  private final Semaphore wake = new Semaphore(0);
  private final Thread worker;
  private final Leases leases;

  Renditions(
      DocumentRepository documents,
      FileStore store,
      ParserPool parsers,
      RenditionTable table,
      TaizhangProperties properties,
      RenditionProperties settings,
      Leases leases) {
    this.leases = leases;
    this.documents = documents;
    this.store = store;
    this.parsers = parsers;
    this.table = table;
    this.settings = settings;
    this.cache = properties.renditionDir();
    this.scratch = properties.dataDir().resolve("tmp").resolve("rendition");
    this.office =
        new Office(
            settings.officeHome(),
            properties.dataDir().resolve("tmp").resolve("office"),
            settings.timeout(),
            settings.tasksPerProcess(),
            settings.idleStop());
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new Object();
    }
    int nice = properties.backgroundNice();
    this.worker = new Thread(BackgroundPriority.lowered(nice, this::work), "renditions");
    this.worker.setDaemon(true);
    emptyScratch();
  }

  @Override
  public void afterSingletonsInstantiated() {
    Converter c = office.status();
    if (!c.available()) {
      log.warn(c.unavailableReason());
    }
    office.endLeftovers();
    if (settings.background()) {
      worker.start();
    }
  }

  /**
   * Whether documents of this kind get a rendition: Word (.doc/.docx/.rtf/.odt/.wps), Excel
   * (.xls/.xlsx/.ods/.et/.csv), presentations (.ppt/.pptx/.odp/.dps), OFD, plain text. Not PDFs,
   * not images.
   */
  public static boolean converts(Document d) {
    return Kinds.converts(d.mediaType(), d.fileName());
  }

  /** Where the document's rendition stands (no conversion is started). */
  public RenditionState state(Document d) {
    if (!converts(d)) {
      return RenditionState.NOT_NEEDED;
    }
    Optional<RenditionTable.Row> row = table.find(d.sha256());
    if (row.isPresent()) {
      return row.get().state();
    }
    return Kinds.isOfd(d.mediaType()) || office.available()
        ? RenditionState.PENDING
        : RenditionState.UNAVAILABLE;
  }

  /** Why the rendition {@link RenditionState#FAILED} or is {@link RenditionState#UNAVAILABLE}. */
  public Optional<String> reason(Document d) {
    return switch (state(d)) {
      case FAILED -> table.find(d.sha256()).map(RenditionTable.Row::error);
      case UNAVAILABLE -> Optional.ofNullable(office.status().unavailableReason());
      default -> Optional.empty();
    };
  }

  /**
   * Page count for catalogues: a PDF's own page count ({@link Document#pageCount()}), 1 for an
   * image (a photo is one page), a finished rendition's pages (an OFD's own count until then);
   * empty while unknown.
   */
  public OptionalInt pages(Document d) {
    if ("application/pdf".equals(d.mediaType())) {
      return d.pageCount() == null ? OptionalInt.empty() : OptionalInt.of(d.pageCount());
    }
    if (d.mediaType() != null && d.mediaType().startsWith("image/")) {
      return OptionalInt.of(1);
    }
    if (!converts(d)) {
      return OptionalInt.empty();
    }
    Optional<RenditionTable.Row> row = table.find(d.sha256());
    if (row.isPresent() && row.get().state() == RenditionState.READY && row.get().pages() != null) {
      return OptionalInt.of(row.get().pages());
    }
    return Kinds.isOfd(d.mediaType()) && d.pageCount() != null
        ? OptionalInt.of(d.pageCount())
        : OptionalInt.empty();
  }

  /**
   * The rendition, converted now (blocking, under the conversion time limit) if it is not there
   * yet.
   *
   * @throws RenditionException with the Chinese reason: LibreOffice not installed, conversion
   *     failed or timed out, the file encrypted or damaged, or a kind that has no rendition
   */
  public Rendition render(Document d) throws RenditionException {
    if (!converts(d)) {
      throw new RenditionException("“" + d.fileName() + "”不需要转换为 PDF（PDF 和图片按原件装订）");
    }
    synchronized (stripes[Math.floorMod(d.sha256().hashCode(), stripes.length)]) {
      Path target = target(d.sha256());
      Optional<RenditionTable.Row> row = table.find(d.sha256());
      if (row.isPresent() && row.get().state() == RenditionState.FAILED) {
        throw new RenditionException(row.get().error());
      }
      if (row.isPresent() && Files.isRegularFile(target)) {
        return new Rendition(target, row.get().pages(), row.get().converter());
      }
      return convert(d, target);
    }
  }

  /** Whether an office converter (LibreOffice) is usable, and if not, what cannot be done. */
  public Converter converter() {
    return office.status();
  }

  /** Whether an office process is running now (it stops when idle). */
  public boolean officeRunning() {
    return office.running();
  }

  /** Contents of current documents that wait for their first conversion. */
  public long backlog() {
    return table.countUnconverted();
  }

  /** Contents whose conversion failed. */
  public long failures() {
    return table.count(RenditionState.FAILED);
  }

  /** Only a wake-up: the background thread finds what has no rendition by querying. */
  @EventListener
  void documentChanged(DocumentChanged event) {
    wake.release();
  }

  private Rendition convert(Document d, Path target) throws RenditionException {
    Path original;
    try {
      original =
          store.find(d.sha256()).orElseThrow(() -> new RenditionException("原件不在文件库中，无法转换为 PDF"));
    } catch (UncheckedIOException e) {
      // the object store does not answer: not the file's fault, so nothing is recorded
      throw new RenditionException("文件库暂时无法读取原件，请稍后重试", e);
    }
    long start = System.nanoTime();
    boolean ofd = Kinds.isOfd(d.mediaType());
    String converter = ofd ? OFD_CONVERTER : Office.NAME;
    try {
      if (ofd) {
        parsers.ofdToPdf(original, target, settings.timeout());
      } else {
        viaOffice(d, original, target);
      }
      int pages = pageCount(target);
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      table.ready(d.sha256(), pages, converter, millis);
      log.info("已转换为 PDF：{}（{} 页，{}，{} 秒）", d.fileName(), pages, converter, millis / 1000.0);
      return new Rendition(target, pages, converter);
    } catch (Office.OfficeUnavailableException e) {
      throw new RenditionException(e.getMessage(), e); // not the document's fault: nothing recorded
    } catch (ExtractionException e) {
      throw failed(d, converter, start, ofdReason(e), e);
    } catch (RenditionException e) {
      throw failed(d, converter, start, e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new RenditionException("转换 PDF 时读写文件出错：" + e.getMessage(), e);
    }
  }

  private RenditionException failed(
      Document d, String converter, long start, String reason, Exception cause) {
    if (office.closed() || Thread.currentThread().isInterrupted()) {
      // the service is stopping under the conversion: the document is not at fault
      return new RenditionException("服务正在停止，转换中断", cause);
    }
    table.failed(
        d.sha256(), converter, reason, Duration.ofNanos(System.nanoTime() - start).toMillis());
    log.warn("未能转换为 PDF：{}：{}", d.fileName(), reason);
    return new RenditionException(reason, cause);
  }

  private static String ofdReason(ExtractionException e) {
    return switch (e.failure()) {
      case PARSE_TIMEOUT -> "OFD 转换超时，已终止";
      case ZIP_BOMB -> "OFD 文件解压后过大（疑似压缩炸弹），未转换";
      case OUT_OF_MEMORY -> "OFD 转换所需内存超出解析进程的上限";
      default ->
          e.getMessage() != null && e.getMessage().startsWith("服务器缺少中文字体")
              ? e.getMessage()
              : "OFD 文件无法读取（文件已损坏或结构不符合 GB/T 33190）";
    };
  }

  /**
   * Hands LibreOffice a copy named by its format in a scratch directory of its own (the stored
   * original has no extension, and a name from outside never becomes a path). Text is re-encoded as
   * UTF-8 first, decoded as the search decoded it, so GB18030 and Big5 files come out right.
   */
  private void viaOffice(Document d, Path original, Path target)
      throws RenditionException, Office.OfficeUnavailableException, IOException {
    String extension =
        Kinds.officeExtension(d.mediaType(), d.fileName())
            .orElseThrow(() -> new IllegalStateException(d.mediaType()));
    Path dir = scratch.resolve(UUID.randomUUID().toString());
    Files.createDirectories(dir);
    try {
      Path source = dir.resolve("source." + extension);
      if (extension.equals("txt") || extension.equals("csv")) {
        try (BufferedReader in = Files.newBufferedReader(original, PlainText.charset(original));
            BufferedWriter out = Files.newBufferedWriter(source, StandardCharsets.UTF_8)) {
          in.transferTo(out);
        }
      } else {
        try {
          Files.createLink(source, original);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(original, source);
        }
      }
      Path pdf = dir.resolve("source.pdf");
      office.convert(source, pdf);
      if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        throw new RenditionException("LibreOffice 没有生成 PDF（文件可能已损坏或设有密码）");
      }
      Files.createDirectories(target.getParent());
      Files.move(pdf, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      FileSystemUtils.deleteRecursively(dir);
    }
  }

  private static int pageCount(Path pdf) throws RenditionException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      int pages = doc.getNumberOfPages();
      if (pages < 1) {
        throw new RenditionException("转换结果没有页面");
      }
      return pages;
    } catch (IOException e) {
      throw new RenditionException("转换结果不是可读的 PDF：" + e.getMessage(), e);
    }
  }

  private void work() {
    try {
      while (true) {
        try {
          if (!sweep()) {
            wake.tryAcquire(10, TimeUnit.MINUTES);
            wake.drainPermits();
          }
        } catch (RuntimeException e) {
          // the database failed us; what has no row is still there to convert later
          log.warn("PDF 转换暂停 30 秒：{}", e.toString());
          Thread.sleep(30_000);
        }
      }
    } catch (InterruptedException e) {
      // shutting down
    }
  }

  /**
   * Converts, oldest first, what has no rendition yet and can be converted here. When the office
   * would not start, the thread pauses instead of trying it at every document.
   *
   * @return whether to sweep again at once (a wake-up came meanwhile, or after the pause)
   */
  private boolean sweep() throws InterruptedException {
    parsers.awaitQuiet();
    wake.drainPermits();
    forgetPurged();
    long after = 0;
    while (true) {
      List<Long> ids = table.unconverted(after, 50);
      if (ids.isEmpty()) {
        return wake.availablePermits() > 0;
      }
      for (long id : ids) {
        after = id;
        Optional<Document> d = documents.find(id).filter(x -> x.lifecycle().current());
        if (d.isEmpty() || (!Kinds.isOfd(d.get().mediaType()) && !office.available())) {
          continue;
        }
        // another node's sweep may be converting the same content: one conversion is enough
        String lease = "rendition:" + d.get().sha256();
        if (!leases.claim(lease)) {
          continue;
        }
        parsers.awaitQuiet();
        try {
          render(d.get());
        } catch (RenditionException e) {
          if (e.getCause() instanceof Office.OfficeUnavailableException) {
            Thread.sleep(OFFICE_RETRY.toMillis());
            return true;
          }
        } finally {
          leases.release(lease);
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException();
        }
      }
    }
  }

  /**
   * A rendition lives as long as its original: once a purge has removed the original from the file
   * store, its PDF and its row go too.
   */
  private void forgetPurged() {
    for (String sha : table.unreferenced()) {
      if (stored(sha)) {
        continue; // still stored: a purge in progress, or a version about to refer to it
      }
      synchronized (stripes[Math.floorMod(sha.hashCode(), stripes.length)]) {
        try {
          Files.deleteIfExists(target(sha));
          table.delete(sha);
        } catch (IOException e) {
          log.warn("无法删除已彻底删除材料的 PDF {}：{}", target(sha), e.toString());
        }
      }
    }
  }

  /** Whether the original is still stored; a store that does not answer counts as yes. */
  private boolean stored(String sha256) {
    try {
      return store.contains(sha256);
    } catch (IOException e) {
      return true;
    }
  }

  private Path target(String sha256) {
    return cache.resolve(sha256.substring(0, 2)).resolve(sha256 + ".pdf");
  }

  private void emptyScratch() {
    try {
      if (Files.isDirectory(scratch)) {
        try (Stream<Path> entries = Files.list(scratch)) {
          for (Path p : (Iterable<Path>) entries::iterator) {
            FileSystemUtils.deleteRecursively(p);
          }
        }
      }
    } catch (IOException e) {
      log.warn("无法清空 {}：{}", scratch, e.toString());
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    worker.interrupt();
    office.close();
    worker.join(TimeUnit.SECONDS.toMillis(5));
  }
}
