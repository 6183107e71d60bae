package org.taizhang.completeness;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.taizhang.access.Caller;
import org.taizhang.access.DisplayNames;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;

/**
 * Required-content elements (时间、地点、主持人 …) a reviewer confirmed by looking at a document, for text
 * the machine could not read with confidence (a handwritten minute, a blurred photo). A confirmed
 * label counts on the checklist as if the text showed it filled in. Confirmations belong to one
 * version: a new version (重新提交) starts unconfirmed, since what it shows may differ.
 *
 * <p>Reviewers, district offices and administrators in scope confirm and withdraw; a unit's clerk
 * sees what was confirmed but may not confirm the unit's own material. Both are audited.
 */
@Service
public class ElementConfirmations {
  private final DocumentRepository documents;
  private final TrustRepository trust;
  private final CompletenessService completeness;
  private final DisplayNames names;
  private final AuditLog audit;
  private final Clock clock;

  ElementConfirmations(
      DocumentRepository documents,
      TrustRepository trust,
      CompletenessService completeness,
      DisplayNames names,
      AuditLog audit,
      Clock clock) {
    this.documents = documents;
    this.trust = trust;
    this.completeness = completeness;
    this.names = names;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * One label of a document: whether the text shows it filled in, and who confirmed it when.
   *
   * @param counts whether the checklist counts it: confirmed, or shown by text read with confidence
   */
  public record Element(
      String label,
      boolean inText,
      boolean counts,
      String confirmedBy,
      String confirmedByName,
      Instant confirmedAt) {
    public boolean confirmed() {
      return confirmedBy != null;
    }
  }

  /**
   * The elements of one document a reviewer may confirm: the labels the configured rules ask of its
   * category, and any confirmed before.
   *
   * @param unsureText its text was recognised with low confidence and proves nothing by itself
   * @param recognitionConfidence that recognition's mean confidence (0–1), or null
   * @param categoryConfidence how sure filing was of a category it inferred with too little
   *     confidence to count before it is confirmed, else null
   * @param undated the document states no date and nobody gave one
   * @param canConfirm whether the caller may confirm and withdraw here (a reviewer in scope, a
   *     current version)
   */
  public record Sheet(
      long documentId,
      boolean unsureText,
      Double recognitionConfidence,
      List<Element> elements,
      Double categoryConfidence,
      boolean undated,
      boolean canConfirm) {
    public Sheet {
      elements = List.copyOf(elements);
    }

    /** “42%”, or null. */
    public String confidencePercent() {
      return percent(recognitionConfidence);
    }

    /** “45%” for a category inferred with low confidence, or null. */
    public String categoryPercent() {
      return percent(categoryConfidence);
    }

    private static String percent(Double d) {
      return d == null ? null : Math.round(d * 100) + "%";
    }
  }

  /** What a confirmation changed. */
  public record Change(List<String> confirmed, List<String> withdrawn) {
    public Change {
      confirmed = List.copyOf(confirmed);
      withdrawn = List.copyOf(withdrawn);
    }

    public boolean none() {
      return confirmed.isEmpty() && withdrawn.isEmpty();
    }
  }

  /**
   * The sheet of a document the caller sees; empty when there is nothing to confirm (its category
   * has no required content, nothing was confirmed, its category and date are not in doubt) or the
   * caller does not see it.
   */
  public Optional<Sheet> sheet(Caller caller, Document d) {
    if (!caller.sees(d.unitCode())) {
      return Optional.empty();
    }
    DocumentTrust t = trust.of(d.id());
    Set<String> labels = new LinkedHashSet<>();
    if (d.category() != null) {
      labels.addAll(completeness.lists().contentLabels(d.category()));
    }
    List<TrustRepository.Confirmation> rows = trust.confirmations(d.id());
    rows.forEach(r -> labels.add(r.label()));
    Double categoryConfidence =
        d.category() != null && t.categoryUnsure() ? t.categoryConfidence() : null;
    boolean undated = t.dateUnstated() && d.date() == null && d.period() == null;
    if (labels.isEmpty() && categoryConfidence == null && !undated) {
      return Optional.empty();
    }
    Set<String> inText = completeness.labelsInText(documents.text(d.id()).orElse(""));
    Map<String, TrustRepository.Confirmation> byLabel = new HashMap<>();
    rows.forEach(r -> byLabel.put(r.label(), r));
    Map<String, String> display = names.of(rows.stream().map(r -> r.by()).toList());
    List<Element> elements = new ArrayList<>();
    for (String label : labels) {
      TrustRepository.Confirmation c = byLabel.get(label);
      boolean shown = inText.contains(label);
      elements.add(
          new Element(
              label,
              shown,
              c != null || (shown && !t.lowConfidenceText()),
              c == null ? null : c.by(),
              c == null ? null : display.getOrDefault(c.by(), c.by()),
              c == null ? null : c.at()));
    }
    return Optional.of(
        new Sheet(
            d.id(),
            t.lowConfidenceText(),
            t.recognitionConfidence(),
            elements,
            categoryConfidence,
            undated,
            mayConfirm(caller, d)));
  }

  /** The sheet of a document by id, as {@link #sheet(Caller, Document)}. */
  public Optional<Sheet> sheet(Caller caller, long id) {
    return documents.find(id).flatMap(d -> sheet(caller, d));
  }

  /**
   * Makes {@code labels} the document's confirmed elements: labels newly ticked are confirmed,
   * labels no longer ticked are withdrawn, each audited, and the unit's checklist follows. Only
   * labels on the document's sheet may be confirmed.
   *
   * @throws CompletenessException NOT_FOUND outside the caller's scope, FORBIDDEN for a caller who
   *     does not review the unit, INVALID_REQUEST for an old version or a label not asked of the
   *     document
   */
  public Change confirm(Caller caller, long id, Collection<String> labels) {
    Document d =
        documents
            .find(id)
            .filter(x -> caller.sees(x.unitCode()))
            .orElseThrow(CompletenessException::notFound);
    if (!caller.reviews(d.unitCode())) {
      throw CompletenessException.forbidden("只有测评人员可以确认材料要素");
    }
    if (!d.lifecycle().current()) {
      throw CompletenessException.invalid("只能确认当前版本、未删除的材料的要素");
    }
    Sheet sheet =
        sheet(caller, d)
            .filter(x -> !x.elements().isEmpty())
            .orElseThrow(() -> CompletenessException.invalid("该类材料没有须确认的要素"));
    Set<String> offered = new LinkedHashSet<>();
    sheet.elements().forEach(e -> offered.add(e.label()));
    Set<String> wanted = new LinkedHashSet<>();
    for (String l : labels == null ? List.<String>of() : labels) {
      String label = l == null ? "" : l.strip();
      if (label.isEmpty()) {
        continue;
      }
      if (!offered.contains(label)) {
        throw CompletenessException.invalid("该材料没有须确认的要素“" + label + "”");
      }
      wanted.add(label);
    }
    Instant now = clock.instant();
    List<String> added = new ArrayList<>();
    List<String> withdrawn = new ArrayList<>();
    List<String> withdrawnDetail = new ArrayList<>();
    for (Element e : sheet.elements()) {
      if (wanted.contains(e.label()) && !e.confirmed()) {
        if (trust.confirm(id, e.label(), caller.username(), now)) {
          added.add(e.label());
        }
      } else if (!wanted.contains(e.label()) && e.confirmed() && trust.withdraw(id, e.label())) {
        withdrawn.add(e.label());
        withdrawnDetail.add(e.label() + "（原由 " + e.confirmedByName() + " 确认）");
      }
    }
    String target = "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）";
    String why =
        sheet.unsureText()
            ? "；文字识别置信度低"
                + (sheet.confidencePercent() == null ? "" : "（" + sheet.confidencePercent() + "）")
            : "";
    if (!added.isEmpty()) {
      audit.record(
          caller.username(),
          AuditAction.ELEMENTS_CONFIRMED,
          target,
          "对照原件确认要素：" + String.join("、", added) + why);
    }
    if (!withdrawn.isEmpty()) {
      audit.record(
          caller.username(),
          AuditAction.ELEMENTS_WITHDRAWN,
          target,
          "撤销要素确认：" + String.join("、", withdrawnDetail));
    }
    Change change = new Change(added, withdrawn);
    if (!change.none()) {
      completeness.refresh(id);
    }
    return change;
  }

  private static boolean mayConfirm(Caller caller, Document d) {
    return d.lifecycle().current() && caller.reviews(d.unitCode());
  }
}
