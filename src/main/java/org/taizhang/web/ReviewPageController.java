package org.taizhang.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.account.AccountService;
import org.taizhang.account.Caller;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.review.NotVisibleException;
import org.taizhang.review.RecycleBin;
import org.taizhang.review.ReviewException;
import org.taizhang.review.ReviewService;
import org.taizhang.text.ChineseDates;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * The review workflow in the browser: decisions and comments on a document, deleting and restoring,
 * the to-do list and the recycle bin. Every action is a form POST answered with a redirect and a
 * flash message, so reloading a page never repeats it. Who may do what is the services' decision;
 * this class only turns their answers into pages.
 */
@Controller
class ReviewPageController {
  /** Items per to-do list; more would make a page nobody scrolls through. */
  static final int MAX_LISTED = 200;

  private final ReviewService reviews;
  private final RecycleBin recycleBin;
  private final Archive archive;
  private final UnitRepository units;
  private final AccountService accounts;
  /** The office's clock: it decides whether a deadline has passed. */
  private final java.time.Clock clock;

  ReviewPageController(ReviewService reviews, RecycleBin recycleBin, Archive archive, UnitRepository units, AccountService accounts,
      java.time.Clock clock) {
    this.reviews = reviews;
    this.recycleBin = recycleBin;
    this.archive = archive;
    this.units = units;
    this.accounts = accounts;
    this.clock = clock;
  }


  /** One line of a to-do list, with what the page needs beside the document. */
  record TodoItem(Document doc, String unitName, String reviewer, boolean overdue, boolean canResubmit) {}

  @GetMapping("/todo")
  String todo(Caller caller, Model model) {
    Map<String, String> unitNames = unitNames();
    LocalDate today = LocalDate.now(clock);
    List<Document> returned = reviews.returned(caller);
    List<Document> awaiting = reviews.awaitingReview(caller);
    Map<String, String> people = PageController.displayNames(accounts, returned.stream().map(d -> d.review().by()).toList());
    model.addAttribute("returnedTotal", returned.size());
    model.addAttribute("returned", returned.stream().limit(MAX_LISTED).map(d -> new TodoItem(d, unitNames.getOrDefault(d.unitCode(), d.unitCode()),
        people.getOrDefault(d.review().by(), d.review().by()),
        d.review().deadline() != null && d.review().deadline().isBefore(today), caller.handsIn(d.unitCode()))).toList());
    // A county-wide reviewer may face thousands of submissions; the oldest come first and the rest wait their turn.
    model.addAttribute("awaiting", awaiting.stream().limit(MAX_LISTED).map(d -> new TodoItem(d,
        unitNames.getOrDefault(d.unitCode(), d.unitCode()), null, false, false)).toList());
    model.addAttribute("awaitingTotal", awaiting.size());
    model.addAttribute("maxListed", MAX_LISTED);
    model.addAttribute("reviews", caller.role().reviews());
    model.addAttribute("handsIn", caller.role().handsIn());
    return "todo";
  }

  @GetMapping("/recycle-bin")
  String recycleBin(Caller caller, Model model) {
    List<Document> deleted = recycleBin.contents(caller);
    List<String> people = new ArrayList<>();
    deleted.forEach(d -> people.add(d.lifecycle().deletedBy()));
    model.addAttribute("documents", deleted);
    model.addAttribute("unitNames", unitNames());
    model.addAttribute("names", PageController.displayNames(accounts, people));
    model.addAttribute("canPurge", caller.isAdmin());
    return "recycle-bin";
  }

