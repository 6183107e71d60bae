package org.taizhang;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.taizhang.cli.Commands;
import org.taizhang.config.StartFailures;

/**
 * Taizhang: with no command, the web service; otherwise one of the operator commands ({@code import
 * <dir>}, {@code reindex}, {@code backup}, {@code restore}), which run against the same data
 * directory while the service is stopped, or one of the tools shipped beside it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TaizhangApplication {
  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && Commands.isCommand(args[0])) {
      if (Commands.needsContext(args[0])) {
        ConfigurableApplicationContext context;
        try {
          context =
              new SpringApplicationBuilder(TaizhangApplication.class)
                  .web(WebApplicationType.NONE)
                  // Scans are read by the service when it next runs, not by a command.
                  .properties(
                      "taizhang.sample.import-on-first-start=false",
                      "taizhang.ocr.enabled=false",
                      "logging.level.root=WARN",
                      "spring.main.log-startup-info=false",
                      "logging.level.org.taizhang=WARN")
                  .run(Arrays.copyOfRange(args, 1, args.length));
        } catch (RuntimeException e) {
          System.err.println(StartFailures.explain(e));
          System.exit(1);
          return;
        }
        int code = context.getBean(Commands.class).run(args);
        System.exit(SpringApplication.exit(context, () -> code));
      }
      System.exit(Commands.runWithoutContext(TaizhangApplication.class, args));
    }
    SpringApplication.run(TaizhangApplication.class, args);
  }
}
