package org.taizhang.catalog;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taizhang.audit.AuditAction;
import org.taizhang.config.ConfigSeeds;
import org.taizhang.config.ConfigVersions;
import org.taizhang.config.TaizhangProperties;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {
  /**
   * The categories of the current version, after taking an edited {@code categories.txt} as a new
   * version; read while the context starts, so that a broken first file stops the start with its
   * line.
   */
  @Bean
  Catalog catalog(TaizhangProperties properties, ConfigSeeds seeds, ConfigVersions versions) {
    Path file = properties.configDir().resolve(Catalog.CATEGORIES_FILE);
    seeds.seed(
        Catalog.CATEGORIES_FILE,
        Catalog.CATEGORIES_FILE,
        file,
        text -> Catalog.parseCategories(file, text),
        CategoryChanges::describe,
        AuditAction.CATEGORIES_CHANGED);
    return versions
        .latestOf(Catalog.CATEGORIES_FILE)
        .map(
            v ->
                Catalog.of(
                    Catalog.parseCategories(Path.of(Catalog.CATEGORIES_FILE), v.content()),
                    properties.configDir()))
        .orElseGet(() -> Catalog.load(properties.configDir()));
  }
}
