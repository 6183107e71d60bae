package org.taizhang.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.access.Caller;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository.ReviewPage;
import org.taizhang.catalog.Catalog;
import org.taizhang.completeness.ElementConfirmations;
import org.taizhang.text.ChineseDates;
import org.taizhang.unit.UnitRepository;
import org.taizhang.web.NotFoundException;

/**
 * Review decisions (one, or a batch from the to-do list), comments, the to-do list and the recycle
 * bin, for scripts.
 */
@RestController
class ReviewApiController {
  /** Most items per page of a to-do list through the API. */
  static final int MAX_SIZE = 500;

  private final ReviewService reviews;
  private final RecycleBin recycleBin;
  private final DocumentView.Factory views;
  private final DocumentEditor editor;
  private final Catalog catalog;
  private final UnitRepository units;
  private final ElementConfirmations elements;

  ReviewApiController(
      ReviewService reviews,
      RecycleBin recycleBin,
      DocumentView.Factory views,
      DocumentEditor editor,
      Catalog catalog,
      UnitRepository units,
      ElementConfirmations elements) {
    this.reviews = reviews;
    this.recycleBin = recycleBin;
    this.views = views;
    this.editor = editor;
    this.catalog = catalog;
    this.units = units;
    this.elements = elements;
  }

  /**
   * The required elements of a document: which its text shows, which a reviewer confirmed, whether
   * its text, category or date waits for confirmation. 404 for a document with nothing to confirm.
   */
  @GetMapping("/api/documents/{id}/elements")
  ElementConfirmations.Sheet elements(Caller caller, @PathVariable("id") long id) {
    return elements.sheet(caller, id).orElseThrow(NotFoundException::new);
  }

  /**
   * A reviewer confirms the elements named {@code label} (repeated) by looking at the document and
   * withdraws the confirmation of any other; answers the sheet as it now stands.
   */
  @PostMapping("/api/documents/{id}/elements")
  ElementConfirmations.Sheet confirmElements(
      Caller caller,
      @PathVariable("id") long id,
      @RequestParam(name = "label", required = false) List<String> labels) {
    elements.confirm(caller, id, labels == null ? List.of() : labels);
    return elements(caller, id);
  }

