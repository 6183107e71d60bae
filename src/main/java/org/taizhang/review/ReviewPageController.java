package org.taizhang.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.taizhang.access.Caller;
import org.taizhang.account.AccountService;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository.ReviewPage;
import org.taizhang.catalog.Catalog;
import org.taizhang.search.SearchRequest;
import org.taizhang.search.SearchResult;
import org.taizhang.search.SearchService;
import org.taizhang.text.ChineseDates;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.unit.UnitTree;
import org.taizhang.web.Pages;

/**
 * The review workflow in the browser: decisions and comments on a document, deleting and restoring,
 * the to-do list (filtered, paged, with batch acceptance) and the recycle bin. Every action is a
 * form POST answered with a redirect and a flash message, so reloading a page never repeats it. Who
 * may do what is the services' decision; this class only turns their answers into pages.
 */
@Controller
class ReviewPageController {
  /**
   * Items per page of a to-do list: a reviewer can read them and tick them on one screen or two.
   */
  static final int PAGE_SIZE = 50;

  /** Far beyond any real list; keeps a hand-edited ?page= from turning into a huge offset. */
  private static final int MAX_PAGE = 100_000;

  private final ReviewService reviews;
  private final RecycleBin recycleBin;
  private final Archive archive;
  private final UnitRepository units;
  private final AccountService accounts;
  private final Catalog catalog;
  private final SearchService search;

  /** The office's clock: it decides whether a deadline has passed. */
  private final Clock clock;

  ReviewPageController(
      ReviewService reviews,
      RecycleBin recycleBin,
      Archive archive,
      UnitRepository units,
      AccountService accounts,
      Catalog catalog,
      SearchService search,
      Clock clock) {
    this.reviews = reviews;
    this.recycleBin = recycleBin;
    this.archive = archive;
    this.units = units;
    this.accounts = accounts;
    this.catalog = catalog;
    this.search = search;
    this.clock = clock;
  }

  /** One line of a to-do list, with what the page needs beside the document. */
  record TodoItem(
      Document doc,
      String unitName,
      String categoryName,
      String reviewer,
      boolean overdue,
      boolean canResubmit) {}

  /** A page of one to-do list: its items, how many in all, and the links to its other pages. */
  record TodoPage(
      List<TodoItem> items,
      long total,
      int page,
      int pages,
      String previous,
      String next,
      long first,
      long last) {
    public boolean isEmpty() {
      return items.isEmpty();
    }
  }

  @GetMapping("/todo")
  String todo(
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page", required = false) String page,
      @RequestParam(name = "rpage", required = false) String returnedPage,
      Caller caller,
      Model model) {
    List<Unit> visible = units.findAll().stream().filter(u -> caller.sees(u.code())).toList();
    // Read leniently, like the search page: a mistyped address still shows the list, with a
    // warning.
    TodoParameters filters = TodoParameters.parse(unit, category, year, status, catalog, visible);
    if (!filters.problems().isEmpty()) {
      model.addAttribute("warning", String.join("；", filters.problems()) + "，已忽略该条件");
    }
    Map<String, String> unitNames = unitNames();
    LocalDate today = LocalDate.now(clock);
    int awaitingPage = pageNumber(page);
    int returnedNumber = pageNumber(returnedPage);
    ReviewPage returned =
        filters.status().showsReturned()
            ? reviews.todo(
                caller,
                ReviewService.TodoList.RETURNED,
                filters.filter(),
                returnedNumber,
                PAGE_SIZE)
            : new ReviewPage(List.of(), 0);
    ReviewPage awaiting =
        filters.status().showsAwaiting()
            ? reviews.todo(
                caller, ReviewService.TodoList.AWAITING, filters.filter(), awaitingPage, PAGE_SIZE)
            : new ReviewPage(List.of(), 0);
    // Past the end (the last page was accepted in a batch, or a hand-edited address): the last page
    // instead.
    if (returned.documents().isEmpty() && returned.total() > 0) {
      returnedNumber = lastPage(returned.total());
      returned =
          reviews.todo(
              caller, ReviewService.TodoList.RETURNED, filters.filter(), returnedNumber, PAGE_SIZE);
    }
    if (awaiting.documents().isEmpty() && awaiting.total() > 0) {
      awaitingPage = lastPage(awaiting.total());
      awaiting =
          reviews.todo(
              caller, ReviewService.TodoList.AWAITING, filters.filter(), awaitingPage, PAGE_SIZE);
    }
    Map<String, String> people =
        accounts.of(returned.documents().stream().map(d -> d.review().by()).toList());
    model.addAttribute(
        "returned",
        page(
            returned,
            returnedNumber,
            filters,
            "rpage",
            awaitingPage,
            d ->
                new TodoItem(
                    d,
                    unitNames.getOrDefault(d.unitCode(), d.unitCode()),
                    categoryName(d),
                    people.getOrDefault(d.review().by(), d.review().by()),
                    d.review().deadline() != null && d.review().deadline().isBefore(today),
                    caller.handsIn(d.unitCode()))));
    model.addAttribute(
        "awaiting",
        page(
            awaiting,
            awaitingPage,
            filters,
            "page",
            returnedNumber,
            d ->
                new TodoItem(
                    d,
                    unitNames.getOrDefault(d.unitCode(), d.unitCode()),
                    categoryName(d),
                    null,
                    false,
                    false)));
    model.addAttribute("filters", filters);
    model.addAttribute("filtered", !filters.asParameters().isEmpty());
    model.addAttribute("unitOptions", new UnitTree(visible).depthFirst());
    model.addAttribute("categories", catalog.categories());
    model.addAttribute("years", years(caller, filters.year()));
    model.addAttribute("statuses", TodoParameters.Status.values());
    model.addAttribute("showReturned", filters.status().showsReturned());
    model.addAttribute("showAwaiting", filters.status().showsAwaiting() && caller.role().reviews());
    model.addAttribute("reviews", caller.role().reviews());
    model.addAttribute("handsIn", caller.role().handsIn());
    model.addAttribute("pageNumber", awaitingPage);
    model.addAttribute("returnedPageNumber", returnedNumber);
    model.addAttribute("maxBatch", ReviewService.MAX_BATCH);
    return "todo";
  }

