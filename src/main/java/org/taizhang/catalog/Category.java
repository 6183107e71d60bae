package org.taizhang.catalog;

import java.util.List;

/** A kind of archive material (会议记录, 年终总结 …) with the keywords that recognise it. */
public record Category(String code, String name, List<String> keywords) {
  public Category {
    keywords = List.copyOf(keywords);
  }
}
