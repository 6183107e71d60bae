package org.taizhang.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.taizhang.account.Caller;
import org.taizhang.review.Comment;
import org.taizhang.review.DocumentEditor;
import org.taizhang.review.RecycleBin;
import org.taizhang.review.ReviewService;
import org.taizhang.text.ChineseDates;

/** Review decisions, comments, the to-do list and the recycle bin, for scripts. */
@RestController
class ReviewApiController {
  private final ReviewService reviews;
  private final RecycleBin recycleBin;
  private final DocumentView.Factory views;
  private final DocumentEditor editor;

  ReviewApiController(ReviewService reviews, RecycleBin recycleBin, DocumentView.Factory views, DocumentEditor editor) {
    this.reviews = reviews;
    this.recycleBin = recycleBin;
    this.views = views;
    this.editor = editor;
  }

  /**
   * Corrects category, title, date, stated period ({@code period=2025年第三季度}) or archive year;
   * omitted fields stay as they are, an empty {@code date} or {@code period} clears it.
   */
  @PostMapping("/api/documents/{id}/description")
  DocumentView describe(Caller caller, @PathVariable("id") long id,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "date", required = false) String date,
      @RequestParam(name = "period", required = false) String period,
      @RequestParam(name = "year", required = false) String year) {
    return view(editor.describe(caller, id, Corrections.of(category, title, date, period, year)));
  }

  /** {@code decision=accept}, or {@code decision=return} with {@code reason} and {@code deadline}. */
  @PostMapping("/api/documents/{id}/review")
  DocumentView review(Caller caller, @PathVariable("id") long id, @RequestParam("decision") String decision,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "deadline", required = false) String deadline) {
    var d = switch (decision) {
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
  ResponseEntity<List<Comment>> comment(Caller caller, @PathVariable("id") long id, @RequestParam("body") String body) {
    reviews.comment(caller, id, body);
    return ResponseEntity.status(201).body(reviews.comments(caller, id));
  }

  /** Returned documents to rework and, for reviewers, submitted documents to review. */
  @GetMapping("/api/todo")
  Map<String, List<DocumentView>> todo(Caller caller) {
    return Map.of(
        "returned", reviews.returned(caller).stream().map(this::view).toList(),
        "awaitingReview", reviews.awaitingReview(caller).stream().map(this::view).toList());
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

  private DocumentView view(org.taizhang.archive.Document d) {
    return views.of(d);
  }

  private static LocalDate parseDate(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    return ChineseDates.parse(s).orElseThrow(() -> new IllegalArgumentException("日期无法识别：" + s));
  }
}
