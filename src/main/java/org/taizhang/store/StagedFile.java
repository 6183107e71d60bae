package org.taizhang.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Content written to the store's staging area, hashed and counted, not yet part of the store.
 * Closing it removes the staging copy unless it was committed.
 */
public record StagedFile(Path path, String sha256, long size) implements AutoCloseable {
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(path);
  }
}
