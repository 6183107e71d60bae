package org.taizhang.binder;

import java.util.List;
import java.util.Optional;

/**
 * Where everything stands in a built binder, by page number from 1: what the 总目录 printed and what
 * the catalogues and the bundle of originals must agree with.
 *
 * @param pages the binder's pages in all
 * @param cataloguePages the 总目录's pages (after the cover, from page 2)
 */
public record BinderLayout(
    String unitCode,
    int year,
    int pages,
    int cataloguePages,
    List<SectionPlacement> sections,
    List<ItemPlacement> items) {

  public BinderLayout {
    sections = List.copyOf(sections);
    items = List.copyOf(items);
  }

  /**
   * A section's divider page and the 缺项说明 pages after its items.
   *
   * @param gapPages the first page of each explained gap's 缺项说明, in the plan's order
   */
  public record SectionPlacement(int number, String code, int dividerPage, List<Integer> gapPages) {
    public SectionPlacement {
      gapPages = List.copyOf(gapPages);
    }
  }

  /**
   * An item's pages in the binder.
   *
   * @param itemNumber the 件号 (counted within its 保管期限, so the 档号 is what tells items apart)
   */
  public record ItemPlacement(
      int itemNumber, String archiveCode, long documentId, int firstPage, int pages) {
    public int lastPage() {
      return firstPage + pages - 1;
    }
  }

  public Optional<ItemPlacement> item(String archiveCode) {
    return items.stream().filter(i -> i.archiveCode().equals(archiveCode)).findFirst();
  }
}
