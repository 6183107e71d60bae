package org.taizhang.completeness;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.taizhang.access.Caller;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.catalog.Catalog;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.node.ChangeFeed;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;
import org.taizhang.unit.UnitsChanged;

/**
 * Which units lack which evidence for their evaluation system, indicator by indicator, kept current
 * as documents change. Results come from an in-memory model of evidence facts loaded once at start
 * (in the background, so a large archive does not hold up the start) and updated per changed
 * document, so reading and recomputing never touch text or the database.
 *
 * <p>Reading methods do not check scope; callers do. The writing methods take the {@link Caller}
 * and throw {@link CompletenessException}: NOT_FOUND for a unit outside the caller's scope,
 * FORBIDDEN for a role that may not act, INVALID_REQUEST for bad input.
 *
 * <p>Each node over one database keeps a model of its own. What changes through this node is
 * published to the {@link ChangeFeed}; before it answers, a node reads what the others published
 * since it last looked and applies it as its own changes, so a verdict read through one node counts
 * an upload, a unit, a list or a decision made through another.
 */
@Service
public class CompletenessService implements SmartInitializingSingleton, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(CompletenessService.class);
  private static final long LOAD_WAIT_SECONDS = 120;
  private static final long CURRENT_WAIT_SECONDS = 30;
  private static final int MAX_TEXT = 1000;

  /** Topics of the {@link ChangeFeed} this feature publishes and follows. */
  private static final String DOCUMENT = "document";

  private static final String UNITS = "units";
  private static final String LISTS = "lists";
  private static final String DECISIONS = "decisions";

  private final DocumentRepository documents;
  private final UnitRepository units;
  private final DecisionRepository decisions;
  private final TrustRepository trust;
  private final AuditLog audit;
  private final Clock clock;
  private final UnaryOperator<String> fold;

  /** Replaced when new lists ask for content labels or comparisons the facts do not hold yet. */
  private volatile EvidenceFactExtractor extractor;

  private final CompletenessModel model;

  private final CountDownLatch loaded = new CountDownLatch(1);

  /**
   * Guards {@link #changed}, {@link #announced} and {@link #applied}. Changes are applied on one
   * background thread, so an upload never waits for a recompute, and a burst of changes (a folder
   * import) is applied in batches that recompute each unit once.
   */
  private final Object updates = new Object();

  /** Documents changed and not yet applied, in order; while the model loads they wait here too. */
  private final Set<Long> changed = new LinkedHashSet<>();

  /** Changes announced so far, and how many of them the model reflects. */
  private long announced;

  private long applied;
  private final Thread updater;

  private final ChangeFeed feed;
  private final RequiredListStore listStore;

  /** The feed's position this node has applied up to; guarded by {@link #updates}. */
  private ChangeFeed.Cursor seen;

  CompletenessService(
      RequiredListStore lists,
      DocumentRepository documents,
      UnitRepository units,
      DecisionRepository decisions,
      TrustRepository trust,
      Catalog catalog,
      ChineseAnalysis analysis,
      AuditLog audit,
      Clock clock,
      ChangeFeed feed) {
    this.feed = feed;
    this.listStore = lists;
    this.documents = documents;
    this.units = units;
    this.decisions = decisions;
    this.trust = trust;
    this.audit = audit;
    this.clock = clock;
    this.fold = analysis::fold;
    this.extractor = extractorFor(lists.current());
    this.model = new CompletenessModel(lists.current(), catalog::categoryName, this.clock);
    this.updater = new Thread(this::applyChanges, "completeness-updates");
    this.updater.setDaemon(true);
  }

  // ---- start-up

  @Override
  public void afterSingletonsInstantiated() {
    Thread loader = new Thread(this::load, "completeness-load");
    loader.setDaemon(true);
    loader.start();
  }

  private void load() {
    long start = System.nanoTime();
    try {
      // what other nodes change from here on is not in what is read next
      ChangeFeed.Cursor head = feed.cursor();
      synchronized (updates) {
        seen = head;
      }
      model.replaceDecisions(storedDecisions());
      List<EvidenceFact> facts = readAll(extractor);
      List<Unit> all = units.findActive();
      model.load(all, facts);
      log.info(
          "完整性检查：已载入 {} 份材料的证据要点（{} 个单位，{} 个测评体系），用时 {} ms",
          facts.size(),
          all.size(),
          model.lists().systems().size(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      log.error("完整性检查：载入证据要点失败，结果将随材料变动逐步补齐", e);
    } finally {
      loaded.countDown();
      updater.start();
    }
  }

  private void awaitLoaded() {
    try {
      if (!loaded.await(LOAD_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("完整性检查仍在载入，先返回已有结果");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits (briefly) until the changes announced before this call are applied, so that whoever
   * uploads and then looks sees the upload counted.
   */
  private void awaitCurrent() {
    awaitLoaded();
    followOthers();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CURRENT_WAIT_SECONDS);
    synchronized (updates) {
      long target = announced;
      while (applied < target && updater.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          log.warn("完整性检查尚有 {} 项变动未计入，先返回已有结果", announced - applied);
          return;
        }
        try {
          updates.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void destroy() {
    updater.interrupt();
  }

  // ---- following the archive

  /**
   * An upload, deletion, restore, purge, resubmission or description change: queued for the
   * updater.
   */
  @EventListener
  void documentChanged(DocumentChanged event) {
    feed.publish(DOCUMENT, Long.toString(event.id()));
    queue(event.id());
  }

  private void queue(long id) {
    synchronized (updates) {
      changed.add(id);
      announced++;
      updates.notifyAll();
    }
  }

  /**
   * Applies what other nodes published since this one last looked: changed documents go to the
   * updater like this node's own, units, lists and decisions are read again.
   */
  private void followOthers() {
    List<ChangeFeed.Change> news;
    synchronized (updates) {
      news = seen == null ? List.of() : seen.next();
      if (news.isEmpty()) {
        return;
      }
    }
    boolean unitsChanged = false;
    boolean listsChanged = false;
    Set<String> decided = new HashSet<>();
    for (ChangeFeed.Change c : news) {
      switch (c.topic()) {
        case DOCUMENT -> queue(Long.parseLong(c.ref()));
        case UNITS -> unitsChanged = true;
        case LISTS -> listsChanged = true;
        case DECISIONS -> decided.add(c.ref());
        default -> log.warn("完整性检查：未知的变动类型 {}", c.topic());
      }
    }
    if (listsChanged) {
      applyLists(listStore.reload());
    }
    if (!decided.isEmpty()) {
      model.replaceDecisions(storedDecisions());
      model.recompute(decided);
    }
    if (unitsChanged) {
      model.replaceUnits(units.findActive());
      model.recomputeAll();
    }
  }

  private Decisions storedDecisions() {
    Decisions all = new Decisions();
    decisions.explanations().forEach(all::put);
    decisions.overrides().forEach(all::put);
    decisions.vetoes().forEach(all::put);
    decisions.handGrades().forEach(all::put);
    return all;
  }

  /** A decision about {@code unit} was recorded or withdrawn here. */
  private void decided(String unit) {
    model.recompute(Set.of(unit));
    feed.publish(DECISIONS, unit);
  }

  /** Document changes announced but not yet reflected in the results (shown to the office). */
  public long backlog() {
    synchronized (updates) {
      return announced - applied;
    }
  }

  private void applyChanges() {
    while (true) {
      List<Long> batch;
      long upTo;
      synchronized (updates) {
        while (changed.isEmpty()) {
          try {
            updates.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        batch = new ArrayList<>(changed);
        changed.clear();
        upTo = announced;
      }
      Set<String> affected = new HashSet<>();
      for (long id : batch) {
        try {
          affected.addAll(apply(id));
        } catch (RuntimeException e) {
          // the change itself has happened; a stale verdict must not stop the updates that follow
          log.error("完整性检查：材料 {} 变动后未能更新结果", id, e);
        }
      }
      try {
        model.recompute(affected);
      } catch (RuntimeException e) {
        log.error("完整性检查：重算 {} 个单位失败", affected.size(), e);
      }
      synchronized (updates) {
        applied = Math.max(applied, upTo);
        updates.notifyAll();
      }
    }
  }

  /**
   * Reads a changed document's current state into the model; returns the units whose verdicts it
   * touches.
   */
  private Set<String> apply(long id) {
    Optional<Document> d = documents.find(id).filter(x -> x.lifecycle().current());
    EvidenceFact fact = null;
    if (d.isPresent()) {
      units.find(d.get().unitCode()).filter(Unit::active).ifPresent(model::putUnit);
      fact = extractor.extract(d.get(), documents.text(id).orElse(""), trust.of(id));
    }
    return model.apply(id, fact);
  }

  // ---- reading

  /**
   * A unit's verdict for a year; empty when no system covers its type in that year. No scope check.
   */
  public Optional<UnitCompleteness> unit(String unitCode, int year) {
    awaitCurrent();
    Optional<UnitCompleteness> r = model.unit(unitCode, year);
    if (r.isEmpty()) {
      // perhaps a unit added (units.csv) since the start that has no documents yet
      Optional<Unit> u = units.find(unitCode).filter(Unit::active);
      if (u.isPresent() && model.lists().system(u.get().type(), year).isPresent()) {
        model.putUnit(u.get());
        model.recompute(Set.of(unitCode));
        r = model.unit(unitCode, year);
      }
    }
    return r;
  }

  /**
   * Every covered unit of a year, optionally of one type, sorted by rank then code. No scope check.
   */
  public List<UnitCompleteness> units(int year, String unitTypeOrNull) {
    awaitCurrent();
    return model.units(
        year, unitTypeOrNull == null || unitTypeOrNull.isBlank() ? null : unitTypeOrNull.strip());
  }

  /**
   * Years some system judges, newest first: from the first system's start year to the current year.
   */
  public List<Integer> years() {
    return model.lists().years(LocalDate.now(clock).getYear());
  }

  /**
   * {@code asked} if a system judges that year, else {@link #defaultYear}; empty when no year is
   * judged.
   */
  public Optional<Integer> judgedYear(Integer asked) {
    return asked != null && years().contains(asked) ? Optional.of(asked) : defaultYear();
  }

  /**
   * The year to show when none is asked for: the current year if a system judges it, else the
   * newest judged year before it.
   */
  public Optional<Integer> defaultYear() {
    List<Integer> years = years();
    int now = LocalDate.now(clock).getYear();
    return years.stream().filter(y -> y <= now).findFirst().or(() -> years.stream().findFirst());
  }

  /** The evaluation systems in force, in file name order. */
  public List<EvaluationSystem> systems() {
    return model.lists().systems();
  }

  /**
   * Recomputes every unit of every covered year from the facts in memory (units re-read from the
   * database).
   */
  public void recomputeAll() {
    awaitCurrent();
    model.replaceUnits(units.findActive());
    model.recomputeAll();
  }

  /**
   * Units were added, moved, retyped or (de)activated: verdicts and ranks follow once the change is
   * committed.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void unitsChanged(UnitsChanged event) {
    feed.publish(UNITS, null);
    recomputeAll();
  }

  // ---- changing the lists

  /**
   * Puts other evaluation systems in force: every verdict is recomputed at once. When they ask for
   * required content or near-copy comparisons the stored facts do not cover, every document is read
   * again in the background; reading methods wait for that as for any pending change.
   */
  void replaceLists(RequiredLists lists) {
    feed.publish(LISTS, null);
    applyLists(lists);
  }

  private void applyLists(RequiredLists lists) {
    awaitLoaded();
    boolean reread = !extractor.covers(lists.contentLabels(), lists.duplicateCheckCategories());
    if (reread) {
      extractor = extractorFor(lists);
    }
    model.replaceLists(lists);
    if (reread) {
      Set<Long> ids = documents.ids();
      log.info("完整性检查：测评体系需要新的必备内容或比对类别，重新读取 {} 份材料", ids.size());
      synchronized (updates) {
        changed.addAll(ids);
        announced += ids.size();
        updates.notifyAll();
      }
    }
  }

  /**
   * What would change if {@code candidate} were in force: every judged unit of {@code unitTypes}
   * and year whose score, system or any indicator's grade or status differs, and which years would
   * start or stop being judged ({@code when} begins that sentence: “保存后”). Nothing in force
   * changes.
   */
  ListPreview preview(RequiredLists candidate, Collection<String> unitTypes, String when) {
    awaitCurrent();
    boolean reread =
        !extractor.covers(candidate.contentLabels(), candidate.duplicateCheckCategories());
    List<EvidenceFact> facts = null;
    if (reread) {
      facts = readAll(extractorFor(candidate));
    }
    CompletenessModel after = model.withLists(candidate, facts);
    int now = LocalDate.now(clock).getYear();
    return ListPreview.compare(
        model.lists().years(now),
        candidate.years(now),
        unitTypes,
        y -> model.units(y, null),
        y -> after.units(y, null),
        reread,
        when);
  }

  /** Every current document's facts, as far as what V10 records about them lets them be trusted. */
  private List<EvidenceFact> readAll(EvidenceFactExtractor x) {
    Map<Long, DocumentTrust> trusts = trust.all();
    List<EvidenceFact> facts = new ArrayList<>();
    documents.forEachWithText(
        null,
        200,
        dt ->
            facts.add(
                x.extract(
                    dt.document(),
                    dt.text(),
                    trusts.getOrDefault(dt.document().id(), DocumentTrust.CERTAIN))));
    return facts;
  }

  /**
   * Something this feature records about a document changed (a confirmed element): read it again,
   * as after any change, without telling other features, for whom nothing changed.
   */
  void refresh(long id) {
    documentChanged(new DocumentChanged(id, null));
  }

  /** The lists in force. */
  RequiredLists lists() {
    return model.lists();
  }

  /** The configured required-content labels a text shows filled in, however it was read. */
  Set<String> labelsInText(String text) {
    return extractor.labelsInText(text);
  }

  private EvidenceFactExtractor extractorFor(RequiredLists lists) {
    return new EvidenceFactExtractor(fold, lists.contentLabels(), lists.duplicateCheckCategories());
  }

  // ---- decisions

  /** Files (or replaces) the 缺项说明 for one missing item: ADMIN, or the unit's own CLERK. */
  public Explanation explain(
      Caller caller, String unit, int year, String itemKey, String reason, LocalDate deadline) {
    UnitCompleteness uc = visible(caller, unit, year);
    if (!caller.handsIn(unit)) {
      throw CompletenessException.forbidden("只有创建办管理员或本单位填报员可以填写缺项说明");
    }
    boolean exists =
        uc.indicators().stream()
            .flatMap(i -> i.missing().stream())
            .anyMatch(m -> m.key().equals(itemKey));
    if (!exists) {
      throw CompletenessException.invalid("该单位" + year + "年度没有这一缺项：" + itemKey);
    }
    String text = required(reason, "请写明缺项原因");
    if (deadline == null) {
      throw CompletenessException.invalid("请给出补齐期限");
    }
    if (deadline.isBefore(LocalDate.now(clock))) {
      throw CompletenessException.invalid("补齐期限不能早于今天");
    }
    Decisions.ExplanationRow row =
        decisions.save(unit, year, itemKey, text, deadline, caller.username(), clock.instant());
    model.put(row);
    decided(unit);
    audit.record(
        caller.username(),
        AuditAction.EXPLANATION,
        uc.unitName() + "（" + unit + "）" + year + "年 " + itemKey,
        text + "；补齐期限 " + deadline);
    return new Explanation(row.id(), row.reason(), row.deadline(), row.by(), row.at(), false);
  }

  /**
   * A reviewer's grade in place of the computed one, with a written reason: ADMIN, DISTRICT,
   * REVIEWER in scope.
   */
  public void override(
      Caller caller, String unit, int year, String indicator, Grade grade, String reason) {
    UnitCompleteness uc = visible(caller, unit, year);
    if (!caller.reviews(unit)) {
      throw CompletenessException.forbidden("只有测评人员可以调整等级");
    }
    IndicatorResult ir = indicator(uc, indicator);
    if (!EvaluationSystem.DOCUMENT_REVIEW.equals(ir.method())) {
      throw CompletenessException.invalid(
          "只有材料审核指标可以调整等级；" + ir.code() + " 为" + ir.method() + "，请录入人工评定");
    }
    if (grade == null) {
      throw CompletenessException.invalid("请给出调整后的等级（A、B、C、D）");
    }
    String text = required(reason, "调整等级必须写明理由");
    Decisions.OverrideRow row =
        new Decisions.OverrideRow(
            unit,
            year,
            ir.code(),
            grade,
            text,
            caller.username(),
            caller.displayName(),
            clock.instant());
    decisions.save(row);
    model.put(row);
    decided(unit);
    audit.record(
        caller.username(),
        AuditAction.GRADE_OVERRIDE,
        target(uc, ir),
        "计算等级 " + ir.computedGrade() + "，调整为 " + grade + "；理由：" + text);
  }

  public void withdrawOverride(Caller caller, String unit, int year, String indicator) {
    UnitCompleteness uc = visible(caller, unit, year);
    if (!caller.reviews(unit)) {
      throw CompletenessException.forbidden("只有测评人员可以撤销等级调整");
    }
    IndicatorResult ir = indicator(uc, indicator);
    if (ir.override() == null) {
      throw CompletenessException.invalid("指标 " + ir.code() + " 没有等级调整");
    }
    decisions.delete(unit, year, ir.code());
    model.removeOverride(unit, year, ir.code());
    decided(unit);
    audit.record(
        caller.username(),
        AuditAction.GRADE_OVERRIDE_WITHDRAWN,
        target(uc, ir),
        "撤销调整等级 "
            + ir.override().grade()
            + "（原理由："
            + ir.override().reason()
            + "），恢复计算等级 "
            + ir.computedGrade());
  }

  /**
   * Records (or changes) the hand grade (人工评定) of a 实地考察 or 问卷调查 indicator: ADMIN, DISTRICT,
   * REVIEWER in scope, with a note of what was found and the day it was assessed (not after today).
   */
  public void handGrade(
      Caller caller,
      String unit,
      int year,
      String indicator,
      Grade grade,
      String note,
      LocalDate assessedOn) {
    UnitCompleteness uc = visible(caller, unit, year);
    if (!caller.reviews(unit)) {
      throw CompletenessException.forbidden("只有测评人员可以录入人工评定");
    }
    IndicatorResult ir = indicator(uc, indicator);
    if (ir.documentReview()) {
      throw CompletenessException.invalid("指标 " + ir.code() + " 为材料审核，等级由台账材料计算；如需改动请调整等级");
    }
    if (grade == null) {
      throw CompletenessException.invalid("请给出评定等级（A、B、C、D）");
    }
    String text = required(note, "人工评定必须写明考察或调查情况");
    if (assessedOn == null) {
      throw CompletenessException.invalid("请给出考察（调查）日期");
    }
    if (assessedOn.isAfter(LocalDate.now(clock))) {
      throw CompletenessException.invalid("考察（调查）日期不能晚于今天：" + assessedOn);
    }
    Decisions.HandGradeRow row =
        new Decisions.HandGradeRow(
            unit,
            year,
            ir.code(),
            grade,
            text,
            assessedOn,
            caller.username(),
            caller.displayName(),
            clock.instant());
    decisions.save(row);
    model.put(row);
    decided(unit);
    String before =
        ir.handGrade() == null
            ? "原为待评"
            : "原评定 " + ir.handGrade().grade() + "（" + ir.handGrade().assessedOn() + "）";
    audit.record(
        caller.username(),
        AuditAction.HAND_GRADE,
        target(uc, ir),
        before + "，评定为 " + grade + "；" + ir.method() + "日期 " + assessedOn + "；情况：" + text);
  }

  public void withdrawHandGrade(Caller caller, String unit, int year, String indicator) {
    UnitCompleteness uc = visible(caller, unit, year);
    if (!caller.reviews(unit)) {
      throw CompletenessException.forbidden("只有测评人员可以撤销人工评定");
    }
    IndicatorResult ir = indicator(uc, indicator);
    if (ir.handGrade() == null) {
      throw CompletenessException.invalid("指标 " + ir.code() + " 没有人工评定");
    }
    decisions.deleteHandGrade(unit, year, ir.code());
    model.removeHandGrade(unit, year, ir.code());
    decided(unit);
    audit.record(
        caller.username(),
        AuditAction.HAND_GRADE_WITHDRAWN,
        target(uc, ir),
        "撤销人工评定 "
            + ir.handGrade().grade()
            + "（"
            + ir.handGrade().assessedOn()
            + "，"
            + ir.handGrade().note()
            + "），恢复待评");
  }

  /** Records a 一票否决 item from the system's list: administrators only. */
  public void veto(Caller caller, String unit, int year, String code, String reason) {
    UnitCompleteness uc = visible(caller, unit, year);
    if (!caller.isAdmin()) {
      throw CompletenessException.forbidden("只有创建办管理员可以记录一票否决");
    }
    EvaluationSystem system =
        model.lists().system(uc.unitType(), year).orElseThrow(CompletenessException::notFound);
    if (code == null || system.veto(code.strip()).isEmpty()) {
      List<String> known = system.vetoes().stream().map(v -> v.code() + " " + v.name()).toList();
      throw CompletenessException.invalid(
          "“" + system.name() + "”没有一票否决项 " + code + "（可用：" + String.join("；", known) + "）");
    }
    String text = required(reason, "一票否决必须写明理由");
    Decisions.VetoRow row =
        new Decisions.VetoRow(
            unit,
            year,
            code.strip(),
            text,
            caller.username(),
            caller.displayName(),
            clock.instant());
    decisions.save(row);
    model.put(row);
    decided(unit);
    audit.record(
        caller.username(),
        AuditAction.VETO,
        uc.unitName() + "（" + unit + "）" + year + "年",
        code.strip() + "；理由：" + text);
  }

  public void liftVeto(Caller caller, String unit, int year, String code) {
    UnitCompleteness uc = visible(caller, unit, year);
    if (!caller.isAdmin()) {
      throw CompletenessException.forbidden("只有创建办管理员可以撤销一票否决");
    }
    if (code == null || !decisions.deleteVeto(unit, year, code.strip())) {
      throw CompletenessException.invalid("该单位" + year + "年度没有一票否决项 " + code);
    }
    model.removeVeto(unit, year, code.strip());
    decided(unit);
    audit.record(
        caller.username(),
        AuditAction.VETO_LIFTED,
        uc.unitName() + "（" + unit + "）" + year + "年",
        code.strip());
  }

  private UnitCompleteness visible(Caller caller, String unit, int year) {
    if (unit == null || !caller.sees(unit)) {
      throw CompletenessException.notFound();
    }
    return unit(unit, year).orElseThrow(CompletenessException::notFound);
  }

  private static IndicatorResult indicator(UnitCompleteness uc, String code) {
    return uc.indicators().stream()
        .filter(i -> i.code().equals(code == null ? "" : code.strip()))
        .findFirst()
        .orElseThrow(() -> CompletenessException.invalid("“" + uc.system() + "”中没有指标 " + code));
  }

  private static String required(String text, String message) {
    if (text == null || text.isBlank()) {
      throw CompletenessException.invalid(message);
    }
    String s = text.strip();
    if (s.length() > MAX_TEXT) {
      throw CompletenessException.invalid("内容过长（不超过 " + MAX_TEXT + " 字）");
    }
    return s;
  }

  private static String target(UnitCompleteness uc, IndicatorResult ir) {
    return uc.unitName()
        + "（"
        + uc.unit()
        + "）"
        + uc.year()
        + "年度 指标 "
        + ir.code()
        + " "
        + ir.name();
  }
}
