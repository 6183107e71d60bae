package org.taizhang.binder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taizhang.catalog.Catalog;
import org.taizhang.config.TaizhangProperties;

@Configuration(proxyBeanMethods = false)
class BinderConfiguration {
  /**
   * The numbering rules, read while the context starts so that a mistake in the file stops the
   * start with its line; without the file, DA/T 22's usual parts.
   */
  @Bean
  ArchiveNumbering archiveNumbering(TaizhangProperties properties, Catalog catalog) {
    Path file = properties.configDir().resolve(ArchiveNumbering.FILE);
    if (!Files.isRegularFile(file)) {
      return ArchiveNumbering.defaults();
    }
    try {
      return ArchiveNumbering.parse(file, Files.readString(file, StandardCharsets.UTF_8), catalog);
    } catch (IOException e) {
      throw new UncheckedIOException("读取 " + file + " 失败", e);
    }
  }
}
