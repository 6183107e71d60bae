package org.taizhang.rendition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taizhang.support.LibreOffice;
import org.taizhang.support.TestFiles;

/**
 * The office process: started by the first conversion, not before; stopped after its idle time,
 * leaving no soffice behind; a missing installation named in the reason.
 */
class OfficeTest {
  @TempDir Path dir;

  @Test
  void theOfficeStartsOnTheFirstConversionAndStopsWhenIdle() throws Exception {
    LibreOffice.assumeInstalled();
    Path work = dir.resolve("office");
    try (Office office =
        new Office(null, work, Duration.ofSeconds(60), 10, Duration.ofSeconds(2))) {
      assertThat(office.status().available()).isTrue();
      assertThat(office.running()).as("nothing started before it is needed").isFalse();
      Path docx = Files.write(dir.resolve("source.docx"), TestFiles.docx("空闲后停止"));
      office.convert(docx, dir.resolve("source.pdf"));
      assertThat(dir.resolve("source.pdf")).isNotEmptyFile();
      assertThat(office.running()).isTrue();
      assertThat(soffices(work)).isPositive();

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (office.running() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(office.running()).as("stopped after two idle seconds").isFalse();
      while (soffices(work) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(soffices(work)).as("no soffice left resident").isZero();

      // and it comes back for the next conversion
      office.convert(docx, dir.resolve("again.pdf"));
      assertThat(dir.resolve("again.pdf")).isNotEmptyFile();
    }
    assertThat(soffices(work)).as("closed with the service").isZero();
  }

  @Test
  void aConversionOverItsTimeIsStoppedWithAReason() throws Exception {
    LibreOffice.assumeInstalled();
    Path work = dir.resolve("office");
    Path docx = Files.write(dir.resolve("heavy.docx"), TestFiles.heavyDocx(20_000));
    try (Office office =
        new Office(null, work, Duration.ofMillis(300), 10, Duration.ofMinutes(5))) {
      assertThatThrownBy(() -> office.convert(docx, dir.resolve("heavy.pdf")))
          .isInstanceOfSatisfying(
              RenditionException.class, e -> assertThat(e.reason()).contains("超时"));
    }
    assertThat(soffices(work)).as("no soffice left behind").isZero();
  }

  @Test
  void withoutAnInstallationTheReasonNamesThePackagesAndNothingRuns() {
    Path nowhere = dir.resolve("no-office");
    try (Office office =
        new Office(
            nowhere, dir.resolve("office"), Duration.ofSeconds(60), 10, Duration.ofMinutes(5))) {
      assertThat(office.available()).isFalse();
      assertThat(office.status().unavailableReason())
          .contains(nowhere.toString(), "libreoffice-writer-nogui", "迎检台账");
      assertThatThrownBy(() -> office.convert(dir.resolve("a.docx"), dir.resolve("a.pdf")))
          .isInstanceOf(Office.OfficeUnavailableException.class);
    }
  }

  private static long soffices(Path work) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .filter(c -> c.contains("soffice") && c.contains(work.toString()))
                    .isPresent())
        .count();
  }
}
