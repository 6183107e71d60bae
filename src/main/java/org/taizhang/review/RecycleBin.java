package org.taizhang.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.taizhang.access.Caller;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.index.SearchIndex;
import org.taizhang.store.FileStore;

/**
 * Nothing is destroyed silently: deleting moves a document to the recycle bin (out of listings,
 * search and counts), from where its unit or an administrator restores it. Only an administrator
 * purges, and every purge is in the audit log.
 */
@Service
public class RecycleBin {
  private final DocumentRepository documents;
  private final SearchIndex index;
  private final FileStore store;
  private final AuditLog audit;
  private final Clock clock = Clock.systemUTC();
  private final ApplicationEventPublisher events;

  RecycleBin(
      DocumentRepository documents,
      SearchIndex index,
      FileStore store,
      AuditLog audit,
      ApplicationEventPublisher events) {
    this.events = events;
    this.documents = documents;
    this.index = index;
    this.store = store;
    this.audit = audit;
  }

  private Document ownDocument(Caller caller, long id) {
    return documents
        .find(id)
        .filter(d -> caller.handsIn(d.unitCode()))
        .orElseThrow(NotVisibleException::new);
  }

  public void delete(Caller caller, long id) {
    Document d = ownDocument(caller, id);
    if (d.lifecycle().deleted()) {
      return;
    }
    if (d.lifecycle().supersededBy() != null) {
      throw new ReviewException("旧版本随当前版本保留，请删除当前版本");
    }
    documents.setDeleted(id, clock.instant(), caller.username());
    index.delete(id);
    index.awaitOwnWrites();
    audit.record(caller.username(), AuditAction.DELETE, ReviewService.target(d), null);
    events.publishEvent(new DocumentChanged(id, d.unitCode()));
  }

  public void restore(Caller caller, long id) {
    Document d = ownDocument(caller, id);
    if (!d.lifecycle().deleted()) {
      return;
    }
    documents.setDeleted(id, null, null);
    Document restored = documents.find(id).orElseThrow();
    index.put(restored, documents.text(id).orElse(""));
    index.awaitOwnWrites();
    audit.record(caller.username(), AuditAction.RESTORE, ReviewService.target(d), null);
    events.publishEvent(new DocumentChanged(id, d.unitCode()));
  }

  /**
   * Removes a deleted document for good; its original goes too unless another document shares it.
   */
  public void purge(Caller caller, long id) {
    if (!caller.isAdmin()) {
      throw new NotVisibleException();
    }
    Document d = documents.find(id).orElseThrow(NotVisibleException::new);
    if (!d.lifecycle().deleted()) {
      throw new ReviewException("只能彻底删除回收站中的材料");
    }
    documents.purge(id);
    index.delete(id);
    index.awaitOwnWrites();
    try {
      store.locked(
          d.sha256(),
          () -> store.deleteUnless(d.sha256(), () -> documents.isReferenced(d.sha256())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.record(
        caller.username(),
        AuditAction.PURGE,
        ReviewService.target(d),
        d.fileName() + "，SHA-256 " + d.sha256());
    events.publishEvent(new DocumentChanged(id, d.unitCode()));
  }

  public List<Document> contents(Caller caller) {
    if (!caller.role().handsIn()) {
      return List.of();
    }
    return documents.findDeleted(caller.scope().units(), caller.scope().everything());
  }
}
