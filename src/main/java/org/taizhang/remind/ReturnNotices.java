package org.taizhang.remind;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.taizhang.access.Role;
import org.taizhang.account.Account;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.archive.ReviewStatus;

/**
 * Tells a unit's clerks at once when a reviewer returns one of its documents. Hears every document
 * change after it is committed and keeps the returns: a return is one notification per clerk (its
 * key is the document and the moment of the decision), however often the document changes later.
 */
@Component
class ReturnNotices {
  private static final Logger log = LoggerFactory.getLogger(ReturnNotices.class);

  private final DocumentRepository documents;
  private final AccountService accounts;
  private final ReminderStore store;
  private final Notifications notifications;

  ReturnNotices(
      DocumentRepository documents,
      AccountService accounts,
      ReminderStore store,
      Notifications notifications) {
    this.documents = documents;
    this.accounts = accounts;
    this.store = store;
    this.notifications = notifications;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void documentChanged(DocumentChanged event) {
    try {
      documents.find(event.id()).ifPresent(this::notifyIfReturned);
    } catch (RuntimeException e) {
      // The decision stands; only its notice is missing, and the digest still lists the return.
      log.error("退回通知未能写入：材料 {}", event.id(), e);
    }
  }

  private void notifyIfReturned(Document d) {
    if (d.review().status() != ReviewStatus.RETURNED
        || d.review().at() == null
        || !d.lifecycle().current()) {
      return;
    }
    String key = "document:" + d.id() + ":" + d.review().at().toEpochMilli();
    // The badge beside it already says 材料被退回.
    String title = "《" + d.title() + "》";
    // A reason typed as a sentence ends with its own stop: no “。；”.
    String reason =
        d.review().reason() == null ? "" : d.review().reason().strip().replaceAll("[。；;.，,]+$", "");
    String body =
        (reason.isEmpty() ? "" : "原因：" + reason)
            + (d.review().deadline() == null
                ? ""
                : (reason.isEmpty() ? "" : "；") + "整改期限 " + d.review().deadline());
    for (Account a : accounts.all()) {
      if (a.enabled()
          && a.role() == Role.CLERK
          && d.unitCode().equals(a.unitCode())
          && !store.mutes(a.username()).contains(ReminderKind.RETURNED)) {
        notifications.add(
            a.username(), ReminderKind.RETURNED, key, title, body, "/documents/" + d.id());
      }
    }
  }
}
