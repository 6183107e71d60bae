package org.taizhang.catalog;

import java.util.List;

/**
 * Something that refers to categories by code: a category it uses cannot be removed from the list
 * without leaving it dangling. Implemented by the features that hold such references.
 */
public interface CategoryUsage {
  /** Where {@code code} is used, in words (“文明单位测评体系 指标 Ⅰ-3-1”, “12 份材料”); empty when nowhere. */
  List<String> uses(String code);
}
