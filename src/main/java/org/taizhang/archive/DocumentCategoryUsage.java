package org.taizhang.archive;

import java.util.List;
import org.springframework.stereotype.Component;
import org.taizhang.catalog.CategoryUsage;

/**
 * Documents filed under a category: it may not be removed while any (old versions and the recycle
 * bin too) are.
 */
@Component
class DocumentCategoryUsage implements CategoryUsage {
  private final DocumentRepository documents;

  DocumentCategoryUsage(DocumentRepository documents) {
    this.documents = documents;
  }

  @Override
  public List<String> uses(String code) {
    long n = documents.countInCategory(code);
    return n == 0 ? List.of() : List.of(n + " 份材料（含历史版本和回收站中的）");
  }
}
