package org.taizhang.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;

/**
 * A stopped instance's data directory read from outside — H2 database, file store, index — so a
 * test can check what a separate service process left behind.
 */
public record DataDirectory(Path root) {

  /** Every document row: id → SHA-256 of its original. */
  public Map<Long, String> documents() throws Exception {
    return rows("select id, sha256 from document");
  }

  /**
   * The documents the index should hold (current versions, not in the recycle bin): id → SHA-256.
   */
  public Map<Long, String> currentDocuments() throws Exception {
    return rows(
        "select id, sha256 from document where superseded_by is null and deleted_at is null");
  }

  private Map<Long, String> rows(String sql) throws Exception {
    Map<Long, String> rows = new HashMap<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:h2:file:"
                    + root.resolve("db/taizhang")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "sa",
                "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        rows.put(rs.getLong(1), rs.getString(2).strip());
      }
    }
    return rows;
  }

  /** Names (SHA-256) of the objects in the file store. */
  public Set<String> storedObjects() throws Exception {
    Set<String> stored = new HashSet<>();
    try (Stream<Path> files = Files.walk(root.resolve("files/objects"))) {
      files.filter(Files::isRegularFile).forEach(p -> stored.add(p.getFileName().toString()));
    }
    return stored;
  }

  public long stagedFiles() throws Exception {
    try (Stream<Path> staging = Files.list(root.resolve("files/staging"))) {
      return staging.count();
    }
  }

  /** Ids of the live documents in the committed index. */
  public Set<Long> indexedIds() throws Exception {
    Set<Long> ids = new HashSet<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(root.resolve("index")))) {
      for (LeafReaderContext leaf : reader.leaves()) {
        NumericDocValues values = leaf.reader().getNumericDocValues("id");
        if (values == null) {
          continue;
        }
        var live = leaf.reader().getLiveDocs();
        for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
          if (live == null || live.get(d)) {
            ids.add(values.longValue());
          }
        }
      }
    }
    return ids;
  }

  /**
   * How the committed index differs from the database's current documents; both empty when in line.
   */
  public record IndexDrift(SortedSet<Long> missing, SortedSet<Long> extra) {
    public static final IndexDrift NONE = new IndexDrift(new TreeSet<>(), new TreeSet<>());
  }

  public IndexDrift indexDrift() throws Exception {
    Set<Long> indexed = indexedIds();
    Set<Long> current = currentDocuments().keySet();
    SortedSet<Long> missing = new TreeSet<>(current);
    missing.removeAll(indexed);
    SortedSet<Long> extra = new TreeSet<>(indexed);
    extra.removeAll(current);
    return new IndexDrift(missing, extra);
  }
}
