package org.taizhang.ocr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.CategorySource;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.extract.Extraction;
import org.taizhang.extract.ExtractionException;
import org.taizhang.extract.ImageRecognizer;
import org.taizhang.extract.ParserPool;
import org.taizhang.filing.DateSource;
import org.taizhang.filing.Filed;
import org.taizhang.filing.Filing;
import org.taizhang.filing.Inference;
import org.taizhang.filing.Subject;
import org.taizhang.index.SearchIndex;
import org.taizhang.job.BackgroundPriority;
import org.taizhang.node.Leases;
import org.taizhang.store.FileStore;
import org.taizhang.text.ChineseDates;

/**
 * OCR of scanned PDFs and of images (photos, screenshots, scans saved as images), after the upload
 * is acknowledged and without any work on the upload path. A PDF stored with (almost) no text
 * layer, and every image, is found by a background thread once parsing has paused (an import or
 * upload burst goes first) and queued in the database, so a restart loses nothing. The thread reads
 * the queue in upload order in the parser process — scans with Tesseract, images with the engine
 * {@code taizhang.ocr.engine} names (see {@link ImageRecognizer}) — stores the text, re-indexes the
 * document and announces the change, so that search finds what it says and completeness counts it.
 * With several nodes over one database, each takes a queued document by a lease on {@code
 * ocr:<id>}, so each is read once; a killed node's lease lapses and another node reads it.
 *
 * <p>Each recognition records its engine and mean confidence; a low one (handwriting, a blurred
 * photo) is marked {@link Status#lowConfidence()}: the text stays searchable, but the checklist
 * must not take it as proof by itself. A photo whose text shows it is a document (a sign-in sheet,
 * a minute, a notice) is filed as that document, unless a person chose its category; a photo whose
 * text is only a banner stays an activity photo.
 */
