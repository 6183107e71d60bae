package org.taizhang.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.ImportSummary;
import org.taizhang.ocr.TextRecognition;

/**
 * The sample county in a test's application: imported on the first call, once for the application,
 * and read through: the call returns once the background OCR has read the sample's scans, so that
 * no search result or verdict changes under a test because a scan's text arrived meanwhile.
 */
public class SampleArchive {
  public static final Path FOLDER = Path.of("sample-archive");
  private static final Duration READ_WITHIN = Duration.ofMinutes(5);

  private final FolderImporter importer;
  private final DocumentRepository documents;
  private final TextRecognition recognition;
  private ImportSummary summary;

  SampleArchive(
      FolderImporter importer, DocumentRepository documents, TextRecognition recognition) {
    this.importer = importer;
    this.documents = documents;
    this.recognition = recognition;
  }

  /** What the one import of the sample folder reported; the import runs on the first call. */
  public synchronized ImportSummary imported() {
    if (summary == null) {
      summary = importer.importFolder(FOLDER, "test");
      awaitRecognition();
    }
    return summary;
  }

  private void awaitRecognition() {
    long deadline = System.nanoTime() + READ_WITHIN.toNanos();
    while (recognition.running() && scansWaiting()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the sample's scans were not read within " + READ_WITHIN);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the sample's scans were read", e);
      }
    }
  }

  private boolean scansWaiting() {
    return documents.ids().stream()
        .map(documents::find)
        .flatMap(Optional::stream)
        .anyMatch(d -> recognition.status(d).state() == TextRecognition.State.PENDING);
  }
}
