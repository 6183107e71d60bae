package org.taizhang.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points each application a test starts at a fresh PostgreSQL schema of its own ({@link Postgres}).
 */
public final class FreshPostgresSchema
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("testPostgresSchema", Postgres.freshSchema("tz_shared_")));
  }
}
