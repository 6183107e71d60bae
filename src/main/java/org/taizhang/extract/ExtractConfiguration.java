package org.taizhang.extract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taizhang.config.TaizhangProperties;

@Configuration(proxyBeanMethods = false)
class ExtractConfiguration {
  @Bean(destroyMethod = "close")
  TextExtractor textExtractor(TaizhangProperties properties) {
    TaizhangProperties.Extract e = properties.extract();
    return new TextExtractor(e.maxChars(), e.timeout(), e.maxImagePixels());
  }
}
