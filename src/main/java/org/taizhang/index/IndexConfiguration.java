package org.taizhang.index;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
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
    return new DocumentIndex(
        properties.indexDir(),
        analysis,
        properties.index().commitInterval(),
        DocumentIndex.REFRESH_INTERVAL);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "taizhang.search.engine", havingValue = "solr")
  SolrIndex solrIndex(TaizhangProperties properties, ChineseAnalysis analysis) {
    TaizhangProperties.Solr solr = properties.search().solr();
    return new SolrIndex(
        solr.zkHost(),
        solr.collection(),
        solr.shards(),
        solr.replicas(),
        solr.commitWithin(),
        SolrConfigSet.files(analysis));
  }

  /** The index every writer writes to: the engine's. */
  @Bean(destroyMethod = "")
  @Primary
  SearchIndex searchIndex(DocumentIndex embedded, ObjectProvider<SolrIndex> solr) {
    SolrIndex s = solr.getIfAvailable();
    return s != null ? s : embedded;
  }
}