  /** {@code decision=accept}, or {@code decision=return} with {@code reason} and {@code deadline} (yyyy-MM-dd). */
  @PostMapping("/documents/{id}/review")
  String review(@PathVariable("id") String id, @RequestParam(name = "decision", required = false) String decision,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "deadline", required = false) String deadline,
      Caller caller, RedirectAttributes redirect) {
    long n = documentId(id);
    try {
      if ("accept".equals(decision)) {
        reviews.accept(caller, n);
        flash(redirect, "success", "已审核通过");
      } else if ("return".equals(decision)) {
        reviews.returnForRework(caller, n, reason, parseDeadline(deadline));
        flash(redirect, "success", "已退回，单位将在待办中看到退回原因和整改期限");
      } else {
        throw new ReviewException("请选择“通过”或“退回”");
      }
    } catch (ReviewException e) {
      flash(redirect, "error", e.getMessage());
      // What was typed survives the round trip, so a missing deadline does not cost the reason.
      redirect.addFlashAttribute("returnReason", reason);
      redirect.addFlashAttribute("returnDeadline", deadline);
    }
    return "redirect:/documents/" + n;
  }

  @PostMapping("/documents/{id}/comments")
  String comment(@PathVariable("id") String id, @RequestParam(name = "body", required = false) String body,
      Caller caller, RedirectAttributes redirect) {
    long n = documentId(id);
    try {
      reviews.comment(caller, n, body);
      flash(redirect, "success", "意见已发表");
    } catch (ReviewException e) {
      flash(redirect, "error", e.getMessage());
    }
    return "redirect:/documents/" + n + "#comments-heading";
  }

  @PostMapping("/documents/{id}/delete")
  String delete(@PathVariable("id") String id, Caller caller, RedirectAttributes redirect) {
    long n = documentId(id);
    try {
      recycleBin.delete(caller, n);
      flash(redirect, "success", "已移入回收站；需要时可在回收站中恢复");
    } catch (ReviewException e) {
      flash(redirect, "error", e.getMessage());
    }
    return "redirect:/documents/" + n;
  }

  /** From the recycle bin page ({@code back=recycle-bin}) the answer returns there; otherwise to the document. */
  @PostMapping("/documents/{id}/restore")
  String restore(@PathVariable("id") String id, @RequestParam(name = "back", required = false) String back,
      Caller caller, RedirectAttributes redirect) {
    long n = documentId(id);
    try {
      recycleBin.restore(caller, n);
      String title = archive.document(n, caller.scope()).map(Document::title).orElse("");
      flash(redirect, "success", "已恢复《" + title + "》");
    } catch (ReviewException e) {
      flash(redirect, "error", e.getMessage());
    }
    // Only a fixed word chooses the target, never an address from the request: no open redirect.
    return "recycle-bin".equals(back) ? "redirect:/recycle-bin" : "redirect:/documents/" + n;
  }

  @PostMapping("/admin/recycle-bin/{id}/purge")
  String purge(@PathVariable("id") String id, Caller caller, RedirectAttributes redirect) {
    long n = documentId(id);
    // Read before it is gone, for the message.
    Optional<Document> d = archive.document(n, caller.scope());
    try {
      recycleBin.purge(caller, n);
      flash(redirect, "success", "已彻底删除《" + d.map(Document::title).orElse(String.valueOf(n)) + "》");
    } catch (ReviewException e) {
      flash(redirect, "error", e.getMessage());
    }
    return "redirect:/recycle-bin";
  }

  /** Unknown, out of scope, or beyond the role: all look like “not found”, as on the document page. */
  @ExceptionHandler(NotVisibleException.class)
  ModelAndView notVisible() {
    return PageController.notFound("没有找到该材料，可能已被彻底删除、地址有误，或您无权操作。");
  }

  private static long documentId(String id) {
    try {
      return Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      throw new NotVisibleException();
    }
  }

  private static LocalDate parseDeadline(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    // A browser without a date picker shows a text box; 2025年5月1日 is as good as 2025-05-01 there.
    return ChineseDates.parse(s.strip()).orElseThrow(() -> new ReviewException("整改期限格式有误，应为 2025-05-01 这样的日期"));
  }

  private Map<String, String> unitNames() {
    Map<String, String> names = new HashMap<>();
    for (Unit u : units.findAll()) {
      names.put(u.code(), u.name());
    }
    return names;
  }

  static void flash(RedirectAttributes redirect, String kind, String message) {
    redirect.addFlashAttribute("flash", message);
    redirect.addFlashAttribute("flashKind", kind);
  }
}
