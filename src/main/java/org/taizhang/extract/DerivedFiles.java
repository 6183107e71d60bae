package org.taizhang.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes derived files (thumbnails, printed photos, PDF renditions) so that a reader sees the whole
 * file or none: written beside the target, then moved over it. A parser killed half way leaves a
 * {@code .part} file, never a truncated target.
 */
final class DerivedFiles {
  /** Writes the content into the file it is given. */
  interface Content {
    void writeTo(Path file) throws IOException;
  }

  private DerivedFiles() {}

  static void write(Path target, Content content) throws IOException {
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try {
      content.writeTo(tmp);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
