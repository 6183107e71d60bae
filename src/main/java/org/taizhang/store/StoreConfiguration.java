package org.taizhang.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.taizhang.config.TaizhangProperties;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {
  @Bean
  FileStore fileStore(Environment environment, TaizhangProperties properties) {
    return FileStore.configured(environment, properties.filesDir());
  }
}
