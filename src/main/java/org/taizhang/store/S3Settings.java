package org.taizhang.store;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code taizhang.store.s3.*}, used when {@code taizhang.store=s3}. Without {@code
 * endpoint} the client talks to AWS; without {@code accessKey} it takes the SDK's default
 * credentials (environment, profile, instance role). {@code prefix} puts the store's keys below a
 * folder of a shared bucket. {@code cacheSize} bounds the local copies under the data directory;
 * {@code sweepGrace} is how old an unreferenced object must be before anything deletes it (see
 * {@link S3Blobs}).
 */
public record S3Settings(
    String bucket,
    URI endpoint,
    @DefaultValue("us-east-1") String region,
    String accessKey,
    String secretKey,
    @DefaultValue("true") boolean pathStyle,
    @DefaultValue("") String prefix,
    @DefaultValue("2GB") DataSize cacheSize,
    @DefaultValue("1h") Duration sweepGrace) {

  /** The prefix as keys begin with it: empty, or ending in one slash. */
  String keyPrefix() {
    String p = prefix == null ? "" : prefix.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p.isEmpty() || p.endsWith("/") ? p : p + "/";
  }
}
