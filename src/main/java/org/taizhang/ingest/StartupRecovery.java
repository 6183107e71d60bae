package org.taizhang.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.taizhang.archive.DocumentRepository;
import org.taizhang.index.IndexMaintenance;
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

  StartupRecovery(FileStore store, DocumentRepository documents, IndexMaintenance maintenance) {
    this.store = store;
    this.documents = documents;
    this.maintenance = maintenance;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try {
      int removed = store.sweep(documents.referencedHashes());
      if (removed > 0) {
        log.info("文件库清理：删除 {} 个无记录引用的文件", removed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("file store sweep failed", e);
    }
    long[] lastLog = {System.nanoTime()};
    maintenance.reconcile((done, total) -> {
      if (System.nanoTime() - lastLog[0] > 5_000_000_000L || done == total) {
        lastLog[0] = System.nanoTime();
        log.info("索引校正：{}/{}", done, total);
      }
    });
  }
}
