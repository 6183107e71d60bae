package org.taizhang.archive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.taizhang.access.Scope;
import org.taizhang.store.FileStore;

/** Read access to units' archives: documents, their text and their stored originals. */
@Service
public class Archive {
  /** A unit's documents filed by year (newest first), then category. */
  public record Volume(int year, Map<String, List<Document>> byCategory) {}

  private final DocumentRepository documents;
  private final FileStore store;

  Archive(DocumentRepository documents, FileStore store) {
    this.documents = documents;
    this.store = store;
  }

  /**
   * A document the caller may see: any version, also one in the recycle bin, but only of a unit in
   * the scope. Outside the scope the document does not exist, which callers report as 404.
   */
  public Optional<Document> document(long id, Scope scope) {
    return documents.find(id).filter(d -> scope.contains(d.unitCode()));
  }

  /** All versions of a document, newest first; empty when the caller may not see it. */
  public List<Document> versions(long id, Scope scope) {
    return document(id, scope).map(d -> documents.versions(id)).orElse(List.of());
  }

  public String text(long id) {
    return documents.text(id).orElse("");
  }

  public Optional<Path> original(Document d) {
    return store.find(d.sha256());
  }

  /** The unit's archive by year and category; categories in the given order, unclassified last. */
  public List<Volume> volumes(String unitCode, List<String> categoryOrder) {
    Map<Integer, Map<String, List<Document>>> years = new LinkedHashMap<>();
    for (Document d : documents.findByUnit(unitCode)) {
      years
          .computeIfAbsent(d.year(), y -> new LinkedHashMap<>())
          .computeIfAbsent(d.category() == null ? "" : d.category(), c -> new ArrayList<>())
          .add(d);
    }
    List<Volume> out = new ArrayList<>();
    years.entrySet().stream()
        .sorted(Map.Entry.<Integer, Map<String, List<Document>>>comparingByKey().reversed())
        .forEach(
            e -> {
              Map<String, List<Document>> ordered = new LinkedHashMap<>();
              for (String c : categoryOrder) {
                if (e.getValue().containsKey(c)) {
                  ordered.put(c, e.getValue().get(c));
                }
              }
              e.getValue().forEach(ordered::putIfAbsent);
              out.add(new Volume(e.getKey(), ordered));
            });
    return out;
  }
}
