package org.taizhang.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.taizhang.config.TaizhangProperties;
import org.taizhang.job.Job;
import org.taizhang.job.Jobs;

/**
 * Imports the sample archive on the first start, in the background so the pages are up at once. The
 * mark is set only when the import finished; an interrupted import runs again at the next start and
 * skips what it already stored.
 */
@Component
class SampleArchiveBootstrap {
  private static final Logger log = LoggerFactory.getLogger(SampleArchiveBootstrap.class);
  static final String MARK = "sample-archive-imported";

  private final FolderImporter importer;
  private final AppState state;
  private final TaizhangProperties properties;
  private final Jobs jobs;

  SampleArchiveBootstrap(
      FolderImporter importer, AppState state, TaizhangProperties properties, Jobs jobs) {
    this.importer = importer;
    this.state = state;
    this.properties = properties;
    this.jobs = jobs;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    Path dir = properties.sample().archive();
    if (!properties.sample().importOnFirstStart() || state.get(MARK).isPresent()) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      log.info("未找到示例档案目录 {}，跳过首次导入", dir.toAbsolutePath());
      return;
    }
    jobs.submit("导入示例档案", "系统", job -> run(dir, job));
  }

  private String run(Path dir, Job job) {
    log.info("首次启动：开始导入示例档案 {}", dir.toAbsolutePath());
    ImportSummary s = importer.importFolder(dir, "示例导入", job);
    state.put(MARK, Instant.now().toString());
    log.info(
        "示例档案导入完成：新增 {}，重复 {}，拒收 {}，用时 {} 秒",
        s.imported(),
        s.duplicates(),
        s.rejected().size(),
        s.elapsed().toMillis() / 1000.0);
    s.rejected().forEach(r -> log.warn("拒收 {}：{} {}", r.name(), r.reason(), r.message()));
    return s.outcome();
  }
}
