package org.taizhang.search;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taizhang.support.SolrTestCluster;

/** {@link ResultExportTest} with the search index in SolrCloud: both engines answer alike. */
class SolrResultExportTest extends ResultExportTest {
  @DynamicPropertySource
  static void solr(DynamicPropertyRegistry registry) {
    SolrTestCluster.use(registry);
  }
}
