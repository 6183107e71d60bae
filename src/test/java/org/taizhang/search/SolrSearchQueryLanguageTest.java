package org.taizhang.search;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.support.SolrTestCluster;

/**
 * {@link SearchQueryLanguageTest} with the search index in SolrCloud: both engines answer alike.
 */
class SolrSearchQueryLanguageTest extends SearchQueryLanguageTest {
  @DynamicPropertySource
  static void solr(DynamicPropertyRegistry registry) {
    SolrTestCluster.use(registry);
  }
}
