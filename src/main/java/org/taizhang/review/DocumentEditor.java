package org.taizhang.review;

import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.taizhang.account.Caller;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.index.DocumentIndex;

/** Corrects what a document is (category, title, date, archive year) when inference got it wrong. */
@Service
public class DocumentEditor {
  private final DocumentRepository documents;
  private final DocumentIndex index;
  private final Catalog catalog;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;

  DocumentEditor(DocumentRepository documents, DocumentIndex index, Catalog catalog, AuditLog audit, ApplicationEventPublisher events) {
    this.documents = documents;
    this.index = index;
    this.catalog = catalog;
    this.audit = audit;
    this.events = events;
  }

  /** Null arguments keep the current value. */
  public Document describe(Caller caller, long id, String category, String title, LocalDate date, Integer year) {
    Document d = documents.find(id).filter(x -> caller.handsIn(x.unitCode()) || caller.reviews(x.unitCode()))
        .orElseThrow(NotVisibleException::new);
    if (!d.lifecycle().current()) {
      throw new ReviewException("只能修改当前版本、未删除的材料");
    }
    String code = category == null || category.isBlank() ? d.category()
        : catalog.category(category).map(Category::code).orElseThrow(() -> new ReviewException("类别不存在：" + category));
    String newTitle = title == null || title.isBlank() ? d.title() : title.strip();
    if (newTitle.length() > 500) {
      throw new ReviewException("标题过长");
    }
    LocalDate newDate = date == null ? d.date() : date;
    int newYear = year != null ? year : d.year();
    if (newYear < 1990 || newYear > 2100) {
      throw new ReviewException("年度无效：" + newYear);
    }
    documents.setDescription(id, code, newTitle, newDate, newYear);
    Document updated = documents.find(id).orElseThrow();
    index.put(updated, documents.text(id).orElse(""));
    audit.record(caller.username(), AuditAction.DESCRIBE, ReviewService.target(updated),
        "修改著录：类别 " + catalog.categoryName(code) + "，日期 " + newDate + "，年度 " + newYear);
    events.publishEvent(new DocumentChanged(id, d.unitCode()));
    return updated;
  }
}
