package org.taizhang.backup;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.taizhang.config.TaizhangProperties;

/**
 * What a restore needs before there is an instance: the settings, the data source and Flyway,
 * configured exactly as the service configures them (application.properties, environment, command
 * line), with Flyway not migrating on start. Not a {@code @Configuration}, so that the service's
 * component scan leaves it alone; it is only ever a source of its own small context.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(TaizhangProperties.class)
class RestoreContext {
  /**
   * The restore migrates itself: up to the backup's version, then the rest after loading the rows.
   */
  @Bean
  FlywayMigrationStrategy migrateOnlyWhenAsked() {
    return flyway -> {
      // nothing on start
    };
  }
}
