package org.taizhang.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.taizhang.account.Caller;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
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

  private final DocumentRepository documents;
  private final CommentRepository comments;
  private final AuditLog audit;
  /** The office's clock: it decides whether a deadline lies in the past. */
  private final Clock clock;
  /** A decision changes what counts as evidence (returned material does not), so completeness must hear of it. */
  private final ApplicationEventPublisher events;

  ReviewService(DocumentRepository documents, CommentRepository comments, AuditLog audit, Clock clock,
      ApplicationEventPublisher events) {
    this.documents = documents;
    this.comments = comments;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** Returns the document the caller may review, or throws {@link NotVisibleException}. */
  private Document reviewable(Caller caller, long id) {
    Document d = documents.find(id).filter(x -> caller.sees(x.unitCode())).orElseThrow(NotVisibleException::new);
    if (!caller.reviews(d.unitCode())) {
      throw new NotVisibleException();
    }
    if (!d.lifecycle().current()) {
      throw new ReviewException("只能审核当前版本、未删除的材料");
    }
    return d;
  }

  public Document accept(Caller caller, long id) {
    Document d = reviewable(caller, id);
    documents.setReview(id, new Review(ReviewStatus.ACCEPTED, null, null, caller.username(), clock.instant()));
    audit.record(caller.username(), AuditAction.ACCEPT, target(d), null);
    events.publishEvent(new DocumentChanged(id, d.unitCode()));
    return documents.find(id).orElseThrow();
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
    documents.setReview(id, new Review(ReviewStatus.RETURNED, text, deadline, caller.username(), clock.instant()));
    audit.record(caller.username(), AuditAction.RETURN, target(d), text + "；期限 " + deadline);
    events.publishEvent(new DocumentChanged(id, d.unitCode()));
    return documents.find(id).orElseThrow();
  }

  public void comment(Caller caller, long id, String body) {
    Document d = documents.find(id).filter(x -> caller.reviews(x.unitCode())).orElseThrow(NotVisibleException::new);
    if (body == null || body.isBlank()) {
      throw new ReviewException("评论不能为空");
    }
    String text = body.strip().length() > 4000 ? body.strip().substring(0, 4000) : body.strip();
    comments.insert(d.id(), caller.username(), text, clock.instant());
    audit.record(caller.username(), AuditAction.COMMENT, target(d), clip(text));
  }

  public List<Comment> comments(Caller caller, long id) {
    documents.find(id).filter(d -> caller.sees(d.unitCode())).orElseThrow(NotVisibleException::new);
    return comments.forDocument(id);
  }

  /** Returned documents the caller's units must rework, earliest deadline first. */
  public List<Document> returned(Caller caller) {
    return documents.findByReviewStatus(caller.scope().units(), caller.scope().everything(), ReviewStatus.RETURNED);
  }

  /** Submitted documents waiting for a reviewer; empty for roles that do not review. */
  public List<Document> awaitingReview(Caller caller) {
    if (!caller.role().reviews()) {
      return List.of();
    }
    return documents.findByReviewStatus(caller.scope().units(), caller.scope().everything(), ReviewStatus.SUBMITTED);
  }

  static String target(Document d) {
    return "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）";
  }

  private static String clip(String s) {
    return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) : s;
  }
}
