package org.taizhang.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * What a bundle or a mail held, unpacked into a scratch directory: each member's path inside the
 * bundle, and either its file there or the reason it was not unpacked. For a mail, its subject,
 * sender, recipients and sending time too. Closing it removes the scratch directory.
 */
public record Unpacked(
    String mediaType,
    String subject,
    String sender,
    String recipients,
    Instant sent,
    List<Member> members,
    Path directory)
    implements AutoCloseable {
  public Unpacked {
    members = List.copyOf(members);
  }

  /**
   * One file of the bundle: {@code path} as the bundle names it (folders separated by {@code /}, an
   * archive inside the archive as a folder of its own), {@code file} where it was unpacked, or null
   * with the {@code failure} that kept it out.
   */
  public record Member(
      String path, Path file, long size, ExtractionFailure failure, String detail) {
    public boolean unpacked() {
      return failure == null;
    }

    /** The last component of the path: the file's own name. */
    public String fileName() {
      int slash = path.lastIndexOf('/');
      return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The folders above the file, outermost first. */
    public List<String> folders() {
      int slash = path.lastIndexOf('/');
      return slash < 0 ? List.of() : List.of(path.substring(0, slash).split("/"));
    }
  }

  public boolean isMail() {
    return ParserPool.isMail(mediaType);
  }

  @Override
  public void close() {
    try {
      if (directory != null) {
        FileSystemUtils.deleteRecursively(directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + directory, e);
    }
  }
}
