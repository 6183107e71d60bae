package org.taizhang.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** How {@code taizhang.store} and {@code taizhang.store.s3.*} are read, and what they refuse. */
class StoreSettingsTest {
  @TempDir Path tmp;

  @Test
  void withoutASettingOriginalsStayInTheDataDirectory() throws Exception {
    try (FileStore store = FileStore.configured(new MockEnvironment(), tmp)) {
      assertThat(store.path("a".repeat(64)).startsWith(tmp.resolve("objects"))).isTrue();
    }
    assertThat(Files.isDirectory(tmp.resolve("staging"))).isTrue();
  }

  @Test
  void anUnknownStoreIsRefusedByName() {
    MockEnvironment env = new MockEnvironment().withProperty("taizhang.store", "ftp");
    assertThatThrownBy(() -> FileStore.configured(env, tmp))
        .hasMessageContaining("taizhang.store")
        .hasMessageContaining("ftp");
  }

  @Test
  void aBucketIsRequired() {
    MockEnvironment env = new MockEnvironment().withProperty("taizhang.store", "s3");
    assertThatThrownBy(() -> FileStore.configured(env, tmp))
        .hasMessageContaining("taizhang.store.s3.bucket");
  }

  @Test
  void anAccessKeyWithoutItsSecretIsRefused() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("taizhang.store", "S3")
            .withProperty("taizhang.store.s3.bucket", "taizhang")
            .withProperty("taizhang.store.s3.access-key", "only-half");
    assertThatThrownBy(() -> FileStore.configured(env, tmp))
        .hasMessageContaining("taizhang.store.s3.secret-key");
  }

  @Test
  void thePrefixBecomesOneFolder() {
    assertThat(prefix(null)).isEmpty();
    assertThat(prefix("  ")).isEmpty();
    assertThat(prefix("county-a")).isEqualTo("county-a/");
    assertThat(prefix("/county-a/")).isEqualTo("county-a/");
    assertThat(prefix("offices/county-a")).isEqualTo("offices/county-a/");
  }

  private static String prefix(String p) {
    return new S3Settings("b", null, "us-east-1", null, null, true, p, null, null).keyPrefix();
  }
}