  /**
   * Corrects category, title, date, stated period ({@code period=2025年第三季度}) or archive year;
   * omitted fields stay as they are, an empty {@code date} or {@code period} clears it.
   */
  @PostMapping("/api/documents/{id}/description")
  DocumentView describe(
      Caller caller,
      @PathVariable("id") long id,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "year", required = false) String year) {
    return view(editor.describe(caller, id, Corrections.of(category, title, date, period, year)));
  }

  /**
   * {@code decision=accept}, or {@code decision=return} with {@code reason} and {@code deadline}.
   */
  @PostMapping("/api/documents/{id}/review")
  DocumentView review(
      Caller caller,
      @PathVariable("id") long id,
      @RequestParam("decision") String decision,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "deadline", required = false) String deadline) {
    var d =
        switch (decision) {
          case "accept" -> reviews.accept(caller, id);
          case "return" -> reviews.returnForRework(caller, id, reason, parseDate(deadline));
          default -> throw new IllegalArgumentException("decision 只能是 accept 或 return");
        };
    return view(d);
  }

  @GetMapping("/api/documents/{id}/comments")
  List<Comment> comments(Caller caller, @PathVariable("id") long id) {
    return reviews.comments(caller, id);
  }

  @PostMapping("/api/documents/{id}/comments")
  ResponseEntity<List<Comment>> comment(
      Caller caller, @PathVariable("id") long id, @RequestParam("body") String body) {
    reviews.comment(caller, id, body);
    return ResponseEntity.status(201).body(reviews.comments(caller, id));
  }

  /** One page of both to-do lists, with their totals. */
  record Todo(
      List<DocumentView> returned,
      long returnedTotal,
      List<DocumentView> awaitingReview,
      long awaitingReviewTotal,
      int page,
      int size) {}

  /**
   * Returned documents to rework and, for reviewers, submitted documents to review, narrowed by
   * {@code unit} (and the units under it), {@code category}, {@code year} and {@code status}
   * ({@code all}, {@code awaiting}, {@code resubmitted}, {@code returned}, {@code overdue}); page
   * {@code page} (from 1) of {@code size} (at most {@value #MAX_SIZE}) of each list.
   */
  @GetMapping("/api/todo")
  Todo todo(
      Caller caller,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page", defaultValue = "1") int page,
      @RequestParam(name = "size", defaultValue = "100") int size) {
    TodoParameters filters =
        TodoParameters.parse(
            unit,
            category,
            year,
            status,
            catalog,
            units.findAll().stream().filter(u -> caller.sees(u.code())).toList());
    if (!filters.problems().isEmpty()) {
      throw new IllegalArgumentException(String.join("；", filters.problems()));
    }
    if (page < 1 || size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("page 从 1 开始，size 为 1 到 " + MAX_SIZE);
    }
    ReviewPage returned =
        filters.status().showsReturned()
            ? reviews.todo(caller, ReviewService.TodoList.RETURNED, filters.filter(), page, size)
            : new ReviewPage(List.of(), 0);
    ReviewPage awaiting =
        filters.status().showsAwaiting()
            ? reviews.todo(caller, ReviewService.TodoList.AWAITING, filters.filter(), page, size)
            : new ReviewPage(List.of(), 0);
    return new Todo(
        returned.documents().stream().map(this::view).toList(),
        returned.total(),
        awaiting.documents().stream().map(this::view).toList(),
        awaiting.total(),
        page,
        size);
  }

  /**
   * What a batch acceptance did: the documents now accepted, and those left as they were with the
   * reason.
   */
  record Batch(List<DocumentView> accepted, List<ReviewService.Skipped> skipped) {}

  /**
   * Accepts each document of {@code ids} (repeated, or comma-separated) that still awaits review,
   * one by one as {@code POST /api/documents/{id}/review} would: each is audited and announced.
   */
  @PostMapping("/api/todo/accept")
  Batch acceptAll(Caller caller, @RequestParam(name = "ids", required = false) List<String> ids) {
    if (!caller.role().reviews()) {
      throw new AccessDeniedException("只有测评员、下级创建办和管理员可以审核");
    }
    List<Long> parsed = new ArrayList<>();
    for (String raw : ids == null ? List.<String>of() : ids) {
      for (String part : raw.split(",")) {
        if (!part.isBlank()) {
          try {
            parsed.add(Long.parseLong(part.strip()));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("材料编号“" + part.strip() + "”无效，应为数字");
          }
        }
      }
    }
    ReviewService.BatchOutcome outcome = reviews.acceptAll(caller, parsed);
    return new Batch(outcome.accepted().stream().map(this::view).toList(), outcome.skipped());
  }

  @DeleteMapping("/api/documents/{id}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable("id") long id) {
    recycleBin.delete(caller, id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/documents/{id}/restore")
  ResponseEntity<Void> restore(Caller caller, @PathVariable("id") long id) {
    recycleBin.restore(caller, id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/recycle-bin")
  List<DocumentView> recycleBin(Caller caller) {
    return recycleBin.contents(caller).stream().map(this::view).toList();
  }

  @DeleteMapping("/api/admin/recycle-bin/{id}")
  ResponseEntity<Void> purge(Caller caller, @PathVariable("id") long id) {
    recycleBin.purge(caller, id);
    return ResponseEntity.noContent().build();
  }

  private DocumentView view(Document d) {
    return views.of(d);
  }

  private static LocalDate parseDate(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return ChineseDates.parse(s).orElseThrow(() -> new IllegalArgumentException("日期无法识别：" + s));
  }
}
