package org.taizhang.caption;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.taizhang.access.Caller;
import org.taizhang.archive.Archive;
import org.taizhang.archive.Attachments;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.web.NotFoundException;
import org.taizhang.web.ProblemException;

/**
 * The captions of activity photos (image documents): 时间, 地点, 人物 and 事由, inferred from the camera
 * and from the activity the photo belongs to ({@link CaptionInference}), and corrected by people.
 * What a person wrote wins over inference and stays when inference is run again; a part a person
 * leaves blank is inferred. A new version of a photo is a document of its own and starts from
 * inference.
 *
 * <p>The unit's clerk and the reviewers, district offices and administrators who see the unit may
 * write a caption — the clerk also after the photo was accepted: the caption describes the photo
 * for the binder, it is not the evidence that was reviewed.
 */
@Service
public class PhotoCaptions {
  /** The longest part a person may write, by part. */
  static final int TIME_CHARS = 100;

  static final int PLACE_CHARS = 200;
  static final int PEOPLE_CHARS = 1000;
  static final int SUBJECT_CHARS = 500;

  private final DocumentRepository documents;
  private final Archive archive;
  private final Attachments attachments;
  private final CaptionRepository written;
  private final AuditLog audit;
  private final Clock clock;
  private final CaptionInference inference;

  PhotoCaptions(
      DocumentRepository documents,
      Archive archive,
      Attachments attachments,
      CaptionRepository written,
      AuditLog audit,
      Clock clock,
      ChineseAnalysis analysis) {
    this.documents = documents;
    this.archive = archive;
    this.attachments = attachments;
    this.written = written;
    this.audit = audit;
    this.clock = clock;
    this.inference = new CaptionInference(analysis::fold);
  }

  /**
   * A photo's caption as a person reads it and the binder prints it.
   *
   * @param caption what is printed: a person's words where written, inference elsewhere
   * @param inferred what inference makes of the photo now
   * @param written what a person wrote (null parts: nothing written)
   * @param editedBy who wrote last, or null
   */
  public record Sheet(
      Document photo,
      PhotoCaption caption,
      PhotoCaption inferred,
      PhotoCaption written,
      String editedBy,
      Instant editedAt,
      boolean editable) {}

  /** A photo of the unit whose caption still lacks parts. */
  public record Uncaptioned(Document photo, PhotoCaption caption) {
    /** The missing parts, as “地点、人物”. */
    public String missingText() {
      return String.join("、", caption.missing());
    }
  }

  /** Whether the document is a photo, which has a caption. */
  public static boolean isPhoto(Document d) {
    return d.mediaType() != null && d.mediaType().startsWith("image/");
  }

  /** The photo's caption: what a person wrote, the rest inferred. */
  public PhotoCaption caption(Document d) {
    return merge(written.find(d.id()).map(CaptionRepository.Written::caption), inferred(d));
  }

  /**
   * The captions of many photos at once, by document id — for a binder, which prints every photo of
   * a unit-year: each unit's documents and each record's text are read once.
   */
  public Map<Long, PhotoCaption> captions(List<Document> photos) {
    Map<String, List<Document>> byUnit = new HashMap<>();
    Map<Long, String> texts = new HashMap<>();
    Map<Long, PhotoCaption> out = new java.util.LinkedHashMap<>();
    for (Document d : photos) {
      List<Document> unitDocuments = byUnit.computeIfAbsent(d.unitCode(), documents::findByUnit);
      out.put(
          d.id(),
          merge(
              written.find(d.id()).map(CaptionRepository.Written::caption),
              inferred(d, unitDocuments, texts)));
    }
    return out;
  }

  /** The caption as inference alone gives it. */
  public PhotoCaption inferred(Document d) {
    return inferred(d, documents.findByUnit(d.unitCode()), new HashMap<>());
  }

  private PhotoCaption inferred(
      Document d, List<Document> unitDocuments, Map<Long, String> textCache) {
    Document message =
        attachments
            .message(d.id())
            .flatMap(documents::find)
            .filter(m -> m.unitCode().equals(d.unitCode()) && m.lifecycle().current())
            .orElse(null);
    LongFunction<String> text = id -> textCache.computeIfAbsent(id, archive::text);
    return inference.infer(d, message, unitDocuments, text);
  }

  private static PhotoCaption merge(Optional<PhotoCaption> person, PhotoCaption inferred) {
    if (person.isEmpty()) {
      return inferred;
    }
    PhotoCaption p = person.get();
    return new PhotoCaption(
        p.time() != null ? p.time() : inferred.time(),
        p.place() != null ? p.place() : inferred.place(),
        p.people() != null ? p.people() : inferred.people(),
        p.subject() != null ? p.subject() : inferred.subject());
  }

  /**
   * Whether the caller may write the document's caption now (the page offers the form only then).
   */
  public boolean mayEdit(Caller caller, Document d) {
    return isPhoto(d)
        && d.lifecycle().current()
        && (caller.handsIn(d.unitCode()) || caller.reviews(d.unitCode()));
  }

  /**
   * The caption of a photo the caller sees.
   *
   * @throws NotFoundException outside the caller's scope, as for a document that does not exist
   * @throws ProblemException INVALID_REQUEST for a document that is not a photo
   */
  public Sheet sheet(Caller caller, long id) {
    Document d = visiblePhoto(caller, id);
    return sheet(caller, d);
  }

