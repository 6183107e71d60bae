package org.taizhang.thumbnail;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.extract.ExtractionException;
import org.taizhang.extract.ParserPool;
import org.taizhang.job.BackgroundPriority;
import org.taizhang.store.FileStore;

/**
 * Small PNG previews of images (HEIC too) and of the first page of PDFs and OFDs, cached under the
 * data directory by content hash (derived data, safe to delete). They are rendered after an upload
 * is acknowledged, on one background thread that waits for a quiet spell in parsing, so a bulk
 * import is never slowed by them; a thumbnail asked for before its turn is rendered on the spot.
 * Rendering runs in the parser processes, under their time and memory limits.
 */
@Service
public class Thumbnails implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

  /** Where a document's thumbnail stands. */
  public enum State {
    READY,
    PENDING,
    FAILED,
    NONE
  }

  private final FileStore store;
  private final ParserPool parsers;
  private final DocumentRepository documents;
  private final Path cache;

  /** Documents whose thumbnail is still to be rendered, in upload order. */
  private final LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>();

  /** Content that could not be rendered since the start; asked again only after a restart. */
  private final Set<String> failed = ConcurrentHashMap.newKeySet();

  private final Thread renderer;

  Thumbnails(
      FileStore store,
      ParserPool parsers,
      DocumentRepository documents,
      TaizhangProperties properties) {
    this.store = store;
    this.parsers = parsers;
    this.documents = documents;
    this.cache = properties.thumbnailDir();
    int nice = properties.backgroundNice();
    this.renderer = new Thread(BackgroundPriority.lowered(nice, this::renderQueued), "thumbnails");
    this.renderer.setDaemon(true);
    this.renderer.start();
  }

  public static boolean supports(String mediaType) {
    return ParserPool.rendersThumbnail(mediaType);
  }

  /** The thumbnail file, rendered now if it is not there yet; empty when the document has none. */
  public Optional<Path> thumbnail(Document d) {
    if (!supports(d.mediaType())) {
      return Optional.empty();
    }
    Path target = target(d.sha256());
    if (Files.isRegularFile(target)) {
      return Optional.of(target);
    }
    return render(d) ? Optional.of(target) : Optional.empty();
  }

  public State state(Document d) {
    if (!supports(d.mediaType())) {
      return State.NONE;
    }
    if (Files.isRegularFile(target(d.sha256()))) {
      return State.READY;
    }
    return failed.contains(d.sha256()) ? State.FAILED : State.PENDING;
  }

  /** Thumbnails waiting to be rendered. */
  public int backlog() {
    return queue.size();
  }

  @EventListener
  void documentChanged(DocumentChanged event) {
    queue.add(event.id());
  }

  private void renderQueued() {
    try {
      while (true) {
        long id = queue.take();
        parsers.awaitQuiet();
        try {
          documents.find(id).filter(d -> d.lifecycle().current()).ifPresent(this::thumbnail);
        } catch (RuntimeException e) {
          log.warn("材料 {} 的缩略图未能生成：{}", id, e.toString());
        }
      }
    } catch (InterruptedException e) {
      // shutting down
    }
  }

  private boolean render(Document d) {
    if (failed.contains(d.sha256())) {
      return false;
    }
    Optional<Path> original;
    try {
      original = store.find(d.sha256());
    } catch (UncheckedIOException e) {
      // the object store does not answer: not the file's fault, tried again when next asked
      log.info("缩略图暂未生成（{}）：{}", d.fileName(), e.getMessage());
      return false;
    }
    if (original.isEmpty()) {
      return false;
    }
    try {
      parsers.thumbnail(original.get(), d.mediaType(), target(d.sha256()));
      return true;
    } catch (ExtractionException | RuntimeException e) {
      failed.add(d.sha256());
      log.info("缩略图未能生成（{}）：{}", d.fileName(), e.getMessage());
      return false;
    }
  }

  private Path target(String sha256) {
    return cache.resolve(sha256 + ".png");
  }

  @Override
  public void destroy() throws InterruptedException {
    renderer.interrupt();
    renderer.join(TimeUnit.SECONDS.toMillis(5));
  }
}
