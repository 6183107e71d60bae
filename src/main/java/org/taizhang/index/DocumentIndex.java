package org.taizhang.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.archive.Document;

/**
 * The Lucene index of all documents: derived data, rebuilt from the database whenever it is missing
 * or behind. Searches see the index as of the last refresh, which runs in the background at most
 * {@linkplain #REFRESH_INTERVAL a second} after a write, so no search waits for one: under a stream
 * of uploads on a busy machine a refresh takes long, and every search waiting for it was what made
 * searching slow. Only a thread reads its own writes at once: its reads wait for the refresh that
 * covers them, and a request a person waits on (an upload, an edit) ends with {@link
 * #awaitOwnWrites()}, so the next page they open, on whatever thread, finds what they wrote. Writes
 * are committed to disk every few seconds and on close; what a crash loses in between is re-indexed
 * from the database at the next start.
 *
 * <p>Everything that writes index files runs on the index's own threads, which nobody interrupts.
 * Lucene writes through interruptible channels: an interrupt aimed at a caller (a cancelled import,
 * a job stopped at shutdown) would close a file mid-write, and the writer treats that as a tragic
 * event, closing itself and dropping every uncommitted document. Callers keep their interrupt
 * status.
 *
 * <p>A writer lost anyway (a tragic event: disk full, an I/O error) is replaced by a new one on the
 * committed index, the operation is tried again, and the {@linkplain #onWriterReplaced listener}
 * learns that uncommitted documents are gone, so they can be indexed again from the database.
 */
public final class DocumentIndex implements SearchIndex, AutoCloseable {
  /** A searcher with the facet state built for the same reader. */
  public record View(IndexSearcher searcher, SortedSetDocValuesReaderState facets) {}

  /** A writer and the searchers over it, replaced together when the writer is lost. */
  private record OpenIndex(IndexWriter writer, SearcherManager searchers) {}

  static final String NO_CATEGORY = "_none";

  /** How stale a search may be: writes by others become visible at most this long after. */
  public static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

  /** The commit data entry that names the analysis version of the documents. */
  private static final String ANALYSIS_KEY = "taizhang.analysis";

  private static final Logger log = LoggerFactory.getLogger(DocumentIndex.class);
  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  /**
   * The body keeps positions for phrases but no offsets: offsets serve only the highlighter, which
   * re-analyses the ten hits of a page instead, and phrase matching then reads leaner postings (an
   * index a quarter smaller, phrase queries 10–30 % faster at p95).
   */
  private static final FieldType TEXT_WITH_POSITIONS = TextField.TYPE_NOT_STORED;

  private final FSDirectory directory;
  private final Analyzer analyzer;
  private volatile OpenIndex current;
  private volatile boolean closing;
  private volatile Runnable writerReplaced = () -> {};
  private final FacetsConfig facetsConfig = new FacetsConfig();
  private final ScheduledExecutorService committer;
  private final ScheduledExecutorService refresher;
  private final ExecutorService writeThreads;
  private volatile View cachedView;

  private final WriteVisibility visibility =
      new WriteVisibility(() -> onIndexThread(open -> open.searchers().maybeRefreshBlocking()));

  private volatile boolean rebuilding;

  public DocumentIndex(Path dir, ChineseAnalysis analysis, Duration commitInterval) {
    this(dir, analysis, commitInterval, REFRESH_INTERVAL);
  }

