package org.taizhang.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Content-addressed store of original files: {@code objects/ab/cd/<sha-256>}. Content is staged
 * under {@code staging/}, forced to disk and renamed into place, so a crash never leaves a partial
 * object under its final name. File names given by users never reach the file system.
 */
public final class FileStore {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path objects;
  private final Path staging;

  /** Striped by hash: storing-and-recording and deleting the same content never interleave. */
  private final ReentrantLock[] locks = new ReentrantLock[64];

  /**
   * Shared by backups from before their database snapshot until they have copied what it
   * references; exclusive for deletions. A purge whose row the snapshot still holds therefore waits
   * for the copy.
   */
  private final ReentrantReadWriteLock deletions = new ReentrantReadWriteLock();

  public FileStore(Path root) {
    this.objects = root.resolve("objects");
    this.staging = root.resolve("staging");
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
    try {
      Files.createDirectories(objects);
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create file store at " + root, e);
    }
  }

  /**
   * Copies the stream to the staging area, hashing as it goes; fails once {@code maxBytes} is
   * exceeded.
   */
  public StagedFile stage(InputStream in, long maxBytes) throws IOException {
    Path tmp = staging.resolve(UUID.randomUUID() + ".part");
    MessageDigest sha = sha256();
    long size = 0;
    try (OutputStream out =
        new DigestOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW), sha)) {
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) != -1) {
        size += n;
        if (size > maxBytes) {
          throw new FileTooLargeException(maxBytes);
        }
        out.write(buf, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return new StagedFile(tmp, HexFormat.of().formatHex(sha.digest()), size);
  }

  /**
   * Makes staged content durable under its hash: fsync, atomic rename, fsync of the directory.
   * Identical content already stored is kept and the staged copy dropped.
   */
  public Path commit(StagedFile file) throws IOException {
    Path target = path(file.sha256());
    if (Files.exists(target)) {
      Files.deleteIfExists(file.path());
      return target;
    }
    Files.createDirectories(target.getParent());
    try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    try {
      Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(file.path());
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("file store needs a file system with atomic rename", e);
    }
    forceDirectory(target.getParent());
    return target;
  }

  /**
   * Work that must not interleave with other work on the same content, such as commit-then-record
   * versus purge.
   */
  public <T, E extends Exception> T locked(String sha256, LockedWork<T, E> work) throws E {
    ReentrantLock lock = locks[Math.floorMod(sha256.hashCode(), locks.length)];
    lock.lock();
    try {
      return work.run();
    } finally {
      lock.unlock();
    }
  }

  /** Work done while holding a content's lock. */
  @FunctionalInterface
  public interface LockedWork<T, E extends Exception> {
    T run() throws E;
  }

  /**
   * Work during which no object is deleted, such as a backup copying the objects its database
   * snapshot refers to. Storing goes on; deletions wait until the work is done.
   */
  public <T, E extends Exception> T keepingObjects(LockedWork<T, E> work) throws E {
    deletions.readLock().lock();
    try {
      return work.run();
    } finally {
      deletions.readLock().unlock();
    }
  }

  /**
   * Deletes an object unless {@code stillReferenced} says a document needs it; call under {@link
   * #locked}. Waits while a {@link #keepingObjects} is in progress.
   */
  public boolean deleteUnless(String sha256, BooleanSupplier stillReferenced) throws IOException {
    deletions.writeLock().lock();
    try {
      return !stillReferenced.getAsBoolean() && Files.deleteIfExists(path(sha256));
    } finally {
      deletions.writeLock().unlock();
    }
  }

  public Path path(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
    }
    return objects.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }

  public Optional<Path> find(String sha256) {
    Path p = path(sha256);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  /**
   * Removes objects no document refers to and leftovers of interrupted staging. Run only while
   * nothing is being ingested, e.g. at start-up.
   */
  public int sweep(Set<String> referenced) throws IOException {
    deletions.writeLock().lock();
    try {
      return sweepUnlocked(referenced);
    } finally {
      deletions.writeLock().unlock();
    }
  }

  private int sweepUnlocked(Set<String> referenced) throws IOException {
    int removed = 0;
    try (Stream<Path> parts = Files.list(staging)) {
      for (Path p : (Iterable<Path>) parts::iterator) {
        Files.deleteIfExists(p);
        removed++;
      }
    }
    try (Stream<Path> all = Files.walk(objects)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        String name = p.getFileName().toString();
        if (!referenced.contains(name)) {
          Files.deleteIfExists(p);
          removed++;
        }
      }
    }
    return removed;
  }

  private static void forceDirectory(Path dir) {
    // Makes the rename itself durable; not every platform allows opening a directory.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException ignored) {
      // best effort on platforms without directory fsync
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
