package org.taizhang.index;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taizhang.config.TaizhangProperties;

@Configuration(proxyBeanMethods = false)
class IndexConfiguration {
  @Bean
  ChineseAnalysis chineseAnalysis(TaizhangProperties properties) {
    return new ChineseAnalysis(properties.configDir());
  }

  @Bean
  Synonyms synonyms(TaizhangProperties properties, ChineseAnalysis analysis) {
    return Synonyms.load(properties.configDir(), analysis);
  }

  @Bean(destroyMethod = "close")
  DocumentIndex documentIndex(TaizhangProperties properties, ChineseAnalysis analysis) {
    return new DocumentIndex(properties.indexDir(), analysis, properties.index().commitInterval());
  }
}