  /**
   * Writes run on the index's own threads at the service's priority, whoever asks: what costs is
   * the analysis, done on the caller's thread ({@link AnalyzedText}) at its priority; an inverting
   * writer thread that ran lower would hold up the refreshes everybody waits for.
   *
   * @param refreshInterval how long after a write others' searches see it at the latest
   */
  public DocumentIndex(
      Path dir, ChineseAnalysis analysis, Duration commitInterval, Duration refreshInterval) {
    this.analyzer = analysis.indexAnalyzer();
    try {
      this.directory = FSDirectory.open(dir);
      this.current = open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index at " + dir, e);
    }
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    ThreadPoolExecutor writers =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            daemon("index-write"));
    // Started by the thread that opens the index, not by a background thread that writes first:
    // a thread inherits the nice value of the thread that starts it.
    writers.prestartAllCoreThreads();
    this.writeThreads = writers;
    this.committer = Executors.newSingleThreadScheduledExecutor(daemon("index-commit"));
    long ms = commitInterval.toMillis();
    committer.scheduleWithFixedDelay(this::commitQuietly, ms, ms, TimeUnit.MILLISECONDS);
    this.refresher = Executors.newSingleThreadScheduledExecutor(daemon("index-refresh"));
    long every = refreshInterval.toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  private OpenIndex open() throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(64);
    // Writers of background work (an import) run at a lower priority: a refresh that flushes the
    // buffers must not wait for one of them to flush a buffer it picked up in passing.
    config.setCheckPendingFlushUpdate(false);
    // A refresh would otherwise wait up to half a second for small segments to merge, and an
    // uploader for the refresh; merges run in the background all the same.
    config.setMaxFullFlushMergeWaitMillis(0);
    // A refresh writes each new segment once rather than again into a compound file (as Solr's
    // default); merging folds the small ones away soon after.
    config.setUseCompoundFile(false);
    IndexWriter writer = new IndexWriter(directory, config);
    if (writer.getDocStats().maxDoc == 0) {
      stampAnalysis(writer);
    }
    try {
      return new OpenIndex(writer, new SearcherManager(writer, null));
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(writer);
      throw e;
    }
  }

  /**
   * Sets what runs after a lost writer was replaced: the documents it had not committed are no
   * longer in the index.
   */
  @Override
  public void onWriterReplaced(Runnable listener) {
    this.writerReplaced = listener;
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static FieldType textWithOffsets() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    t.freeze();
    return t;
  }

  /**
   * A text field, analysed here on the calling thread ({@link AnalyzedText}); {@code stored} keeps
   * its value beside the tokens.
   */
  private void addText(
      org.apache.lucene.document.Document doc,
      String name,
      String value,
      FieldType type,
      boolean stored) {
    doc.add(new Field(name, AnalyzedText.of(analyzer, name, value), type));
    if (stored) {
      doc.add(new StoredField(name, value));
    }
  }

  /** Adds or replaces a document; visible to searches after the next {@link #refresh()}. */
  @Override
  public void put(Document d, String text) {
    org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
    String id = Long.toString(d.id());
    doc.add(new StringField(DocumentFields.ID, id, Field.Store.YES));
    doc.add(new NumericDocValuesField(DocumentFields.ID, d.id()));
    String category = d.category() == null ? NO_CATEGORY : d.category();
    filterFields(d.unitCode(), category, d.year(), d.fileType(), d.date()).forEach(doc::add);
    doc.add(new SortedSetDocValuesFacetField(DocumentFields.UNIT, d.unitCode()));
    doc.add(new SortedSetDocValuesFacetField(DocumentFields.CATEGORY, category));
    doc.add(new SortedSetDocValuesFacetField(DocumentFields.YEAR, Integer.toString(d.year())));
    doc.add(new SortedSetDocValuesFacetField(DocumentFields.FILE_TYPE, d.fileType()));
    if (d.date() != null) {
      doc.add(new StoredField(DocumentFields.DATE, d.date().toEpochDay()));
    }
    // Every document sorts, undated ones last; a field keeps one shape across documents, hence its
    // own name.
    doc.add(
        new NumericDocValuesField(
            DocumentFields.DATE_SORT, d.date() == null ? Long.MIN_VALUE : d.date().toEpochDay()));
    addText(doc, DocumentFields.TITLE, d.title(), TEXT_WITH_OFFSETS, true);
    addText(doc, DocumentFields.TITLE_WORDS, d.title(), TextField.TYPE_NOT_STORED, false);
    String body = text == null ? "" : text;
    addText(doc, DocumentFields.TEXT, body, TEXT_WITH_POSITIONS, true);
    addText(doc, DocumentFields.TEXT_WORDS, body, TextField.TYPE_NOT_STORED, false);
    onIndexThread(
        open ->
            open.writer().updateDocument(new Term(DocumentFields.ID, id), facetsConfig.build(doc)));
    written();
  }

  /**
   * The fields the filters of a search read (unit, category, year, file type, date), as this index
   * holds them; also what a one-document index of a Solr hit needs for the search's own query to
   * match it when its snippet is highlighted. {@code category} is the index's value ({@code _none}
   * for none); {@code date} may be null.
   */
  public static List<IndexableField> filterFields(
      String unit, String category, int year, String fileType, LocalDate date) {
    List<IndexableField> fields = new ArrayList<>();
    fields.add(new StringField(DocumentFields.UNIT, unit, Field.Store.YES));
    fields.add(new StringField(DocumentFields.CATEGORY, category, Field.Store.YES));
    fields.add(new StringField(DocumentFields.YEAR, Integer.toString(year), Field.Store.YES));
    fields.add(new IntPoint(DocumentFields.YEAR, year));
    fields.add(new StringField(DocumentFields.FILE_TYPE, fileType, Field.Store.YES));
    if (date != null) {
      fields.add(new LongPoint(DocumentFields.DATE, date.toEpochDay()));
    }
    return fields;
  }

  @Override
  public void delete(long id) {
    onIndexThread(
        open -> open.writer().deleteDocuments(new Term(DocumentFields.ID, Long.toString(id))));
    written();
  }

  @Override
  public void deleteAll() {
    onIndexThread(
        open -> {
          open.writer().deleteAll();
          stampAnalysis(open.writer());
        });
    written();
  }

  private void written() {
    visibility.written();
  }

  /** Makes every change so far visible to new searches. */
  @Override
  public void refresh() {
    if (!rebuilding) {
      visibility.all();
    }
  }

  /**
   * Waits until every write of this thread is visible to every search, sharing a refresh in
   * progress: what a request a person waits on calls last, so that their next search, on any
   * thread, finds what they wrote.
   */
  @Override
  public void awaitOwnWrites() {
    if (!rebuilding) {
      visibility.own();
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // The next interval tries again; a reader of its own writes refreshes for itself meanwhile.
      log.warn("index refresh failed: {}", e.toString());
    }
  }

  /**
   * Empties the index and fills it again with {@code fill}. Readers meanwhile keep the index as it
   * was, without refreshing, so searches go on working (showing nothing new until the rebuild
   * ends); the rebuilt index is then exactly what a fresh one would be, down to its ranking
   * statistics.
   */
  @Override
  public void rebuild(Consumer<Fill> fill) {
    rebuilding = true;
    try {
      deleteAll();
      fill.accept(this::put);
    } finally {
      rebuilding = false;
    }
    refresh();
  }

  /**
   * Marks the index as written by this analysis, in the data of its next commit: called while it is
   * empty, so whatever it holds from then on is analysed so.
   */
  private static void stampAnalysis(IndexWriter writer) {
    writer.setLiveCommitData(Map.of(ANALYSIS_KEY, ChineseAnalysis.VERSION).entrySet());
  }

  @Override
  public boolean analysisCurrent() {
    IndexWriter writer = current.writer();
    if (writer.getDocStats().maxDoc == 0) {
      return true;
    }
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> e : data) {
        if (e.getKey().equals(ANALYSIS_KEY)) {
          return e.getValue().equals(ChineseAnalysis.VERSION);
        }
      }
    }
    return false;
  }

  @Override
  public void commit() {
    onIndexThread(open -> open.writer().commit());
  }

  /** An index operation that may write files. */
  @FunctionalInterface
  private interface IndexWrite {
    void run(OpenIndex open) throws IOException;
  }

  /**
   * Runs {@code write} on an index thread and waits for it, however often the caller is interrupted
   * meanwhile; the caller's interrupt status is restored afterwards.
   */
  private void onIndexThread(IndexWrite write) {
    Future<?> done =
        writeThreads.submit(
            () -> {
              runReplacingLostWriter(write);
              return null;
            });
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof IOException io) {
            throw new UncheckedIOException(io);
          } else if (cause instanceof RuntimeException r) {
            throw r;
          } else if (cause instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void runReplacingLostWriter(IndexWrite write) throws IOException {
    OpenIndex open = current;
    try {
      write.run(open);
    } catch (AlreadyClosedException | IOException e) {
      // An I/O error that left the writer usable is the caller's; a closed writer is replaced.
      boolean lost =
          e instanceof AlreadyClosedException || open.writer().getTragicException() != null;
      if (closing || !lost) {
        throw e;
      }
      replace(open, e);
      write.run(current);
    }
  }

  private synchronized void replace(OpenIndex lost, Exception cause) throws IOException {
    if (current != lost || closing) {
      return;
    }
    log.error("搜索索引写入器失效（{}），重新打开索引并从数据库补建未提交的材料", cause.toString());
    IOUtils.closeWhileHandlingException(lost.searchers());
    try {
      lost.writer().rollback();
    } catch (IOException | RuntimeException e) {
      // Already closed by the tragic event; rolling back only releases the write lock.
    }
    current = open();
    cachedView = null;
    visibility.changed();
    writerReplaced.run();
  }

  private void commitQuietly() {
    try {
      onIndexThread(
          open -> {
            if (open.writer().hasUncommittedChanges()) {
              open.writer().commit();
            }
          });
    } catch (RuntimeException e) {
      // The next interval tries again; the database stays the source of truth meanwhile.
      log.warn("index commit failed: {}", e.toString());
    }
  }

  /** The current writer, for tests that need to break it. */
  IndexWriter writer() {
    return current.writer();
  }

  /**
   * Runs a read against a searcher that sees this thread's writes and everybody's up to the last
   * background refresh, and releases it afterwards.
   */
  public <T> T read(IndexFunction<T> fn) {
    awaitOwnWrites();
    try {
      OpenIndex open = current;
      IndexSearcher s;
      try {
        s = open.searchers().acquire();
      } catch (AlreadyClosedException e) {
        // The writer was replaced since this read began.
        open = current;
        s = open.searchers().acquire();
      }
      try {
        return fn.apply(view(s));
      } finally {
        open.searchers().release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A read against the index. */
  @FunctionalInterface
  public interface IndexFunction<T> {
    T apply(View view) throws IOException;
  }

  private View view(IndexSearcher s) throws IOException {
    View v = cachedView;
    IndexReader reader = s.getIndexReader();
    if (v != null && v.searcher().getIndexReader() == reader) {
      return v;
    }
    SortedSetDocValuesReaderState state =
        hasFacets(reader) ? new DefaultSortedSetDocValuesReaderState(reader, facetsConfig) : null;
    v = new View(s, state);
    cachedView = v;
    return v;
  }

  private static boolean hasFacets(IndexReader reader) {
    for (LeafReaderContext leaf : reader.leaves()) {
      if (leaf.reader().getFieldInfos().fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME) != null) {
        return true;
      }
    }
    return false;
  }

  /** Ids of every live document in the index, after every write so far. */
  @Override
  public Set<Long> ids() {
    refresh();
    return read(
        v -> {
          Set<Long> ids = new HashSet<>();
          for (LeafReaderContext leaf : v.searcher().getIndexReader().leaves()) {
            NumericDocValues values = leaf.reader().getNumericDocValues(DocumentFields.ID);
            if (values == null) {
              continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = values.nextDoc();
                doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = values.nextDoc()) {
              if (live == null || live.get(doc)) {
                ids.add(values.longValue());
              }
            }
          }
          return ids;
        });
  }

  public FacetsConfig facetsConfig() {
    return facetsConfig;
  }

  /** Waits for a commit in progress (interrupting it would lose it), then commits and closes. */
  @Override
  public void close() throws IOException {
    closing = true;
    refresher.shutdown();
    committer.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (committer.awaitTermination(10, TimeUnit.MINUTES)
            && refresher.awaitTermination(10, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    try {
      onIndexThread(
          open -> {
            open.searchers().close();
            open.writer().close();
          });
    } finally {
      writeThreads.shutdown();
      directory.close();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
