package org.taizhang.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.taizhang.access.Caller;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.archive.ReviewStatus;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.filing.Filing;
import org.taizhang.index.SearchIndex;
import org.taizhang.text.ChineseDates;

/**
 * Corrects what a document is (category, title, date, stated period, archive year) when inference
 * got it wrong. A unit's clerk corrects its own material until a reviewer accepts it; reviewers,
 * district offices and administrators correct what they review at any time. The correction is
 * audited, re-indexed and announced, so the unit's completeness follows at once.
 */
@Service
public class DocumentEditor {
  private final DocumentRepository documents;
  private final SearchIndex index;
  private final Catalog catalog;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Filing filing;

  DocumentEditor(
      DocumentRepository documents,
      SearchIndex index,
      Catalog catalog,
      AuditLog audit,
      ApplicationEventPublisher events,
      Filing filing) {
    this.filing = filing;
    this.documents = documents;
    this.index = index;
    this.catalog = catalog;
    this.audit = audit;
    this.events = events;
  }

  /** A field that may be kept, set, or cleared (a date or period nobody stated). */
  public record Change<T>(boolean given, T value) {
    private static final Change<?> KEEP = new Change<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Change<T> keep() {
      return (Change<T>) KEEP;
    }

    /** The new value; null clears the field. */
    public static <T> Change<T> to(T value) {
      return new Change<>(true, value);
    }

    T apply(T current) {
      return given ? value : current;
    }
  }

  /**
   * What a correction asks for. A null or blank category or title and a null year keep the current
   * value; a year left out while a new period is set follows the period.
   */
  public record Correction(
      String category,
      String title,
      Change<LocalDate> date,
      Change<ChineseDates.Period> period,
      Integer year) {
    public Correction {
      date = date == null ? Change.keep() : date;
      period = period == null ? Change.keep() : period;
    }
  }

  /** Null arguments keep the current value. */
  public Document describe(
      Caller caller, long id, String category, String title, LocalDate date, Integer year) {
    return describe(
        caller,
        id,
        new Correction(
            category, title, date == null ? Change.keep() : Change.to(date), Change.keep(), year));
  }

  /**
   * Whether the caller may correct the document now (the document page offers the form only then).
   */
  public boolean mayDescribe(Caller caller, Document d) {
    if (!d.lifecycle().current()) {
      return false;
    }
    if (caller.reviews(d.unitCode())) {
      return true;
    }
    return caller.handsIn(d.unitCode()) && d.review().status() != ReviewStatus.ACCEPTED;
  }

  public Document describe(Caller caller, long id, Correction c) {
    Document d =
        documents
            .find(id)
            .filter(x -> caller.handsIn(x.unitCode()) || caller.reviews(x.unitCode()))
            .orElseThrow(NotVisibleException::new);
    if (!d.lifecycle().current()) {
      throw new ReviewException("只能修改当前版本、未删除的材料");
    }
    if (!mayDescribe(caller, d)) {
      throw new ReviewException("该材料已审核通过，单位不能再修改著录；如有错误，请联系测评员更正");
    }
    String code =
        c.category() == null || c.category().isBlank()
            ? d.category()
            : catalog
                .category(c.category())
                .map(Category::code)
                .orElseThrow(() -> new ReviewException("类别不存在：" + c.category()));
    String newTitle = c.title() == null || c.title().isBlank() ? d.title() : c.title().strip();
    if (newTitle.length() > 500) {
      throw new ReviewException("标题过长（最多 500 字）");
    }
    LocalDate newDate = c.date().apply(d.date());
    ChineseDates.Period newPeriod = c.period().apply(d.period());
    int newYear =
        c.year() != null
            ? c.year()
            : c.period().given() && newPeriod != null && newPeriod.year() != null
                ? newPeriod.year()
                : d.year();
    if (newYear < 1990 || newYear > 2100) {
      throw new ReviewException("年度无效：" + newYear + "（应在 1990 至 2100 之间）");
    }
    boolean periodOrYearChanged = !Objects.equals(newPeriod, d.period()) || newYear != d.year();
    if (periodOrYearChanged && newPeriod != null && !Objects.equals(newPeriod.year(), newYear)) {
      throw new ReviewException(
          "所属期间“" + ChineseDates.label(newPeriod) + "”不在 " + newYear + " 年度内，请一并改正年度或期间");
    }
    List<String> changes = new ArrayList<>();
    note(changes, "类别", name(d.category()), name(code));
    note(changes, "题名", d.title(), newTitle);
    note(changes, "日期", text(d.date()), text(newDate));
    note(
        changes,
        "期间",
        d.period() == null ? "无" : ChineseDates.label(d.period()),
        newPeriod == null ? "无" : ChineseDates.label(newPeriod));
    note(changes, "年度", String.valueOf(d.year()), String.valueOf(newYear));
    // a category or date a person sets, even the one inferred, is theirs now: certain, not asked
    if (c.category() != null && !c.category().isBlank()) {
      filing.categoryGiven(id, newDate != null || newPeriod != null);
    }
    if (c.date().given()) {
      filing.dateGiven(id, newDate != null || newPeriod != null);
    }
    if (changes.isEmpty()) {
      return d;
    }
    documents.setDescription(id, code, newTitle, newDate, newYear, newPeriod);
    Document updated = documents.find(id).orElseThrow();
    index.put(updated, documents.text(id).orElse(""));
    index.awaitOwnWrites();
    audit.record(
        caller.username(),
        AuditAction.DESCRIBE,
        ReviewService.target(updated),
        "修改著录：" + String.join("；", changes));
    events.publishEvent(new DocumentChanged(id, d.unitCode()));
    return updated;
  }

  private String name(String category) {
    return category == null ? "未分类" : catalog.categoryName(category);
  }

  private static String text(LocalDate d) {
    return d == null ? "无" : d.toString();
  }

  private static void note(List<String> changes, String field, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.add(field + " " + before + " → " + after);
    }
  }
}
