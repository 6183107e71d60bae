package org.taizhang.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Local copies of remote objects, for what needs a file (parsers, thumbnails, renditions, OCR,
 * downloads), bounded in bytes: the least recently used copies go first. A copy is downloaded to a
 * temporary file, checked against its hash and renamed into place, so a name in the cache always
 * holds the whole content. The copy just added is never the one evicted, even when it alone exceeds
 * the bound.
 */
final class ReadCache {
  private final Path dir;
  private final Path tmp;
  private final long maxBytes;

  /** Sizes by hash, in access order: the eldest is the least recently used. */
  private final LinkedHashMap<String, Long> entries = new LinkedHashMap<>(256, 0.75f, true);

  private long bytes;

  ReadCache(Path dir, long maxBytes) {
    this.dir = dir;
    this.tmp = dir.resolve("tmp");
    this.maxBytes = maxBytes;
    try {
      Files.createDirectories(tmp);
      try (Stream<Path> parts = Files.list(tmp)) {
        for (Path p : (Iterable<Path>) parts::iterator) {
          Files.deleteIfExists(p);
        }
      }
      load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file cache at " + dir, e);
    }
  }

  /** Takes in what an earlier run left, oldest first, so eviction order survives a restart. */
  private void load() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files =
          all.filter(p -> !p.startsWith(tmp))
              .filter(Files::isRegularFile)
              .filter(p -> Hashes.isSha256(p.getFileName().toString()))
              .sorted(Comparator.comparing(ReadCache::modified))
              .toList();
    }
    for (Path p : files) {
      long size = Files.size(p);
      entries.put(p.getFileName().toString(), size);
      bytes += size;
    }
    evictBeyondBound(null);
  }

  Path path(String sha256) {
    return Hashes.spread(dir, sha256);
  }

  /** The cached copy, if there is one; counts as a use. */
  synchronized Optional<Path> get(String sha256) {
    Path p = path(sha256);
    if (entries.get(sha256) == null) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(p)) {
      bytes -= entries.remove(sha256);
      return Optional.empty();
    }
    return Optional.of(p);
  }

  /**
   * Copies {@code in} into the cache as {@code sha256}; refuses content whose hash is another, so a
   * damaged transfer never becomes a cached original.
   */
  Path fill(String sha256, InputStream in) throws IOException {
    Path part = tmp.resolve(UUID.randomUUID() + ".part");
    MessageDigest sha = Hashes.sha256();
    try {
      try (OutputStream out =
          new DigestOutputStream(Files.newOutputStream(part, StandardOpenOption.CREATE_NEW), sha)) {
        in.transferTo(out);
      }
      String got = HexFormat.of().formatHex(sha.digest());
      if (!got.equals(sha256)) {
        throw new IOException("object " + sha256 + " arrived with content hashing to " + got);
      }
      return adopt(sha256, part);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Moves a file whose content is known to hash to {@code sha256} into the cache. */
  Path adopt(String sha256, Path file) throws IOException {
    Path target = path(sha256);
    Files.createDirectories(target.getParent());
    // forced first: after a crash, a name in the cache must not hold less than its content
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    long size = Files.size(file);
    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    synchronized (this) {
      Long before = entries.put(sha256, size);
      bytes += size - (before == null ? 0 : before);
      evictBeyondBound(sha256);
    }
    return target;
  }

  synchronized void remove(String sha256) throws IOException {
    Long size = entries.remove(sha256);
    if (size != null) {
      bytes -= size;
    }
    Files.deleteIfExists(path(sha256));
  }

  /** Drops copies of content no document refers to any more. */
  synchronized void retainOnly(Set<String> referenced) throws IOException {
    for (String sha : new ArrayList<>(entries.keySet())) {
      if (!referenced.contains(sha)) {
        remove(sha);
      }
    }
  }

  synchronized long bytes() {
    return bytes;
  }

  private void evictBeyondBound(String keep) throws IOException {
    Iterator<Map.Entry<String, Long>> eldest = entries.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      Map.Entry<String, Long> e = eldest.next();
      if (e.getKey().equals(keep)) {
        continue;
      }
      Files.deleteIfExists(path(e.getKey()));
      bytes -= e.getValue();
      eldest.remove();
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
