package org.taizhang.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.catalog.Catalog;
import org.taizhang.unit.Unit;

/**
 * A unit's archive of one year as printed catalogues: the 总目录 lists one volume (卷) per category in
 * the catalogue's order, and each volume's 卷内目录 lists its documents (序号, 题名, 文档日期, 页数) by date.
 * Only current documents are listed, as on the unit's archive page.
 */
record Catalogue(
    String unitCode, String unitName, String unitType, int year, List<Volume> volumes) {
  public static final String UNCATEGORIZED = "未分类";

  public Catalogue {
    volumes = List.copyOf(volumes);
  }

  /** A volume: one category's documents. {@code number} counts from 1. */
  public record Volume(int number, String category, String categoryName, List<Entry> entries) {
    public Volume {
      entries = List.copyOf(entries);
    }

    /** Pages of the documents that know their page count. */
    public int pages() {
      return entries.stream()
          .map(Entry::pages)
          .filter(Objects::nonNull)
          .mapToInt(Integer::intValue)
          .sum();
    }

    /**
     * Whether some document's page count is unknown (a photo, a text file): the sum is then a lower
     * bound.
     */
    public boolean pagesUnknown() {
      return entries.stream().anyMatch(e -> e.pages() == null);
    }

    public LocalDate firstDate() {
      return entries.stream()
          .map(Entry::date)
          .filter(Objects::nonNull)
          .min(LocalDate::compareTo)
          .orElse(null);
    }

    public LocalDate lastDate() {
      return entries.stream()
          .map(Entry::date)
          .filter(Objects::nonNull)
          .max(LocalDate::compareTo)
          .orElse(null);
    }

    /** “2025-01-10 至 2025-12-20”, one date, or “—”. */
    public String dateRange() {
      LocalDate a = firstDate();
      LocalDate b = lastDate();
      if (a == null) {
        return "—";
      }
      return a.equals(b) ? a.toString() : a + " 至 " + b;
    }
  }

  /** One document in a volume; {@code pages} is null when the file has no pages (a photo). */
  public record Entry(int number, long id, String title, LocalDate date, Integer pages) {}

  public int documentCount() {
    return volumes.stream().mapToInt(v -> v.entries().size()).sum();
  }

  /**
   * From {@link Archive#volumes}: the year's volume, categories in catalogue order, unclassified
   * last.
   */
  public static Catalogue of(Unit unit, int year, List<Archive.Volume> archive, Catalog catalog) {
    List<Volume> volumes = new ArrayList<>();
    for (Archive.Volume v : archive) {
      if (v.year() != year) {
        continue;
      }
      for (Map.Entry<String, List<Document>> e : v.byCategory().entrySet()) {
        List<Document> docs = new ArrayList<>(e.getValue());
        docs.sort(
            Comparator.comparing(Document::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingLong(Document::id));
        List<Entry> entries = new ArrayList<>();
        for (Document d : docs) {
          entries.add(new Entry(entries.size() + 1, d.id(), d.title(), d.date(), d.pageCount()));
        }
        String code = e.getKey();
        String name = code == null || code.isEmpty() ? UNCATEGORIZED : catalog.categoryName(code);
        volumes.add(new Volume(volumes.size() + 1, code == null ? "" : code, name, entries));
      }
    }
    return new Catalogue(unit.code(), unit.name(), unit.type(), year, volumes);
  }
}
