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
 * Gives each application a test starts a data directory of its own (never ./data). One class for
 * every shared configuration, so that it does not tell one configuration from another.
 */
public final class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    try {
      Path dir = Files.createTempDirectory("taizhang-test-");
      context.getEnvironment().getPropertySources()
          .addFirst(new MapPropertySource("testDataDirectory", Map.of("taizhang.data-dir", dir.toString())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
