package org.taizhang.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.multipart.MultipartFile;
import org.taizhang.access.Caller;
import org.taizhang.archive.Document;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.job.BackgroundPriority;
import org.taizhang.text.ChineseDates;

/**
 * A unit's upload, through the API or the upload page: checked the same way, then taken in on
 * threads of its own that run {@code taizhang.upload.nice} below the service's other requests and
 * above background work ({@link BackgroundPriority}). Taking in a file (hashing, parsing, filing,
 * word segmentation, the database) costs many times a search; in the weeks before an inspection,
 * when every unit uploads, a reviewer's search should not wait behind them on the same cores. The
 * parse and index work an upload asks for runs at its thread's priority too; the request waits for
 * the outcome, so an upload is still acknowledged only once it is durable.
 */
@Component
class Uploads implements DisposableBean {
  /**
   * Uploads taken in at once; more wait their turn. An upload spends much of its time waiting (the
   * disk, the database, the index refresh that makes it searchable), so more than the cores.
   */
  static final int THREADS = 16;

  private final IngestService ingest;
  private final AuditLog audit;
  private final ExecutorService threads;

  Uploads(IngestService ingest, AuditLog audit, TaizhangProperties properties) {
    this.ingest = ingest;
    this.audit = audit;
    int nice = properties.uploadNice();
    this.threads =
        Executors.newFixedThreadPool(THREADS, BackgroundPriority.daemons("upload", nice));
  }

  /**
   * Takes in one file (or bundle) for {@code unit}. A unit outside the caller's reach is reported
   * as unknown, so that codes of other units cannot be probed.
   */
  Intake take(
      Caller caller,
      MultipartFile file,
      String unit,
      String category,
      String date,
      String title,
      String year,
      Long replaces)
      throws RejectedException, IOException {
    if (unit == null || !caller.handsIn(unit)) {
      throw new RejectedException(Rejection.UNKNOWN_UNIT, unit);
    }
    if (file == null) {
      throw new RejectedException(Rejection.MISSING_FILE, null);
    }
    LocalDate parsed = null;
    if (date != null && !date.isBlank()) {
      parsed =
          ChineseDates.parse(date)
              .orElseThrow(() -> new RejectedException(Rejection.INVALID_DATE, date));
    }
    Integer archiveYear = null;
    if (year != null && !year.isBlank()) {
      archiveYear =
          ChineseDates.archiveYear(year)
              .orElseThrow(() -> new RejectedException(Rejection.INVALID_YEAR, year));
    }
    IngestRequest request =
        new IngestRequest(
            unit,
            category,
            parsed,
            title,
            archiveYear,
            file.getOriginalFilename(),
            caller.username(),
            replaces);
    return onUploadThread(
        () -> {
          Intake intake;
          try (InputStream in = file.getInputStream()) {
            intake = ingest.take(request, in);
          }
          record(caller, file, replaces, intake);
          // The uploader's next search, on another request, finds what they uploaded.
          ingest.awaitSearchable();
          return intake;
        });
  }

  private void record(Caller caller, MultipartFile file, Long replaces, Intake intake) {
    if (intake.document() != null && !intake.document().duplicate()) {
      Document d = intake.document().document();
      audit.record(
          caller.username(),
          replaces == null ? AuditAction.UPLOAD : AuditAction.RESUBMIT,
          "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）",
          d.fileName() + "，" + d.size() + " 字节" + (replaces == null ? "" : "，替换材料 " + replaces));
    }
    String from = FileNames.clean(file.getOriginalFilename());
    for (MemberOutcome m : intake.members()) {
      if (m.stored()) {
        Document d = m.document();
        audit.record(
            caller.username(),
            AuditAction.UPLOAD,
            "材料 " + d.id() + "《" + d.title() + "》（" + d.unitCode() + "）",
            d.fileName() + "，" + d.size() + " 字节，来自 " + from + "（" + m.path() + "）");
      }
    }
  }

  /**
   * An upload's work, waited for; never cut short, as the request's thread may be interrupted. It
   * sees the request's attributes, as on the request's thread: the audit trail records the
   * uploader's address from them.
   */
  private <T> T onUploadThread(Callable<T> work) throws RejectedException, IOException {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    Future<T> future =
        threads.submit(
            () -> {
              RequestContextHolder.setRequestAttributes(request);
              try {
                return work.call();
              } finally {
                RequestContextHolder.resetRequestAttributes();
              }
            });
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RejectedException r) {
        throw r;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void destroy() {
    threads.shutdown();
  }
}
