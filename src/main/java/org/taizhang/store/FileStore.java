package org.taizhang.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Content-addressed store of original files. Content is staged under {@code staging/} and hashed,
 * then made durable by a backend: a local folder ({@code objects/ab/cd/<sha-256>}, the default) or
 * an S3-compatible bucket ({@code taizhang.store=s3}, see {@link S3Blobs} and docs/s3.md). Callers
 * that need a file get a local one from {@link #find}, from the bucket through a bounded cache.
 * File names given by users never reach the file system or a key.
 */
public final class FileStore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FileStore.class);

  private final Path staging;
  private final Blobs blobs;

  /** Striped by hash: storing-and-recording and deleting the same content never interleave. */
  private final ReentrantLock[] locks = new ReentrantLock[64];

  /**
   * Content whose lock is held, by the holder: whether its work committed the content, which the
   * backend then checks once the work (its recording) is done.
   */
  private final Map<String, Boolean> held = new ConcurrentHashMap<>();

  /**
   * Shared by backups from before their database snapshot until they have copied what it
   * references; exclusive for deletions. A purge whose row the snapshot still holds therefore waits
   * for the copy.
   */
  private final ReentrantReadWriteLock deletions = new ReentrantReadWriteLock();

  /** A store in a local folder: {@code root/objects}, staging in {@code root/staging}. */
  public FileStore(Path root) {
    this(root, new LocalBlobs(root.resolve("objects")));
  }

  FileStore(Path root, Blobs blobs) {
    this.staging = root.resolve("staging");
    this.blobs = blobs;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new ReentrantLock();
    }
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create file store at " + root, e);
    }
  }

  /**
   * The store the settings ask for, working under {@code root} (the data directory's {@code
   * files}): {@code taizhang.store=local} (the default) or {@code s3} with {@code
   * taizhang.store.s3.*}.
   */
  public static FileStore configured(Environment environment, Path root) {
    String kind =
        environment.getProperty("taizhang.store", "local").strip().toLowerCase(Locale.ROOT);
    switch (kind) {
      case "local":
        return new FileStore(root);
      case "s3":
        S3Settings s = Binder.get(environment).bindOrCreate("taizhang.store.s3", S3Settings.class);
        return s3(root, s, Clock.systemUTC());
      default:
        throw new IllegalStateException("taizhang.store 的值 “" + kind + "” 无效：应为 local 或 s3");
    }
  }

  static FileStore s3(Path root, S3Settings s, Clock clock) {
    return new FileStore(
        root,
        new S3Blobs(
            S3Blobs.client(s),
            s.bucket(),
            s.keyPrefix(),
            new ReadCache(root.resolve("cache"), s.cacheSize().toBytes()),
            clock,
            s.sweepGrace()));
  }

  /**
   * Copies the stream to the staging area, hashing as it goes; fails once {@code maxBytes} is
   * exceeded.
   */
  public StagedFile stage(InputStream in, long maxBytes) throws IOException {
    Path tmp = staging.resolve(UUID.randomUUID() + ".part");
    MessageDigest sha = Hashes.sha256();
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
   * Makes staged content durable under its hash and returns a local copy of it: in a local store
   * the object itself (fsync, atomic rename, fsync of the directory); in a bucket once the PUT
   * answered, the staged file moved into the cache. Identical content already stored is kept.
   * Throws {@link StoreUnavailableException} when the bucket cannot be written; nothing is stored.
   */
  public Path commit(StagedFile file) throws IOException {
    Path local = blobs.put(file);
    if (lockOf(file.sha256()).isHeldByCurrentThread()) {
      held.replace(file.sha256(), true);
    }
    return local;
  }

  /**
   * Work that must not interleave with other work on the same content, such as commit-then-record
   * versus purge. Content committed by the work is checked once the work returned (its record is
   * then durable): in a shared bucket another node may have deleted it meanwhile, and it is put
   * back.
   */
  public <T, E extends Exception> T locked(String sha256, LockedWork<T, E> work) throws E {
    ReentrantLock lock = lockOf(sha256);
    lock.lock();
    held.put(sha256, false);
    try {
      T result = work.run();
      if (Boolean.TRUE.equals(held.get(sha256))) {
        try {
          blobs.recorded(sha256);
        } catch (IOException e) {
          // The record is durable and the PUT was answered moments ago: say so, do not undo it.
          log.error("对象 {} 记录后无法确认仍在对象存储中", sha256, e);
        }
      }
      return result;
    } finally {
      held.remove(sha256);
      lock.unlock();
    }
  }

  private ReentrantLock lockOf(String sha256) {
    return locks[Math.floorMod(sha256.hashCode(), locks.length)];
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
   * #locked}. Waits while a {@link #keepingObjects} is in progress. In a bucket, an object younger
   * than the grace period stays for a later sweep.
   */
  public boolean deleteUnless(String sha256, BooleanSupplier stillReferenced) throws IOException {
    Hashes.checked(sha256);
    deletions.writeLock().lock();
    try {
      return blobs.delete(sha256, sha -> stillReferenced.getAsBoolean());
    } finally {
      deletions.writeLock().unlock();
    }
  }

  /**
   * Where the local copy of the content is: the object of a local store, the cached copy of a
   * bucket's, which may not be there; {@link #find} fetches it.
   */
  public Path path(String sha256) {
    return blobs.localPath(Hashes.checked(sha256));
  }

  /**
   * A local file with the content, fetched from the bucket into the cache first if need be; empty
   * if the store does not hold it. Throws {@link UncheckedIOException} (caused by {@link
   * StoreUnavailableException}) when the bucket does not answer.
   */
  public Optional<Path> find(String sha256) {
    return blobs.local(Hashes.checked(sha256));
  }

  /** Whether the store holds the content, without fetching it. */
  public boolean contains(String sha256) throws IOException {
    return blobs.contains(Hashes.checked(sha256));
  }

  /**
   * Removes objects no document refers to and leftovers of interrupted staging: {@code referenced}
   * are the hashes known to be needed, {@code stillReferenced} is asked again before each deletion.
   * Run at start-up, before this node ingests; in a bucket, objects younger than the grace period
   * are left alone, since another node may be recording them.
   */
  public int sweep(Set<String> referenced, Predicate<String> stillReferenced) throws IOException {
    deletions.writeLock().lock();
    try {
      int removed = 0;
      try (Stream<Path> parts = Files.list(staging)) {
        for (Path p : (Iterable<Path>) parts::iterator) {
          Files.deleteIfExists(p);
          removed++;
        }
      }
      return removed + blobs.sweep(referenced, stillReferenced);
    } finally {
      deletions.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    blobs.close();
  }
}
