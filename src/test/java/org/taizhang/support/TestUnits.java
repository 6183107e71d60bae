package org.taizhang.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.taizhang.ingest.FolderImporter;

/** Units for tests, loaded the way an import loads them: from a units.csv. */
public final class TestUnits {
  /** The county office, its education bureau and a community: enough for most flows. */
  public static final String COUNTY =
      """
      county,青禾县文明办,创建办,
      edu,青禾县教育局,文明单位,county
      xinghe,星河社区,文明社区,county
      """;

  private TestUnits() {}

  /** Loads the given rows ({@code code,name,type,parent}, one unit a line, no header). */
  public static void load(FolderImporter importer, String rows) throws IOException {
    Path dir = Files.createTempDirectory("units");
    Files.writeString(
        dir.resolve("units.csv"), "code,name,type,parent\n" + rows, StandardCharsets.UTF_8);
    importer.loadUnits(dir);
  }
}
