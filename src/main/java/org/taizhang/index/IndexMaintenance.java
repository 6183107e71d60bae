package org.taizhang.index;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.job.Job;
import org.taizhang.job.Jobs;

/**
 * Keeps the derived index in line with the database: fills in what it lacks, drops what it should
 * not hold.
 */
@Service
public class IndexMaintenance {
  private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);
  private static final int BATCH = 200;

  /** What a reconciliation or rebuild changed. */
  public record Outcome(int indexed, int removed) {
    public String summary() {
      return "补建 " + indexed + " 篇，移除 " + removed + " 篇";
    }
  }

  private final SearchIndex index;
  private final DocumentRepository documents;

  IndexMaintenance(SearchIndex index, DocumentRepository documents, Jobs jobs) {
    this.index = index;
    this.documents = documents;
    index.onWriterReplaced(() -> jobs.submit("索引校正", "系统", job -> reconcile(job).summary()));
  }

  /**
   * Indexes documents the database holds and the index lacks; removes index entries the database
   * lacks. Safe while documents are added: the index is read first, so a document stored meanwhile
   * is at worst indexed twice (the same entry), never taken for one the database lacks.
   */
  public Outcome reconcile(Job job) {
    Set<Long> inIndex = index.ids();
    Set<Long> inDb = documents.ids();
    Set<Long> missing = new HashSet<>(inDb);
    missing.removeAll(inIndex);
    Set<Long> extra = new HashSet<>(inIndex);
    extra.removeAll(inDb);
    extra.forEach(index::delete);
    int indexed = indexAll(missing, job, index::put);
    if (indexed > 0 || !extra.isEmpty()) {
      log.info("索引校正：补建 {} 篇，移除 {} 篇", indexed, extra.size());
    }
    return new Outcome(indexed, extra.size());
  }

  /**
   * Whether the index holds its documents as this version analyses them; false after an upgrade
   * that changed the analysis, until a {@link #rebuild}.
   */
  public boolean analysisCurrent() {
    return index.analysisCurrent();
  }

  /**
   * Builds the index again from the database. Searches keep working meanwhile, on the index as it
   * was; documents that change during the rebuild are in the result too.
   */
  public Outcome rebuild(Job job) {
    Set<Long> before = index.ids();
    int[] indexed = {0};
    index.rebuild(fill -> indexed[0] = indexAll(null, job, fill));
    // A document deleted while the rebuild read it is not to stay; one another service node stored
    // meanwhile went only to the index being replaced, so it is added now.
    Outcome caughtUp = reconcile(job);
    index.commit();
    before.removeAll(index.ids());
    return new Outcome(indexed[0] + caughtUp.indexed(), before.size());
  }

  private int indexAll(Set<Long> only, Job job, SearchIndex.Fill to) {
    int total = only == null ? (int) documents.count() : only.size();
    if (total == 0) {
      return 0;
    }
    AtomicInteger done = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    documents.forEachWithText(
        only,
        BATCH,
        dt -> {
          to.put(dt.document(), dt.text());
          job.update(done.incrementAndGet(), total, bytes.addAndGet(dt.document().size()));
        });
    index.commit();
    index.refresh(); // whoever waited for the job searches next
    return done.get();
  }
}
