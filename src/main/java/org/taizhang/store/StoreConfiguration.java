package org.taizhang.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taizhang.config.TaizhangProperties;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
  @Bean
  FileStore fileStore(TaizhangProperties properties) {
    return new FileStore(properties.filesDir());
  }
}
