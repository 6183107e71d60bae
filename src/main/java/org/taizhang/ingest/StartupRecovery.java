package org.taizhang.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.index.IndexMaintenance;
import org.taizhang.job.Job;
import org.taizhang.job.Jobs;
import org.taizhang.store.FileStore;

/**
 * Brings the file store and the index back in line with the database after any stop, clean or not,
 * before the service accepts requests: staged leftovers and objects no row refers to are removed,
 * and the index gains what the database holds and loses what it does not. An index written by an
 * earlier version's analysis is rebuilt in the background, as the administrator's 重建索引 does:
 * searches answer from it as it is until the new one replaces it. (Commands, which run without the
 * web server, leave that to the service.)
 */
@Component
class StartupRecovery implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

  private final FileStore store;
  private final DocumentRepository documents;
  private final IndexMaintenance maintenance;
  private final Jobs jobs;
  private final boolean service;

  StartupRecovery(
      FileStore store,
      DocumentRepository documents,
      IndexMaintenance maintenance,
      Jobs jobs,
      ApplicationContext context) {
    this.store = store;
    this.documents = documents;
    this.maintenance = maintenance;
    this.jobs = jobs;
    this.service = context instanceof WebApplicationContext;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      int removed = store.sweep(documents.referencedHashes(), documents::isReferenced);
      if (removed > 0) {
        log.info("文件库清理：删除 {} 个无记录引用的文件", removed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("file store sweep failed", e);
    }
    Job job = jobs.start("索引校正", "系统");
    job.finish(maintenance.reconcile(job).summary());
    if (service && !maintenance.analysisCurrent()) {
      log.info("检索索引由旧版本的文本分析写成，在后台重建；重建完成前检索照常，结果来自原索引");
      jobs.submit(
          AdminJobsPageController.REINDEX, "系统（文本分析已更新）", j -> maintenance.rebuild(j).summary());
    }
  }
}