  private Sheet sheet(Caller caller, Document d) {
    Optional<CaptionRepository.Written> w = written.find(d.id());
    PhotoCaption inferred = inferred(d);
    return new Sheet(
        d,
        merge(w.map(CaptionRepository.Written::caption), inferred),
        inferred,
        w.map(CaptionRepository.Written::caption).orElse(PhotoCaption.EMPTY),
        w.map(CaptionRepository.Written::by).orElse(null),
        w.map(CaptionRepository.Written::at).orElse(null),
        mayEdit(caller, d));
  }

  private Document visiblePhoto(Caller caller, long id) {
    Document d =
        documents
            .find(id)
            .filter(x -> caller.sees(x.unitCode()))
            .orElseThrow(() -> new NotFoundException("没有找到编号为“" + id + "”的材料"));
    if (!isPhoto(d)) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "只有照片（图片材料）才有照片说明：该材料是 " + d.fileType());
    }
    return d;
  }

  /**
   * Writes a photo's caption: each part given replaces inference, a part left blank (or equal to
   * what inference gives) goes back to inference. Audited with what changed.
   *
   * @throws NotFoundException outside the caller's scope
   * @throws ProblemException FORBIDDEN for a caller who may not write it, INVALID_REQUEST for an
   *     old or deleted version or a part too long
   */
  @Transactional
  public Sheet write(Caller caller, long id, PhotoCaption given) {
    Document d = visiblePhoto(caller, id);
    if (!caller.handsIn(d.unitCode()) && !caller.reviews(d.unitCode())) {
      throw new ProblemException(HttpStatus.FORBIDDEN, "FORBIDDEN", "只有本单位填报员和测评人员可以修改照片说明");
    }
    if (!d.lifecycle().current()) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "只能修改当前版本、未删除的照片的说明");
    }
    check("时间", given.time(), TIME_CHARS);
    check("地点", given.place(), PLACE_CHARS);
    check("人物", given.people(), PEOPLE_CHARS);
    check("事由", given.subject(), SUBJECT_CHARS);
    PhotoCaption inferred = inferred(d);
    PhotoCaption before =
        written.find(d.id()).map(CaptionRepository.Written::caption).orElse(PhotoCaption.EMPTY);
    PhotoCaption after =
        new PhotoCaption(
            own(given.time(), inferred.time()),
            own(given.place(), inferred.place()),
            own(given.people(), inferred.people()),
            own(given.subject(), inferred.subject()));
    PhotoCaption shownBefore = merge(Optional.of(before), inferred);
    PhotoCaption shownAfter = merge(Optional.of(after), inferred);
    List<String> changes = new ArrayList<>();
    note(changes, "时间", shownBefore.time(), shownAfter.time());
    note(changes, "地点", shownBefore.place(), shownAfter.place());
    note(changes, "人物", shownBefore.people(), shownAfter.people());
    note(changes, "事由", shownBefore.subject(), shownAfter.subject());
    if (!after.equals(before)) {
      written.save(d.id(), after, caller.username(), clock.instant());
      audit.record(
          caller.username(),
          AuditAction.CAPTION_EDITED,
          "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）",
          changes.isEmpty() ? "确认自动生成的说明" : String.join("；", changes));
    }
    return sheet(caller, d);
  }

  /** A person's part, unless it is blank or what inference says anyway. */
  private static String own(String given, String inferred) {
    String g = given == null ? null : given.strip();
    return g == null || g.isEmpty() || g.equals(inferred) ? null : g;
  }

  private static void check(String label, String value, int max) {
    if (value != null && value.strip().length() > max) {
      throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          "INVALID_REQUEST",
          "照片说明的" + label + "过长（最多 " + max + " 字，实际 " + value.strip().length() + " 字）");
    }
  }

  private static void note(List<String> out, String label, String before, String after) {
    if (!Objects.equals(before, after)) {
      out.add(
          label
              + "："
              + (before == null ? "（空）" : before)
              + " → "
              + (after == null ? "（空）" : after));
    }
  }

  /**
   * The unit's current photos of the year whose caption lacks a part, by date; only the unit's own
   * photos.
   */
  public List<Uncaptioned> uncaptioned(String unitCode, int year) {
    return uncaptioned(unitCode, year, year);
  }

  /**
   * The same for the years {@code from} to {@code to}, by year and date, reading the archive once.
   */
  public List<Uncaptioned> uncaptioned(String unitCode, int from, int to) {
    List<Document> all = documents.findByUnit(unitCode);
    Map<Long, String> texts = new HashMap<>();
    List<Uncaptioned> out = new ArrayList<>();
    for (Document d : all) {
      if (d.year() < from || d.year() > to || !isPhoto(d) || !d.unitCode().equals(unitCode)) {
        continue;
      }
      PhotoCaption c =
          merge(
              written.find(d.id()).map(CaptionRepository.Written::caption),
              inferred(d, all, texts));
      if (!c.complete()) {
        out.add(new Uncaptioned(d, c));
      }
    }
    out.sort(
        Comparator.comparingInt((Uncaptioned u) -> u.photo().year())
            .thenComparing(u -> u.photo().date(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(u -> u.photo().id()));
    return out;
  }
}
