package org.taizhang.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.taizhang.archive.Attachments;
import org.taizhang.archive.Document;
import org.taizhang.archive.DocumentChanged;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.archive.NewDocument;
import org.taizhang.catalog.Catalog;
import org.taizhang.catalog.Category;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.extract.BundleLimits;
import org.taizhang.extract.DocumentMetadata;
import org.taizhang.extract.Extraction;
import org.taizhang.extract.ExtractionException;
import org.taizhang.extract.ParserPool;
import org.taizhang.extract.Unpacked;
import org.taizhang.filing.Filed;
import org.taizhang.filing.Filing;
import org.taizhang.filing.Inference;
import org.taizhang.filing.Subject;
import org.taizhang.index.SearchIndex;
import org.taizhang.store.FileStore;
import org.taizhang.store.FileTooLargeException;
import org.taizhang.store.StagedFile;
import org.taizhang.store.StoreUnavailableException;
import org.taizhang.text.ChineseDates;
import org.taizhang.unit.Unit;
import org.taizhang.unit.UnitRepository;

/**
 * Takes one file into a unit's archive: stage and hash it, turn away what cannot be accepted, read
 * it in a parser process, work out what it is, then make it durable (file store, then database row)
 * and index it. Every rejection happens before anything durable is written, so a rejected file
 * leaves nothing behind; a crash between the file and its row leaves an unreferenced object that
 * the start-up sweep removes.
 */
@Service
public class IngestService {
  private static final Logger log = LoggerFactory.getLogger(IngestService.class);

  private final UnitRepository units;

  private final Catalog catalog;
  private final FileStore store;
  private final ParserPool parsers;
  private final DocumentRepository documents;
  private final SearchIndex index;
  private final long maxBytes;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Attachments attachments;
  private final BundleLimits bundleLimits;
  private final Filing filing;

