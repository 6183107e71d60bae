package org.taizhang.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code taizhang.*}. All state lives below {@link #dataDir()}; what offices edit
 * lives in {@link #configDir()}. The office's time zone is {@code taizhang.time-zone}, read by the
 * {@code time} module, which everything else builds on. {@code backgroundNice} is how much lower
 * the CPU priority of background work is than the requests' (Unix nice 1–19, 0 for none; see {@code
 * job.BackgroundPriority}): imports, jobs, OCR, thumbnails and renditions, with the parsing and
 * indexing they cause.
 */
@ConfigurationProperties("taizhang")
public record TaizhangProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("./index-config") Path configDir,
    @DefaultValue Sample sample,
    @DefaultValue Upload upload,
    @DefaultValue Extract extract,
    @DefaultValue Index index,
    @DefaultValue Search search,
    @DefaultValue Ocr ocr,
    @DefaultValue Admin admin,
    @DefaultValue("5") int backgroundNice) {

  /**
   * How much lower than the other requests (searches, pages) the work of a unit's upload runs:
   * {@code upload.nice}, but always above background work, whose files must not hold up a person's.
   */
  public int uploadNice() {
    return Math.max(0, Math.min(upload.nice(), backgroundNice - 1));
  }

  /** The archive imported on the first start, so a new installation has something to show. */
  public record Sample(
      @DefaultValue("./sample-archive") Path archive,
      @DefaultValue("true") boolean importOnFirstStart) {}

  /**
   * Limits on what is handed in. {@code maxFileSize} holds for every file, a bundle's members
   * included. A bundle (ZIP, 7z, a mail's attachments) holds at most {@code maxMembers} files and
   * unpacks to at most {@code maxUnpackedSize} in all; a member past a megabyte may be at most
   * {@code maxRatio} times its compressed size (a zip bomb is not); archives inside archives are
   * unpacked down to {@code maxNesting} levels (the bundle handed in is level 1). {@code nice}: how
   * much lower than other requests an upload's work runs (see {@link #uploadNice()}).
   */
  public record Upload(
      @DefaultValue("100MB") DataSize maxFileSize,
      @DefaultValue("2000") int maxMembers,
      @DefaultValue("1GB") DataSize maxUnpackedSize,
      @DefaultValue("100") int maxRatio,
      @DefaultValue("3") int maxNesting,
      @DefaultValue("3") int nice) {}

  /**
   * Limits for text extraction. {@code maxChars} caps the stored and indexed text of one file;
   * {@code timeout} kills the parser process when one file takes too long; {@code threads} is the
   * number of files parsed at once (0: one per core); {@code workerHeap} is the parser process's
   * heap, shared by those files; {@code workerMaxFiles} how many files it reads before it is
   * replaced.
   */
  public record Extract(
      @DefaultValue("2000000") int maxChars,
      @DefaultValue("60s") Duration timeout,
      @DefaultValue("0") int threads,
      @DefaultValue("100000000") long maxImagePixels,
      @DefaultValue("1GB") DataSize workerHeap,
      @DefaultValue("50000") int workerMaxFiles) {
    public int effectiveThreads() {
      return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
  }

  /** The embedded index: {@code commitInterval} between commits. */
  public record Index(@DefaultValue("5s") Duration commitInterval) {}

  /**
   * Which engine holds the search index: {@code embedded} (a Lucene index below the data directory)
   * or {@code solr} (a SolrCloud collection, see docs/solr.md).
   */
  public record Search(@DefaultValue("embedded") String engine, @DefaultValue Solr solr) {
    public boolean solrEngine() {
      return "solr".equalsIgnoreCase(engine.strip());
    }
  }

  /**
   * The SolrCloud collection: {@code zkHost} is ZooKeeper's connection string with an optional
   * chroot ({@code zk1:2181,zk2:2181/solr}); the configset {@code collection} is uploaded there at
   * every start and the collection created with {@code shards} and {@code replicas} when missing.
   * Writes become visible to other readers within {@code commitWithin}.
   */
  public record Solr(
      String zkHost,
      @DefaultValue("taizhang") String collection,
      @DefaultValue("1") int shards,
      @DefaultValue("2") int replicas,
      @DefaultValue("1s") Duration commitWithin) {}

  /**
   * OCR of scanned PDFs (pages without a text layer) and, with {@code images}, of photos and
   * screenshots, done in the background after the upload is acknowledged. Needs Tesseract with the
   * {@code languages} installed; without it scans are kept without text. {@code dpi} is the
   * resolution pages are rendered at for Tesseract; {@code timeout} limits one document, {@code
   * pageTimeout} one page. {@code engine} reads images: {@code auto} (RapidOCR where it loads, else
   * Tesseract; see docs/ocr.md), {@code rapidocr} or {@code tesseract}.
   */
  public record Ocr(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("chi_sim+eng") String languages,
      @DefaultValue("200") int dpi,
      @DefaultValue("10m") Duration timeout,
      @DefaultValue("120s") Duration pageTimeout,
      @DefaultValue("true") boolean images,
      @DefaultValue("auto") String engine) {}

  /**
   * The administrator created on the first start. Without a configured password a random one is
   * generated and printed once; there is no built-in default.
   */
  public record Admin(@DefaultValue("admin") String username, String password) {}

  public Path filesDir() {
    return dataDir.resolve("files");
  }

  public Path indexDir() {
    return dataDir.resolve("index");
  }

  /** Scratch space of the parser processes, emptied at every start. */
  public Path parseTempDir() {
    return dataDir.resolve("tmp").resolve("parse");
  }

  public Path thumbnailDir() {
    return dataDir.resolve("thumbnails");
  }

  /** PDF renditions of office, OFD and text files, by content hash: derived, safe to delete. */
  public Path renditionDir() {
    return dataDir.resolve("renditions");
  }
}
