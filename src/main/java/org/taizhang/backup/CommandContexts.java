package org.taizhang.backup;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring contexts the backup and restore commands run in: quiet, without a web server, never
 * importing the sample.
 */
final class CommandContexts {
  // No OCR worker: it would queue and read scans, writing to the database a backup is reading; the
  // service reads them when it next runs.
  private static final String[] QUIET = {
    "taizhang.sample.import-on-first-start=false",
    "taizhang.ocr.enabled=false",
    "logging.level.root=WARN",
    "spring.main.log-startup-info=false",
    "logging.level.org.taizhang=WARN",
    "logging.level.org.flywaydb=ERROR"
  };

  private CommandContexts() {}

  /**
   * The service's beans ({@code application}, the service's main class) on its data directory, as
   * {@code import} and {@code reindex} use them. With {@code lazy}, beans are created only as the
   * command asks for them: no start-up reconciliation, no first administrator, nothing that reads
   * the database before it is complete.
   */
  static ConfigurableApplicationContext service(
      Class<?> application, String[] settings, boolean lazy) {
    return new SpringApplicationBuilder(application)
        .web(WebApplicationType.NONE)
        .properties(QUIET)
        .properties("spring.main.lazy-initialization=" + lazy)
        .run(settings);
  }

  /**
   * Settings, data source and Flyway only, for a restore into a database that has no schema yet.
   */
  static ConfigurableApplicationContext restore(String[] settings) {
    return new SpringApplicationBuilder(RestoreContext.class)
        .web(WebApplicationType.NONE)
        .properties(QUIET)
        .properties("spring.main.lazy-initialization=true")
        .run(settings);
  }
}
