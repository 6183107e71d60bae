package org.taizhang.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taizhang.config.TaizhangProperties;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {
  @Bean
  Catalog catalog(TaizhangProperties properties) {
    return Catalog.load(properties.configDir());
  }
}