  private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  IngestService(
      UnitRepository units,
      Catalog catalog,
      FileStore store,
      ParserPool parsers,
      DocumentRepository documents,
      SearchIndex index,
      TaizhangProperties properties,
      Clock clock,
      ApplicationEventPublisher events,
      Filing filing,
      Attachments attachments) {
    this.events = events;
    this.filing = filing;
    this.attachments = attachments;
    TaizhangProperties.Upload upload = properties.upload();
    this.bundleLimits =
        new BundleLimits(
            upload.maxMembers(),
            upload.maxUnpackedSize().toBytes(),
            upload.maxFileSize().toBytes(),
            upload.maxRatio(),
            upload.maxNesting());
    this.units = units;
    this.catalog = catalog;
    this.store = store;
    this.parsers = parsers;
    this.documents = documents;
    this.index = index;
    this.maxBytes = properties.upload().maxFileSize().toBytes();
    this.clock = clock;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Ingests a file. Returns once the original and its row are durable and the document is in the
   * index (the next search sees it); work that can follow later — completeness, thumbnails — is
   * announced with a {@link DocumentChanged} event and done after the return. A mail's attachments
   * are stored with it; of a bundle, the first member stored (or already there) is returned — see
   * {@link #take} for every member's outcome.
   */
  /**
   * Waits until searches find everything this thread ingested; searches otherwise see it within
   * {@link DocumentIndex#REFRESH_INTERVAL}. For requests a person waits on, not for bulk imports.
   */
  public void awaitSearchable() {
    index.awaitOwnWrites();
  }

  /** Waits until searches find everything ingested so far, on any thread: a bulk import's end. */
  public void awaitAllSearchable() {
    index.refresh();
  }

  public IngestResult ingest(IngestRequest request, InputStream content) throws RejectedException {
    Intake intake = take(request, content);
    if (intake.document() != null) {
      return intake.document();
    }
    return intake.members().stream()
        .filter(m -> m.result() != null)
        .map(MemberOutcome::result)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Takes in a file handed in, as {@link #ingest} does, and tells what became of it: a document, a
   * mail with its attachments (each a document linked to the message), or a bundle (ZIP, 7z) whose
   * members are unpacked in the parser process and each taken in as a file of its own, with the
   * year and category its folders inside the bundle state. Returns once every member stored is
   * durable. A bundle none of whose members could be taken in is refused as a whole ({@link
   * RejectedException#members()} lists why) and leaves nothing behind; the bundle file itself is
   * never kept.
   */
  public Intake take(IngestRequest request, InputStream content) throws RejectedException {
    return take(request, content, 1);
  }

  /** {@code depth}: the nesting level a bundle or mail among this content would have. */
  private Intake take(IngestRequest request, InputStream content, int depth)
      throws RejectedException {
    Optional<Unit> unit = request.unit() == null ? Optional.empty() : units.find(request.unit());
    if (unit.isEmpty()) {
      throw new RejectedException(Rejection.UNKNOWN_UNIT, request.unit());
    }
    if (!unit.get().active()) {
      throw new RejectedException(Rejection.UNIT_INACTIVE, unit.get().name());
    }
    Category given = null;
    if (request.category() != null && !request.category().isBlank()) {
      given =
          catalog
              .category(request.category())
              .orElseThrow(
                  () -> new RejectedException(Rejection.UNKNOWN_CATEGORY, request.category()));
    }
    Document replaced = null;
    if (request.replaces() != null) {
      replaced =
          documents
              .find(request.replaces())
              .filter(d -> d.unitCode().equals(request.unit()) && d.lifecycle().current())
              .orElseThrow(
                  () ->
                      new RejectedException(
                          Rejection.NOT_REPLACEABLE, String.valueOf(request.replaces())));
      if (given == null && replaced.category() != null) {
        given = catalog.category(replaced.category()).orElse(null);
      }
    }
    String fileName = FileNames.clean(request.fileName());
    try (StagedFile staged = stage(content)) {
      if (staged.size() == 0) {
        throw new RejectedException(Rejection.EMPTY_FILE, null);
      }
      Optional<Document> existing = documents.findByUnitAndSha(request.unit(), staged.sha256());
      if (existing.isPresent()) {
        IngestResult duplicate =
            new IngestResult(
                existing.get(), true, filing.inference(existing.get().id()).orElse(null));
        if (ParserPool.isMail(existing.get().mediaType())) {
          // Attachments a crash kept from being stored with the message are stored now.
          try (Unpacked mail = unpack(staged, fileName, depth)) {
            return new Intake(duplicate, members(request, mail, depth, existing.get().id()));
          } catch (RejectedException e) {
            return Intake.of(duplicate);
          }
        }
        return Intake.of(duplicate);
      }
      Extraction extraction;
      try {
        extraction = parsers.extract(staged.path(), fileName);
      } catch (ExtractionException e) {
        log.info(
            "rejected {} for {}: {} ({})", fileName, request.unit(), e.failure(), e.getMessage());
        throw new RejectedException(Rejection.of(e.failure()), e.shownDetail());
      }
      if (ParserPool.isArchive(extraction.mediaType())) {
        if (replaced != null) {
          throw new RejectedException(Rejection.NOT_REPLACEABLE, "压缩包不能作为一份材料的新版本");
        }
        try (Unpacked bundle = unpack(staged, fileName, depth)) {
          List<MemberOutcome> members = members(request, bundle, depth, null);
          if (members.stream().noneMatch(m -> m.result() != null)) {
            throw RejectedException.bundle(members);
          }
          return new Intake(null, members);
        }
      }
      if (ParserPool.isMail(extraction.mediaType())) {
        try (Unpacked mail = unpack(staged, fileName, depth)) {
          IngestRequest message = message(request, mail);
          IngestResult stored =
              store(message, given, replaced, fileName, staged, withHeaders(extraction, mail));
          if (stored.duplicate()) {
            return Intake.of(stored);
          }
          return new Intake(stored, members(request, mail, depth, stored.document().id()));
        }
      }
      return Intake.of(store(request, given, replaced, fileName, staged, extraction));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Unpacked unpack(StagedFile staged, String fileName, int depth) throws RejectedException {
    try {
      return parsers.unpack(staged.path(), fileName, depth, bundleLimits);
    } catch (ExtractionException e) {
      log.info("rejected bundle {}: {} ({})", fileName, e.failure(), e.getMessage());
      throw new RejectedException(Rejection.of(e.failure()), e.shownDetail());
    }
  }

  /**
   * Takes in each member as a file of its own; a member of a bundle is filed by the folders it lies
   * in, else as the bundle was, and a mail's attachment is linked to {@code messageId}.
   */
  private List<MemberOutcome> members(
      IngestRequest request, Unpacked unpacked, int depth, Long messageId) {
    List<MemberOutcome> outcomes = new ArrayList<>();
    for (Unpacked.Member m : unpacked.members()) {
      String path = m.path();
      if (!m.unpacked()) {
        Rejection reason = Rejection.of(m.failure());
        outcomes.add(MemberOutcome.refused(path, reason, reason.message()));
        continue;
      }
      FolderPath folders = FolderPath.of(m.folders(), catalog);
      IngestRequest member =
          new IngestRequest(
              request.unit(),
              folders.category() != null ? folders.category() : request.category(),
              null,
              null,
              folders.year() != null ? folders.year() : request.year(),
              m.fileName(),
              request.uploadedBy(),
              null,
              folders.category() != null || request.categoryFromPath());
      try (InputStream in = Files.newInputStream(m.file())) {
        Intake taken = take(member, in, depth + 1);
        if (taken.document() != null) {
          outcomes.add(MemberOutcome.of(path, taken.document()));
          if (messageId != null) {
            attachments.link(taken.document().document().id(), messageId);
          }
        }
        for (MemberOutcome inner : taken.members()) {
          outcomes.add(inner.under(path));
          if (messageId != null && taken.document() == null && inner.document() != null) {
            attachments.link(inner.document().id(), messageId);
          }
        }
      } catch (RejectedException e) {
        outcomes.add(MemberOutcome.refused(path, e.reason(), e.getMessage()));
      } catch (IOException e) {
        outcomes.add(MemberOutcome.refused(path, Rejection.CORRUPT_FILE, "无法读取：" + e.getMessage()));
      }
    }
    return outcomes;
  }

  /**
   * The request for a mail message: its subject is its title and the day it was sent its date,
   * unless the person handing it in said otherwise.
   */
  private IngestRequest message(IngestRequest r, Unpacked mail) {
    String title = r.title() != null && !r.title().isBlank() ? r.title() : mail.subject();
    LocalDate date =
        r.date() != null
            ? r.date()
            : mail.sent() == null ? null : LocalDate.ofInstant(mail.sent(), clock.getZone());
    return new IngestRequest(
        r.unit(),
        r.category(),
        date,
        title,
        r.year(),
        r.fileName(),
        r.uploadedBy(),
        r.replaces(),
        r.categoryFromPath());
  }

  /** The message's text with who sent it to whom and when above its body. */
  private Extraction withHeaders(Extraction x, Unpacked mail) {
    StringBuilder head = new StringBuilder();
    if (mail.subject() != null) {
      head.append("主题：").append(mail.subject()).append('\n');
    }
    if (mail.sender() != null) {
      head.append("发件人：").append(mail.sender()).append('\n');
    }
    if (mail.recipients() != null) {
      head.append("收件人：").append(mail.recipients()).append('\n');
    }
    if (mail.sent() != null) {
      head.append("发送时间：").append(SENT.format(mail.sent().atZone(clock.getZone()))).append('\n');
    }
    String text = head.isEmpty() ? x.text() : head + "\n" + x.text();
    return new Extraction(x.mediaType(), text, x.truncated(), x.pageCount(), x.metadata());
  }

  /**
   * How a stored document was filed. A new version that takes its category from the version it
   * replaces takes how sure that category was too: an inferred one stays inferred, not a person's
   * choice.
   */
  private Inference inference(IngestRequest request, Document replaced, Inference filed) {
    boolean inherited =
        replaced != null && (request.category() == null || request.category().isBlank());
    if (!inherited) {
      return filed;
    }
    return filing
        .inference(replaced.id())
        .map(
            before ->
                new Inference(
                    before.categorySource(),
                    before.categoryConfidence(),
                    filed.dateSource(),
                    filed.question()))
        .orElse(filed);
  }

  /** Files, describes, stores and indexes one document. */
  private IngestResult store(
      IngestRequest request,
      Category given,
      Document replaced,
      String fileName,
      StagedFile staged,
      Extraction extraction)
      throws RejectedException, IOException {
    Filed filed = file(request, given, fileName, extraction);
    NewDocument doc = describe(request, filed, replaced, fileName, staged, extraction);
    Long replaces = replaced == null ? null : replaced.id();
    Document saved;
    try {
      saved =
          store.locked(
              staged.sha256(),
              () -> {
                store.commit(staged);
                return replaces == null
                    ? documents.insert(doc)
                    : documents.insertVersion(doc, replaces);
              });
    } catch (DuplicateKeyException e) {
      // Another request stored the same content for this unit a moment ago.
      Document other = documents.findByUnitAndSha(request.unit(), staged.sha256()).orElseThrow();
      return new IngestResult(other, true, filing.inference(other.id()).orElse(null));
    } catch (IllegalStateException e) {
      throw new RejectedException(Rejection.NOT_REPLACEABLE, String.valueOf(replaces));
    } catch (StoreUnavailableException e) {
      // Nothing recorded: the row comes only after the object is stored.
      log.warn("{} not stored: {}", fileName, e.getMessage());
      throw new RejectedException(Rejection.STORE_UNAVAILABLE, null);
    }
    filing.record(saved.id(), inference(request, replaced, filed.inference()));
    try {
      if (replaces != null) {
        index.delete(replaces);
      }
      index.put(saved, doc.text());
    } catch (RuntimeException e) {
      // The document is durable; the index is derived and the next start re-indexes what it
      // lacks.
      log.error("document {} stored but not indexed", saved.id(), e);
    }
    if (replaces != null) {
      events.publishEvent(new DocumentChanged(replaces, saved.unitCode()));
    }
    events.publishEvent(new DocumentChanged(saved.id(), saved.unitCode()));
    return new IngestResult(saved, false, filed.inference());
  }

  private StagedFile stage(InputStream content) throws RejectedException, IOException {
    try {
      return store.stage(content, maxBytes);
    } catch (FileTooLargeException e) {
      throw new RejectedException(Rejection.FILE_TOO_LARGE, (maxBytes / (1024 * 1024)) + " MB");
    }
  }

  private Filed file(IngestRequest r, Category given, String fileName, Extraction x) {
    // Document properties keep their time in UTC; people read the office's wall clock.
    DocumentMetadata metadata = x.metadata().withCreatedIn(clock.getZone());
    return filing.infer(
        new Subject(
            r.title() == null || r.title().isBlank() ? null : r.title().strip(),
            fileName,
            x.text(),
            x.mediaType(),
            metadata.takenAt(),
            given,
            given != null && r.categoryFromPath(),
            r.date()));
  }

  private NewDocument describe(
      IngestRequest r,
      Filed filed,
      Document replaced,
      String fileName,
      StagedFile staged,
      Extraction x) {
    String title =
        r.title() != null && !r.title().isBlank()
            ? r.title().strip()
            : FileNames.baseName(fileName);
    if (title.length() > 500) {
      title = title.substring(0, 500);
    }
    DocumentMetadata metadata = x.metadata().withCreatedIn(clock.getZone());
    String category = filed.category();
    LocalDate date = filed.date();
    // A new version is filed where the old one was, unless it states otherwise.
    ChineseDates.Period period =
        filed.period() != null ? filed.period() : replaced == null ? null : replaced.period();
    Optional<ChineseDates.Period> statedPeriod = Optional.ofNullable(filed.period());
    Instant now = clock.instant();
    // The year a person chose, else the one the title states (a 2025年度总结 written in January 2026
    // belongs to 2025), else the replaced version's, else the document's date, else the year it is
    // handed in.
    Integer stated = statedPeriod.map(ChineseDates.Period::year).orElse(null);
    int year =
        r.year() != null
            ? r.year()
            : stated != null
                ? stated
                : replaced != null
                    ? replaced.year()
                    : date != null
                        ? date.getYear()
                        : LocalDate.ofInstant(now, clock.getZone()).getYear();
    return new NewDocument(
        r.unit(),
        category,
        title,
        date,
        year,
        fileName,
        x.mediaType(),
        staged.size(),
        staged.sha256(),
        x.pageCount(),
        metadata,
        x.text(),
        x.truncated(),
        r.uploadedBy() == null ? "系统" : r.uploadedBy(),
        now,
        period);
  }
}
