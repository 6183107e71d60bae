package org.taizhang.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.index.IndexMaintenance;
import org.taizhang.job.Job;
import org.taizhang.job.Jobs;
import org.taizhang.store.FileStore;

/**
 * Brings the file store and the index back in line with the database after any stop, clean or not,
 * before the service accepts requests: staged leftovers and objects no row refers to are removed,
 * and the index gains what the database holds and loses what it does not.
 */
@Component
class StartupRecovery implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(StartupRecovery.class);

  private final FileStore store;
  private final DocumentRepository documents;
  private final IndexMaintenance maintenance;
  private final Jobs jobs;

  StartupRecovery(
      FileStore store, DocumentRepository documents, IndexMaintenance maintenance, Jobs jobs) {
    this.store = store;
    this.documents = documents;
    this.maintenance = maintenance;
    this.jobs = jobs;
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
  }
}
