package org.taizhang.completeness;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.TaizhangProperties;

@Configuration(proxyBeanMethods = false)
class CompletenessConfiguration {
  /** Read while the context starts, so that a broken file stops the start with its line. */
  @Bean
  RequiredLists requiredLists(TaizhangProperties properties, Catalog catalog) {
    return RequiredLists.load(properties.configDir(), catalog);
  }
}