  /**
   * Accepts the documents ticked on the to-do list, each on its own (checked, audited, announced as
   * on its page), and comes back to the same filters and page: the accepted ones have left the
   * list, so the page shows the next ones.
   */
  @PostMapping("/todo/accept")
  String acceptSelected(
      @RequestParam(name = "ids", required = false) List<String> ids,
      @RequestParam(name = "unit", required = false) String unit,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "year", required = false) String year,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "page", required = false) String page,
      Caller caller,
      RedirectAttributes redirect) {
    if (!caller.role().reviews()) {
      throw new AccessDeniedException("只有测评员、下级创建办和管理员可以审核");
    }
    List<Unit> visible = units.findAll().stream().filter(u -> caller.sees(u.code())).toList();
    TodoParameters filters = TodoParameters.parse(unit, category, year, status, catalog, visible);
    try {
      ReviewService.BatchOutcome outcome = reviews.acceptAll(caller, documentIds(ids));
      StringBuilder message = new StringBuilder("已通过 " + outcome.accepted().size() + " 份材料");
      if (!outcome.skipped().isEmpty()) {
        message.append("；未处理 ").append(outcome.skipped().size()).append(" 份：");
        message.append(
            String.join(
                "；",
                outcome.skipped().stream().limit(10).map(ReviewService.Skipped::reason).toList()));
        if (outcome.skipped().size() > 10) {
          message.append("……");
        }
      }
      Pages.flash(redirect, outcome.skipped().isEmpty() ? "success" : "notice", message.toString());
    } catch (ReviewException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    Map<String, String> back = new LinkedHashMap<>(filters.asParameters());
    int n = pageNumber(page);
    if (n > 1) {
      back.put("page", Integer.toString(n));
    }
    return "redirect:" + todoLink(back);
  }

  private static List<Long> documentIds(List<String> ids) {
    List<Long> out = new ArrayList<>();
    for (String raw : ids == null ? List.<String>of() : ids) {
      for (String part : raw.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          out.add(Long.parseLong(part.strip()));
        } catch (NumberFormatException e) {
          throw new ReviewException("材料编号“" + part.strip() + "”无效");
        }
      }
    }
    return out;
  }

  private TodoPage page(
      ReviewPage found,
      int number,
      TodoParameters filters,
      String pageParameter,
      int otherPage,
      Function<Document, TodoItem> item) {
    int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    String otherParameter = pageParameter.equals("page") ? "rpage" : "page";
    IntFunction<String> link =
        n -> {
          Map<String, String> p = new LinkedHashMap<>(filters.asParameters());
          if (otherPage > 1) {
            p.put(otherParameter, Integer.toString(otherPage));
          }
          if (n > 1) {
            p.put(pageParameter, Integer.toString(n));
          }
          return todoLink(p);
        };
    long first = (long) (number - 1) * PAGE_SIZE + 1;
    return new TodoPage(
        found.documents().stream().map(item).toList(),
        found.total(),
        number,
        pages,
        number > 1 ? link.apply(Math.min(number - 1, pages)) : null,
        number < pages ? link.apply(number + 1) : null,
        first,
        first + found.documents().size() - 1);
  }

  /** {@code /todo} with these parameters, each value encoded whole. */
  static String todoLink(Map<String, String> parameters) {
    StringBuilder sb = new StringBuilder("/todo");
    parameters.forEach(
        (k, v) ->
            sb.append(sb.length() == 5 ? '?' : '&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return sb.toString();
  }

  private static int lastPage(long total) {
    return (int) Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  private static int pageNumber(String page) {
    try {
      int n = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
      return Math.min(MAX_PAGE, Math.max(1, n));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private String categoryName(Document d) {
    return d.category() == null ? "未分类" : catalog.categoryName(d.category());
  }

  /** The archive years the caller's units have material in, newest first, and the one asked for. */
  private List<String> years(Caller caller, Integer asked) {
    SearchResult everything =
        search.search(new SearchRequest("", null, null, null, null, 1, 1), caller.scope());
    List<String> years =
        new ArrayList<>(
            everything.facets().getOrDefault("year", List.of()).stream()
                .map(SearchResult.FacetValue::value)
                .toList());
    if (asked != null && !years.contains(asked.toString())) {
      years.add(0, asked.toString());
    }
    return years;
  }

  @GetMapping("/recycle-bin")
  String recycleBin(Caller caller, Model model) {
    List<Document> deleted = recycleBin.contents(caller);
    List<String> people = new ArrayList<>();
    deleted.forEach(d -> people.add(d.lifecycle().deletedBy()));
    model.addAttribute("documents", deleted);
    model.addAttribute("unitNames", unitNames());
    model.addAttribute("names", accounts.of(people));
    model.addAttribute("canPurge", caller.isAdmin());
    return "recycle-bin";
  }

  /**
   * {@code decision=accept}, or {@code decision=return} with {@code reason} and {@code deadline}
   * (yyyy-MM-dd).
   */
  @PostMapping("/documents/{id}/review")
  String review(
      @PathVariable("id") String id,
      @RequestParam(name = "decision", required = false) String decision,
      @RequestParam(name = "reason", required = false) String reason,
      @RequestParam(name = "deadline", required = false) String deadline,
      Caller caller,
      RedirectAttributes redirect) {
    long n = documentId(id);
    try {
      if ("accept".equals(decision)) {
        reviews.accept(caller, n);
        Pages.flash(redirect, "success", "已审核通过");
      } else if ("return".equals(decision)) {
        reviews.returnForRework(caller, n, reason, parseDeadline(deadline));
        Pages.flash(redirect, "success", "已退回，单位将在待办中看到退回原因和整改期限");
      } else {
        throw new ReviewException("请选择“通过”或“退回”");
      }
    } catch (ReviewException e) {
      Pages.flash(redirect, "error", e.getMessage());
      // What was typed survives the round trip, so a missing deadline does not cost the reason.
      redirect.addFlashAttribute("returnReason", reason);
      redirect.addFlashAttribute("returnDeadline", deadline);
    }
    return "redirect:/documents/" + n;
  }

  @PostMapping("/documents/{id}/comments")
  String comment(
      @PathVariable("id") String id,
      @RequestParam(name = "body", required = false) String body,
      Caller caller,
      RedirectAttributes redirect) {
    long n = documentId(id);
    try {
      reviews.comment(caller, n, body);
      Pages.flash(redirect, "success", "意见已发表");
    } catch (ReviewException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:/documents/" + n + "#comments-heading";
  }

  @PostMapping("/documents/{id}/delete")
  String delete(@PathVariable("id") String id, Caller caller, RedirectAttributes redirect) {
    long n = documentId(id);
    try {
      recycleBin.delete(caller, n);
      Pages.flash(redirect, "success", "已移入回收站；需要时可在回收站中恢复");
    } catch (ReviewException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:/documents/" + n;
  }

  /**
   * From the recycle bin page ({@code back=recycle-bin}) the answer returns there; otherwise to the
   * document.
   */
  @PostMapping("/documents/{id}/restore")
  String restore(
      @PathVariable("id") String id,
      @RequestParam(name = "back", required = false) String back,
      Caller caller,
      RedirectAttributes redirect) {
    long n = documentId(id);
    try {
      recycleBin.restore(caller, n);
      String title = archive.document(n, caller.scope()).map(Document::title).orElse("");
      Pages.flash(redirect, "success", "已恢复《" + title + "》");
    } catch (ReviewException e) {
      Pages.flash(redirect, "error", e.getMessage());
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
      Pages.flash(
          redirect, "success", "已彻底删除《" + d.map(Document::title).orElse(String.valueOf(n)) + "》");
    } catch (ReviewException e) {
      Pages.flash(redirect, "error", e.getMessage());
    }
    return "redirect:/recycle-bin";
  }

  /**
   * Unknown, out of scope, or beyond the role: all look like “not found”, as on the document page.
   */
  @ExceptionHandler(NotVisibleException.class)
  ModelAndView notVisible() {
    return Pages.notFound("没有找到该材料，可能已被彻底删除、地址有误，或您无权操作。");
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
    return ChineseDates.parse(s.strip())
        .orElseThrow(() -> new ReviewException("整改期限格式有误，应为 2025-05-01 这样的日期"));
  }

  private Map<String, String> unitNames() {
    Map<String, String> names = new HashMap<>();
    for (Unit u : units.findAll()) {
      names.put(u.code(), u.name());
    }
    return names;
  }
}
