package org.taizhang.index;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.taizhang.archive.DocumentRepository;

/** Keeps the derived index in line with the database: fills in what it lacks, drops what it should not hold. */
@Service
public class IndexMaintenance {
  private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);
  private static final int BATCH = 200;

  /** Receives progress while documents are (re)indexed. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  /** What a reconciliation or rebuild changed. */
  public record Outcome(int indexed, int removed) {}

  private final DocumentIndex index;
  private final DocumentRepository documents;

  IndexMaintenance(DocumentIndex index, DocumentRepository documents) {
    this.index = index;
    this.documents = documents;
  }

  /** Indexes documents the database holds and the index lacks; removes index entries the database lacks. */
  public Outcome reconcile(Progress progress) {
    Set<Long> inDb = documents.ids();
    Set<Long> inIndex = index.ids();
    Set<Long> missing = new HashSet<>(inDb);
    missing.removeAll(inIndex);
    Set<Long> extra = new HashSet<>(inIndex);
    extra.removeAll(inDb);
    extra.forEach(index::delete);
    int indexed = indexAll(missing, progress);
    if (indexed > 0 || !extra.isEmpty()) {
      log.info("索引校正：补建 {} 篇，移除 {} 篇", indexed, extra.size());
    }
    return new Outcome(indexed, extra.size());
  }

  /** Throws the index away and builds it again from the database. */
  public Outcome rebuild(Progress progress) {
    int before = index.ids().size();
    index.deleteAll();
    int indexed = indexAll(null, progress);
    return new Outcome(indexed, before);
  }

  private int indexAll(Set<Long> only, Progress progress) {
    int total = only == null ? (int) documents.count() : only.size();
    if (total == 0) {
      return 0;
    }
    AtomicInteger done = new AtomicInteger();
    documents.forEachWithText(only, BATCH, dt -> {
      index.put(dt.document(), dt.text());
      progress.update(done.incrementAndGet(), total);
    });
    index.refresh();
    index.commit();
    return done.get();
  }
}
