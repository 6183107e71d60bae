package org.taizhang.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in an S3-compatible bucket: {@code <prefix>originals/ab/cd/<sha-256>}, with local copies
 * in a {@link ReadCache} for what needs a file.
 *
 * <p>Several service nodes may share the bucket and one database, so the store's in-process locks
 * do not keep a deletion on one node from racing an upload of the same content on another: node B
 * finds the content unreferenced, node A stores it again and records a document, node B deletes the
 * object under A's new row. Plain S3 has no conditional delete that could tell A's fresh copy from
 * the old one (the content, hence the ETag, is the same), so deletion and upload each take a step
 * that makes the other's visible:
 *
 * <ul>
 *   <li>An upload always PUTs, even content the bucket holds (idempotent for a content-addressed
 *       key, and it renews the object's age), records its row, then, still under its lock, checks
 *       the object is there and PUTs it again from its local copy if not ({@link #recorded}).
 *   <li>A deletion never touches an object younger than the grace period; it copies the object to
 *       {@code <prefix>trash/<sha>.<random>} (a server-side copy), deletes it, and asks the
 *       database again: a document that now refers to the content gets the object back from the
 *       trash copy. Only then does the trash copy go.
 * </ul>
 *
 * If a deletion removes the object after the upload's check, the upload's row was committed before
 * that check, so before the deletion's second question, which therefore sees it and puts the object
 * back. If the deletion removes it before the check, the check puts it back. A node that dies
 * between deleting and asking again leaves its trash copy; the start-up sweep of any node puts such
 * copies back where a document needs them. The grace period keeps the sweep and purges away from
 * uploads in flight on other nodes (PUT done, row not yet committed) and covers an uploader that
 * dies between its row and its check.
 */
final class S3Blobs implements Blobs {
  private static final Logger log = LoggerFactory.getLogger(S3Blobs.class);

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final ReadCache cache;
  private final Clock clock;
  private final Duration grace;

  S3Blobs(S3Client s3, String bucket, String prefix, ReadCache cache, Clock clock, Duration grace) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.cache = cache;
    this.clock = clock;
    this.grace = grace;
  }

  /**
   * The client for the settings. Checksums only where the API requires them: S3-compatible servers
   * other than AWS answer 400 to the SDK's default trailing checksums on PUT.
   */
  static S3Client client(S3Settings s) {
    if (s.bucket() == null || s.bucket().isBlank()) {
      throw new IllegalStateException("taizhang.store=s3 需要设置 taizhang.store.s3.bucket（对象存储的桶名）");
    }
    boolean keyed = s.accessKey() != null && !s.accessKey().isBlank();
    if (keyed != (s.secretKey() != null && !s.secretKey().isBlank())) {
      throw new IllegalStateException(
          "taizhang.store.s3.access-key 与 taizhang.store.s3.secret-key 须同时设置（或都不设置，使用默认凭据）");
    }
    AwsCredentialsProvider credentials =
        !keyed
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(s.accessKey(), s.secretKey()));
    S3ClientBuilder b =
        S3Client.builder()
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build())
            .region(Region.of(s.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(s.pathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (s.endpoint() != null) {
      b.endpointOverride(s.endpoint());
    }
    return b.build();
  }

  String key(String sha256) {
    return prefix + "originals/" + Hashes.spread(sha256);
  }

  @Override
  public Path put(StagedFile staged) throws IOException {
    String sha = staged.sha256();
    upload(sha, staged.path(), staged.size());
    return cache.adopt(sha, staged.path());
  }

  private void upload(String sha, Path from, long size) throws StoreUnavailableException {
    try {
      s3.putObject(
          r -> r.bucket(bucket).key(key(sha)).contentLength(size), RequestBody.fromFile(from));
    } catch (SdkException e) {
      throw unavailable("写入", sha, e);
    }
  }

  @Override
  public void recorded(String sha256) throws IOException {
    if (modified(sha256).isPresent()) {
      return;
    }
    Path copy =
        cache
            .get(sha256)
            .orElseThrow(
                () -> new IOException("object " + sha256 + " vanished and no copy is left"));
    log.warn("对象 {} 在记录后被另一节点删除，已重新写入", sha256);
    upload(sha256, copy, Files.size(copy));
  }

  @Override
  public Optional<Path> local(String sha256) {
    Optional<Path> cached = cache.get(sha256);
    if (cached.isPresent()) {
      return cached;
    }
    try (ResponseInputStream<GetObjectResponse> in =
        s3.getObject(r -> r.bucket(bucket).key(key(sha256)))) {
      return Optional.of(cache.fill(sha256, in));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw new UncheckedIOException(unavailable("读取", sha256, e));
    } catch (SdkException e) {
      throw new UncheckedIOException(unavailable("读取", sha256, e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Path localPath(String sha256) {
    return cache.path(sha256);
  }

  @Override
  public boolean contains(String sha256) throws IOException {
    return modified(sha256).isPresent();
  }

  /** When the object was last written, or empty if there is none. */
  private Optional<Instant> modified(String sha256) throws StoreUnavailableException {
    try {
      return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key(sha256))).lastModified());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw unavailable("读取", sha256, e);
    } catch (SdkException e) {
      throw unavailable("读取", sha256, e);
    }
  }

  @Override
  public boolean delete(String sha256, Predicate<String> stillReferenced) throws IOException {
    if (stillReferenced.test(sha256)) {
      return false;
    }
    Optional<Instant> modified = modified(sha256);
    if (modified.isEmpty()) {
      cache.remove(sha256);
      return false;
    }
    if (young(modified.get())) {
      return false; // perhaps another node's upload in flight: a later sweep takes it
    }
    String key = key(sha256);
    String trash = prefix + "trash/" + sha256 + "." + UUID.randomUUID();
    try {
      try {
        s3.copyObject(
            r ->
                r.sourceBucket(bucket)
                    .sourceKey(key)
                    .destinationBucket(bucket)
                    .destinationKey(trash));
      } catch (NoSuchKeyException e) {
        cache.remove(sha256);
        return false; // another node deleted it meanwhile
      }
      s3.deleteObject(r -> r.bucket(bucket).key(key));
      if (stillReferenced.test(sha256)) {
        s3.copyObject(
            r ->
                r.sourceBucket(bucket)
                    .sourceKey(trash)
                    .destinationBucket(bucket)
                    .destinationKey(key));
        s3.deleteObject(r -> r.bucket(bucket).key(trash));
        log.info("对象 {} 删除时被新文档引用，已放回", sha256);
        return false;
      }
      s3.deleteObject(r -> r.bucket(bucket).key(trash));
    } catch (SdkException e) {
      throw unavailable("删除", sha256, e);
    }
    cache.remove(sha256);
    return true;
  }

  @Override
  public int sweep(Set<String> referenced, Predicate<String> stillReferenced) throws IOException {
    int removed = 0;
    try {
      for (S3Object o :
          s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix + "originals/"))
              .contents()) {
        String sha = o.key().substring(o.key().lastIndexOf('/') + 1);
        // what is not exactly one of our keys belongs to someone else
        if (!Hashes.isSha256(sha) || !o.key().equals(key(sha))) {
          continue;
        }
        if (!referenced.contains(sha) && !young(o.lastModified()) && delete(sha, stillReferenced)) {
          removed++;
        }
      }
      String trash = prefix + "trash/";
      for (S3Object o : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(trash)).contents()) {
        String name = o.key().substring(trash.length());
        int dot = name.indexOf('.');
        String sha = dot < 0 ? name : name.substring(0, dot);
        if (!Hashes.isSha256(sha) || name.contains("/") || young(o.lastModified())) {
          continue;
        }
        // left by a node that died while deleting: the content goes back if a document needs it
        if (!contains(sha) && stillReferenced.test(sha)) {
          s3.copyObject(
              r ->
                  r.sourceBucket(bucket)
                      .sourceKey(o.key())
                      .destinationBucket(bucket)
                      .destinationKey(key(sha)));
          log.warn("对象 {} 从中断的删除中恢复", sha);
        }
        s3.deleteObject(r -> r.bucket(bucket).key(o.key()));
        removed++;
      }
    } catch (SdkException e) {
      throw unavailable("清理", "", e);
    }
    cache.retainOnly(referenced);
    return removed;
  }

  private boolean young(Instant modified) {
    return modified.isAfter(clock.instant().minus(grace));
  }

  private StoreUnavailableException unavailable(String what, String sha256, SdkException e) {
    return new StoreUnavailableException(
        "对象存储（桶 "
            + bucket
            + "）"
            + what
            + "失败"
            + (sha256.isEmpty() ? "" : "（" + sha256 + "）")
            + "："
            + e.getMessage(),
        e);
  }

  @Override
  public void close() {
    s3.close();
  }
}
