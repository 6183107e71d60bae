package org.taizhang.completeness;

import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;

/**
 * Notices required-list files edited, added or removed between two starts and records each in the
 * audit log: results change with the lists, so the office must be able to see when and which file.
 */
final class RequiredListHistory {
  static final String ACTOR = "系统";
  private static final Logger log = LoggerFactory.getLogger(RequiredListHistory.class);

  private final DecisionRepository repository;
  private final AuditLog audit;
  private final Clock clock;

  RequiredListHistory(DecisionRepository repository, AuditLog audit, Clock clock) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
  }

  /** Compares the files read at this start with those remembered from the last one, then remembers these. */
  void check(RequiredLists lists) {
    Map<String, String> before = repository.listHashes();
    Map<String, String> now = lists.hashes();
    // the very first start has nothing to compare with: every file would look "added"
    if (!before.isEmpty()) {
      TreeSet<String> names = new TreeSet<>(before.keySet());
      names.addAll(now.keySet());
      for (String name : names) {
        String old = before.get(name);
        String current = now.get(name);
        String detail = null;
        if (old == null) {
          detail = "新增必备清单文件 " + name;
        } else if (current == null) {
          detail = "删除必备清单文件 " + name;
        } else if (!old.equals(current)) {
          detail = "必备清单文件 " + name + " 内容已修改（SHA-256 " + old.substring(0, 12) + "… → " + current.substring(0, 12) + "…）";
        }
        if (detail != null) {
          log.info("{}", detail);
          audit.record(ACTOR, AuditAction.REQUIRED_LIST_CHANGED, RequiredLists.DIRECTORY + "/" + name, detail);
        }
      }
    }
    if (!before.equals(now)) {
      repository.replaceListHashes(now, clock.instant());
    }
  }
}
