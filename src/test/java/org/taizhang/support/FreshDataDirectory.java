package org.taizhang.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each application a test starts a data directory of its own (never ./data), two levels below
 * a folder that holds nothing else: a file name such as ../../x, were it ever used as a path from
 * the data directory, would land in that folder, where BadInputTest looks for it. One class for
 * every shared configuration, so that it does not tell one configuration from another.
 */
public final class FreshDataDirectory
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    try {
      Path sandbox = Files.createTempDirectory("taizhang-test-");
      Path dir = Files.createDirectories(sandbox.resolve("a/b/data"));
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "testDataDirectory", Map.of("taizhang.data-dir", dir.toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
