package org.taizhang.completeness;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.ingest.FolderImporter;
import org.taizhang.ingest.ImportProgress;

// TEMPORARY: imports the sample into /tmp/tzdump for inspection. Delete before finishing.
@SpringBootTest(properties = {"taizhang.sample.import-on-first-start=false", "taizhang.admin.password=dump-password-123"})
class ZzSampleDumpTest {
  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    r.add("taizhang.data-dir", () -> "/tmp/tzdump");
  }

  @Autowired FolderImporter importer;

  @Test
  void dump() {
    System.out.println("SUMMARY " + importer.importFolder(Path.of("sample-archive"), "test", ImportProgress.NONE));
  }
}
