package org.taizhang.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taizhang.catalog.Catalog;

/**
 * The archive year and category that folder names state — {@code 2025年度/会议记录/…} — as a folder
 * import and a bundle's folders both use them. The first folder naming a year gives the year, the
 * first naming a category (by code or name) the category; other folders say nothing.
 */
record FolderPath(Integer year, String category) {
  private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})年?(?:度)?");

  static FolderPath of(List<String> folders, Catalog catalog) {
    Integer year = null;
    String category = null;
    for (String part : folders) {
      Matcher m = YEAR.matcher(part);
      if (year == null && m.matches()) {
        year = Integer.valueOf(m.group(1));
      } else if (category == null && catalog.category(part).isPresent()) {
        category = catalog.category(part).get().code();
      }
    }
    return new FolderPath(year, category);
  }
}
