package org.taizhang.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.taizhang.audit.AuditAction;
import org.taizhang.audit.AuditLog;

/**
 * The files in {@code index-config/} as seeds of the versions kept in the database: a file is taken
 * as a new version (by “配置文件”, audited) when there is no version yet, or when it was edited since
 * it was last taken. A file with a mistake stops the very first start (there is nothing else to run
 * on); later it is refused with its file, line and problem in the log and the audit log, and the
 * running version stays.
 */
@Component
public class ConfigSeeds {
  /** The actor of changes that come from files rather than from a person. */
  public static final String ACTOR = "系统";

  private static final Logger log = LoggerFactory.getLogger(ConfigSeeds.class);

  private final ConfigVersions versions;
  private final AuditLog audit;
  private final Clock clock;

  ConfigSeeds(ConfigVersions versions, AuditLog audit, Clock clock) {
    this.versions = versions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Takes {@code file} as a new version of {@code key} if it is new or edited.
   *
   * @param group keys of the same kind (“required-lists/”): a broken file added beside others is
   *     refused like an edited one rather than stopping the start
   * @param parse checks a text and returns what it means; throws {@link ConfigException}
   * @param changes describes in Chinese how the second meaning differs from the first
   * @return the version taken, if any
   */
  public <T> Optional<ConfigVersions.Version> seed(
      String key,
      String group,
      Path file,
      Function<String, T> parse,
      BiFunction<T, T, String> changes,
      AuditAction action) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    byte[] bytes = ConfigText.bytes(file);
    String hash = ConfigText.sha256(bytes);
    Optional<ConfigVersions.Version> latest = versions.latestOf(key);
    if (latest.isPresent() && versions.seededHash(key).filter(hash::equals).isPresent()) {
      return Optional.empty();
    }
    boolean others = latest.isEmpty() && !versions.latest(group).isEmpty();
    T meaning;
    try {
      meaning = parse.apply(ConfigText.decode(file, bytes));
    } catch (ConfigException e) {
      if (latest.isEmpty() && !others) {
        throw e;
      }
      log.error("配置文件有误，未采用，继续使用数据库中的当前版本：{}", e.getMessage());
      audit.record(ACTOR, action, key, "配置文件有误，未采用：" + e.getMessage());
      return Optional.empty();
    }
    String text = ConfigText.decode(file, bytes);
    if (latest.isPresent() && text.equals(latest.get().content())) {
      versions.recordSeed(key, hash, clock.instant());
      return Optional.empty();
    }
    String summary;
    if (latest.isEmpty() || latest.get().removed()) {
      summary = "载入配置文件 " + file.getFileName();
    } else {
      String what;
      try {
        what = changes.apply(parse.apply(latest.get().content()), meaning);
      } catch (ConfigException e) {
        what = "内容已修改";
      }
      summary = "配置文件 " + file.getFileName() + " 已修改：" + what;
    }
    int expected = latest.map(ConfigVersions.Version::number).orElse(0);
    Optional<ConfigVersions.Version> taken =
        versions.append(
            key, expected, text, ConfigVersions.FROM_FILE, summary, ACTOR, clock.instant());
    versions.recordSeed(key, hash, clock.instant());
    // Every version taken is audited, the very first ones too: the trail is where an office looks
    // for what was in force, and since when.
    taken.ifPresent(
        v -> {
          log.info("{}（第 {} 版）", summary, v.number());
          audit.record(ACTOR, action, key, summary + "（第 " + v.number() + " 版）");
        });
    return taken;
  }
}
