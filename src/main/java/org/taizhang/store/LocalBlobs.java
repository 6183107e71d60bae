package org.taizhang.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Objects in a local folder: {@code objects/ab/cd/<sha-256>}. Content is forced to disk and renamed
 * into place, so a crash never leaves a partial object under its final name. Only one service uses
 * the folder, so the store's in-process locks are all the coordination deletion needs.
 */
final class LocalBlobs implements Blobs {
  private final Path objects;

  LocalBlobs(Path objects) {
    this.objects = objects;
    try {
      Files.createDirectories(objects);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create file store at " + objects, e);
    }
  }

  @Override
  public Path put(StagedFile file) throws IOException {
    Path target = localPath(file.sha256());
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
    Hashes.forceDirectory(target.getParent());
    return target;
  }

  @Override
  public Optional<Path> local(String sha256) {
    Path p = localPath(sha256);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  @Override
  public Path localPath(String sha256) {
    return Hashes.spread(objects, sha256);
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(localPath(sha256));
  }

  @Override
  public boolean delete(String sha256, Predicate<String> stillReferenced) throws IOException {
    return !stillReferenced.test(sha256) && Files.deleteIfExists(localPath(sha256));
  }

  @Override
  public int sweep(Set<String> referenced, Predicate<String> stillReferenced) throws IOException {
    int removed = 0;
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
}
