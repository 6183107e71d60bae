package org.taizhang.binder;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.taizhang.archive.Document;

/**
 * Renditions on a server that converts nothing: office, Kingsoft, OFD and text documents are still
 * {@link BinderPlan.Kind#CONVERTED} items, and each gets the one page that says its original is in
 * the bundle of originals.
 */
@Component
class NoRenditions implements ItemRenditions {
  static final String REASON = "服务器未安装文档转换组件（LibreOffice），无法将本件转为PDF，原件见文件包";

  private static final Set<String> PREFIXES =
      Set.of(
          "application/msword",
          "application/vnd.openxmlformats-officedocument.",
          "application/vnd.ms-",
          "application/vnd.oasis.opendocument.",
          "application/vnd.wps",
          "application/wps",
          "application/rtf",
          "application/ofd",
          "text/");

  @Override
  public boolean converts(Document d) {
    String type = d.mediaType() == null ? "" : d.mediaType();
    return PREFIXES.stream().anyMatch(type::startsWith);
  }

  @Override
  public OptionalInt pages(Document d) {
    return OptionalInt.empty();
  }

  @Override
  public Path pdfOf(Document d) throws Unavailable {
    throw new Unavailable(REASON);
  }

  @Override
  public boolean available() {
    return false;
  }
}
