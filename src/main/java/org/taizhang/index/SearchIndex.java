package org.taizhang.index;

import java.util.Set;
import java.util.function.Consumer;
import org.taizhang.archive.Document;

/**
 * The write side of the search index, whichever engine holds it ({@code taizhang.search.engine}):
 * the embedded {@link DocumentIndex} or a SolrCloud collection ({@link SolrIndex}). Derived data:
 * the database stays the source of truth, and {@link IndexMaintenance} rebuilds from it.
 */
public interface SearchIndex {
  /** Adds or replaces a document; visible to searches after the next {@link #refresh()}. */
  void put(Document d, String text);

  void delete(long id);

  void deleteAll();

  /**
   * Builds the index again from what {@code fill} gives to the {@link Fill} it is handed; searches
   * meanwhile go on working on the index as it was, as far as the engine allows, and live writes
   * ({@link #put}, {@link #delete}) keep arriving.
   */
  void rebuild(Consumer<Fill> fill);

  /** Where a rebuild puts the documents it reads. */
  @FunctionalInterface
  interface Fill {
    void put(Document d, String text);
  }

  /** Makes the changes so far durable. */
  void commit();

  /** Makes every change so far visible to new searches. */
  void refresh();

  /**
   * Waits until every write of this thread is visible to every search: what a request a person
   * waits on (an upload, an edit) calls last, so that their next search, on any node and thread,
   * finds what they wrote. Other searches never wait for a refresh.
   */
  void awaitOwnWrites();

  /**
   * Whether the index holds its documents as this version's analysis writes them ({@link
   * ChineseAnalysis#VERSION}): true when it is empty or was filled since it last was; false after
   * an upgrade that changed the analysis, until a rebuild.
   */
  boolean analysisCurrent();

  /** Ids of every live document in the index as of the last refresh. */
  Set<Long> ids();

  /**
   * Sets what runs after the engine lost changes it had acknowledged, so they can be indexed again
   * from the database.
   */
  void onWriterReplaced(Runnable listener);
}
