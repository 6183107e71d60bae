package org.taizhang.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.taizhang.access.Caller;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.archive.DocumentRepository.ReviewPage;
import org.taizhang.archive.DocumentRepository.ReviewSelection;
import org.taizhang.archive.Review;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;

/**
 * The review workflow: a reviewer accepts a submitted document or returns it with a reason and a
 * deadline; the unit sees returned documents as its to-do list and resubmits a new version.
 */
@Service
public class ReviewService {
  private static final int MAX_TEXT = 1000;

  /** Most documents one batch decision takes; a page of the to-do list is far smaller. */
  public static final int MAX_BATCH = 500;

  private final DocumentRepository documents;
  private final CommentRepository comments;
  private final AuditLog audit;

  /** The office's clock: it decides whether a deadline lies in the past. */
  private final Clock clock;

  /**
   * A decision changes what counts as evidence (returned material does not), so completeness must
   * hear of it.
   */
  private final ApplicationEventPublisher events;

  ReviewService(
      DocumentRepository documents,
      CommentRepository comments,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher events) {
    this.documents = documents;
    this.comments = comments;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** Returns the document the caller may review, or throws {@link NotVisibleException}. */
  private Document reviewable(Caller caller, long id) {
    Document d =
        documents
            .find(id)
            .filter(x -> caller.sees(x.unitCode()))
            .orElseThrow(NotVisibleException::new);
    if (!caller.reviews(d.unitCode())) {
      throw new NotVisibleException();
    }
    if (!d.lifecycle().current()) {
      throw new ReviewException("只能审核当前版本、未删除的材料");
    }
    return d;
  }

  public Document accept(Caller caller, long id) {
    return accept(caller, id, null);
  }

  /**
   * Accepts one document; {@code note} goes to the audit log with the decision (how it was taken:
   * in a batch from the to-do list, or on import as a historical archive).
   */
  public Document accept(Caller caller, long id, String note) {
    Document d = reviewable(caller, id);
    documents.setReview(
        id, new Review(ReviewStatus.ACCEPTED, null, null, caller.username(), clock.instant()));
    audit.record(caller.username(), AuditAction.ACCEPT, target(d), note);
    events.publishEvent(new DocumentChanged(id, d.unitCode()));
    return documents.find(id).orElseThrow();
  }

  /** A document a batch decision left alone, and why, in Chinese. */
  public record Skipped(long id, String reason) {}

  /** What a batch decision did: the documents accepted and those left as they were. */
  public record BatchOutcome(List<Document> accepted, List<Skipped> skipped) {}

  /**
   * Accepts each of {@code ids} that still awaits review, one by one through {@link #accept}, so
   * every decision is checked, audited and announced as if taken on the document's own page. A
   * document the caller may not review, or that someone has decided meanwhile, is skipped with the
   * reason; the others are accepted all the same.
   */
  public BatchOutcome acceptAll(Caller caller, List<Long> ids) {
    if (!caller.role().reviews()) {
      throw new NotVisibleException();
    }
    Set<Long> distinct = new LinkedHashSet<>(ids);
    if (distinct.isEmpty()) {
      throw new ReviewException("请先勾选要通过的材料");
    }
    if (distinct.size() > MAX_BATCH) {
      throw new ReviewException("一次最多批量通过 " + MAX_BATCH + " 份材料，当前勾选了 " + distinct.size() + " 份");
    }
    List<Document> accepted = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    String note = "批量通过（共 " + distinct.size() + " 份）";
    for (long id : distinct) {
      try {
        Document d = reviewable(caller, id);
        if (d.review().status() != ReviewStatus.SUBMITTED) {
          skipped.add(
              new Skipped(id, "《" + d.title() + "》已是“" + d.review().status().label() + "”，未重复处理"));
          continue;
        }
        accepted.add(accept(caller, id, note));
      } catch (NotVisibleException e) {
        skipped.add(new Skipped(id, "材料 " + id + " 不存在或无权审核"));
      } catch (ReviewException e) {
        skipped.add(new Skipped(id, "材料 " + id + "：" + e.getMessage()));
      }
    }
    return new BatchOutcome(accepted, skipped);
  }

  /** Which to-do list: documents to rework, or documents to review. */
  public enum TodoList {
    RETURNED,
    AWAITING
  }

  /**
   * What a to-do list is narrowed to: the units (a unit and those under it; null for all the caller
   * sees), a category code (or {@link ReviewSelection#UNCATEGORIZED}), an archive year, only
   * resubmissions (of the documents to review), only overdue ones (of those to rework).
   */
  public record TodoFilter(
      Set<String> units,
      String category,
      Integer year,
      boolean resubmittedOnly,
      boolean overdueOnly) {
    public static final TodoFilter NONE = new TodoFilter(null, null, null, false, false);
  }

  /**
   * One page (from 1) of a to-do list within the caller's scope, with its total. The documents to
   * review are empty for roles that do not review.
   */
  public ReviewPage todo(Caller caller, TodoList list, TodoFilter filter, int page, int size) {
    if (list == TodoList.AWAITING && !caller.role().reviews()) {
      return new ReviewPage(List.of(), 0);
    }
    Set<String> units = filter.units() == null ? null : new HashSet<>(filter.units());
    if (!caller.scope().everything()) {
      units = units == null ? new HashSet<>(caller.scope().units()) : units;
      units.retainAll(caller.scope().units());
    }
    ReviewSelection selection =
        list == TodoList.RETURNED
            ? new ReviewSelection(
                ReviewStatus.RETURNED,
                units,
                filter.category(),
                filter.year(),
                false,
                filter.overdueOnly() ? LocalDate.now(clock) : null)
            : new ReviewSelection(
                ReviewStatus.SUBMITTED,
                units,
                filter.category(),
                filter.year(),
                filter.resubmittedOnly(),
                null);
    int p = Math.max(1, page);
    return documents.findForReview(selection, (p - 1) * size, size);
  }

  public Document returnForRework(Caller caller, long id, String reason, LocalDate deadline) {
    Document d = reviewable(caller, id);
    if (reason == null || reason.isBlank()) {
      throw new ReviewException("退回必须写明原因");
    }
    if (deadline == null) {
      throw new ReviewException("退回必须给出整改期限");
    }
    if (deadline.isBefore(LocalDate.now(clock))) {
      throw new ReviewException("整改期限不能早于今天");
    }
    String text = clip(reason.strip());
    documents.setReview(
        id, new Review(ReviewStatus.RETURNED, text, deadline, caller.username(), clock.instant()));
    audit.record(caller.username(), AuditAction.RETURN, target(d), text + "；期限 " + deadline);
    events.publishEvent(new DocumentChanged(id, d.unitCode()));
    return documents.find(id).orElseThrow();
  }

  public void comment(Caller caller, long id, String body) {
    Document d =
        documents
            .find(id)
            .filter(x -> caller.reviews(x.unitCode()))
            .orElseThrow(NotVisibleException::new);
    if (body == null || body.isBlank()) {
      throw new ReviewException("评论不能为空");
    }
    String text = body.strip().length() > 4000 ? body.strip().substring(0, 4000) : body.strip();
    comments.insert(d.id(), caller.username(), text, clock.instant());
    audit.record(caller.username(), AuditAction.COMMENT, target(d), clip(text));
  }

  public List<Comment> comments(Caller caller, long id) {
    if (documents.find(id).filter(d -> caller.sees(d.unitCode())).isEmpty()) {
      throw new NotVisibleException();
    }
    return comments.forDocument(id);
  }

  /** Returned documents the caller's units must rework, earliest deadline first. */
  public List<Document> returned(Caller caller) {
    return documents.findByReviewStatus(
        caller.scope().units(), caller.scope().everything(), ReviewStatus.RETURNED);
  }

  /** Submitted documents waiting for a reviewer; empty for roles that do not review. */
  public List<Document> awaitingReview(Caller caller) {
    if (!caller.role().reviews()) {
      return List.of();
    }
    return documents.findByReviewStatus(
        caller.scope().units(), caller.scope().everything(), ReviewStatus.SUBMITTED);
  }

  static String target(Document d) {
    return "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）";
  }

  private static String clip(String s) {
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }
}