@Service
public class TextRecognition implements SmartInitializingSingleton, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(TextRecognition.class);

  /**
   * Where a document's OCR stands; NONE for documents that have a text layer (or when OCR is off).
   */
  public enum State {
    PENDING,
    DONE,
    FAILED,
    NONE
  }

  /**
   * The state, with the reason when it failed; once done, the engine ({@code tesseract}, {@code
   * rapidocr}), its mean confidence (0–1, null when the engine gives none) and whether that is too
   * low for the text to prove anything by itself.
   */
  public record Status(
      State state, String detail, String engine, Double confidence, boolean lowConfidence) {
    static final Status NONE = new Status(State.NONE, null);
    static final Status PENDING = new Status(State.PENDING, null);

    public Status(State state, String detail) {
      this(state, detail, null, null, false);
    }
  }

  /**
   * Text shorter than this (non-space characters) is a banner or a caption, not a document: a photo
   * showing it stays a photo.
   */
  static final int DOCUMENT_CHARS = 40;

  /** The category code of photos (index-config/categories.txt). */
  private static final String PHOTO = "photo";

  /** Queued documents looked at for one to claim: more than nodes that read at once. */
  private static final int CANDIDATES = 20;

  private final RecognitionQueue queue;
  private final DocumentRepository documents;
  private final FileStore store;
  private final ParserPool parsers;
  private final SearchIndex index;
  private final ApplicationEventPublisher events;
  private final TaizhangProperties.Ocr settings;
  private final Catalog catalog;
  private final Filing filing;
  private final Leases leases;
  private final Semaphore wake = new Semaphore(0);
  private final Thread worker;
  private volatile boolean running;

  /** Whether Tesseract is here to read scanned PDFs; set once at start. */
  private volatile boolean readsScans;

  /**
   * Whether documents may have been stored since the last look for scans; the worker thread's own.
   */
  private boolean unswept = true;

  TextRecognition(
      RecognitionQueue queue,
      DocumentRepository documents,
      FileStore store,
      ParserPool parsers,
      SearchIndex index,
      ApplicationEventPublisher events,
      TaizhangProperties properties,
      Catalog catalog,
      Filing filing,
      Leases leases) {
    this.leases = leases;
    this.filing = filing;
    this.queue = queue;
    this.documents = documents;
    this.store = store;
    this.parsers = parsers;
    this.index = index;
    this.events = events;
    this.settings = properties.ocr();
    this.catalog = catalog;
    int nice = properties.backgroundNice();
    this.worker = new Thread(BackgroundPriority.lowered(nice, this::work), "ocr");
    this.worker.setDaemon(true);
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!settings.enabled()) {
      return;
    }
    Optional<String> missing = missingTesseract(settings.languages());
    readsScans = missing.isEmpty();
    if (missing.isPresent()) {
      // Images are read by the engine the jar carries (RapidOCR); scanned PDFs need Tesseract.
      log.warn(
          "扫描件 PDF 的文字识别未启用：{}。扫描件仍可上传，只是没有文字（Debian: apt-get install tesseract-ocr tesseract-ocr-chi-sim）{}",
          missing.get(),
          settings.images() ? "；图片照常识别" : "");
      if (!settings.images()) {
        return;
      }
    }
    running = true;
    worker.start();
  }

  /**
   * Whether images or scans are being read: OCR is configured on, and Tesseract has the languages
   * or images are read.
   */
  public boolean running() {
    return running;
  }

  public Status status(Document d) {
    return queue
        .status(d.id())
        .orElseGet(
            () ->
                running
                        && d.lifecycle().current()
                        && ((readsScans && RecognitionQueue.isScan(d)) || readsImage(d))
                    ? Status.PENDING
                    : Status.NONE);
  }

  /**
   * Whether the document's text came from an OCR the engine was not sure of (handwriting, noise):
   * searchable, but no proof of required content by itself. False for documents not read with OCR.
   */
  public boolean lowConfidence(long documentId) {
    return queue.status(documentId).map(Status::lowConfidence).orElse(false);
  }

  /** Scans and images waiting for OCR. */
  public long backlog() {
    return queue.pending(settings.images());
  }

  private boolean readsImage(Document d) {
    return settings.images() && RecognitionQueue.isImage(d);
  }

  /**
   * Only a wake-up: the upload path does no OCR work at all. The worker finds new scans itself,
   * once parsing has paused, by querying the documents, so nothing depends on this event arriving.
   */
  @EventListener
  void documentChanged(DocumentChanged event) {
    if (running) {
      wake.release();
    }
  }

  private void work() {
    try {
      while (true) {
        try {
          step();
        } catch (RuntimeException e) {
          // The database or the parser process failed us; the queue is durable, so try again later.
          log.warn("扫描件文字识别暂停 30 秒：{}", e.toString());
          Thread.sleep(30_000);
        }
      }
    } catch (InterruptedException e) {
      // shutting down
    }
  }

  private void step() throws InterruptedException {
    if (unswept || wake.availablePermits() > 0) {
      parsers.awaitQuiet();
      wake.drainPermits();
      try {
        int queued =
            (readsScans ? queue.addAllScans() : 0) + (settings.images() ? queue.addAllImages() : 0);
        if (queued > 0) {
          log.info("扫描件文字识别：{} 份扫描件待识别", queued);
        }
      } catch (DuplicateKeyException e) {
        // another node queued the same documents at the same moment: they are queued
      }
      unswept = false;
    }
    Optional<Long> next = claimNext();
    if (next.isEmpty()) {
      unswept = wake.tryAcquire(30, TimeUnit.SECONDS);
      return;
    }
    String lease = lease(next.get());
    try {
      parsers.awaitQuiet();
      recognize(next.get());
    } finally {
      leases.release(lease);
    }
  }

  /**
   * The oldest queued document no other node is reading, claimed for this one; still queued once
   * claimed, since a node that finished it records so before it lets it go.
   */
  private Optional<Long> claimNext() {
    for (long id : queue.next(CANDIDATES)) {
      if (leases.claim(lease(id))) {
        if (queue.pending(id)) {
          return Optional.of(id);
        }
        leases.release(lease(id));
      }
    }
    return Optional.empty();
  }

  private static String lease(long documentId) {
    return "ocr:" + documentId;
  }

  private void recognize(long id) throws InterruptedException {
    Optional<Document> found = documents.find(id);
    if (found.isEmpty()) {
      return; // purged meanwhile; its row went with it
    }
    Document d = found.get();
    Optional<Path> original;
    try {
      original = store.find(d.sha256());
    } catch (UncheckedIOException e) {
      // the object store does not answer: the document stays queued, tried again after a pause
      log.warn("文字识别暂缓：{}：{}", d.fileName(), e.getMessage());
      TimeUnit.SECONDS.sleep(30);
      return;
    }
    if (original.isEmpty()) {
      queue.set(id, State.FAILED, "原件不在文件库中");
      return;
    }
    long start = System.nanoTime();
    try {
      String text;
      boolean truncated = false;
      if (RecognitionQueue.isImage(d)) {
        ImageRecognizer.Recognition r = parsers.recognizeImage(original.get(), settings.engine());
        text = r.text();
        queue.done(
            id, r.engine(), r.confidence(), r.lowConfidence(), text.isBlank() ? "未识别出文字" : null);
      } else {
        Extraction x = parsers.recognize(original.get(), d.fileName());
        text = x.text();
        truncated = x.truncated();
        queue.done(id, "tesseract", null, false, text.isBlank() ? "未识别出文字" : null);
      }
      Document updated = refile(documents.replaceText(id, text, truncated, null), text);
      index.put(updated, text);
      // Deleted or replaced while it was read: the index must not keep it.
      if (documents.find(id).filter(now -> now.lifecycle().current()).isEmpty()) {
        index.delete(id);
      }
      // Whoever waits for the reading searches for its words next; it took seconds, a refresh is
      // nothing beside it.
      index.awaitOwnWrites();
      events.publishEvent(new DocumentChanged(id, updated.unitCode()));
      log.info(
          "文字识别完成：{}（{} 页，{} 个字，{} 秒）",
          d.fileName(),
          d.pageCount(),
          text.length(),
          Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0);
    } catch (ExtractionException e) {
      queue.set(id, State.FAILED, e.failure().name() + ": " + e.getMessage());
      log.warn("文字识别失败：{}：{} {}", d.fileName(), e.failure(), e.getMessage());
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException(
            "shutting down"); // the document stays queued for the next start
      }
      queue.set(id, State.FAILED, e.toString());
      log.warn("扫描件文字识别失败：{}", d.fileName(), e);
    }
  }

  /**
   * Files the document again now that its text is known, as an upload is filed: what a person chose
   * (a category on upload or by its folder, a date) stays; the rest follows from the text, so a
   * photo whose text is a sign-in sheet or a minute is filed as that, and the date is the one the
   * text states. A photo with a few words of banner stays an activity photo.
   */
  private Document refile(Document d, String text) {
    Optional<Inference> before = filing.inference(d.id());
    boolean categoryChosen =
        before
            .map(
                i ->
                    i.categorySource() == CategorySource.GIVEN
                        || i.categorySource() == CategorySource.PATH)
            // filed before inference was recorded: the category stands unless it is the photo
            // category every image gets
            .orElse(d.category() != null && !d.category().equals(PHOTO));
    boolean dateChosen =
        before.map(i -> i.dateSource() == DateSource.GIVEN).orElse(d.date() != null);
    // a banner's few words do not make the photo a document: it keeps its category and how that was
    // worked out
    boolean keepCategory =
        categoryChosen
            || (RecognitionQueue.isImage(d)
                && text.replaceAll("\\s", "").length() < DOCUMENT_CHARS);
    Filed filed =
        filing.infer(
            new Subject(
                d.title(),
                d.fileName(),
                text,
                d.mediaType(),
                d.metadata().takenAt(),
                keepCategory ? catalog.category(d.category()).orElse(null) : null,
                before.map(i -> i.categorySource() == CategorySource.PATH).orElse(false),
                dateChosen ? d.date() : null));
    if (keepCategory && d.category() == null) {
      return d; // 未分类 chosen by nobody and nothing to go on: leave it to the clerk
    }
    String category = keepCategory ? d.category() : filed.category();
    LocalDate date = dateChosen ? d.date() : filed.date();
    ChineseDates.Period period = d.period() != null ? d.period() : filed.period();
    if (!Objects.equals(category, d.category())
        || !Objects.equals(date, d.date())
        || !Objects.equals(period, d.period())) {
      documents.setDescription(d.id(), category, d.title(), date, d.year(), period);
      if (!Objects.equals(category, d.category())) {
        log.info("文字识别后重新归类：{} → {}", d.fileName(), catalog.categoryName(category));
      }
    }
    Inference inference = filed.inference();
    if (keepCategory && !categoryChosen && before.isPresent()) {
      Inference b = before.get();
      inference =
          new Inference(
              b.categorySource(),
              b.categoryConfidence(),
              inference.dateSource(),
              inference.question());
    }
    if (before.isPresent() || !keepCategory) {
      filing.record(d.id(), inference);
    }
    return documents.find(d.id()).orElse(d);
  }

  /**
   * Why Tesseract cannot read {@code languages} (such as {@code chi_sim+eng}) here, if it cannot.
   */
  public static Optional<String> missingTesseract(String languages) {
    try {
      Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.of("tesseract --list-langs 无响应");
      }
      List<String> installed =
          new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::strip)
              .toList();
      List<String> absent =
          Arrays.stream(languages.split("\\+")).filter(l -> !installed.contains(l)).toList();
      return absent.isEmpty()
          ? Optional.empty()
          : Optional.of("tesseract 缺少语言包 " + String.join("、", absent));
    } catch (IOException e) {
      return Optional.of("找不到 tesseract 程序");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    worker.interrupt();
    worker.join(TimeUnit.SECONDS.toMillis(5));
  }
}
