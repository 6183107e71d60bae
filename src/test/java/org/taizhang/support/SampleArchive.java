package org.taizhang.support;

import java.nio.file.Path;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.ImportSummary;

/** The sample county in a test's application: imported on the first call, once for the application. */
public class SampleArchive {
  public static final Path FOLDER = Path.of("sample-archive");

  private final FolderImporter importer;
  private ImportSummary summary;

  SampleArchive(FolderImporter importer) {
    this.importer = importer;
  }

  /** What the one import of the sample folder reported; the import runs on the first call. */
  public synchronized ImportSummary imported() {
    if (summary == null) {
      summary = importer.importFolder(FOLDER, "test");
    }
    return summary;
  }
}
