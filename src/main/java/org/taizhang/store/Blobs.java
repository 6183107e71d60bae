package org.taizhang.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where the store keeps its objects, by content hash: a local folder or an S3 bucket. The store
 * ({@link FileStore}) hashes, stages and locks; a backend only moves bytes and keeps its own
 * promises about durability and deletion.
 */
interface Blobs extends Closeable {
  /**
   * Makes staged content durable under its hash; returns once it is (a PUT answered, an fsync'd
   * rename). Returns a local copy of the content, which the staged file may have become.
   */
  Path put(StagedFile staged) throws IOException;

  /**
   * Called under the content's lock after work that {@link #put} this content and then recorded it
   * returned; a backend whose objects other nodes may delete checks the object is still there.
   */
  default void recorded(String sha256) throws IOException {}

  /** A local copy of the content, fetched first if the backend is remote; empty if not stored. */
  Optional<Path> local(String sha256);

  /** Where the local copy of the content is or would be. */
  Path localPath(String sha256);

  /** Whether the content is stored, without fetching it. */
  boolean contains(String sha256) throws IOException;

  /**
   * Deletes the content unless {@code stillReferenced} says a document needs it; {@code true} if it
   * was deleted.
   */
  boolean delete(String sha256, Predicate<String> stillReferenced) throws IOException;

  /**
   * Deletes objects that no document refers to: {@code referenced} names those known to be needed;
   * {@code stillReferenced} is asked again just before a deletion. Returns how many were removed.
   */
  int sweep(Set<String> referenced, Predicate<String> stillReferenced) throws IOException;

  @Override
  default void close() {}
}
