package org.taizhang.search;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.taizhang.catalog.Catalog;
import org.taizhang.index.ChineseAnalysis;
import org.taizhang.index.DocumentIndex;
import org.taizhang.index.SolrIndex;
import org.taizhang.unit.UnitRepository;

/**
 * A {@link SearchService} over the embedded index of an application whose engine is Solr: to
 * compare both engines on the same documents.
 */
public final class EmbeddedSearch {
  private EmbeddedSearch() {}

  public static SearchService in(ApplicationContext context) {
    return new SearchService(
        context.getBean(DocumentIndex.class),
        context.getBean(ChineseAnalysis.class),
        context.getBean(QueryFactory.class),
        context.getBean(Catalog.class),
        context.getBean(UnitRepository.class),
        context.getBean(SearchSlots.class),
        new StaticListableBeanFactory().getBeanProvider(SolrIndex.class));
  }
}
