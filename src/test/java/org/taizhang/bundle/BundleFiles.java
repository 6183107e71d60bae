package org.taizhang.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A bundle unpacked as a person would unpack it, and the check every bundle must pass: each link of
 * its index.html, resolved as a browser resolves it from file://, opens a file of the ZIP, and each
 * file but the index is linked.
 */
final class BundleFiles {
  /** The ZIP's file entries in order, and where they were unpacked. */
  record Unpacked(Path dir, List<String> entries) {
    Document index() throws IOException {
      return Jsoup.parse(dir.resolve(BundleWriter.INDEX).toFile(), "UTF-8");
    }
  }

  private BundleFiles() {}

  static Unpacked unzip(byte[] zip, Path dir) throws IOException {
    List<String> entries = new ArrayList<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        Path target = dir.resolve(e.getName()).normalize();
        assertThat(target.startsWith(dir)).as("entry %s stays inside", e.getName()).isTrue();
        if (e.isDirectory()) {
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target);
        entries.add(e.getName());
      }
    }
    return new Unpacked(dir, entries);
  }

  /** Every href resolves to an unpacked file, every file but the index is linked; the links. */
  static List<String> assertLinksAndFilesAgree(Unpacked u) throws IOException {
    Document index = u.index();
    URI base = u.dir().resolve(BundleWriter.INDEX).toUri();
    Set<String> linked = new HashSet<>();
    List<String> hrefs = new ArrayList<>();
    index
        .select("a[href]")
        .forEach(
            a -> {
              String href = a.attr("href");
              if (href.startsWith("#")) {
                assertThat(index.getElementById(href.substring(1))).as(href).isNotNull();
                return;
              }
              assertThat(href).doesNotContain(" ", "+", "\\").doesNotStartWith("/");
              Path file = Path.of(base.resolve(href));
              assertThat(file).as("link %s", href).isRegularFile();
              String rel = u.dir().relativize(file).toString().replace('\\', '/');
              linked.add(rel);
              hrefs.add(rel);
            });
    for (String e : u.entries()) {
      if (!e.equals(BundleWriter.INDEX)) {
        assertThat(linked).as("file %s is linked from the index", e).contains(e);
      }
    }
    assertThat(index.select("link, script, img, iframe")).as("nothing external").isEmpty();
    return hrefs;
  }
}
